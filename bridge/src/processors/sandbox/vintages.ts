/**
 * The processor's behaviour has changed over the years; the sandbox can play each documented vintage,
 * per API key, so the bridge's tolerant paths are exercised. Sources are in
 * tests/bridge/fixtures/processor/README.md; where no source names a word, the vintage says so.
 */
export interface Vintage {
	/** The word `GET /checkout` and the checkout webhooks use for each stage of a checkout. */
	states: Record< Stage, string >;
	/** What the processor puts in a webhook's Content-Type header (undocumented; the official plugins ignore it). */
	webhookContentType: string;
	/** Whether a refund is announced by a REFUND_COMPLETED webhook (today's event list no longer has one). */
	refundWebhook: boolean;
	/** Also sends events the bridge does not act on: DEPOSIT_COMPLETED and the format retired in 2020. */
	otherEvents: boolean;
	/** Cents the processor's total differs from a plain half-up computation (its own tax rounding). */
	roundingDifferenceCents: number;
	/** Seconds the processor's clock is ahead of ours (its signature window is measured on its clock). */
	clockAheadSeconds: number;
}

export type Stage =
	'open' | 'paid' | 'underpaid' | 'accepted' | 'refunded' | 'expired';

const CURRENT_WORDS: Record< Stage, string > = {
	// Documented from 2022-06 on (SDK READMEs: `state == 'CHECKOUT_COMPLETED'`); the others are not in any
	// public source and follow the webhook event names.
	open: 'OPEN',
	paid: 'CHECKOUT_COMPLETED',
	underpaid: 'CHECKOUT_UNDERPAID',
	accepted: 'UNDERPAID_ACCEPTED',
	refunded: 'REFUNDED',
	expired: 'EXPIRED',
};

export const VINTAGES = {
	/** Today's processor as the current SDKs and plugins show it. */
	current: {
		states: CURRENT_WORDS,
		webhookContentType: 'application/json',
		refundWebhook: true,
		otherEvents: false,
		roundingDifferenceCents: 0,
		clockAheadSeconds: 0,
	},
	/** COINQVEST 2020–2022: paid was COMPLETED, DELAYED_COMPLETED or RESOLVED (SDK READMEs). */
	coinqvest2020: {
		states: {
			...CURRENT_WORDS,
			paid: 'DELAYED_COMPLETED',
			underpaid: 'UNRESOLVED_UNDERPAID',
		},
		webhookContentType: 'text/plain; charset=UTF-8',
		refundWebhook: true,
		otherEvents: true,
		roundingDifferenceCents: 0,
		clockAheadSeconds: 0,
	},
	/** Today's public event list: no refund webhook; deposit and other events arrive too. */
	noRefundWebhook: {
		states: CURRENT_WORDS,
		webhookContentType: 'application/json',
		refundWebhook: false,
		otherEvents: true,
		roundingDifferenceCents: 0,
		clockAheadSeconds: 0,
	},
	/** Words no source has shown: the bridge must treat them as "no change". */
	unknownWords: {
		states: {
			open: 'AWAITING_PAYMENT',
			paid: 'SETTLED',
			underpaid: 'PARTIALLY_PAID',
			accepted: 'PARTIAL_ACCEPTED',
			refunded: 'RETURNED',
			expired: 'TIMED_OUT',
		},
		webhookContentType: 'application/json',
		refundWebhook: true,
		otherEvents: false,
		roundingDifferenceCents: 0,
		clockAheadSeconds: 0,
	},
	/** A processor whose tax rounding lands a cent away from the shop's. */
	roundsDifferently: {
		states: CURRENT_WORDS,
		webhookContentType: 'application/json',
		refundWebhook: true,
		otherEvents: false,
		roundingDifferenceCents: 1,
		clockAheadSeconds: 0,
	},
	/** A processor whose clock is ten minutes ahead of this machine's. */
	clockAhead: {
		states: CURRENT_WORDS,
		webhookContentType: 'application/json',
		refundWebhook: true,
		otherEvents: false,
		roundingDifferenceCents: 0,
		clockAheadSeconds: 600,
	},
} satisfies Record< string, Vintage >;

export type VintageName = keyof typeof VINTAGES;

export function vintageNamed( name: string | null | undefined ): Vintage {
	return (
		( VINTAGES as Record< string, Vintage > )[ name ?? '' ] ??
		VINTAGES.current
	);
}

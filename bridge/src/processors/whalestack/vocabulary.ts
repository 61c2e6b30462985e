import type { CheckoutStatus, EventType } from '../../contract';

/**
 * The processor's words for a checkout's state, in every vintage its public SDKs, plugins and
 * documentation have used (see tests/bridge/fixtures/processor/README.md for the source of each),
 * mapped to ours. The one table both webhooks and reconciliation read.
 */
const STATES: Record< string, CheckoutStatus > = {
	OPEN: 'open',
	PENDING: 'open',
	UNPAID: 'open',
	COMPLETED: 'completed',
	CHECKOUT_COMPLETED: 'completed',
	DELAYED_COMPLETED: 'completed',
	RESOLVED: 'completed',
	UNRESOLVED_UNDERPAID: 'underpaid',
	CHECKOUT_UNDERPAID: 'underpaid',
	UNDERPAID: 'underpaid',
	UNDERPAID_ACCEPTED: 'underpaid_accepted',
	REFUNDED: 'refunded',
	REFUND_COMPLETED: 'refunded',
	EXPIRED: 'expired',
	CHECKOUT_EXPIRED: 'expired',
};

/** Our status for a processor state; `null` for a word we do not know (which then changes nothing). */
export function statusOfProcessorState( state: string ): CheckoutStatus | null {
	return STATES[ state.trim().toUpperCase() ] ?? null;
}

/** The event the shop is sent when a checkout reaches a status. */
export const EVENT_OF_STATUS: Record<
	Exclude< CheckoutStatus, 'open' >,
	EventType
> = {
	completed: 'checkout.completed',
	underpaid: 'checkout.underpaid',
	underpaid_accepted: 'checkout.underpaid_accepted',
	refunded: 'checkout.refunded',
	expired: 'checkout.expired',
};

/** Webhook event types that move a checkout, and to what. Any other type is recorded and acknowledged. */
export const WEBHOOK_EVENTS: Record< string, CheckoutStatus > = {
	CHECKOUT_COMPLETED: 'completed',
	CHECKOUT_UNDERPAID: 'underpaid',
	UNDERPAID_ACCEPTED: 'underpaid_accepted',
	REFUND_COMPLETED: 'refunded',
};

/** The refund contexts the processor documents; a refund in any other context is recorded, not applied. */
export const REFUND_CONTEXTS: readonly string[] = [
	'COMPLETED_CHECKOUT',
	'UNDERPAID_CHECKOUT',
];

import type { ActionName } from './actions';
import type { Stage } from './vintages';

/**
 * Every word the hosted test-checkout page shows, per language. Plain text only: the page escapes
 * whatever these return, so a shop name or description put into a sentence stays text. English keeps
 * the exact wording end-to-end tests and shop owners' scripts look for (button labels, the banner,
 * "Customer: …", the stage words).
 */
export interface PageText {
	/** For Intl: how this language writes numbers, money and percentages. */
	locale: string;
	banner: string;
	heading: ( total: string ) => string;
	payee: ( shopName: string ) => string;
	backToShop: string;
	summaryHeading: string;
	columns: {
		item: string;
		quantity: string;
		unitPrice: string;
		amount: string;
	};
	discount: ( description: string ) => string;
	shipping: ( description: string ) => string;
	tax: ( name: string, percent: string ) => string;
	adjustment: string;
	total: string;
	chargedAs: string;
	customer: ( who: string ) => string;
	noCustomer: string;
	stateLabel: string;
	stages: Record< Stage, string >;
	outcomesHeading: string;
	outcomesIntro: string;
	noOutcomes: string;
	actions: Record< ActionName, string >;
	checkoutNotFound: { title: string; body: string };
	actionNotFound: { title: string; body: string };
}

const labelled = ( label: string, detail: string ) =>
	detail ? `${ label }: ${ detail }` : label;

const en: PageText = {
	locale: 'en',
	banner: 'SANDBOX — a test checkout. No real payment is made and no money moves.',
	heading: ( total ) => `Pay ${ total }`,
	payee: ( shopName ) => `Payment to ${ shopName }`,
	backToShop: 'Back to the shop',
	summaryHeading: 'Your order',
	columns: {
		item: 'Item',
		quantity: 'Quantity',
		unitPrice: 'Unit price',
		amount: 'Amount',
	},
	discount: ( description ) => labelled( 'Discount', description ),
	shipping: ( description ) => labelled( 'Shipping', description ),
	tax: ( name, percent ) => `${ name || 'Tax' } (${ percent })`,
	adjustment: 'Adjustment by the processor',
	total: 'Total',
	chargedAs: 'Charged as',
	customer: ( who ) => `Customer: ${ who }`,
	noCustomer: 'No customer attached to this charge.',
	stateLabel: 'State:',
	stages: {
		open: 'open',
		paid: 'paid',
		underpaid: 'underpaid',
		accepted: 'accepted',
		refunded: 'refunded',
		expired: 'expired',
	},
	outcomesHeading: 'Choose an outcome',
	outcomesIntro:
		'Each button does what a payer (or, where it says so, the merchant) would do; the shop is notified as the real processor would notify it.',
	noOutcomes: 'Nothing more can happen to this test checkout.',
	actions: {
		pay: 'Pay in full',
		underpay: 'Underpay (send 90 %)',
		expire: 'Let it expire',
		'pay-late': 'Pay anyway, after expiry',
		'accept-underpayment': 'Merchant: accept the underpayment',
		refund: 'Merchant: refund',
	},
	checkoutNotFound: {
		title: 'Checkout not found',
		body: 'This sandbox checkout does not exist.',
	},
	actionNotFound: {
		title: 'Not found',
		body: 'Unknown checkout or action.',
	},
};

// Formal address (Sie), as German shops address their customers.
const de: PageText = {
	locale: 'de',
	banner: 'SANDBOX — ein Test-Checkout. Es findet keine echte Zahlung statt, und es wird kein Geld bewegt.',
	heading: ( total ) => `${ total } bezahlen`,
	payee: ( shopName ) => `Zahlung an ${ shopName }`,
	backToShop: 'Zurück zum Shop',
	summaryHeading: 'Ihre Bestellung',
	columns: {
		item: 'Artikel',
		quantity: 'Menge',
		unitPrice: 'Einzelpreis',
		amount: 'Betrag',
	},
	discount: ( description ) => labelled( 'Rabatt', description ),
	shipping: ( description ) => labelled( 'Versand', description ),
	tax: ( name, percent ) => `${ name || 'Steuer' } (${ percent })`,
	adjustment: 'Ausgleich durch den Zahlungsanbieter',
	total: 'Gesamtbetrag',
	chargedAs: 'Abgerechnet als',
	customer: ( who ) => `Kunde: ${ who }`,
	noCustomer: 'Dieser Zahlung ist kein Kunde zugeordnet.',
	stateLabel: 'Status:',
	stages: {
		open: 'offen',
		paid: 'bezahlt',
		underpaid: 'zu wenig bezahlt',
		accepted: 'Unterzahlung akzeptiert',
		refunded: 'erstattet',
		expired: 'abgelaufen',
	},
	outcomesHeading: 'Wählen Sie ein Ergebnis',
	outcomesIntro:
		'Jede Schaltfläche tut, was eine zahlende Person (oder, wo angegeben, der Händler) tun würde; der Shop wird so benachrichtigt, wie es der echte Zahlungsanbieter täte.',
	noOutcomes: 'Mit diesem Test-Checkout kann nichts mehr geschehen.',
	actions: {
		pay: 'Vollständig bezahlen',
		underpay: 'Zu wenig zahlen (90 % senden)',
		expire: 'Ablaufen lassen',
		'pay-late': 'Trotzdem bezahlen, nach Ablauf',
		'accept-underpayment': 'Händler: Unterzahlung akzeptieren',
		refund: 'Händler: erstatten',
	},
	checkoutNotFound: {
		title: 'Checkout nicht gefunden',
		body: 'Diesen Sandbox-Checkout gibt es nicht.',
	},
	actionNotFound: {
		title: 'Nicht gefunden',
		body: 'Unbekannter Checkout oder unbekannte Aktion.',
	},
};

export const PAGE_TEXT = { en, de } satisfies Record< string, PageText >;

export type PageLanguage = keyof typeof PAGE_TEXT;

export const isPageLanguage = ( code: string ): code is PageLanguage =>
	Object.hasOwn( PAGE_TEXT, code );

import type { Stage } from './vintages';

export type EventType =
	| 'CHECKOUT_COMPLETED'
	| 'CHECKOUT_UNDERPAID'
	| 'UNDERPAID_ACCEPTED'
	| 'REFUND_COMPLETED';

export interface Action {
	from: Stage[];
	to: Stage;
	webhook: EventType | null;
	then: 'return' | 'cancel' | 'page';
}

/**
 * What a payer (or, for the merchant's actions, the merchant) can do on the test checkout page, in the
 * order the page offers them. Their labels are words, so they live with the page's translations.
 */
export const ACTIONS = {
	pay: {
		from: [ 'open' ],
		to: 'paid',
		webhook: 'CHECKOUT_COMPLETED',
		then: 'return',
	},
	underpay: {
		from: [ 'open' ],
		to: 'underpaid',
		webhook: 'CHECKOUT_UNDERPAID',
		then: 'return',
	},
	expire: {
		from: [ 'open' ],
		to: 'expired',
		webhook: null,
		then: 'cancel',
	},
	'pay-late': {
		from: [ 'expired' ],
		to: 'paid',
		webhook: 'CHECKOUT_COMPLETED',
		then: 'page',
	},
	'accept-underpayment': {
		from: [ 'underpaid' ],
		to: 'accepted',
		webhook: 'UNDERPAID_ACCEPTED',
		then: 'page',
	},
	refund: {
		from: [ 'paid', 'underpaid', 'accepted' ],
		to: 'refunded',
		webhook: 'REFUND_COMPLETED',
		then: 'page',
	},
} satisfies Record< string, Action >;

export type ActionName = keyof typeof ACTIONS;

export function actionNamed( name: string ): Action | null {
	return Object.hasOwn( ACTIONS, name )
		? ( ACTIONS as Record< string, Action > )[ name ]!
		: null;
}

/** The actions a checkout in this stage offers. */
export function actionsFrom( stage: Stage ): ActionName[] {
	return ( Object.keys( ACTIONS ) as ActionName[] ).filter( ( name ) =>
		( ACTIONS[ name ].from as Stage[] ).includes( stage )
	);
}

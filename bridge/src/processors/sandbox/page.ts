import express, { type Response } from 'express';
import Big from 'big.js';
import { sandboxAccount } from './accounts';
import type { SandboxDeps } from './api';
import { resourceId } from './ids';
import { BILLING_CURRENCIES } from './reference';
import {
	findSandboxCheckout,
	findSandboxCustomer,
	moveSandboxCheckout,
	type SandboxCheckout,
} from './store';
import type { Stage, Vintage } from './vintages';
import { sendSandboxWebhook } from './webhooks';

const escapeHtml = ( value: unknown ) =>
	String( value ?? '' ).replace(
		/[&<>"']/g,
		( c ) =>
			( {
				'&': '&amp;',
				'<': '&lt;',
				'>': '&gt;',
				'"': '&quot;',
				"'": '&#39;',
			} )[ c ]!
	);

type EventType =
	| 'CHECKOUT_COMPLETED'
	| 'CHECKOUT_UNDERPAID'
	| 'UNDERPAID_ACCEPTED'
	| 'REFUND_COMPLETED';

interface Action {
	from: Stage[];
	to: Stage;
	label: string;
	webhook: EventType | null;
	then: 'return' | 'cancel' | 'page';
}

/** What a payer (or, for the merchant's actions, the merchant) can do on the test checkout page. */
const ACTIONS: Record< string, Action > = {
	pay: {
		from: [ 'open' ],
		to: 'paid',
		label: 'Pay in full',
		webhook: 'CHECKOUT_COMPLETED',
		then: 'return',
	},
	underpay: {
		from: [ 'open' ],
		to: 'underpaid',
		label: 'Underpay (send 90 %)',
		webhook: 'CHECKOUT_UNDERPAID',
		then: 'return',
	},
	expire: {
		from: [ 'open' ],
		to: 'expired',
		label: 'Let it expire',
		webhook: null,
		then: 'cancel',
	},
	'pay-late': {
		from: [ 'expired' ],
		to: 'paid',
		label: 'Pay anyway, after expiry',
		webhook: 'CHECKOUT_COMPLETED',
		then: 'page',
	},
	'accept-underpayment': {
		from: [ 'underpaid' ],
		to: 'accepted',
		label: 'Merchant: accept the underpayment',
		webhook: 'UNDERPAID_ACCEPTED',
		then: 'page',
	},
	refund: {
		from: [ 'paid', 'underpaid', 'accepted' ],
		to: 'refunded',
		label: 'Merchant: refund',
		webhook: 'REFUND_COMPLETED',
		then: 'page',
	},
};

/** The hosted test-checkout page: clearly a sandbox, with the payer's outcomes. */
export function sandboxPages( deps: SandboxDeps ): express.Router {
	const router = express.Router();

	router.get( '/checkout/:id', async ( req, res ) => {
		const checkout = await findSandboxCheckout( deps.db, req.params.id );
		if ( ! checkout )
			return void res
				.status( 404 )
				.type( 'html' )
				.send(
					layout(
						'Checkout not found',
						'<p>This sandbox checkout does not exist.</p>'
					)
				);
		const customerId = checkout.body.charge?.customerId;
		const customer =
			typeof customerId === 'string'
				? await findSandboxCustomer( deps.db, customerId )
				: null;
		res.type( 'html' ).send( renderCheckout( checkout, customer ) );
	} );

	router.post( '/checkout/:id/:action', async ( req, res ) => {
		const action = ACTIONS[ req.params.action ];
		const checkout = await findSandboxCheckout( deps.db, req.params.id );
		if ( ! action || ! checkout )
			return void res
				.status( 404 )
				.type( 'html' )
				.send(
					layout( 'Not found', '<p>Unknown checkout or action.</p>' )
				);
		const refundId = action.to === 'refunded' ? resourceId() : undefined;
		const received = receivedBy( action, checkout );
		if (
			await moveSandboxCheckout(
				deps.db,
				checkout.id,
				action.from,
				action.to,
				{ refundId, received }
			)
		) {
			const account = ( await sandboxAccount(
				deps.db,
				checkout.api_key
			) )!;
			const moved = {
				...checkout,
				state: action.to,
				received: received ?? checkout.received,
				refund_id: refundId ?? checkout.refund_id,
			};
			for ( const payload of webhooksFor(
				action,
				checkout.state,
				moved,
				account.vintage
			) ) {
				if ( typeof checkout.body.webhook === 'string' )
					void sendSandboxWebhook(
						deps.log,
						checkout.body.webhook,
						account.secret,
						payload,
						account.vintage.webhookContentType
					);
			}
		}
		redirectAfter( res, action, checkout );
	} );

	return router;
}

/** What the payer sends: 90 % when underpaying (rounded down to the currency), the total when paying. */
function receivedBy(
	action: Action,
	checkout: SandboxCheckout
): string | undefined {
	if ( action.to === 'underpaid' )
		return new Big( checkout.total )
			.times( '0.9' )
			.round( decimalsOf( checkout ), Big.roundDown )
			.toFixed();
	return action.to === 'paid' ? checkout.total : undefined;
}

const decimalsOf = ( checkout: SandboxCheckout ) =>
	BILLING_CURRENCIES[
		String(
			checkout.body.charge?.billingCurrency ??
				checkout.body.charge?.currency
		)
	]?.decimals ?? 2;

function redirectAfter(
	res: Response,
	action: Action,
	checkout: SandboxCheckout
) {
	const pages = ( checkout.body.pageSettings ?? {} ) as Record<
		string,
		unknown
	>;
	const target = {
		return: pages.returnUrl,
		cancel: pages.cancelUrl,
		page: undefined,
	}[ action.then ];
	res.redirect(
		303,
		typeof target === 'string'
			? target
			: `/sandbox/checkout/${ checkout.id }`
	);
}

/**
 * The webhooks an action sends, in the shapes the processor's official plugins read (see the fixture
 * corpus): checkout events carry `data.checkout` with the state in the vintage's words and what arrived;
 * a refund carries `data.refund` with its context. A vintage may send no refund webhook at all, and may
 * send events the bridge is not meant to act on.
 */
function webhooksFor(
	action: Action,
	from: Stage,
	checkout: SandboxCheckout,
	vintage: Vintage
): unknown[] {
	const type = action.webhook;
	if ( ! type || ( type === 'REFUND_COMPLETED' && ! vintage.refundWebhook ) )
		return [];
	const timestamp = new Date().toISOString();
	if ( type === 'REFUND_COMPLETED' ) {
		const context =
			from === 'underpaid' ? 'UNDERPAID_CHECKOUT' : 'COMPLETED_CHECKOUT';
		return [
			{
				eventType: type,
				timestamp,
				data: {
					refund: {
						id: checkout.refund_id,
						context,
						checkoutId: checkout.id,
					},
				},
			},
		];
	}
	const event = {
		eventType: type,
		timestamp,
		data: {
			checkout: {
				id: checkout.id,
				state: vintage.states[ checkout.state ],
				settlementAmountReceived: checkout.received,
				payload: { charge: checkout.body.charge },
			},
		},
	};
	if ( ! vintage.otherEvents ) return [ event ];
	return [
		event,
		{
			eventType: 'DEPOSIT_COMPLETED',
			timestamp,
			data: {
				deposit: {
					id: resourceId(),
					amount: checkout.received,
					assetCode: 'XLM',
				},
			},
		},
		{
			type: 'CHECKOUT_COMPLETED',
			checkoutId: checkout.id,
			payment: { state: 'RESOLVED' },
		},
	];
}

function renderCheckout(
	checkout: SandboxCheckout,
	customer: Record< string, string > | null
): string {
	const charge = ( checkout.body.charge ?? {} ) as Record< string, any >;
	const pageSettings = checkout.body.pageSettings as
		Record< string, unknown > | undefined;
	const currency = charge.billingCurrency ?? charge.currency;
	const items = (
		( charge.lineItems ?? [] ) as Array< Record< string, unknown > >
	 )
		.map(
			( i ) =>
				`<tr><td>${ escapeHtml( i.description ) }</td><td>${ escapeHtml( i.quantity ?? 1 ) }</td><td>${ escapeHtml( i.netAmount ) }</td></tr>`
		)
		.join( '' );
	const buttons = Object.entries( ACTIONS )
		.filter( ( [ , a ] ) => a.from.includes( checkout.state ) )
		.map(
			( [ name, a ] ) =>
				`<form method="post" action="/sandbox/checkout/${ escapeHtml( checkout.id ) }/${ name }"><button type="submit" name="action" value="${ name }">${ escapeHtml( a.label ) }</button></form>`
		)
		.join( '' );
	const who = customer
		? `<p>Customer: ${ escapeHtml( [ customer.firstname, customer.lastname ].filter( Boolean ).join( ' ' ) ) } &lt;${ escapeHtml( customer.email ) }&gt;</p>`
		: '<p>No customer attached to this charge.</p>';
	return layout(
		`Pay ${ checkout.total } ${ currency }`,
		`<p class="shop">${ escapeHtml( pageSettings?.shopName ?? '' ) }</p>
     <table><thead><tr><th>Item</th><th>Qty</th><th>Net</th></tr></thead><tbody>${ items }</tbody></table>
     <p class="total">Total: <strong data-testid="total">${ escapeHtml( checkout.total ) } ${ escapeHtml( currency ) }</strong></p>
     ${ who }
     <p>State: <strong data-testid="state">${ escapeHtml( checkout.state ) }</strong></p>
     <div class="actions">${ buttons }</div>`
	);
}

function layout( title: string, body: string ): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>SANDBOX · ${ escapeHtml( title ) }</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}
.banner{background:#fff3cd;border:2px dashed #b58100;padding:.75rem;font-weight:700}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem;text-align:left}
.actions form{display:inline-block;margin:.25rem}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><div class="banner" role="note">SANDBOX — a test checkout. No real payment is made and no money moves.</div>
<h1>${ escapeHtml( title ) }</h1>${ body }</body></html>`;
}

import express, { type Request, type Response } from 'express';
import Big from 'big.js';
import { sandboxAccount } from './accounts';
import { actionNamed, type Action } from './actions';
import type { SandboxDeps } from './api';
import { renderCheckout, renderMessage } from './checkoutView';
import { httpUrl } from './html';
import { resourceId } from './ids';
import { pageLanguage } from './pageLanguage';
import { PAGE_TEXT, type PageLanguage } from './pageText';
import { BILLING_CURRENCIES } from './reference';
import {
	findSandboxCheckout,
	findSandboxCustomer,
	moveSandboxCheckout,
	type SandboxCheckout,
} from './store';
import type { Stage, Vintage } from './vintages';
import { sendSandboxWebhook } from './webhooks';

/**
 * The page's language for this request: the checkout's, or for none the browser's. The answer varies
 * with Accept-Language, and says which language it is in.
 */
function languageFor(
	req: Request,
	res: Response,
	checkout: SandboxCheckout | null
): PageLanguage {
	const language = pageLanguage(
		checkout?.body.checkoutLanguage,
		req.get( 'accept-language' )
	);
	res.vary( 'Accept-Language' ).set( 'Content-Language', language );
	return language;
}

/** The hosted test-checkout page: clearly a sandbox, with the payer's outcomes. */
export function sandboxPages( deps: SandboxDeps ): express.Router {
	const router = express.Router();

	router.get( '/checkout/:id', async ( req, res ) => {
		const checkout = await findSandboxCheckout( deps.db, req.params.id );
		const language = languageFor( req, res, checkout );
		if ( ! checkout )
			return void res
				.status( 404 )
				.type( 'html' )
				.send(
					renderMessage(
						language,
						PAGE_TEXT[ language ].checkoutNotFound
					)
				);
		const customerId = checkout.body.charge?.customerId;
		const customer =
			typeof customerId === 'string'
				? await findSandboxCustomer( deps.db, customerId )
				: null;
		res.type( 'html' ).send(
			renderCheckout( checkout, customer, language )
		);
	} );

	router.post( '/checkout/:id/:action', async ( req, res ) => {
		const action = actionNamed( req.params.action );
		const checkout = await findSandboxCheckout( deps.db, req.params.id );
		if ( ! action || ! checkout ) {
			const language = languageFor( req, res, checkout );
			return void res
				.status( 404 )
				.type( 'html' )
				.send(
					renderMessage(
						language,
						PAGE_TEXT[ language ].actionNotFound
					)
				);
		}
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
		return: httpUrl( pages.returnUrl ),
		cancel: httpUrl( pages.cancelUrl ),
		page: null,
	}[ action.then ];
	res.redirect( 303, target ?? `/sandbox/checkout/${ checkout.id }` );
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

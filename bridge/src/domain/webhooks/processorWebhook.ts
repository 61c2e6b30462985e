import { createHash } from 'node:crypto';
import type { CheckoutStatus } from '../../contract';
import type { BridgeContext } from '../../context';
import { webhookAuth } from '../../processors/whalestack/signing';
import {
	EVENT_OF_STATUS,
	REFUND_CONTEXTS,
	WEBHOOK_EVENTS,
} from '../../processors/whalestack/vocabulary';
import { safeEqual } from '../../security/compare';
import { addAuditEntry } from '../../store/audit';
import {
	addStatusChange,
	lockCheckoutByProcessorId,
	recordProcessorEvent,
	setAmountReceived,
	setCheckoutStatus,
	setPayerAccounts,
	type PayerAccount,
} from '../../store/checkouts';
import { enqueueEvent } from '../../store/outbox';
import type { ShopRow } from '../../store/shops';
import { changeNote, transition } from '../checkouts/status';
import { AppError } from '../errors';
import { checkoutEvent } from '../events/newEvent';
import { issueForStatus } from '../invoices/issue';

export type WebhookOutcome =
	'applied' | 'duplicate' | 'ignored' | 'unknown_checkout';

/** Verifies the processor's X-Webhook-Auth over the exact bytes received, in constant time, before anything else. */
export function verifyWebhook(
	ctx: BridgeContext,
	shop: ShopRow,
	rawBody: Buffer,
	header: string | undefined
): void {
	const expected = webhookAuth(
		ctx.secrets.open( shop.processor_api_secret_enc ),
		rawBody
	);
	if ( ! header || ! safeEqual( header.trim().toLowerCase(), expected ) ) {
		throw new AppError(
			'webhook_signature_invalid',
			'The webhook signature does not match.'
		);
	}
}

type Json = Record< string, unknown >;
const obj = ( v: unknown ): Json =>
	v && typeof v === 'object' && ! Array.isArray( v ) ? ( v as Json ) : {};
const str = ( v: unknown ): string | undefined =>
	typeof v === 'string' && v.trim() ? v.trim() : undefined;
const amount = ( v: unknown ): string | undefined => {
	const text =
		typeof v === 'number' && Number.isFinite( v ) ? String( v ) : str( v );
	return text && /^\d{1,15}(\.\d{1,18})?$/.test( text ) ? text : undefined;
};

/** What one webhook says, read tolerantly: any vintage, any extra fields, unknown types kept as such. */
interface ReadWebhook {
	eventType: string;
	status: CheckoutStatus | null;
	processorCheckoutId: string | undefined;
	refund: { id: string | undefined; context: string | undefined } | null;
	amountReceived: string | undefined;
}

function readWebhook( body: unknown ): ReadWebhook {
	const root = obj( body );
	// The format retired in 2020 named its kind `type`; it is recorded, never acted on.
	const eventType =
		str( root.eventType ) ??
		( str( root.type ) ? `legacy:${ str( root.type ) }` : 'unreadable' );
	const data = obj( root.data );
	const checkout = obj( data.checkout );
	const refund = data.refund === undefined ? null : obj( data.refund );
	return {
		eventType,
		status: WEBHOOK_EVENTS[ eventType ] ?? null,
		processorCheckoutId: refund
			? ( str( refund.checkoutId ) ?? str( checkout.id ) )
			: str( checkout.id ),
		refund: refund
			? { id: str( refund.id ), context: str( refund.context ) }
			: null,
		amountReceived: amount( checkout.settlementAmountReceived ),
	};
}

/** Why a webhook is recorded but not acted on, or null when it is acted on. */
function whyNotActedOn( hook: ReadWebhook ): string | null {
	if ( ! hook.status )
		return `event type ${ hook.eventType } is not acted on`;
	if ( ! hook.processorCheckoutId )
		return `a ${ hook.eventType } event without a checkout id`;
	if (
		hook.status === 'refunded' &&
		! REFUND_CONTEXTS.includes( hook.refund?.context ?? '' )
	) {
		return `refund context ${ hook.refund?.context ?? '(none)' } is not one the processor documents`;
	}
	return null;
}

/**
 * Applies one processor webhook (already verified). The event is recorded, the checkout moved (if the
 * lifecycle allows) and our own event queued for the shop, all in one transaction; a repeated delivery
 * is recognised by its key and changes nothing. Event types we do not act on — the processor's other
 * events, the retired format, a refund in an undocumented context — are recorded and acknowledged, so
 * the processor does not retry them forever.
 */
export async function handleProcessorWebhook(
	ctx: BridgeContext,
	shop: ShopRow,
	rawBody: Buffer,
	body: unknown
): Promise< WebhookOutcome > {
	const hook = readWebhook( body );
	const digest = createHash( 'sha256' )
		.update( rawBody )
		.digest( 'hex' )
		.slice( 0, 32 );
	const eventKey = [
		hook.eventType,
		hook.processorCheckoutId ?? digest,
		hook.refund?.id,
	]
		.filter( Boolean )
		.join( ':' );
	const unusable = whyNotActedOn( hook );

	const outcome = await ctx.db.transaction(
		async ( tx ): Promise< WebhookOutcome > => {
			const checkout = hook.processorCheckoutId
				? await lockCheckoutByProcessorId(
						tx,
						shop.id,
						hook.processorCheckoutId
					)
				: null;
			if ( unusable || ! hook.status ) {
				if (
					! ( await recordProcessorEvent(
						tx,
						shop.id,
						eventKey,
						hook.eventType,
						checkout?.id ?? null,
						false
					) )
				)
					return 'duplicate';
				ctx.log.info(
					{ shop: shop.id, event: hook.eventType, reason: unusable },
					'processor event recorded, not acted on'
				);
				if ( checkout )
					await addAuditEntry( tx, {
						shopId: shop.id,
						customerId: checkout.customerId,
						checkoutId: checkout.id,
						action: `webhook ${ hook.eventType }`,
						actor: 'processor',
						request: body,
						responseStatus: 200,
						response: { ignored: unusable },
					} );
				return 'ignored';
			}
			if ( ! checkout ) return 'unknown_checkout';
			const step = transition( checkout.status, hook.status );
			if (
				! ( await recordProcessorEvent(
					tx,
					shop.id,
					eventKey,
					hook.eventType,
					checkout.id,
					step.apply
				) )
			)
				return 'duplicate';
			await addAuditEntry( tx, {
				shopId: shop.id,
				customerId: checkout.customerId,
				checkoutId: checkout.id,
				action: `webhook ${ hook.eventType }`,
				actor: 'processor',
				request: body,
				responseStatus: 200,
				response: step.apply
					? {
							status: hook.status,
							...( step.late ? { late: true } : {} ),
						}
					: { ignored: step.reason },
			} );
			if ( ! step.apply ) {
				ctx.log.info(
					{
						checkout: checkout.id,
						event: hook.eventType,
						reason: step.reason,
					},
					'processor event not applied'
				);
				return 'ignored';
			}
			if ( hook.amountReceived )
				await setAmountReceived( tx, checkout.id, hook.amountReceived );
			const accounts = payerAccounts( body );
			if ( accounts.length )
				await setPayerAccounts( tx, checkout.id, accounts );
			const updated = await setCheckoutStatus(
				tx,
				checkout.id,
				hook.status
			);
			await addStatusChange(
				tx,
				checkout.id,
				hook.status,
				'processor',
				changeNote( step, hook.eventType )
			);
			const issued = await issueForStatus(
				tx,
				shop,
				checkout.id,
				hook.status
			);
			if ( step.late )
				ctx.log.warn(
					{ checkout: checkout.id, event: hook.eventType },
					'payment arrived after the checkout expired'
				);
			await enqueueEvent(
				tx,
				shop.id,
				checkoutEvent(
					EVENT_OF_STATUS[
						hook.status as Exclude< CheckoutStatus, 'open' >
					],
					updated,
					step.late,
					issued ?? undefined
				)
			);
			return 'applied';
		}
	);
	if ( outcome === 'applied' ) ctx.eventsQueued();
	return outcome;
}

/** The accounts a payment came from, where a payload reports them (`data.checkout.payments[]`; no public source shows it). */
function payerAccounts( body: unknown ): PayerAccount[] {
	const payments = obj( obj( obj( body ).data ).checkout ).payments;
	if ( ! Array.isArray( payments ) ) return [];
	return payments
		.map( obj )
		.filter(
			( p ) =>
				typeof p.account === 'string' &&
				p.account.length > 0 &&
				p.account.length <= 200
		)
		.map( ( p ) => ( {
			network:
				typeof p.network === 'string' ? p.network.slice( 0, 50 ) : '',
			account: p.account as string,
		} ) );
}

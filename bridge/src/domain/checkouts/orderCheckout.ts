import { createHash } from 'node:crypto';
import {
	fieldErrorsFrom,
	orderSnapshotSchema,
	PAID_STATUSES,
	sameAmount,
	type Checkout,
} from '../../contract';
import type { BridgeContext } from '../../context';
import { checkoutsOfOrder } from '../../store/checkouts';
import type { ShopRow } from '../../store/shops';
import { AppError } from '../errors';
import type { StoredResponse } from '../idempotency';
import { lockOf, serialised } from '../locks';
import {
	customerLocks,
	openCheckout,
	validateCheckoutRequest,
} from './createCheckout';
import { chargeFromOrder } from './orderCharge';

/** Money arrived for the order (even if short, or since refunded): it must not be charged again. */
const MONEY_RECEIVED: readonly string[] = [
	...PAID_STATUSES,
	'underpaid',
	'refunded',
];

/** What we keep of an order key: enough to tell orders apart, nothing that opens the shop's order page. */
export const orderKeyHash = ( orderKey: string ) =>
	createHash( 'sha256' ).update( orderKey ).digest( 'hex' );

/**
 * The checkout for a shop order. An order is the shop, its reference **and its order key**, so a
 * staging copy or a restored backup with the same order numbers never meets this site's checkouts.
 * The order's own state is its idempotency: holding the order's lock (in the database, so every
 * bridge process agrees), a retry, a double click, a second browser or a second replica gets the
 * open checkout for the same amount back, an order with money received is refused, and only an
 * order with no open checkout for its amount gets a new charge. A unique index on open checkouts
 * per order and amount is the last line behind the lock.
 */
export async function checkoutForOrder(
	ctx: BridgeContext,
	shop: ShopRow,
	input: unknown
): Promise< StoredResponse & { replayed: boolean } > {
	const parsed = orderSnapshotSchema.safeParse( input );
	if ( ! parsed.success )
		throw new AppError(
			'validation_failed',
			'Some fields of the order are missing or not valid.',
			{ fields: fieldErrorsFrom( parsed.error ) }
		);
	const valid = validateCheckoutRequest(
		shop,
		chargeFromOrder( parsed.data )
	);
	const order = {
		ref: valid.request.orderRef,
		keyHash: orderKeyHash( parsed.data.orderKey ),
	};

	return serialised(
		ctx,
		[
			lockOf.order( shop.id, order.ref, order.keyHash ),
			...customerLocks( shop, valid ),
		],
		async () => {
			const existing = await checkoutsOfOrder(
				ctx.db,
				shop.id,
				order.ref,
				order.keyHash
			);
			if (
				existing.some( ( c ) => MONEY_RECEIVED.includes( c.status ) )
			) {
				throw new AppError(
					'invalid_state',
					'This order already has a payment. Nothing new was charged.',
					{
						details: {
							checkouts: existing.map( ( c ) => ( {
								id: c.id,
								status: c.status,
							} ) ),
						},
					}
				);
			}
			const open = existing.find(
				( c ) =>
					c.status === 'open' &&
					c.currency === valid.request.currency &&
					sameAmount( c.total, valid.total )
			);
			if ( open ) return reused( open );
			try {
				return {
					...( await openCheckout( ctx, shop, valid, {
						action: 'POST /v1/checkouts/from-order',
						orderKeyHash: order.keyHash,
						alsoWrite: () => [],
					} ) ),
					replayed: false,
				};
			} catch ( error ) {
				// Only reachable if the lock was bypassed: the winner's open checkout is the answer.
				const winner = (
					await checkoutsOfOrder(
						ctx.db,
						shop.id,
						order.ref,
						order.keyHash
					)
				).find(
					( c ) =>
						c.status === 'open' &&
						sameAmount( c.total, valid.total )
				);
				if ( winner ) return reused( winner );
				throw error;
			}
		}
	);
}

function reused( checkout: Checkout ): StoredResponse & { replayed: boolean } {
	return { status: 200, body: { checkout, reused: true }, replayed: true };
}

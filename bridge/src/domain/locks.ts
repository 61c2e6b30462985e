import { emailKey } from '../contract';
import type { BridgeContext } from '../context';
import { LockTimeout } from '../store/locks';
import { AppError } from './errors';

/**
 * The things two requests must not work on at once, whichever bridge process they reach: one
 * Idempotency-Key, one customer (shop + email, so two first checkouts for a new email make one
 * processor customer), one shop order (so two tabs or replicas paying it open one charge).
 */
export const lockOf = {
	idempotencyKey: ( shopId: string, key: string ) =>
		`idempotency:${ shopId }:${ key }`,
	customer: ( shopId: string, email: string ) =>
		`customer:${ shopId }:${ emailKey( email ) }`,
	order: ( shopId: string, orderRef: string, orderKeyHash: string ) =>
		`order:${ shopId }:${ orderRef }:${ orderKeyHash }`,
};

/** Runs `fn` holding `keys` (database locks); a wait beyond the processor's own time limit is a 409 to retry. */
export async function serialised< T >(
	ctx: BridgeContext,
	keys: readonly string[],
	fn: () => Promise< T >
): Promise< T > {
	try {
		return await ctx.db.withLocks(
			keys,
			ctx.config.PROCESSOR_TIMEOUT_MS * 3,
			fn
		);
	} catch ( error ) {
		if ( error instanceof LockTimeout ) {
			const idempotency = error.keys.some( ( k ) =>
				k.startsWith( 'idempotency:' )
			);
			throw idempotency
				? new AppError(
						'idempotency_in_progress',
						'A request with this Idempotency-Key is still being processed. Retry in a moment.'
					)
				: new AppError(
						'busy',
						'Another request for the same order or customer is still being processed. Retry in a moment.'
					);
		}
		throw error;
	}
}

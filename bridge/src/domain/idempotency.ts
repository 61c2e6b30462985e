import { createHash } from 'node:crypto';
import type { BridgeContext } from '../context';
import { findIdempotencyKey } from '../store/idempotency';
import { AppError } from './errors';
import { lockOf, serialised } from './locks';

export interface StoredResponse {
	status: number;
	body: unknown;
}

export function requestHash(
	method: string,
	path: string,
	body: Buffer
): string {
	return createHash( 'sha256' )
		.update( method )
		.update( '\n' )
		.update( path )
		.update( '\n' )
		.update( body )
		.digest( 'hex' );
}

/**
 * Runs a creating request at most once per (shop, key), holding a database lock on the key (and on
 * `alsoLock`, e.g. the customer) while it works, so every bridge process agrees:
 * - first: no stored response, so `work` runs and stores its response with its records, atomically
 *   (see `idempotencyCompletion` and `completeIdempotencyKey`);
 * - replay: the key's response is stored for the same request, so it is returned;
 * - reused: the key was used for a different request → 409;
 * - in progress: another call holds the key, so this one waits for it, then replays its response;
 * - abandoned: a holder that died released its lock with its database session, so nothing waits
 *   for a timeout and the retry simply runs.
 * A failed `work` stores nothing, so the client's retry with the same key does the work once.
 */
export async function runOnce(
	ctx: BridgeContext,
	scope: {
		shopId: string;
		key: string;
		requestHash: string;
		alsoLock?: readonly string[];
	},
	work: () => Promise< StoredResponse >
): Promise< StoredResponse & { replayed: boolean } > {
	return serialised(
		ctx,
		[
			lockOf.idempotencyKey( scope.shopId, scope.key ),
			...( scope.alsoLock ?? [] ),
		],
		async () => {
			const existing = await findIdempotencyKey(
				ctx.db,
				scope.shopId,
				scope.key
			);
			if ( existing && existing.request_hash !== scope.requestHash ) {
				throw new AppError(
					'idempotency_key_reused',
					'This Idempotency-Key was already used for a different request. Use a new key for a new request.'
				);
			}
			if ( existing?.state === 'completed' )
				return {
					status: existing.response_status ?? 200,
					body: existing.response_body,
					replayed: true,
				};
			return { ...( await work() ), replayed: false };
		}
	);
}

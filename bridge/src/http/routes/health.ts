import express from 'express';
import type { BridgeContext } from '../../context';
import { pendingEventCount } from '../../store/outbox';

/** Any HTTP answer from `GET /auth-test` proves the API is up; unsigned, it answers 401. */
async function reachable( baseUrl: string ): Promise< boolean > {
	try {
		const res = await fetch( `${ baseUrl }/auth-test`, {
			signal: AbortSignal.timeout( 3000 ),
		} );
		await res.arrayBuffer();
		return res.status < 500;
	} catch {
		return false;
	}
}

export function healthRoutes( ctx: BridgeContext ): express.Router {
	const router = express.Router();

	router.get( '/live', ( _req, res ) => {
		res.json( { status: 'ok' } );
	} );

	/**
	 * Readiness for a load balancer: not ready (503) only for what this process can fix by being taken out
	 * — its database is unreachable, or it is draining for shutdown. An unreachable processor is
	 * "degraded" (200): every replica shares it, and taking them all out would help nobody.
	 */
	router.get( '/ready', async ( _req, res ) => {
		const checks: Record< string, boolean > = {};
		try {
			await ctx.db.query( 'select 1' );
			checks.database = true;
		} catch {
			checks.database = false;
		}
		if ( ctx.config.SANDBOX === 'on' )
			checks.sandboxProcessor = await reachable(
				`${ ctx.internalUrl() }/sandbox/api/v1`
			);
		const live = checks.database
			? await ctx.db.query(
					`select 1 from shops where processor_kind = 'whalestack' limit 1`
				)
			: [];
		if ( live.length )
			checks.whalestack = await reachable(
				ctx.config.WHALESTACK_API_URL
			);
		const ready = checks.database === true && ! ctx.draining();
		let status = 'degraded';
		if ( ! ready ) status = ctx.draining() ? 'draining' : 'not_ready';
		else if ( Object.values( checks ).every( Boolean ) ) status = 'ready';
		const pendingEvents = checks.database
			? await pendingEventCount( ctx.db )
			: null;
		res.status( ready ? 200 : 503 ).json( {
			status,
			checks,
			pendingEvents,
		} );
	} );

	return router;
}

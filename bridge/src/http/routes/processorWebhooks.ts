import express from 'express';
import type { BridgeContext } from '../../context';
import { AppError } from '../../domain/errors';
import {
	handleProcessorWebhook,
	verifyWebhook,
} from '../../domain/webhooks/processorWebhook';
import { findShopById } from '../../store/shops';
import { checkStorable } from '../inputGuard';
import { uuidSchema } from '../query';

/**
 * The processor's webhooks. Mounted with a raw body parser of its own: the signature is checked over
 * the exact bytes first, whatever the content type says (the processor does not document it, and its
 * official plugins ignore it); only then is the body read as JSON.
 */
export function processorWebhookRoutes( ctx: BridgeContext ): express.Router {
	const router = express.Router();
	router.use(
		express.raw( { type: () => true, limit: ctx.config.BODY_LIMIT_BYTES } )
	);

	router.post( '/:shopId', async ( req, res ) => {
		const shop = uuidSchema.safeParse( req.params.shopId ).success
			? await findShopById( ctx.db, req.params.shopId )
			: null;
		if ( ! shop ) throw new AppError( 'not_found', 'Unknown shop.' );
		const raw: Buffer = Buffer.isBuffer( req.body )
			? req.body
			: Buffer.alloc( 0 );
		verifyWebhook( ctx, shop, raw, req.get( 'x-webhook-auth' ) );
		let body: unknown;
		try {
			body = JSON.parse( raw.toString( 'utf8' ) );
		} catch {
			throw new AppError(
				'invalid_json',
				'The webhook body is not JSON.'
			);
		}
		checkStorable( body );
		const outcome = await handleProcessorWebhook( ctx, shop, raw, body );
		// Unknown checkouts answer 404 so the processor retries: the webhook may have overtaken our commit.
		if ( outcome === 'unknown_checkout' )
			throw new AppError(
				'not_found',
				'No checkout with this id for this shop.'
			);
		res.json( { outcome } );
	} );

	return router;
}

import express from 'express';
import { z } from 'zod';
import { checkoutStatusSchema } from '../../contract';
import type { BridgeContext } from '../../context';
import { createCheckout } from '../../domain/checkouts/createCheckout';
import { checkoutForOrder } from '../../domain/checkouts/orderCheckout';
import { refreshCheckout } from '../../domain/checkouts/reconcile';
import { AppError } from '../../domain/errors';
import { requestHash } from '../../domain/idempotency';
import { auditFor } from '../../store/audit';
import {
	billingOf,
	findCheckout,
	listCheckouts,
	statusHistory,
} from '../../store/checkouts';
import { idempotencyKeyOf, sendOnce } from '../idempotencyKey';
import { pageQuerySchema, parseInput, uuidSchema } from '../query';
import { shopOf } from '../shopAuth';

const listQuery = pageQuerySchema.extend( {
	status: checkoutStatusSchema.optional(),
	customerId: uuidSchema.optional(),
	orderRef: z.string().max( 100 ).optional(),
} );

export function checkoutRoutes( ctx: BridgeContext ): express.Router {
	const router = express.Router();

	router.post( '/', async ( req, res ) => {
		const key = idempotencyKeyOf( req );
		const result = await createCheckout(
			ctx,
			shopOf( res ),
			res.locals.json,
			{
				key,
				requestHash: requestHash(
					req.method,
					req.originalUrl,
					res.locals.rawBody
				),
			}
		);
		sendOnce( res, result );
	} );

	/** WooCommerce and other carts: the bridge builds the charge from the order's own numbers. */
	router.post( '/from-order', async ( req, res ) => {
		// The key is still required of every creating request; the order's own state makes it idempotent.
		idempotencyKeyOf( req );
		sendOnce(
			res,
			await checkoutForOrder( ctx, shopOf( res ), res.locals.json )
		);
	} );

	router.get( '/', async ( req, res ) => {
		const q = parseInput( listQuery, req.query );
		res.json( await listCheckouts( ctx.db, shopOf( res ).id, q ) );
	} );

	router.get( '/:id', async ( req, res ) => {
		const shop = shopOf( res );
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		if ( req.query.refresh === '1' ) {
			// Best effort: the stored state is still a correct answer when the processor cannot be asked.
			await refreshCheckout( ctx, shop.id, id ).catch( ( err ) =>
				ctx.log.warn( { err, checkout: id }, 'refresh failed' )
			);
		}
		const checkout = await findCheckout( ctx.db, shop.id, id );
		if ( ! checkout )
			throw new AppError( 'not_found', 'No such checkout.' );
		res.json( {
			checkout,
			billing: await billingOf( ctx.db, shop.id, id ),
			history: await statusHistory( ctx.db, id ),
		} );
	} );

	router.get( '/:id/audit', async ( req, res ) => {
		const shop = shopOf( res );
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		if ( ! ( await findCheckout( ctx.db, shop.id, id ) ) )
			throw new AppError( 'not_found', 'No such checkout.' );
		res.json( {
			entries: await auditFor( ctx.db, shop.id, { checkoutId: id } ),
		} );
	} );

	return router;
}

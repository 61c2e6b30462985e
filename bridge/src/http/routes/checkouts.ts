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
import { writeCheckoutsCsv } from '../../domain/checkouts/exportCsv';
import {
	billingOf,
	countCheckoutsByStatus,
	findCheckout,
	listCheckouts,
	statusHistory,
} from '../../store/checkouts';
import { idempotencyKeyOf, sendOnce } from '../idempotencyKey';
import {
	pageQuerySchema,
	parseInput,
	uuidSchema,
	withoutBlanks,
} from '../query';
import { shopOf } from '../shopAuth';

/** The payments list's filters; the same for its page, its status counts and its CSV. */
const filterQuery = z.object( {
	status: checkoutStatusSchema.optional(),
	customerId: uuidSchema.optional(),
	orderRef: z.string().max( 100 ).optional(),
	search: z.string().trim().max( 200 ).optional(),
	createdFrom: z.iso.datetime( { offset: true } ).optional(),
	createdTo: z.iso.datetime( { offset: true } ).optional(),
} );
const listQuery = pageQuerySchema.extend( filterQuery.shape );

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
		const q = parseInput( listQuery, withoutBlanks( req.query ) );
		res.json( await listCheckouts( ctx.db, shopOf( res ).id, q ) );
	} );

	/** How many payments each status has under the other filters: the list's status tabs. */
	router.get( '/counts', async ( req, res ) => {
		const q = parseInput( filterQuery, withoutBlanks( req.query ) );
		res.json( {
			counts: await countCheckoutsByStatus( ctx.db, shopOf( res ).id, q ),
		} );
	} );

	router.get( '/export.csv', async ( req, res ) => {
		const q = parseInput( filterQuery, withoutBlanks( req.query ) );
		res.status( 200 )
			.type( 'text/csv; charset=utf-8' )
			.set(
				'content-disposition',
				'attachment; filename="payments.csv"'
			);
		await writeCheckoutsCsv( ctx.db, shopOf( res ).id, q, res );
		res.end();
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

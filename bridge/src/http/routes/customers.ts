import express from 'express';
import { z } from 'zod';
import { isCountryCode } from '../../contract';
import type { BridgeContext } from '../../context';
import { createCustomer } from '../../domain/customers/createCustomer';
import { editCustomer } from '../../domain/customers/editCustomer';
import { eraseCustomer } from '../../domain/customers/eraseCustomer';
import { writeCustomersCsv } from '../../domain/customers/exportCsv';
import { AppError } from '../../domain/errors';
import { requestHash } from '../../domain/idempotency';
import { auditFor } from '../../store/audit';
import { listCheckouts, payerAccountsOfCustomer } from '../../store/checkouts';
import {
	countCustomers,
	CUSTOMER_SORTS,
	findCustomer,
	findCustomers,
	type CustomerFilter,
} from '../../store/customers';
import { customerStatistics } from '../../store/statistics';
import { idempotencyKeyOf, sendOnce } from '../idempotencyKey';
import {
	pageQuerySchema,
	parseInput,
	uuidSchema,
	withoutBlanks,
} from '../query';
import { shopOf } from '../shopAuth';

const filterSchema = z.object( {
	q: z.string().trim().max( 200 ).optional(),
	email: z.string().trim().max( 254 ).optional(),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.refine( isCountryCode, { error: 'invalid_country' } )
		.optional(),
	level: z.enum( [ 'minimal', 'compliant' ] ).optional(),
	hasPayments: z
		.enum( [ 'true', 'false' ] )
		.transform( ( v ) => v === 'true' )
		.optional(),
} );
const listQuery = pageQuerySchema.extend( {
	...filterSchema.shape,
	sort: z.enum( CUSTOMER_SORTS ).optional(),
	order: z.enum( [ 'asc', 'desc' ] ).optional(),
	withTotal: z
		.enum( [ 'true', 'false' ] )
		.transform( ( v ) => v === 'true' )
		.optional(),
} );

/**
 * A search counts its matches up to this ("more than 1,000" is what a person searching needs, and
 * counting every match of a common term is slow); totals under the other filters are always exact.
 */
const SEARCH_TOTAL_CAP = 1_000;

export function customerRoutes( ctx: BridgeContext ): express.Router {
	const router = express.Router();

	router.get( '/', async ( req, res ) => {
		const { withTotal, ...query } = parseInput(
			listQuery,
			withoutBlanks( req.query )
		);
		const { total, ...page } = await findCustomers(
			ctx.db,
			shopOf( res ).id,
			query,
			SEARCH_TOTAL_CAP
		);
		res.json( withTotal ? { ...page, total } : page );
	} );

	router.post( '/', async ( req, res ) => {
		const key = idempotencyKeyOf( req );
		const result = await createCustomer(
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

	router.get( '/statistics', async ( _req, res ) => {
		res.json( await customerStatistics( ctx.db, shopOf( res ).id ) );
	} );

	router.get( '/export.csv', async ( req, res ) => {
		const filter: CustomerFilter = parseInput(
			filterSchema,
			withoutBlanks( req.query )
		);
		const shopId = shopOf( res ).id;
		const total = await countCustomers(
			ctx.db,
			shopId,
			filter,
			Number.MAX_SAFE_INTEGER - 1
		);
		res.status( 200 )
			.type( 'text/csv; charset=utf-8' )
			.set( {
				'content-disposition': 'attachment; filename="customers.csv"',
				'x-total-count': String( total.count ),
			} );
		await writeCustomersCsv( ctx.db, shopId, filter, res );
		res.end();
	} );

	router.get( '/:id', async ( req, res ) => {
		const shop = shopOf( res );
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		const customer = await findCustomer( ctx.db, shop.id, id );
		if ( ! customer )
			throw new AppError( 'not_found', 'No such customer.' );
		const checkouts = await listCheckouts( ctx.db, shop.id, {
			customerId: id,
			limit: 50,
		} );
		res.json( {
			customer,
			checkouts: checkouts.items,
			accounts: await payerAccountsOfCustomer( ctx.db, shop.id, id ),
		} );
	} );

	/** Everything held about one customer, for the merchant's export and WordPress's privacy exporter. */
	router.get( '/:id/export', async ( req, res ) => {
		const shop = shopOf( res );
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		const customer = await findCustomer( ctx.db, shop.id, id );
		if ( ! customer )
			throw new AppError( 'not_found', 'No such customer.' );
		const checkouts = [];
		let cursor: string | undefined;
		do {
			const page = await listCheckouts( ctx.db, shop.id, {
				customerId: id,
				limit: 200,
				cursor,
			} );
			checkouts.push( ...page.items );
			cursor = page.nextCursor ?? undefined;
		} while ( cursor );
		res.set(
			'content-disposition',
			`attachment; filename="customer-${ id }.json"`
		).json( {
			customer,
			checkouts,
			accounts: await payerAccountsOfCustomer( ctx.db, shop.id, id ),
			audit: await auditFor( ctx.db, shop.id, { customerId: id } ),
		} );
	} );

	router.patch( '/:id', async ( req, res ) => {
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		res.json( {
			customer: await editCustomer(
				ctx,
				shopOf( res ),
				id,
				res.locals.json
			),
		} );
	} );

	router.delete( '/:id', async ( req, res ) => {
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		res.json( { customer: await eraseCustomer( ctx, shopOf( res ), id ) } );
	} );

	router.get( '/:id/audit', async ( req, res ) => {
		const shop = shopOf( res );
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		if ( ! ( await findCustomer( ctx.db, shop.id, id ) ) )
			throw new AppError( 'not_found', 'No such customer.' );
		res.json( {
			entries: await auditFor( ctx.db, shop.id, { customerId: id } ),
		} );
	} );

	return router;
}

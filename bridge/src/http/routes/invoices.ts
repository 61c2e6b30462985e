import express from 'express';
import { z } from 'zod';
import type { BridgeContext } from '../../context';
import { AppError } from '../../domain/errors';
import { writeInvoicesCsv } from '../../domain/invoices/exportCsv';
import { renderPdf } from '../../domain/invoices/pdf';
import {
	findInvoice,
	keepPdf,
	listInvoices,
	storedPdf,
} from '../../store/invoices';
import { parseInput, uuidSchema, withoutBlanks } from '../query';
import { shopOf } from '../shopAuth';

const listQuery = z.object( {
	limit: z.coerce.number().int().min( 1 ).max( 200 ).default( 50 ),
	/** The number (sequence) after which to continue, from the previous page's `nextCursor`. */
	cursor: z
		.string()
		.regex( /^[1-9]\d{0,14}$/, { error: 'invalid_cursor' } )
		.optional(),
	checkoutId: uuidSchema.optional(),
	customerId: uuidSchema.optional(),
} );

/** The shop's invoices and credit notes: the list, each document, its PDF, and a CSV for the accountant. */
export function invoiceRoutes( ctx: BridgeContext ): express.Router {
	const router = express.Router();

	router.get( '/', async ( req, res ) => {
		const q = parseInput( listQuery, withoutBlanks( req.query ) );
		res.json(
			await listInvoices( ctx.db, shopOf( res ).id, {
				limit: q.limit,
				before: q.cursor ? Number( q.cursor ) : undefined,
				checkoutId: q.checkoutId,
				customerId: q.customerId,
			} )
		);
	} );

	router.get( '/export.csv', async ( _req, res ) => {
		res.status( 200 )
			.type( 'text/csv; charset=utf-8' )
			.set(
				'content-disposition',
				'attachment; filename="invoices.csv"'
			);
		await writeInvoicesCsv( ctx.db, shopOf( res ).id, res );
		res.end();
	} );

	router.get( '/:id', async ( req, res ) => {
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		const found = await findInvoice( ctx.db, shopOf( res ).id, id );
		if ( ! found ) throw new AppError( 'not_found', 'No such invoice.' );
		res.json( found );
	} );

	router.get( '/:id/pdf', async ( req, res ) => {
		const shop = shopOf( res );
		const id = parseInput( uuidSchema, req.params.id, 'id' );
		const found = await findInvoice( ctx.db, shop.id, id );
		if ( ! found ) throw new AppError( 'not_found', 'No such invoice.' );
		const pdf =
			( await storedPdf( ctx.db, shop.id, id ) ) ??
			( await keepPdf(
				ctx.db,
				shop.id,
				id,
				await renderPdf( found.document )
			) );
		res.status( 200 )
			.type( 'application/pdf' )
			.set(
				'content-disposition',
				`attachment; filename="${ found.invoice.number.replace( /[^A-Za-z0-9._-]/g, '-' ) }.pdf"`
			)
			.send( pdf );
	} );

	return router;
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Queryable } from '../../store/db';
import { listCheckouts, type CheckoutFilter } from '../../store/checkouts';
import { CSV_BOM, csvRow } from '../csv';

const HEADER = [
	'id',
	'createdAt',
	'status',
	'total',
	'amountReceived',
	'currency',
	'orderRef',
	'level',
	'processor',
	'processorCheckoutId',
	'customerId',
	'customerName',
	'customerEmail',
	'updatedAt',
];

const PAGE = 500;

/**
 * Streams the shop's payments under a filter as CSV, page by page on the list's own keyset (memory
 * stays flat at any size), respecting back-pressure. Returns the number of rows.
 */
export async function writeCheckoutsCsv(
	db: Queryable,
	shopId: string,
	filter: CheckoutFilter,
	out: Writable
): Promise< number > {
	let rows = 0;
	let cursor: string | undefined;
	out.write( CSV_BOM + csvRow( HEADER ) );
	do {
		const page = await listCheckouts( db, shopId, {
			...filter,
			limit: PAGE,
			cursor,
		} );
		for ( const c of page.items ) {
			const line = csvRow( [
				c.id,
				c.createdAt,
				c.status,
				c.total,
				c.amountReceived,
				c.currency,
				c.orderRef,
				c.level,
				c.processor,
				c.processorCheckoutId,
				c.customerId,
				c.customer?.name,
				c.customer?.email,
				c.updatedAt,
			] );
			if ( ! out.write( line ) ) await once( out, 'drain' );
			rows++;
		}
		cursor = page.nextCursor ?? undefined;
	} while ( cursor );
	return rows;
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Queryable } from '../../store/db';
import { listInvoices } from '../../store/invoices';
import { CSV_BOM, csvRow } from '../csv';

const HEADER = [
	'number',
	'kind',
	'issuedAt',
	'currency',
	'total',
	'buyerName',
	'checkoutId',
	'id',
];

const PAGE = 500;

/** The shop's invoices and credit notes for the accountant, newest number first, streamed page by page. */
export async function writeInvoicesCsv(
	db: Queryable,
	shopId: string,
	out: Writable
): Promise< number > {
	let rows = 0;
	let before: number | undefined;
	out.write( CSV_BOM + csvRow( HEADER ) );
	for (;;) {
		const page = await listInvoices( db, shopId, { limit: PAGE, before } );
		for ( const i of page.items ) {
			const ok = out.write(
				csvRow( [
					i.number,
					i.kind,
					i.issuedAt,
					i.currency,
					i.total,
					i.buyerName,
					i.checkoutId,
					i.id,
				] )
			);
			rows++;
			if ( ! ok ) await once( out, 'drain' );
		}
		if ( ! page.nextCursor ) return rows;
		before = Number( page.nextCursor );
	}
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Customer } from '../../contract';
import type { Queryable } from '../../store/db';
import type { CustomerFilter } from '../../store/customers';
import {
	customerExportBatches,
	type CustomerExportRow,
} from '../../store/customerExport';
import { CSV_BOM, csvRow } from '../csv';

/** The export's columns: the contract's names in the header, the row's column beside each. */
const COLUMNS = [
	[ 'id', 'id' ],
	[ 'email', 'email' ],
	[ 'firstName', 'first_name' ],
	[ 'lastName', 'last_name' ],
	[ 'company', 'company' ],
	[ 'taxId', 'tax_id' ],
	[ 'addressLine1', 'address_line1' ],
	[ 'addressLine2', 'address_line2' ],
	[ 'postalCode', 'postal_code' ],
	[ 'city', 'city' ],
	[ 'countryCode', 'country_code' ],
	[ 'phone', 'phone' ],
	[ 'note', 'note' ],
	[ 'meta', 'meta' ],
	[ 'level', 'level' ],
	[ 'createdAt', 'created_at' ],
	[ 'updatedAt', 'updated_at' ],
	[ 'erasedAt', 'erased_at' ],
] as const satisfies ReadonlyArray<
	readonly [ keyof Customer, keyof CustomerExportRow ]
>;

/** `meta` as the API writes it (compact JSON); the database's text of it has spaces. */
const cell = ( row: CustomerExportRow, column: keyof CustomerExportRow ) =>
	column === 'meta' && row.meta !== null
		? JSON.parse( row.meta )
		: row[ column ];

/**
 * Streams every matching customer of the shop as CSV, a batch of rows per write and respecting
 * back-pressure: memory stays flat at any size.
 */
export async function writeCustomersCsv(
	db: Queryable,
	shopId: string,
	filter: CustomerFilter,
	out: Writable
): Promise< number > {
	let rows = 0;
	out.write( CSV_BOM + csvRow( COLUMNS.map( ( [ name ] ) => name ) ) );
	for await ( const batch of customerExportBatches( db, shopId, filter ) ) {
		let text = '';
		for ( const row of batch )
			text += csvRow(
				COLUMNS.map( ( [ , column ] ) => cell( row, column ) )
			);
		rows += batch.length;
		if ( ! out.write( text ) ) await once( out, 'drain' );
	}
	return rows;
}

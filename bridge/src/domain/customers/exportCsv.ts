import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Customer } from '../../contract';
import type { Queryable } from '../../store/db';
import { iterateCustomers, type CustomerFilter } from '../../store/customers';

const COLUMNS = [
	'id',
	'email',
	'firstName',
	'lastName',
	'company',
	'taxId',
	'addressLine1',
	'addressLine2',
	'postalCode',
	'city',
	'countryCode',
	'phone',
	'note',
	'meta',
	'level',
	'createdAt',
	'updatedAt',
	'erasedAt',
] as const satisfies ReadonlyArray< keyof Customer >;

/** Spreadsheets open a UTF-8 file as UTF-8 only with a byte order mark ("Łukasz" stays "Łukasz"). */
export const CSV_BOM = '\uFEFF';

/**
 * RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. A phone
 * number or a signed amount ("+49 30 1234567") starts like one but can call nothing: it stays as it is.
 */
export function csvCell( value: unknown ): string {
	let text = '';
	if ( value !== null && value !== undefined )
		text =
			typeof value === 'object'
				? JSON.stringify( value )
				: String( value );
	if ( /^[=+\-@\t\r]/.test( text ) && ! /^[+\-]?[0-9 ().\/-]+$/.test( text ) )
		text = `'${ text }`;
	return /[",\r\n]/.test( text ) ? `"${ text.replace( /"/g, '""' ) }"` : text;
}

export function csvRow( values: unknown[] ): string {
	return values.map( csvCell ).join( ',' ) + '\r\n';
}

/** Streams every customer of the shop as CSV, respecting back-pressure: memory stays flat at any size. */
export async function writeCustomersCsv(
	db: Queryable,
	shopId: string,
	filter: CustomerFilter,
	out: Writable
): Promise< number > {
	let rows = 0;
	out.write( CSV_BOM + csvRow( [ ...COLUMNS ] ) );
	for await ( const customer of iterateCustomers( db, shopId, filter ) ) {
		const values = COLUMNS.map( ( c ) =>
			c === 'meta' && ! Object.keys( customer.meta ?? {} ).length
				? ''
				: customer[ c ]
		);
		if ( ! out.write( csvRow( values ) ) ) await once( out, 'drain' );
		rows++;
	}
	return rows;
}

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
	'level',
	'createdAt',
	'updatedAt',
	'erasedAt',
] as const satisfies ReadonlyArray< keyof Customer >;

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
export function csvCell( value: unknown ): string {
	let text = value === null || value === undefined ? '' : String( value );
	if ( /^[=+\-@\t\r]/.test( text ) ) text = `'${ text }`;
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
	out.write( csvRow( [ ...COLUMNS ] ) );
	for await ( const customer of iterateCustomers( db, shopId, filter ) ) {
		if ( ! out.write( csvRow( COLUMNS.map( ( c ) => customer[ c ] ) ) ) )
			await once( out, 'drain' );
		rows++;
	}
	return rows;
}

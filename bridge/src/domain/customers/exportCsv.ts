import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Customer } from '../../contract';
import type { Queryable } from '../../store/db';
import { iterateCustomers, type CustomerFilter } from '../../store/customers';
import { CSV_BOM, csvRow } from '../csv';

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

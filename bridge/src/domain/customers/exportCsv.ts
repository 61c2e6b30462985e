import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Db } from '../../store/db';
import type { CustomerFilter } from '../../store/customers';
import {
	customerExportBatches,
	EXPORT_COLUMNS,
	isoFromUtcText,
} from '../../store/customerExport';
import { CSV_BOM, csvRow } from '../csv';

/** How each column's text becomes the value the API shows: `meta` as compact JSON (the database's text of it has spaces), timestamps in ISO. */
const AS_API = EXPORT_COLUMNS.map(
	( [ name ] ): ( ( text: string ) => unknown ) => {
		if ( name === 'meta' ) return JSON.parse;
		if (
			name === 'createdAt' ||
			name === 'updatedAt' ||
			name === 'erasedAt'
		)
			return isoFromUtcText;
		return ( text ) => text;
	}
);

/**
 * Streams every matching customer of the shop as CSV, a batch of rows per write and respecting
 * back-pressure: memory stays flat at any size.
 */
export async function writeCustomersCsv(
	db: Pick< Db, 'queryTextRows' | 'kind' >,
	shopId: string,
	filter: CustomerFilter,
	out: Writable
): Promise< number > {
	let rows = 0;
	out.write( CSV_BOM + csvRow( EXPORT_COLUMNS.map( ( [ name ] ) => name ) ) );
	for await ( const batch of customerExportBatches( db, shopId, filter ) ) {
		let text = '';
		// The batch is the writer's to change: the next one was asked for before this one was handed over.
		for ( const row of batch as unknown[][] ) {
			for ( let i = 0; i < row.length; i++ )
				if ( row[ i ] !== null )
					row[ i ] = AS_API[ i ]!( row[ i ] as string );
			text += csvRow( row );
		}
		rows += batch.length;
		if ( ! out.write( text ) ) await once( out, 'drain' );
	}
	return rows;
}

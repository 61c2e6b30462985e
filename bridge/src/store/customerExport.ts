import type { Db } from './db';
import { customerFilterSql, type CustomerFilter } from './customers';

/** A timestamp as UTC text ("2026-11-25 08:50:27.123456"): the database's plain output, cheap to make. */
const utc = ( column: string ) => `(${ column } at time zone 'UTC')::text`;

/**
 * The export's columns (the contract's names) and what reads each, every one as text: no value passes
 * through a type parser (the driver's timestamp parser was a third of the export's time, and to_char()
 * is four times as slow as plain text output), and the JSON of `meta` is read only when there is some.
 */
export const EXPORT_COLUMNS = [
	[ 'id', 'id::text' ],
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
	[ 'meta', `case when meta = '{}'::jsonb then null else meta::text end` ],
	[ 'level', 'level' ],
	[ 'createdAt', utc( 'created_at' ) ],
	[ 'updatedAt', utc( 'updated_at' ) ],
	[ 'erasedAt', utc( 'erased_at' ) ],
] as const;

/** One exported customer: a value (or null) per column of EXPORT_COLUMNS, in order. */
export type CustomerExportRow = Array< string | null >;

const ID = EXPORT_COLUMNS.findIndex( ( [ name ] ) => name === 'id' );
const CREATED = EXPORT_COLUMNS.findIndex(
	( [ name ] ) => name === 'createdAt'
);

/**
 * Rows per batch: PostgreSQL works on the next batch while the bridge writes this one, and smaller
 * batches keep both busy; a query costs PGlite (in the bridge's own thread) much of what its rows do.
 */
const BATCH: Record< Db[ 'kind' ], number > = {
	postgres: 5000,
	pglite: 20_000,
};

/** UTC text as the contract writes a timestamp: "2026-11-25T08:50:27.123Z" (milliseconds, as Date has them). */
export function isoFromUtcText( text: string ): string {
	const millis =
		text.length > 20 ? text.slice( 20, 23 ).padEnd( 3, '0' ) : '000';
	return `${ text.slice( 0, 10 ) }T${ text.slice( 11, 19 ) }.${ millis }Z`;
}

/**
 * The shop's customers matching a filter, oldest first, in keyset batches: memory stays flat at any
 * size. Rows are arrays of text (no object per row, no type parser). The created_at text, to the microsecond, is the
 * row's exact place in the order; the order names the table's columns (the output's are text).
 */
export async function* customerExportBatches(
	db: Pick< Db, 'queryTextRows' | 'kind' >,
	shopId: string,
	filter: CustomerFilter,
	batch = BATCH[ db.kind ]
): AsyncGenerator< CustomerExportRow[] > {
	const { where, values } = customerFilterSql( shopId, filter );
	// Each column named as the contract names it: the names must be distinct (see queryTextRows).
	const select = EXPORT_COLUMNS.map(
		( [ name, sql ] ) => `${ sql } as "${ name }"`
	).join( ', ' );
	const fetchAfter = (
		after: [ string, string ] | undefined,
		size: number
	) => {
		const params = [ ...values ];
		const conditions = [ ...where ];
		if ( after ) {
			params.push( ...after );
			conditions.push(
				`(created_at, id) > ($${ params.length - 1 }::timestamp at time zone 'UTC', $${ params.length }::uuid)`
			);
		}
		params.push( size );
		return db.queryTextRows(
			`select ${ select } from customers where ${ conditions.join( ' and ' ) }
        order by customers.created_at, customers.id limit $${ params.length }`,
			params
		);
	};
	// A small first batch, so the first byte leaves at once; then full ones.
	let size = Math.min( 100, batch );
	let rows = await fetchAfter( undefined, size );
	// PostgreSQL prepares the next batch while this one is written. PGlite runs in this very thread: a
	// query asked for early would only hold back the write (the first byte waited for 20,000 rows).
	const prefetch = db.kind === 'postgres';
	while ( rows.length ) {
		// The place to go on from, taken before the caller (free to change the rows) sees them.
		const last = rows[ rows.length - 1 ]!;
		const after: [ string, string ] | undefined =
			rows.length === size
				? [ last[ CREATED ]!, last[ ID ]! ]
				: undefined;
		size = batch;
		const next = prefetch && after ? fetchAfter( after, size ) : null;
		// A failed prefetch is the caller's error at the next step, never an unhandled rejection.
		next?.catch( () => undefined );
		yield rows;
		if ( next ) rows = await next;
		else rows = after ? await fetchAfter( after, size ) : [];
	}
}

import type { Queryable } from './db';
import { customerFilterSql, type CustomerFilter } from './customers';

/** A timestamp as the contract writes it (UTC, milliseconds), formatted by PostgreSQL. */
const iso = ( column: string ) =>
	`to_char(${ column } at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The export's columns, every one as text: no value passes through a type parser (the driver's
 * timestamp parser was a third of the export's time), and the JSON of `meta` is read only when there is
 * some. `cursor` is the row's exact place in the order (created_at to the microsecond).
 */
const SELECT = `id::text, email, first_name, last_name, company, tax_id, address_line1, address_line2,
  postal_code, city, country_code, phone, note, case when meta = '{}'::jsonb then null else meta::text end as meta,
  level, ${ iso( 'created_at' ) } as created_at, ${ iso( 'updated_at' ) } as updated_at, ${ iso( 'erased_at' ) } as erased_at,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor`;

export interface CustomerExportRow {
	id: string;
	email: string | null;
	first_name: string | null;
	last_name: string | null;
	company: string | null;
	tax_id: string | null;
	address_line1: string | null;
	address_line2: string | null;
	postal_code: string | null;
	city: string | null;
	country_code: string | null;
	phone: string | null;
	note: string | null;
	meta: string | null;
	level: string;
	created_at: string;
	updated_at: string;
	erased_at: string | null;
	cursor: string;
}

/**
 * The shop's customers matching a filter, oldest first, in keyset batches: memory stays flat at any
 * size. The next batch is asked for while the caller writes this one, so the database and the writing
 * overlap.
 */
export async function* customerExportBatches(
	db: Queryable,
	shopId: string,
	filter: CustomerFilter,
	batch = 5000
): AsyncGenerator< CustomerExportRow[] > {
	const { where, values } = customerFilterSql( shopId, filter );
	const fetchAfter = ( last?: CustomerExportRow ) => {
		const params = [ ...values ];
		const conditions = [ ...where ];
		if ( last ) {
			params.push( last.cursor, last.id );
			conditions.push(
				`(created_at, id) > ($${ params.length - 1 }::timestamptz, $${ params.length }::uuid)`
			);
		}
		params.push( batch );
		return db.query< CustomerExportRow >(
			`select ${ SELECT } from customers where ${ conditions.join( ' and ' ) } order by created_at, id limit $${ params.length }`,
			params
		);
	};
	let rows = await fetchAfter();
	while ( rows.length ) {
		const next =
			rows.length === batch
				? fetchAfter( rows[ rows.length - 1 ] )
				: null;
		// A failed prefetch is the caller's error at the next step, never an unhandled rejection.
		next?.catch( () => undefined );
		yield rows;
		rows = next ? await next : [];
	}
}

import { createHash } from 'node:crypto';
import { hasUnstorableCharacters } from '../contract';
import type { Queryable } from './db';

export interface Page< T > {
	items: T[];
	nextCursor: string | null;
}

/** One column (or expression) a list is ordered by; the row's id always breaks ties. */
export interface SortKey< Row > {
	expr: string;
	cast: string;
	value: ( row: Row ) => string;
}

/** A cursor that does not belong to this list (malformed, tampered, or from another sort): a 400, never a query. */
export class CursorError extends Error {
	constructor() {
		super( 'bad cursor' );
		this.name = 'CursorError';
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Whether a cursor value can be cast as its key's column is, so PostgreSQL never sees a bad one. */
const VALID_AS: Record< string, ( v: string ) => boolean > = {
	uuid: ( v ) => UUID.test( v ),
	timestamptz: ( v ) =>
		ISO_TIME.test( v ) && ! Number.isNaN( Date.parse( v ) ),
	text: ( v ) => v.length <= 1000 && ! hasUnstorableCharacters( v ),
};

/** Names the sort a cursor was made for (its keys and direction), so it is refused by any other. */
function sortTag( exprs: string[], direction: string ): string {
	return createHash( 'sha256' )
		.update( `${ exprs.join( ',' ) }|${ direction }` )
		.digest( 'base64url' )
		.slice( 0, 8 );
}

function encodeCursor( tag: string, values: string[] ): string {
	return Buffer.from( JSON.stringify( { s: tag, v: values } ) ).toString(
		'base64url'
	);
}

/** Decodes a cursor for one sort, checking every value against its column's type. */
function decodeCursor(
	cursor: string,
	tag: string,
	casts: string[]
): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse( Buffer.from( cursor, 'base64url' ).toString() );
	} catch {
		throw new CursorError();
	}
	const { s, v } = ( parsed ?? {} ) as { s?: unknown; v?: unknown };
	if ( s !== tag || ! Array.isArray( v ) || v.length !== casts.length )
		throw new CursorError();
	if (
		! v.every(
			( value, i ) =>
				typeof value === 'string' && VALID_AS[ casts[ i ]! ]!( value )
		)
	)
		throw new CursorError();
	return v as string[];
}

/**
 * Keyset paging over any sort: rows after the cursor's (keys…, id) in the sort direction, so a deep
 * page costs what the first does when an index matches (shop_id, keys…, id).
 */
export async function keysetPage< Row extends { id: string }, T >(
	db: Queryable,
	query: {
		table: string;
		where: string[];
		values: unknown[];
		keys: SortKey< Row >[];
		direction: 'asc' | 'desc';
		limit: number;
		cursor?: string;
	},
	map: ( row: Row ) => T
): Promise< Page< T > > {
	const where = [ ...query.where ];
	const values = [ ...query.values ];
	const exprs = [ ...query.keys.map( ( k ) => k.expr ), 'id' ];
	const casts = [ ...query.keys.map( ( k ) => k.cast ), 'uuid' ];
	const tag = sortTag( exprs, query.direction );
	if ( query.cursor ) {
		const after = decodeCursor( query.cursor, tag, casts );
		const params = after.map( ( v, i ) => {
			values.push( v );
			return `$${ values.length }::${ casts[ i ] }`;
		} );
		where.push(
			`(${ exprs.join( ', ' ) }) ${ query.direction === 'asc' ? '>' : '<' } (${ params.join( ', ' ) })`
		);
	}
	values.push( query.limit + 1 );
	const order = exprs
		.map( ( e ) => `${ e } ${ query.direction }` )
		.join( ', ' );
	const rows = await db.query< Row >(
		`select * from ${ query.table } where ${ where.join( ' and ' ) } order by ${ order } limit $${ values.length }`,
		values
	);
	const page = rows.slice( 0, query.limit );
	const last = page[ page.length - 1 ];
	return {
		items: page.map( map ),
		nextCursor:
			rows.length > query.limit && last
				? encodeCursor( tag, [
						...query.keys.map( ( k ) => k.value( last ) ),
						last.id,
					] )
				: null,
	};
}

/** How many rows match, counted up to `cap` (a list of a million needs "10,000+", not a full count). */
export async function countUpTo(
	db: Queryable,
	table: string,
	where: string[],
	values: unknown[],
	cap: number
): Promise< { count: number; capped: boolean } > {
	const rows = await db.query< { n: string } >(
		`select count(*)::text as n from (select 1 from ${ table } where ${ where.join( ' and ' ) } limit ${ cap + 1 }) as capped`,
		values
	);
	const n = Number( rows[ 0 ]?.n ?? 0 );
	return { count: Math.min( n, cap ), capped: n > cap };
}

export const createdAtKey = <
	Row extends { created_at: string },
>(): SortKey< Row > => ( {
	expr: 'created_at',
	cast: 'timestamptz',
	value: ( r ) => r.created_at,
} );

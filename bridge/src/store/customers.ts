import type { Customer, CustomerInput, Level, ListTotal } from '../contract';
import type { Queryable } from './db';
import type { Statement } from './oneStatement';
import { countSearch, termCondition, termSearch } from './customerSearch';
import { countFromSummary } from './customerSummary';
import {
	countUpTo,
	createdAtKey,
	keysetPage,
	type Page,
	type SortKey,
} from './paging';

interface CustomerRow {
	id: string;
	shop_id: string;
	email: string | null;
	email_key: string | null;
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
	meta: Record< string, string >;
	level: 'minimal' | 'compliant';
	processor_customer_id: string | null;
	erased_at: string | null;
	created_at: string;
	updated_at: string;
}

/** Contract field → column. The one place the two vocabularies meet. */
const COLUMNS = {
	email: 'email',
	firstName: 'first_name',
	lastName: 'last_name',
	company: 'company',
	taxId: 'tax_id',
	addressLine1: 'address_line1',
	addressLine2: 'address_line2',
	postalCode: 'postal_code',
	city: 'city',
	countryCode: 'country_code',
	phone: 'phone',
	note: 'note',
} as const satisfies Partial<
	Record< keyof CustomerInput, keyof CustomerRow >
>;
type ColumnField = keyof typeof COLUMNS;
const FIELDS = Object.keys( COLUMNS ) as ColumnField[];

function toCustomer( row: CustomerRow ): Customer {
	const customer: Customer = {
		id: row.id,
		email: row.email,
		level: row.level,
		processorCustomerId: row.processor_customer_id,
		meta: row.meta,
		erasedAt: row.erased_at,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
	for ( const field of FIELDS ) {
		const value = row[ COLUMNS[ field ] ];
		if ( field !== 'email' && value !== null ) customer[ field ] = value;
	}
	return customer;
}

export async function findCustomerByEmail(
	db: Queryable,
	shopId: string,
	emailKey: string
): Promise< Customer | null > {
	const rows = await db.query< CustomerRow >(
		'select * from customers where shop_id = $1 and email_key = $2',
		[ shopId, emailKey ]
	);
	return rows[ 0 ] ? toCustomer( rows[ 0 ] ) : null;
}

export async function findCustomer(
	db: Queryable,
	shopId: string,
	id: string
): Promise< Customer | null > {
	const rows = await db.query< CustomerRow >(
		'select * from customers where shop_id = $1 and id = $2',
		[ shopId, id ]
	);
	return rows[ 0 ] ? toCustomer( rows[ 0 ] ) : null;
}

export interface NewCustomer {
	id: string;
	shopId: string;
	level: 'minimal' | 'compliant';
	processorCustomerId: string;
	fields: CustomerInput & { email: string };
	emailKey: string;
}

/** The INSERT of a new customer, to run alone or with other writes (`writeAsOne`). */
export function customerInsert( c: NewCustomer ): Statement {
	const present = FIELDS.filter( ( f ) => c.fields[ f ] !== undefined );
	const columns = [
		'id',
		'shop_id',
		'email_key',
		'level',
		'processor_customer_id',
		'meta',
		...present.map( ( f ) => COLUMNS[ f ] ),
	];
	return {
		sql: `insert into customers (${ columns.join( ', ' ) }) values (${ columns.map( ( col, i ) => ( col === 'meta' ? `$${ i + 1 }::jsonb` : `$${ i + 1 }` ) ).join( ', ' ) })`,
		params: [
			c.id,
			c.shopId,
			c.emailKey,
			c.level,
			c.processorCustomerId,
			JSON.stringify( c.fields.meta ?? {} ),
			...present.map( ( f ) => c.fields[ f ] ),
		],
	};
}

export async function insertCustomer(
	db: Queryable,
	c: NewCustomer
): Promise< Customer > {
	const { sql, params } = customerInsert( c );
	const rows = await db.query< CustomerRow >(
		`${ sql } returning *`,
		params
	);
	return toCustomer( rows[ 0 ]! );
}

/**
 * The UPDATE of a customer: overwrites the given fields (undefined leaves a field as it is, null
 * clears it) and raises the level if asked. To run alone or with other writes (`writeAsOne`).
 */
export function customerUpdate(
	shopId: string,
	id: string,
	changes: { [ K in ColumnField ]?: string | null } & {
		meta?: Record< string, string >;
		level?: Level;
		emailKey?: string;
		processorCustomerId?: string;
	}
): Statement {
	const sets: string[] = [];
	const values: unknown[] = [ shopId, id ];
	for ( const field of FIELDS ) {
		if ( changes[ field ] === undefined ) continue;
		values.push( changes[ field ] );
		sets.push( `${ COLUMNS[ field ] } = $${ values.length }` );
	}
	if ( changes.emailKey !== undefined ) {
		values.push( changes.emailKey );
		sets.push( `email_key = $${ values.length }` );
	}
	if ( changes.processorCustomerId !== undefined ) {
		values.push( changes.processorCustomerId );
		sets.push( `processor_customer_id = $${ values.length }` );
	}
	if ( changes.meta !== undefined ) {
		values.push( JSON.stringify( changes.meta ) );
		sets.push( `meta = $${ values.length }::jsonb` );
	}
	if ( changes.level === 'compliant' ) sets.push( `level = 'compliant'` );
	return {
		sql: `update customers set ${ [ ...sets, 'updated_at = now()' ].join( ', ' ) } where shop_id = $1 and id = $2`,
		params: values,
	};
}

export async function updateCustomer(
	db: Queryable,
	shopId: string,
	id: string,
	changes: Parameters< typeof customerUpdate >[ 2 ]
): Promise< Customer | null > {
	const { sql, params } = customerUpdate( shopId, id, changes );
	const rows = await db.query< CustomerRow >(
		`${ sql } returning *`,
		params
	);
	return rows[ 0 ] ? toCustomer( rows[ 0 ] ) : null;
}

/** Clears every personal field; the row stays so payments keep their (now anonymous) customer. */
export async function eraseCustomerRow(
	db: Queryable,
	shopId: string,
	id: string
): Promise< Customer | null > {
	// The billing details each of the customer's checkouts kept go with the record. The checkouts come
	// first: a payment's update takes its checkout and then (its trigger) the customer, so this order
	// never waits on it the other way round.
	await db.query(
		`update checkouts set billing = null where shop_id = $1 and customer_id = $2
        and exists (select 1 from customers where shop_id = $1 and id = $2 and erased_at is null)`,
		[ shopId, id ]
	);
	const rows = await db.query< CustomerRow >(
		`update customers set ${ FIELDS.map( ( f ) => `${ COLUMNS[ f ] } = null` ).join( ', ' ) }, email_key = null, meta = '{}',
       erased_at = now(), updated_at = now() where shop_id = $1 and id = $2 and erased_at is null returning *`,
		[ shopId, id ]
	);
	return rows[ 0 ] ? toCustomer( rows[ 0 ] ) : null;
}

export const CUSTOMER_SORTS = [ 'createdAt', 'name', 'email' ] as const;
export type CustomerSort = ( typeof CUSTOMER_SORTS )[ number ];

export interface CustomerFilter {
	q?: string;
	email?: string;
	country?: string;
	level?: 'minimal' | 'compliant';
	hasPayments?: boolean;
}

/** The keys each sort orders by; each has an index on (shop_id, keys…, id). */
const SORT_KEYS: Record< CustomerSort, SortKey< CustomerRow >[] > = {
	createdAt: [ createdAtKey() ],
	name: [
		{
			expr: `lower(coalesce(last_name, ''))`,
			cast: 'text',
			value: ( r ) => ( r.last_name ?? '' ).toLowerCase(),
		},
		{
			expr: `lower(coalesce(first_name, ''))`,
			cast: 'text',
			value: ( r ) => ( r.first_name ?? '' ).toLowerCase(),
		},
	],
	email: [
		{
			expr: `coalesce(email_key, '')`,
			cast: 'text',
			value: ( r ) => r.email_key ?? '',
		},
	],
};

export function customerFilterSql(
	shopId: string,
	filter: CustomerFilter
): { where: string[]; values: unknown[] } {
	const where = [ 'shop_id = $1' ];
	const values: unknown[] = [ shopId ];
	const add = ( sql: ( p: string ) => string, value: unknown ) => {
		values.push( value );
		where.push( sql( `$${ values.length }` ) );
	};
	if ( filter.q ) {
		const search = termSearch( filter.q );
		add( ( p ) => termCondition( search, p ), search.pattern );
	}
	if ( filter.email )
		add( ( p ) => `email_key = ${ p }`, filter.email.trim().toLowerCase() );
	if ( filter.country )
		add( ( p ) => `country_code = ${ p }`, filter.country );
	if ( filter.level ) add( ( p ) => `level = ${ p }`, filter.level );
	// Kept by the checkouts' triggers (see customerSummary.ts); written as the filter index has it.
	if ( filter.hasPayments !== undefined )
		add( ( p ) => `(paid_checkouts > 0) = ${ p }`, filter.hasPayments );
	return { where, values };
}

/** A page of the shop's customers matching the filter (or only those of `among`), keyset-paged in any sort. */
export async function listCustomers(
	db: Queryable,
	shopId: string,
	opts: CustomerFilter & {
		sort?: CustomerSort;
		order?: 'asc' | 'desc';
		limit: number;
		cursor?: string;
		among?: string[];
	}
): Promise< Page< Customer > > {
	const { where, values } = customerFilterSql(
		shopId,
		opts.among ? { ...opts, q: undefined } : opts
	);
	let table = 'customers';
	if ( opts.among ) {
		// Fetched by id first ("offset 0" keeps the planner from merging the two): otherwise it walks
		// the sort's index hoping to meet the few ids early, and reads a thousand times too many rows.
		values.push( opts.among );
		table = `(select * from customers where id = any($${ values.length }::uuid[]) offset 0) as customers`;
	}
	const sort = opts.sort ?? 'createdAt';
	const direction = opts.order ?? ( sort === 'createdAt' ? 'desc' : 'asc' );
	return keysetPage(
		db,
		{
			table,
			where,
			values,
			keys: SORT_KEYS[ sort ],
			direction,
			limit: opts.limit,
			cursor: opts.cursor,
		},
		toCustomer
	);
}

/**
 * How many customers match: exact from the summaries when only country, level and payments filter
 * (any number), otherwise counted up to `cap` ("more than 1,000" is what a person searching needs);
 * and for a search with no more than `cap` matches, which they are.
 */
async function countMatches(
	db: Queryable,
	shopId: string,
	filter: CustomerFilter,
	cap: number,
	wantIds: boolean
): Promise< { total: ListTotal; ids: string[] | null } > {
	const { q, email, ...summarised } = filter;
	if ( ! q && ! email )
		return {
			total: {
				count: await countFromSummary( db, shopId, summarised ),
				capped: false,
			},
			ids: null,
		};
	const { where, values } = customerFilterSql( shopId, {
		email,
		...summarised,
	} );
	if ( ! q )
		return {
			total: await countUpTo( db, 'customers', where, values, cap ),
			ids: null,
		};
	const { ids, ...total } = await countSearch(
		db,
		where,
		values,
		termSearch( q ),
		cap,
		wantIds
	);
	return { total, ids };
}

export async function countCustomers(
	db: Queryable,
	shopId: string,
	filter: CustomerFilter,
	cap: number
): Promise< ListTotal > {
	return ( await countMatches( db, shopId, filter, cap, false ) ).total;
}

/**
 * A page and its total, as the list screen asks them. A search is counted first (its cost bounded by
 * the cap), and when it has no more than `cap` matches the page is made from their ids: a rare term
 * (or one nothing matches) never walks the list looking for rows that are not there, whatever the
 * planner guesses. A filter nothing matches (exactly counted) needs no page at all.
 */
export async function findCustomers(
	db: Queryable,
	shopId: string,
	opts: Parameters< typeof listCustomers >[ 2 ],
	cap: number
): Promise< Page< Customer > & { total: ListTotal } > {
	const { total, ids } = await countMatches( db, shopId, opts, cap, true );
	// Nothing matches: an empty set of ids answers at once (and still checks the cursor).
	const none = total.count === 0 && ! total.capped ? [] : null;
	const among = ids ?? none;
	const page = await listCustomers(
		db,
		shopId,
		among ? { ...opts, among } : opts
	);
	return { ...page, total };
}

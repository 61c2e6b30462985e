import {
	CHECKOUT_STATUSES,
	PAID_STATUSES,
	type Checkout,
	type CheckoutListItem,
	type CheckoutStatus,
	type Level,
	type StatusChange,
} from '../contract';
import type { ProcessorKind } from './shops';
import type { Queryable } from './db';
import type { Statement } from './oneStatement';
import { createdAtKey, keysetPage, type Page } from './paging';

/** The statuses in which the merchant has the money, as an SQL list. */
export const PAID_LIST = PAID_STATUSES.map( ( s ) => `'${ s }'` ).join( ', ' );
/** SQL condition on a checkouts `status` column: the merchant has the money. */
export const PAID_SQL = `status in (${ PAID_LIST })`;

interface CheckoutRow {
	id: string;
	shop_id: string;
	customer_id: string | null;
	processor: ProcessorKind;
	processor_checkout_id: string;
	url: string;
	status: CheckoutStatus;
	level: Level;
	order_ref: string;
	currency: string;
	total: string;
	amount_received: string | null;
	created_at: string;
	updated_at: string;
}

interface CustomerSummaryColumns {
	customer_first_name: string | null;
	customer_last_name: string | null;
	customer_email: string | null;
}

function toCheckout( row: CheckoutRow ): Checkout {
	return {
		id: row.id,
		status: row.status,
		level: row.level,
		orderRef: row.order_ref,
		currency: row.currency,
		total: row.total,
		amountReceived: row.amount_received,
		customerId: row.customer_id,
		processorCheckoutId: row.processor_checkout_id,
		processor: row.processor,
		url: row.url,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

export interface NewCheckout {
	id: string;
	shopId: string;
	customerId: string | null;
	processor: ProcessorKind;
	processorCheckoutId: string;
	url: string;
	level: Level;
	orderRef: string;
	/** SHA-256 of the shop's order key: with the reference, what tells one site's order from a copy's. */
	orderKeyHash: string | null;
	/** The validated customer fields this checkout was given (null at level none). */
	billing: Record< string, unknown > | null;
	currency: string;
	total: string;
	charge: unknown;
	/** The request's items, exactly as the shop sent them, for the checkout's invoice. */
	lines: unknown;
}

/**
 * A new checkout's writes (the row and its first status), and the checkout as they store it. Every
 * column the contract reads is written from here, the creation time included (milliseconds, as the
 * column keeps it), so the response needs no read back and the writes can go with the request's others
 * in one statement.
 */
export function checkoutInsert(
	c: NewCheckout,
	createdAt: Date
): { checkout: Checkout; statements: Statement[] } {
	const at = createdAt.toISOString();
	const checkout = toCheckout( {
		id: c.id,
		shop_id: c.shopId,
		customer_id: c.customerId,
		processor: c.processor,
		processor_checkout_id: c.processorCheckoutId,
		url: c.url,
		status: 'open',
		level: c.level,
		order_ref: c.orderRef,
		currency: c.currency,
		total: c.total,
		amount_received: null,
		created_at: at,
		updated_at: at,
	} );
	return {
		checkout,
		statements: [
			{
				sql: `insert into checkouts (id, shop_id, customer_id, processor, processor_checkout_id, url, status, level, order_ref, order_key, billing, currency, total, charge, created_at, updated_at, lines)
     values ($1,$2,$3,$4,$5,$6,'open',$7,$8,$9,$10::jsonb,$11,$12,$13::jsonb,$14,$14,$15::jsonb)`,
				params: [
					c.id,
					c.shopId,
					c.customerId,
					c.processor,
					c.processorCheckoutId,
					c.url,
					c.level,
					c.orderRef,
					c.orderKeyHash,
					c.billing === null ? null : JSON.stringify( c.billing ),
					c.currency,
					c.total,
					JSON.stringify( c.charge ),
					at,
					JSON.stringify( c.lines ),
				],
			},
			statusChange( c.id, 'open', 'bridge', null ),
		],
	};
}

/** The billing details a checkout was given (null at level none or once its customer was erased). */
export async function billingOf(
	db: Queryable,
	shopId: string,
	id: string
): Promise< Record< string, unknown > | null > {
	const rows = await db.query< {
		billing: Record< string, unknown > | null;
	} >( 'select billing from checkouts where shop_id = $1 and id = $2', [
		shopId,
		id,
	] );
	return rows[ 0 ]?.billing ?? null;
}

export async function findCheckout(
	db: Queryable,
	shopId: string,
	id: string
): Promise< Checkout | null > {
	const rows = await db.query< CheckoutRow >(
		'select * from checkouts where shop_id = $1 and id = $2',
		[ shopId, id ]
	);
	return rows[ 0 ] ? toCheckout( rows[ 0 ] ) : null;
}

/** Locks the row for the rest of the transaction, so concurrent webhooks for one checkout apply in turn. */
export async function lockCheckoutByProcessorId(
	db: Queryable,
	shopId: string,
	processorCheckoutId: string
): Promise< Checkout | null > {
	const rows = await db.query< CheckoutRow >(
		'select * from checkouts where shop_id = $1 and processor_checkout_id = $2 for update',
		[ shopId, processorCheckoutId ]
	);
	return rows[ 0 ] ? toCheckout( rows[ 0 ] ) : null;
}

export async function setCheckoutStatus(
	db: Queryable,
	id: string,
	status: CheckoutStatus
): Promise< Checkout > {
	const rows = await db.query< CheckoutRow >(
		'update checkouts set status = $2, updated_at = now() where id = $1 returning *',
		[ id, status ]
	);
	return toCheckout( rows[ 0 ]! );
}

/** What the processor reports actually arrived (settlementAmountReceived), e.g. for an underpayment. */
export async function setAmountReceived(
	db: Queryable,
	id: string,
	amount: string
): Promise< void > {
	await db.query( 'update checkouts set amount_received = $2 where id = $1', [
		id,
		amount,
	] );
}

function statusChange(
	checkoutId: string,
	status: CheckoutStatus,
	source: string,
	note: string | null
): Statement {
	return {
		sql: 'insert into checkout_status_history (checkout_id, status, source, note) values ($1, $2, $3, $4)',
		params: [ checkoutId, status, source, note ],
	};
}

export async function addStatusChange(
	db: Queryable,
	checkoutId: string,
	status: CheckoutStatus,
	source: string,
	note: string | null
): Promise< void > {
	const { sql, params } = statusChange( checkoutId, status, source, note );
	await db.query( sql, params );
}

export async function statusHistory(
	db: Queryable,
	checkoutId: string
): Promise< StatusChange[] > {
	return db.query< StatusChange >(
		'select status, source, note, created_at as at from checkout_status_history where checkout_id = $1 order by id',
		[ checkoutId ]
	);
}

/** Every checkout a shop order ever had (same reference and same order key), newest first. */
export async function checkoutsOfOrder(
	db: Queryable,
	shopId: string,
	orderRef: string,
	orderKeyHash: string
): Promise< Checkout[] > {
	const rows = await db.query< CheckoutRow >(
		'select * from checkouts where shop_id = $1 and order_ref = $2 and order_key = $3 order by created_at desc, id desc',
		[ shopId, orderRef, orderKeyHash ]
	);
	return rows.map( toCheckout );
}

/** What the merchant narrows the payments list by; every part optional. */
export interface CheckoutFilter {
	status?: CheckoutStatus;
	customerId?: string;
	orderRef?: string;
	/** An order reference (its start), a customer email (its start), or a checkout id (bridge or processor). */
	search?: string;
	/** ISO 8601 instants: created at or after `createdFrom`, before `createdTo`. */
	createdFrom?: string;
	createdTo?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A LIKE pattern matching what starts with `text`, whatever characters it holds. */
const startsWith = ( text: string ) =>
	`${ text.replace( /[\\%_]/g, ( c ) => `\\${ c }` ) }%`;

/** Each row with its customer's name and email, so a payments list needs one round trip. */
const LIST_TABLE = `(select c.*, cu.first_name as customer_first_name, cu.last_name as customer_last_name,
                           cu.email as customer_email, cu.email_key as customer_email_key
                      from checkouts c left join customers cu on cu.id = c.customer_id) as checkouts`;

function filterSql(
	shopId: string,
	filter: CheckoutFilter,
	{ withStatus = true } = {}
): { where: string[]; values: unknown[]; needsCustomers: boolean } {
	const where = [ 'shop_id = $1' ];
	const values: unknown[] = [ shopId ];
	const add = ( sql: ( param: string ) => string, value: unknown ) => {
		values.push( value );
		where.push( sql( `$${ values.length }` ) );
	};
	if ( filter.orderRef )
		add( ( p ) => `order_ref = ${ p }`, filter.orderRef );
	if ( withStatus && filter.status )
		add( ( p ) => `status = ${ p }`, filter.status );
	if ( filter.customerId )
		add( ( p ) => `customer_id = ${ p }`, filter.customerId );
	if ( filter.createdFrom )
		add( ( p ) => `created_at >= ${ p }::timestamptz`, filter.createdFrom );
	if ( filter.createdTo )
		add( ( p ) => `created_at < ${ p }::timestamptz`, filter.createdTo );
	const search = filter.search?.trim();
	if ( search && UUID.test( search ) ) {
		add( ( p ) => `id = ${ p }::uuid`, search.toLowerCase() );
	} else if ( search ) {
		values.push(
			search,
			startsWith( search ),
			startsWith( search.toLowerCase() )
		);
		const n = values.length;
		where.push(
			`(processor_checkout_id = $${ n - 2 } or order_ref ilike $${ n - 1 } or customer_email_key like $${ n })`
		);
	}
	// Only a text search reads the customer's email: otherwise counting needs no join.
	const needsCustomers = Boolean( search ) && ! UUID.test( search ?? '' );
	return { where, values, needsCustomers };
}

export async function listCheckouts(
	db: Queryable,
	shopId: string,
	opts: CheckoutFilter & { limit: number; cursor?: string }
): Promise< Page< CheckoutListItem > > {
	const { where, values } = filterSql( shopId, opts );
	return keysetPage< CheckoutRow & CustomerSummaryColumns, CheckoutListItem >(
		db,
		{
			table: LIST_TABLE,
			where,
			values,
			keys: [ createdAtKey() ],
			direction: 'desc',
			limit: opts.limit,
			cursor: opts.cursor,
		},
		( row ) => ( {
			...toCheckout( row ),
			customer: row.customer_id
				? {
						id: row.customer_id,
						name:
							[ row.customer_first_name, row.customer_last_name ]
								.filter( Boolean )
								.join( ' ' ) || null,
						email: row.customer_email,
					}
				: null,
		} )
	);
}

/** How many checkouts each status has under the filter (its status aside): the list's status tabs. */
export async function countCheckoutsByStatus(
	db: Queryable,
	shopId: string,
	filter: CheckoutFilter
): Promise< Record< CheckoutStatus, number > > {
	const { where, values, needsCustomers } = filterSql( shopId, filter, {
		withStatus: false,
	} );
	const rows = await db.query< { status: CheckoutStatus; n: string } >(
		`select status, count(*)::text as n from ${ needsCustomers ? LIST_TABLE : 'checkouts' } where ${ where.join( ' and ' ) } group by status`,
		values
	);
	const counts = Object.fromEntries(
		CHECKOUT_STATUSES.map( ( s ) => [ s, 0 ] )
	) as Record< CheckoutStatus, number >;
	for ( const row of rows ) counts[ row.status ] = Number( row.n );
	return counts;
}

/**
 * Checkouts to ask the processor about: open ones not asked about for `minAgeSeconds`, and paid ones
 * completed within `refundWatchDays` not asked about for `refundCheckSeconds` (a refund may only be
 * learnable by asking), each once its own
 * backoff after a failed check has passed; least recently checked first.
 */
export async function checkoutsToPoll(
	db: Queryable,
	opts: {
		minAgeSeconds: number;
		refundWatchDays: number;
		refundCheckSeconds: number;
		limit: number;
	}
): Promise< Array< Checkout & { shopId: string } > > {
	const rows = await db.query< CheckoutRow >(
		`select * from checkouts
      where ((status = 'open' and (last_polled_at is null or last_polled_at < now() - make_interval(secs => $1)))
          or (${ PAID_SQL } and updated_at > now() - make_interval(days => $2)
              and (last_polled_at is null or last_polled_at < now() - make_interval(secs => $3))))
        and created_at < now() - make_interval(secs => $1)
        and (next_poll_at is null or next_poll_at <= now())
      order by last_polled_at nulls first, created_at
      limit $4`,
		[
			opts.minAgeSeconds,
			opts.refundWatchDays,
			opts.refundCheckSeconds,
			opts.limit,
		]
	);
	return rows.map( ( r ) => ( { ...toCheckout( r ), shopId: r.shop_id } ) );
}

export async function markPolled( db: Queryable, id: string ): Promise< void > {
	await db.query(
		'update checkouts set last_polled_at = now(), poll_failures = 0, next_poll_at = null where id = $1',
		[ id ]
	);
}

/** A failed check: this checkout waits twice as long as last time (from `baseSeconds`, at most a day). */
export async function pollFailed(
	db: Queryable,
	id: string,
	baseSeconds: number
): Promise< void > {
	await db.query(
		`update checkouts set last_polled_at = now(), poll_failures = poll_failures + 1,
            next_poll_at = now() + make_interval(secs => least(86400, greatest(1, $2) * power(2, least(poll_failures, 16))))
      where id = $1`,
		[ id, baseSeconds ]
	);
}

/** Records a processor event; false when this event was already seen for the shop. */
export async function recordProcessorEvent(
	db: Queryable,
	shopId: string,
	key: string,
	type: string,
	checkoutId: string | null,
	applied: boolean
): Promise< boolean > {
	const rows = await db.query(
		`insert into processor_events (shop_id, event_key, event_type, checkout_id, applied) values ($1,$2,$3,$4,$5)
     on conflict do nothing returning 1`,
		[ shopId, key, type, checkoutId, applied ]
	);
	return rows.length === 1;
}

export interface PayerAccount {
	network: string;
	account: string;
}

/** The blockchain accounts the processor reported a checkout was paid from. */
export async function setPayerAccounts(
	db: Queryable,
	checkoutId: string,
	accounts: PayerAccount[]
): Promise< void > {
	await db.query(
		'update checkouts set payer_accounts = $2::jsonb where id = $1',
		[ checkoutId, JSON.stringify( accounts ) ]
	);
}

/** Every account a customer has paid from, once each, with the last time it was used. */
export async function payerAccountsOfCustomer(
	db: Queryable,
	shopId: string,
	customerId: string
): Promise< Array< PayerAccount & { lastUsedAt: string } > > {
	return db.query(
		`select a->>'network' as network, a->>'account' as account, max(c.updated_at) as "lastUsedAt"
       from checkouts c, jsonb_array_elements(c.payer_accounts) a
      where c.shop_id = $1 and c.customer_id = $2
      group by 1, 2 order by 3 desc`,
		[ shopId, customerId ]
	);
}

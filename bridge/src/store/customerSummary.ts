import { PAID_LIST } from './checkouts';
import type { Queryable } from './db';

/**
 * The summaries behind the statistics and the filtered totals, kept exact by database triggers in the
 * same transaction as every write to customers and checkouts (whatever code path writes, and on
 * PGlite as on PostgreSQL):
 *
 * - `customer_counts`: customers per (shop, country, level, has paid, erased), so a total for any mix
 *   of the list's filters, the erased count and the top countries are sums over a few dozen rows;
 * - `customer_days`: customers per (shop, UTC day created), for "new in the last 30 days";
 * - `customer_paid_days`: what customers paid per (shop, UTC day of the payment's last update,
 *   currency), with how many payments, for the paid volume and the paid-per-day chart;
 * - `customers.paid_checkouts`: each customer's paid checkouts, so "has paid" is a column, not a
 *   subquery per row.
 *
 * Each trigger adds what the new rows contribute and takes away what the old rows did, netted per
 * summary row, so an update that changes nothing summarised touches no summary row. Customers'
 * inserts and all deletes are statement triggers over transition tables (a bulk load is one grouped
 * upsert). Updates, and checkouts' inserts, are row triggers whose WHEN clause skips the writes that
 * cannot change a summary (a checkout being created unpaid or polled, billing details cleared): the
 * checkout path pays nothing for them.
 *
 * Contention: the rows are granular (a day, a currency, a country, a level), so concurrent writers of
 * one shop wait on each other only when they add to the same day's or country's row, and only until
 * their transaction commits. Summary rows are upserted in key order, so two writers never take them in
 * opposite orders.
 *
 * This SQL is a migration's: once applied it does not change. A change to what counts as paid needs a
 * new migration that replaces the functions.
 */

const PAID = `r.status in (${ PAID_LIST })`;

/** What a customer's payment brought in: an accepted underpayment counts at what arrived. */
const PAID_AMOUNT = `case when r.status = 'underpaid_accepted' and r.amount_received is not null then r.amount_received else r.total end`;

interface Summary {
	table: string;
	/** The summary's key columns and what fills each, from a source row `r`. */
	keys: Record< string, string >;
	/** The summed columns and what one source row adds to each. */
	sums: Record< string, string >;
	/** Which source rows count at all. */
	where: string;
}

const CUSTOMER_COUNTS: Summary = {
	table: 'customer_counts',
	keys: {
		shop_id: 'r.shop_id',
		country_code: `coalesce(r.country_code, '')`,
		level: 'r.level',
		has_paid: 'r.paid_checkouts > 0',
		erased: 'r.erased_at is not null',
	},
	sums: { customers: '1' },
	where: 'true',
};

const CUSTOMER_DAYS: Summary = {
	table: 'customer_days',
	keys: {
		shop_id: 'r.shop_id',
		day: `(r.created_at at time zone 'UTC')::date`,
	},
	sums: { customers: '1' },
	where: 'true',
};

const PAID_DAYS: Summary = {
	table: 'customer_paid_days',
	keys: {
		shop_id: 'r.shop_id',
		day: `(r.updated_at at time zone 'UTC')::date`,
		currency: 'r.currency',
	},
	sums: { amount: PAID_AMOUNT, payments: '1' },
	where: `r.customer_id is not null and ${ PAID }`,
};

/** Rows a trigger reads: a transition table, the row-trigger records, or (for the back-fill) the table itself. */
interface Source {
	rows: string;
	sign: 1 | -1;
}
const INSERTED: Source[] = [ { rows: 'new_rows', sign: 1 } ];
const DELETED: Source[] = [ { rows: 'old_rows', sign: -1 } ];
const NEW_ROW: Source = { rows: '(select NEW.*)', sign: 1 };
const UPDATED: Source[] = [ NEW_ROW, { rows: '(select OLD.*)', sign: -1 } ];

/**
 * Adds the sources' contributions to a summary, netted per key. Shops that are gone are skipped:
 * deleting a shop cascades to its rows and its summaries alike.
 */
function applyToSummary( s: Summary, sources: Source[] ): string {
	const keys = Object.keys( s.keys );
	const sums = Object.keys( s.sums );
	const selects = sources.map(
		( src ) =>
			`select ${ keys.map( ( k ) => `${ s.keys[ k ] } as ${ k }` ).join( ', ' ) }, ${ sums
				.map( ( c ) => `(${ s.sums[ c ] }) * ${ src.sign } as ${ c }` )
				.join( ', ' ) } from ${ src.rows } r where ${ s.where }`
	);
	return `insert into ${ s.table } as s (${ [ ...keys, ...sums ].join( ', ' ) })
      select ${ keys.join( ', ' ) }, ${ sums.map( ( c ) => `sum(${ c })` ).join( ', ' ) }
        from (${ selects.join( ' union all ' ) }) d
       group by ${ keys.join( ', ' ) }
      having (${ sums.map( ( c ) => `sum(${ c }) <> 0` ).join( ' or ' ) }) and exists (select 1 from shops where shops.id = d.shop_id)
       order by ${ keys.join( ', ' ) }
      on conflict (${ keys.join( ', ' ) }) do update set ${ sums.map( ( c ) => `${ c } = s.${ c } + excluded.${ c }` ).join( ', ' ) }`;
}

/** Moves each affected customer's count of paid checkouts (which moves them between "has paid" rows). */
function applyToPaidCheckouts( sources: Source[] ): string {
	const selects = sources.map(
		( src ) =>
			`select r.customer_id, ${ src.sign } as n from ${ src.rows } r where ${ PAID_DAYS.where }`
	);
	return `update customers c set paid_checkouts = c.paid_checkouts + d.n
      from (select customer_id, sum(n) as n from (${ selects.join( ' union all ' ) }) x
             group by customer_id having sum(n) <> 0) d
     where c.id = d.customer_id`;
}

function triggerFunction( name: string, statements: string[] ): string {
	return `create function ${ name }() returns trigger language plpgsql as $$
    begin
      ${ statements.join( ';\n      ' ) };
      return null;
    end $$`;
}

/** The summaries change only when one of these does. */
const CUSTOMER_CHANGED = `old.country_code is distinct from new.country_code or old.level <> new.level
  or (old.paid_checkouts > 0) <> (new.paid_checkouts > 0) or (old.erased_at is null) <> (new.erased_at is null)
  or old.created_at <> new.created_at or old.shop_id <> new.shop_id`;
const CHECKOUT_PAID = `new.customer_id is not null and new.status in (${ PAID_LIST })`;
const CHECKOUT_CHANGED = `(old.status in (${ PAID_LIST }) or new.status in (${ PAID_LIST }))
  and (old.status <> new.status or old.total <> new.total or old.amount_received is distinct from new.amount_received
  or old.currency <> new.currency or old.customer_id is distinct from new.customer_id
  or old.updated_at <> new.updated_at or old.shop_id <> new.shop_id)`;

/** The migration: summary tables, back-filled from the rows there are, then the triggers that keep them. */
export function customerSummaryMigration(): string {
	const customerSummaries = [ CUSTOMER_COUNTS, CUSTOMER_DAYS ];
	const forCustomers = ( sources: Source[] ) =>
		customerSummaries.map( ( s ) => applyToSummary( s, sources ) );
	const forCheckouts = ( sources: Source[] ) => [
		applyToPaidCheckouts( sources ),
		applyToSummary( PAID_DAYS, sources ),
	];
	const table: Source[] = [ { rows: 'customers', sign: 1 } ];
	return [
		// No write may slip between the back-fill and the triggers.
		'lock table customers, checkouts in share row exclusive mode',
		'alter table customers add column paid_checkouts integer not null default 0',
		`create table customer_counts (
        shop_id uuid not null references shops(id) on delete cascade,
        country_code text not null,
        level text not null,
        has_paid boolean not null,
        erased boolean not null,
        customers bigint not null,
        primary key (shop_id, country_code, level, has_paid, erased)
      )`,
		`create table customer_days (
        shop_id uuid not null references shops(id) on delete cascade,
        day date not null,
        customers bigint not null,
        primary key (shop_id, day)
      )`,
		`create table customer_paid_days (
        shop_id uuid not null references shops(id) on delete cascade,
        day date not null,
        currency text not null,
        amount numeric not null,
        payments bigint not null,
        primary key (shop_id, day, currency)
      )`,
		`update customers c set paid_checkouts = p.n
        from (select r.customer_id, count(*) as n from checkouts r where ${ PAID_DAYS.where } group by r.customer_id) p
       where c.id = p.customer_id`,
		...customerSummaries.map( ( s ) => applyToSummary( s, table ) ),
		applyToSummary( PAID_DAYS, [ { rows: 'checkouts', sign: 1 } ] ),
		triggerFunction(
			'customers_summary_inserted',
			forCustomers( INSERTED )
		),
		triggerFunction( 'customers_summary_updated', forCustomers( UPDATED ) ),
		triggerFunction( 'customers_summary_deleted', forCustomers( DELETED ) ),
		triggerFunction(
			'checkouts_summary_inserted',
			forCheckouts( [ NEW_ROW ] )
		),
		triggerFunction( 'checkouts_summary_updated', forCheckouts( UPDATED ) ),
		triggerFunction( 'checkouts_summary_deleted', forCheckouts( DELETED ) ),
		`create trigger customers_summary_inserted after insert on customers referencing new table as new_rows
        for each statement execute function customers_summary_inserted()`,
		`create trigger customers_summary_updated after update on customers
        for each row when (${ CUSTOMER_CHANGED }) execute function customers_summary_updated()`,
		`create trigger customers_summary_deleted after delete on customers referencing old table as old_rows
        for each statement execute function customers_summary_deleted()`,
		`create trigger checkouts_summary_inserted after insert on checkouts
        for each row when (${ CHECKOUT_PAID }) execute function checkouts_summary_inserted()`,
		`create trigger checkouts_summary_updated after update on checkouts
        for each row when (${ CHECKOUT_CHANGED }) execute function checkouts_summary_updated()`,
		`create trigger checkouts_summary_deleted after delete on checkouts referencing old table as old_rows
        for each statement execute function checkouts_summary_deleted()`,
	].join( ';\n' );
}

/** How many of the shop's customers a filter of country, level and payments keeps: exact, from the summary. */
export async function countFromSummary(
	db: Queryable,
	shopId: string,
	filter: { country?: string; level?: string; hasPayments?: boolean }
): Promise< number > {
	const where = [ 'shop_id = $1' ];
	const values: unknown[] = [ shopId ];
	const add = ( column: string, value: unknown ) => {
		values.push( value );
		where.push( `${ column } = $${ values.length }` );
	};
	if ( filter.country ) add( 'country_code', filter.country );
	if ( filter.level ) add( 'level', filter.level );
	if ( filter.hasPayments !== undefined )
		add( 'has_paid', filter.hasPayments );
	const rows = await db.query< { n: string } >(
		`select coalesce(sum(customers), 0)::text as n from customer_counts where ${ where.join( ' and ' ) }`,
		values
	);
	return Number( rows[ 0 ]?.n ?? 0 );
}

import type { CustomerStatistics } from '../contract';
import { PAID_SQL } from './checkouts';
import type { Queryable } from './db';

/** What a customer's payment brought in: an accepted underpayment counts at what arrived. */
const PAID_AMOUNT = `case when status = 'underpaid_accepted' and amount_received is not null then amount_received else total end`;

/**
 * The numbers above the customer list, in one query: customers (as the list counts them, erased
 * ones included, and how many of them are erased), new in 30 days, what customers paid per
 * currency (payments without a customer are not theirs), top five countries, and the same per day
 * over the last 30 days (UTC). Sums are numeric, returned as text, so no amount passes through a float.
 */
export async function customerStatistics(
	db: Queryable,
	shopId: string
): Promise< CustomerStatistics > {
	const rows = await db.query< { stats: CustomerStatistics } >(
		`select json_build_object(
       'customers', (select count(*) from customers where shop_id = $1),
       'erased', (select count(*) from customers where shop_id = $1 and erased_at is not null),
       'newLast30Days', (select count(*) from customers where shop_id = $1 and created_at >= now() - interval '30 days'),
       'paidVolume', coalesce((select json_agg(json_build_object('currency', currency, 'amount', amount::text) order by currency)
          from (select currency, sum(${ PAID_AMOUNT }) as amount from checkouts where shop_id = $1 and customer_id is not null and ${ PAID_SQL } group by currency) v), '[]'),
       'topCountries', coalesce((select json_agg(json_build_object('countryCode', country_code, 'customers', n) order by n desc, country_code)
          from (select country_code, count(*) as n from customers where shop_id = $1 and country_code is not null group by country_code order by n desc, country_code limit 5) t), '[]'),
       'paidPerDay', coalesce((select json_agg(json_build_object('day', day, 'currency', currency, 'amount', amount::text) order by day, currency)
          from (select (updated_at at time zone 'UTC')::date::text as day, currency, sum(${ PAID_AMOUNT }) as amount from checkouts
                 where shop_id = $1 and customer_id is not null and ${ PAID_SQL } and updated_at >= (now() at time zone 'UTC')::date - 29 group by 1, 2) d), '[]')
     ) as stats`,
		[ shopId ]
	);
	return rows[ 0 ]!.stats;
}

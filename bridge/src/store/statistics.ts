import type { CustomerStatistics } from '../contract';
import type { Queryable } from './db';

/**
 * The numbers above the customer list, in one query over the summaries the triggers keep exact (see
 * customerSummary.ts), so its cost does not grow with the customers: customers (as the list counts
 * them, erased ones included, and how many of them are erased), new in the last 30 days, what
 * customers paid per currency (payments without a customer are not theirs), top five countries, and
 * the same per day over the last 30 days (UTC). Sums are numeric, returned as text, so no amount passes
 * through a float.
 *
 * "New in the last 30 days" is the rolling window `created_at >= now() - 30 days`: the whole days after
 * the window's first day from the daily summary, and that first day's part from the customers' own
 * (shop, created_at) index.
 */
export async function customerStatistics(
	db: Queryable,
	shopId: string
): Promise< CustomerStatistics > {
	const rows = await db.query< { stats: CustomerStatistics } >(
		`with since as (select now() - interval '30 days' as t, ((now() - interval '30 days') at time zone 'UTC')::date as day)
     select json_build_object(
       'customers', (select coalesce(sum(customers), 0) from customer_counts where shop_id = $1),
       'erased', (select coalesce(sum(customers), 0) from customer_counts where shop_id = $1 and erased),
       'newLast30Days', (select coalesce(sum(customers), 0) from customer_days, since where shop_id = $1 and customer_days.day > since.day)
          + (select count(*) from customers, since where shop_id = $1 and created_at >= since.t
               and created_at < ((since.day + 1)::timestamp at time zone 'UTC')),
       'paidVolume', coalesce((select json_agg(json_build_object('currency', currency, 'amount', amount::text) order by currency)
          from (select currency, sum(amount) as amount from customer_paid_days where shop_id = $1 group by currency having sum(payments) > 0) v), '[]'),
       'topCountries', coalesce((select json_agg(json_build_object('countryCode', country_code, 'customers', n) order by n desc, country_code)
          from (select country_code, sum(customers) as n from customer_counts where shop_id = $1 and country_code <> ''
                 group by country_code having sum(customers) > 0 order by n desc, country_code limit 5) t), '[]'),
       'paidPerDay', coalesce((select json_agg(json_build_object('day', day::text, 'currency', currency, 'amount', amount::text) order by day, currency)
          from customer_paid_days where shop_id = $1 and payments > 0 and day >= (now() at time zone 'UTC')::date - 29), '[]')
     ) as stats`,
		[ shopId ]
	);
	return rows[ 0 ]!.stats;
}

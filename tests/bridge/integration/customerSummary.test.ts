import { createHash, randomUUID } from 'node:crypto';
import Big from 'big.js';
import { PAID_STATUSES } from '../../../bridge/src/contract';
import {
	openPglite,
	openPostgres,
	type Db,
} from '../../../bridge/src/store/db';
import { migrate } from '../../../bridge/src/store/migrate';
import { BRIDGE_MIGRATIONS } from '../../../bridge/src/store/migrations';
import { customerStatistics } from '../../../bridge/src/store/statistics';
import { freshDatabase, usingPostgres } from '../support/database';
import { aliceCompliant, checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

/**
 * The statistics and the filtered totals come from summaries that database triggers keep; here every
 * kind of write is checked against the same numbers computed from scratch over all the rows.
 */

const PAID = `status in (${ PAID_STATUSES.map( ( s ) => `'${ s }'` ).join( ', ' ) })`;
const PAID_AMOUNT = `case when status = 'underpaid_accepted' and amount_received is not null then amount_received else total end`;

/** The statistics as full scans compute them: what the summaries must always equal. */
async function statisticsFromScratch( db: Db, shopId: string ) {
	const rows = await db.query< { stats: any } >(
		`select json_build_object(
       'customers', (select count(*) from customers where shop_id = $1),
       'erased', (select count(*) from customers where shop_id = $1 and erased_at is not null),
       'newLast30Days', (select count(*) from customers where shop_id = $1 and created_at >= now() - interval '30 days'),
       'paidVolume', coalesce((select json_agg(json_build_object('currency', currency, 'amount', amount::text) order by currency)
          from (select currency, sum(${ PAID_AMOUNT }) as amount from checkouts where shop_id = $1 and customer_id is not null and ${ PAID } group by currency) v), '[]'),
       'topCountries', coalesce((select json_agg(json_build_object('countryCode', country_code, 'customers', n) order by n desc, country_code)
          from (select country_code, count(*) as n from customers where shop_id = $1 and country_code is not null group by country_code order by n desc, country_code limit 5) t), '[]'),
       'paidPerDay', coalesce((select json_agg(json_build_object('day', day, 'currency', currency, 'amount', amount::text) order by day, currency)
          from (select (updated_at at time zone 'UTC')::date::text as day, currency, sum(${ PAID_AMOUNT }) as amount from checkouts
                 where shop_id = $1 and customer_id is not null and ${ PAID }
                   and (updated_at at time zone 'UTC')::date >= (now() at time zone 'UTC')::date - 29 group by 1, 2) d), '[]')
     ) as stats`,
		[ shopId ]
	);
	return rows[ 0 ]!.stats;
}

/** Amounts compared by value: a summary that once held 10.5 may say 3.0 where a fresh sum says 3. */
const byValue = ( stats: any ) => ( {
	...stats,
	paidVolume: stats.paidVolume.map( ( v: any ) => ( {
		...v,
		amount: new Big( v.amount ).toString(),
	} ) ),
	paidPerDay: stats.paidPerDay.map( ( v: any ) => ( {
		...v,
		amount: new Big( v.amount ).toString(),
	} ) ),
} );

/** Every summary row and every customer's paid count, against the same grouped over the rows. */
async function expectSummariesExact( db: Db, shopId: string ) {
	const counts = ( sql: string ) => db.query( sql, [ shopId ] );
	expect(
		await counts(
			`select country_code, level, has_paid, erased, customers::int from customer_counts
        where shop_id = $1 and customers <> 0 order by 1, 2, 3, 4`
		)
	).toEqual(
		await counts(
			`select coalesce(country_code, '') as country_code, level,
              exists (select 1 from checkouts k where k.customer_id = c.id and k.${ PAID }) as has_paid,
              erased_at is not null as erased, count(*)::int as customers
         from customers c where shop_id = $1 group by 1, 2, 3, 4 order by 1, 2, 3, 4`
		)
	);
	expect(
		await counts(
			`select c.id from customers c where shop_id = $1
          and paid_checkouts <> (select count(*) from checkouts k where k.customer_id = c.id and k.${ PAID })`
		)
	).toEqual( [] );
	expect(
		await counts(
			`select day::text, customers::int from customer_days where shop_id = $1 and customers <> 0 order by 1`
		)
	).toEqual(
		await counts(
			`select (created_at at time zone 'UTC')::date::text as day, count(*)::int as customers
         from customers where shop_id = $1 group by 1 order by 1`
		)
	);
}

describe( 'through the API', () => {
	let t: TestBridge;
	let shop: TestShop;
	let other: TestShop;
	const ids: Record< string, string > = {};

	async function webhook( processorCheckoutId: string ) {
		const raw = JSON.stringify( {
			eventType: 'CHECKOUT_COMPLETED',
			data: { checkout: { id: processorCheckoutId } },
		} );
		const secret = (
			await t.bridge.ctx.db.query< { api_secret: string } >(
				'select a.api_secret from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
				[ shop.id ]
			)
		)[ 0 ]!.api_secret;
		const res = await fetch( `${ t.url }/processor-webhooks/${ shop.id }`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-webhook-auth': createHash( 'sha256' )
					.update( secret + raw )
					.digest( 'hex' ),
			},
			body: raw,
		} );
		expect( res.status ).toBe( 200 );
	}

	async function expectExact() {
		const { db } = t.bridge.ctx;
		for ( const s of [ shop, other ] ) {
			const stats = ( await s.api( 'GET', '/v1/customers/statistics' ) )
				.body;
			expect( byValue( stats ) ).toEqual(
				byValue( await statisticsFromScratch( db, s.id ) )
			);
			await expectSummariesExact( db, s.id );
		}
		// Every mix of the summarised filters: exact totals, as a full count finds them.
		for ( const query of [
			'',
			'country=DE',
			'country=FR&level=compliant',
			'hasPayments=true',
			'hasPayments=false&level=minimal',
			'country=DE&level=compliant&hasPayments=true',
		] ) {
			const params = new URLSearchParams( query );
			const where = [ 'shop_id = $1' ];
			const values: unknown[] = [ shop.id ];
			if ( params.get( 'country' ) ) {
				values.push( params.get( 'country' ) );
				where.push( `country_code = $${ values.length }` );
			}
			if ( params.get( 'level' ) ) {
				values.push( params.get( 'level' ) );
				where.push( `level = $${ values.length }` );
			}
			if ( params.get( 'hasPayments' ) )
				where.push(
					`${ params.get( 'hasPayments' ) === 'true' ? '' : 'not ' }exists (select 1 from checkouts k where k.customer_id = customers.id and k.${ PAID })`
				);
			const [ counted ] = await db.query< { n: number } >(
				`select count(*)::int as n from customers where ${ where.join( ' and ' ) }`,
				values
			);
			const res = await shop.api(
				'GET',
				`/v1/customers?withTotal=true&${ query }`
			);
			expect( { query, total: res.body.total } ).toEqual( {
				query,
				total: { count: counted!.n, capped: false },
			} );
		}
	}

	const create = async (
		name: string,
		countryCode: string,
		level: 'minimal' | 'compliant' = 'compliant'
	) => {
		const res = await shop.api(
			'POST',
			'/v1/customers',
			{
				level,
				customer: {
					...aliceCompliant,
					firstName: name,
					email: `${ name.toLowerCase() }@example.com`,
					countryCode,
				},
			},
			idem()
		);
		expect( res.status ).toBe( 201 );
		ids[ name ] = res.body.customer.id;
	};

	const checkout = async (
		name: string,
		currency: string,
		amount: string
	) => {
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				level: 'compliant',
				customer: {
					...aliceCompliant,
					firstName: name,
					email: `${ name.toLowerCase() }@example.com`,
				},
				currency,
				lineItems: [
					{ description: 'Thing', netAmount: amount, quantity: 1 },
				],
				expectedTotal: amount,
			} ),
			idem()
		);
		expect( res.status ).toBe( 201 );
		return res.body.checkout as {
			id: string;
			processorCheckoutId: string;
		};
	};

	beforeAll( async () => {
		t = await startTestBridge();
		shop = await t.addShop();
		other = await t.addShop();
	} );
	afterAll( () => t.close() );

	it( 'stays exact through creates', async () => {
		await create( 'Ada', 'GB' );
		await create( 'Bob', 'DE' );
		await create( 'Cid', 'DE', 'minimal' );
		await other.api(
			'POST',
			'/v1/customers',
			{
				customer: {
					firstName: 'Zoe',
					lastName: 'Other',
					email: 'zoe@example.com',
				},
			},
			idem()
		);
		await expectExact();
	} );

	it( 'stays exact through payments: into paid, an accepted underpayment at what arrived, out of paid and back', async () => {
		const open = await checkout( 'Ada', 'EUR', '100.00' );
		// A checkout that creates its customer (Dan is new) and is not paid yet adds no money.
		const dan = await checkout( 'Dan', 'USD', '20.50' );
		await expectExact();
		await webhook( open.processorCheckoutId );
		await webhook( dan.processorCheckoutId );
		await expectExact();
		const under = await checkout( 'Bob', 'EUR', '10.00' );
		await webhook( under.processorCheckoutId );
		const { db } = t.bridge.ctx;
		await db.query(
			`update checkouts set status = 'underpaid_accepted', updated_at = now() where id = $1`,
			[ under.id ]
		);
		await db.query(
			'update checkouts set amount_received = 9.5 where id = $1',
			[ under.id ]
		);
		await expectExact();
		await db.query(
			`update checkouts set status = 'refunded', updated_at = now() where id = $1`,
			[ open.id ]
		);
		await expectExact();
		// A payment last updated days ago counts on that day.
		await db.query(
			`update checkouts set status = 'completed', updated_at = now() - interval '3 days' where id = $1`,
			[ open.id ]
		);
		await expectExact();
	} );

	it( 'stays exact through edits: a new country, a raised level', async () => {
		expect(
			(
				await shop.api( 'PATCH', `/v1/customers/${ ids.Ada }`, {
					countryCode: 'FR',
				} )
			).status
		).toBe( 200 );
		expect(
			(
				await shop.api( 'PATCH', `/v1/customers/${ ids.Cid }`, {
					level: 'compliant',
					addressLine1: '1 Rue de Rivoli',
					postalCode: '75001',
					city: 'Paris',
					countryCode: 'FR',
				} )
			).status
		).toBe( 200 );
		await t.bridge.ctx.db.query(
			`update customers set created_at = now() - interval '40 days' where id = $1`,
			[ ids.Bob ]
		);
		await expectExact();
	} );

	it( 'stays exact through erasures, and their payments still count', async () => {
		expect(
			( await shop.api( 'DELETE', `/v1/customers/${ ids.Ada }` ) ).status
		).toBe( 200 );
		await expectExact();
	} );

	it( 'stays exact through bulk writes and deletes', async () => {
		const { db } = t.bridge.ctx;
		await db.query(
			`insert into customers (id, shop_id, email, email_key, last_name, country_code, level, created_at)
       select gen_random_uuid(), $1, 'bulk' || g || '@example.com', 'bulk' || g || '@example.com', 'Bulk',
              (array['DE', 'NL', null])[1 + g % 3], 'minimal', now() - g * interval '1 day'
         from generate_series(1, 60) as g`,
			[ shop.id ]
		);
		await expectExact();
		await db.query(
			`update customers set country_code = 'AT' where shop_id = $1 and last_name = 'Bulk' and country_code = 'NL'`,
			[ shop.id ]
		);
		await db.query(
			`delete from customers where shop_id = $1 and last_name = 'Bulk' and country_code = 'DE'`,
			[ shop.id ]
		);
		await expectExact();
	} );
} );

it( 'back-fills the summaries from the rows there are when the migration runs', async () => {
	const database = await freshDatabase();
	const db = usingPostgres
		? await openPostgres( database.env.DATABASE_URL!, () => undefined )
		: await openPglite( database.env.DATA_DIR );
	try {
		const before = BRIDGE_MIGRATIONS.findIndex(
			( m ) => m.id === '008_customer_summaries'
		);
		await migrate( db, BRIDGE_MIGRATIONS.slice( 0, before ) );
		const shopId = randomUUID();
		await db.query(
			`insert into shops (id, name, key_id, secret_enc, processor_kind, processor_api_key, processor_api_secret_enc)
       values ($1, 'Old shop', 'key-old', 'x', 'sandbox', 'k', 'x')`,
			[ shopId ]
		);
		await db.query(
			`insert into customers (id, shop_id, email_key, country_code, level, erased_at, created_at)
       select md5(g::text)::uuid, $1, case when g % 5 = 0 then null else 'c' || g end, (array['DE', 'FR', null])[1 + g % 3],
              (array['minimal', 'compliant'])[1 + g % 2], case when g % 5 = 0 then now() end, now() - g * interval '1 day'
         from generate_series(1, 50) as g`,
			[ shopId ]
		);
		await db.query(
			`insert into checkouts (id, shop_id, customer_id, processor, processor_checkout_id, url, status, level, order_ref, currency, total, charge, amount_received, updated_at)
       select gen_random_uuid(), $1, case when g % 4 = 0 then null else md5((g % 50 + 1)::text)::uuid end, 'sandbox', 'P' || g, 'https://x.invalid',
              (array['open', 'completed', 'underpaid_accepted', 'refunded'])[1 + g % 4], 'minimal', 'o' || g,
              (array['EUR', 'USD'])[1 + g % 2], g + 0.5, '{}'::jsonb, g, now() - (g % 40) * interval '1 day'
         from generate_series(1, 80) as g`,
			[ shopId ]
		);
		await migrate( db, BRIDGE_MIGRATIONS );
		expect( byValue( await customerStatistics( db, shopId ) ) ).toEqual(
			byValue( await statisticsFromScratch( db, shopId ) )
		);
		await expectSummariesExact( db, shopId );
	} finally {
		await db.close();
		await database.drop();
	}
} );

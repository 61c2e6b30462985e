import { createHash } from 'node:crypto';
import { aliceCompliant, checkoutRequest, idem } from '../support/fixtures';
import { startEventReceiver } from '../support/eventReceiver';
import {
	eventually,
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;
let receiver: Awaited< ReturnType< typeof startEventReceiver > >;

const person = (
	first: string,
	last: string,
	email: string,
	countryCode: string
) => ( {
	...aliceCompliant,
	firstName: first,
	lastName: last,
	email,
	countryCode,
	company: `${ last } GmbH`,
	taxId: `TAX-${ last }`,
} );

async function webhook( body: unknown ) {
	const raw = JSON.stringify( body );
	const secret = (
		await t.bridge.ctx.db.query< { api_secret: string } >(
			'select a.api_secret from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
			[ shop.id ]
		)
	)[ 0 ]!.api_secret;
	return fetch( `${ t.url }/processor-webhooks/${ shop.id }`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-webhook-auth': createHash( 'sha256' )
				.update( secret + raw )
				.digest( 'hex' ),
		},
		body: raw,
	} );
}

async function paidCheckout(
	customer: Record< string, string > | undefined,
	currency = 'EUR',
	amount = '10.00',
	level: 'none' | 'compliant' = 'compliant'
) {
	const created = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			level,
			customer,
			currency,
			lineItems: [
				{ description: 'Thing', netAmount: amount, quantity: 1 },
			],
			expectedTotal: amount,
		} ),
		idem()
	);
	expect( created.status ).toBe( 201 );
	const { processorCheckoutId, customerId } = created.body.checkout;
	await webhook( {
		eventType: 'CHECKOUT_COMPLETED',
		data: {
			checkout: {
				id: processorCheckoutId,
				payments: [
					{ network: 'XLM', account: `G-${ processorCheckoutId }` },
				],
			},
		},
	} );
	return {
		id: created.body.checkout.id as string,
		customerId: customerId as string | null,
		processorCheckoutId: processorCheckoutId as string,
	};
}

const ids: Record< string, string > = {};

beforeAll( async () => {
	t = await startTestBridge();
	receiver = await startEventReceiver( () => shop.secret );
	shop = await t.addShop( { eventUrl: receiver.url, level: 'none' } );
	ids.ada = (
		await paidCheckout(
			person( 'Ada', 'Lovelace', 'ada@example.com', 'GB' ),
			'EUR',
			'100.00'
		)
	).customerId!;
	ids.bob = (
		await paidCheckout(
			person( 'Bob', 'Zed', 'bob@example.com', 'DE' ),
			'USD',
			'20.50'
		)
	).customerId!;
	await paidCheckout( undefined, 'EUR', '5.25', 'none' );
	const created = await shop.api(
		'POST',
		'/v1/customers',
		{
			level: 'minimal',
			customer: {
				firstName: 'Cid',
				lastName: 'Moreau',
				email: 'cid@example.com',
			},
		},
		idem()
	);
	ids.cid = created.body.customer.id;
	const dora = await shop.api(
		'POST',
		'/v1/customers',
		{
			level: 'compliant',
			customer: person( 'Dora', 'Adams', 'dora@example.com', 'DE' ),
		},
		idem()
	);
	ids.dora = dora.body.customer.id;
} );
afterAll( async () => {
	await t.close();
	await receiver.close();
} );

describe( 'creating a customer by hand', () => {
	it( 'pushes it to the processor, audits it, and replays on the same key', async () => {
		const headers = idem();
		const body = {
			level: 'minimal',
			customer: {
				firstName: 'Eve',
				lastName: 'Ng',
				email: 'Eve@Example.com',
			},
		};
		const first = await shop.api( 'POST', '/v1/customers', body, headers );
		expect( first.status ).toBe( 201 );
		ids.eve = first.body.customer.id;
		expect( first.body.customer ).toMatchObject( {
			firstName: 'Eve',
			email: 'Eve@Example.com',
			level: 'minimal',
			processorCustomerId: expect.stringMatching( /^[a-z0-9]{12}$/ ),
		} );
		const again = await shop.api( 'POST', '/v1/customers', body, headers );
		expect( again.body ).toEqual( first.body );
		expect( again.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
		const audit = (
			await shop.api(
				'GET',
				`/v1/customers/${ first.body.customer.id }/audit`
			)
		).body.entries.map( ( e: any ) => e.action );
		expect( audit ).toEqual( [ 'POST /customer', 'POST /v1/customers' ] );
	} );

	it( 'refuses a taken email, invalid fields and a missing key, storing nothing', async () => {
		const before = (
			await shop.api( 'GET', '/v1/customers?withTotal=true' )
		).body.total.count;
		const taken = await shop.api(
			'POST',
			'/v1/customers',
			{
				customer: {
					firstName: 'A',
					lastName: 'B',
					email: 'ADA@example.com',
				},
			},
			idem()
		);
		expect( taken.body.error.fields[ 'customer.email' ].code ).toBe(
			'email_taken'
		);
		const invalid = await shop.api(
			'POST',
			'/v1/customers',
			{ level: 'compliant', customer: { firstName: 'A', email: 'x' } },
			idem()
		);
		expect( Object.keys( invalid.body.error.fields ).sort() ).toEqual( [
			'customer.addressLine1',
			'customer.city',
			'customer.countryCode',
			'customer.email',
			'customer.lastName',
			'customer.postalCode',
		] );
		expect(
			(
				await shop.api( 'POST', '/v1/customers', {
					customer: {
						firstName: 'A',
						lastName: 'B',
						email: 'new@example.com',
					},
				} )
			).body.error.code
		).toBe( 'idempotency_key_required' );
		expect(
			( await shop.api( 'GET', '/v1/customers?withTotal=true' ) ).body
				.total.count
		).toBe( before );
	} );
} );

describe( 'finding customers', () => {
	const names = async ( query: string ) =>
		( await shop.api( 'GET', `/v1/customers?${ query }` ) ).body.items.map(
			( c: any ) => c.firstName
		);

	it( 'filters by country, level, payments and exact email', async () => {
		expect( await names( 'country=de&sort=name' ) ).toEqual( [
			'Dora',
			'Bob',
		] );
		expect( await names( 'level=minimal&sort=name' ) ).toEqual( [
			'Cid',
			'Eve',
		] );
		expect(
			( await names( 'hasPayments=true&sort=name' ) ).sort()
		).toEqual( [ 'Ada', 'Bob' ] );
		expect( await names( 'hasPayments=false&country=DE' ) ).toEqual( [
			'Dora',
		] );
		expect( await names( 'email=BOB@EXAMPLE.COM' ) ).toEqual( [ 'Bob' ] );
		expect( await names( 'q=lovelace+gm&country=GB' ) ).toEqual( [
			'Ada',
		] );
		expect( await names( 'q=&country=' ) ).toHaveLength( 5 );
	} );

	it( 'sorts by name or email either way, and pages through every row exactly once', async () => {
		expect( await names( 'sort=name' ) ).toEqual( [
			'Dora',
			'Ada',
			'Cid',
			'Eve',
			'Bob',
		] );
		expect( await names( 'sort=name&order=desc' ) ).toEqual( [
			'Bob',
			'Eve',
			'Cid',
			'Ada',
			'Dora',
		] );
		expect( await names( 'sort=email' ) ).toEqual( [
			'Ada',
			'Bob',
			'Cid',
			'Dora',
			'Eve',
		] );
		const seen: string[] = [];
		let cursor = '';
		do {
			const page = (
				await shop.api(
					'GET',
					`/v1/customers?sort=name&limit=2${ cursor ? `&cursor=${ cursor }` : '' }`
				)
			).body;
			seen.push( ...page.items.map( ( c: any ) => c.firstName ) );
			cursor = page.nextCursor ?? '';
		} while ( cursor );
		expect( seen ).toEqual( [ 'Dora', 'Ada', 'Cid', 'Eve', 'Bob' ] );
	} );

	it( 'counts matches (capped for huge lists) and refuses unknown filters', async () => {
		expect(
			(
				await shop.api(
					'GET',
					'/v1/customers?withTotal=true&country=DE'
				)
			).body.total
		).toEqual( { count: 2, capped: false } );
		const bad = await shop.api(
			'GET',
			'/v1/customers?sort=shoeSize&country=XX&level=gold'
		);
		expect( bad.status ).toBe( 400 );
		expect( Object.keys( bad.body.error.fields ).sort() ).toEqual( [
			'country',
			'level',
			'sort',
		] );
	} );
} );

it( 'statistics: customers, new in 30 days, what customers paid per currency, top countries, paid per day', async () => {
	await t.bridge.ctx.db.query(
		`update customers set created_at = now() - interval '90 days' where id = $1`,
		[ ids.cid ]
	);
	// An underpayment of 10.00 the merchant accepted at the 9.00 that arrived.
	const accepted = await paidCheckout(
		person( 'Bob', 'Zed', 'bob@example.com', 'DE' ),
		'USD',
		'10.00'
	);
	await t.bridge.ctx.db.query(
		`update checkouts set status = 'underpaid_accepted', amount_received = 9 where id = $1`,
		[ accepted.id ]
	);
	const stats = ( await shop.api( 'GET', '/v1/customers/statistics' ) ).body;
	expect( stats.customers ).toBe( 5 );
	expect( stats.erased ).toBe( 0 );
	expect( stats.newLast30Days ).toBe( 4 );
	// The 5.25 EUR paid without a customer is not a customer's.
	expect( stats.paidVolume ).toEqual( [
		{ currency: 'EUR', amount: '100.00' },
		{ currency: 'USD', amount: '29.50' },
	] );
	expect( stats.topCountries ).toEqual( [
		{ countryCode: 'DE', customers: 2 },
		{ countryCode: 'GB', customers: 1 },
	] );
	const today = new Date().toISOString().slice( 0, 10 );
	expect( stats.paidPerDay ).toEqual( [
		{ day: today, currency: 'EUR', amount: '100.00' },
		{ day: today, currency: 'USD', amount: '29.50' },
	] );
} );

it( 'records the person a shop acted for, only from a signed request', async () => {
	const edited = await shop.api(
		'PATCH',
		`/v1/customers/${ ids.cid }`,
		{ note: 'Called about the invoice' },
		{ 'X-CCB-Acting-User': ' WordPress user\tmia (#7) ' }
	);
	expect( edited.status ).toBe( 200 );
	await shop.api( 'PATCH', `/v1/customers/${ ids.cid }`, {
		note: 'No one named',
	} );
	const entries = (
		await shop.api( 'GET', `/v1/customers/${ ids.cid }/audit` )
	).body.entries.filter( ( e: any ) => e.actor === 'shop' );
	const byNote = ( note: string ) =>
		entries.find( ( e: any ) => e.request?.note === note );
	expect( byNote( 'Called about the invoice' ).onBehalfOf ).toBe(
		'WordPress user mia (#7)'
	);
	expect( byNote( 'No one named' ).onBehalfOf ).toBeNull();
	await shop.api(
		'PATCH',
		`/v1/customers/${ ids.cid }`,
		{ note: 'Long name' },
		{ 'X-CCB-Acting-User': 'x'.repeat( 500 ) }
	);
	const long = (
		await shop.api( 'GET', `/v1/customers/${ ids.cid }/audit` )
	).body.entries.find( ( e: any ) => e.request?.note === 'Long name' );
	expect( long.onBehalfOf ).toBe( 'x'.repeat( 120 ) );
	// An unsigned request naming someone changes nothing and records nothing.
	const before = entries.length + 1;
	const forged = await fetch( `${ t.url }/v1/customers/${ ids.cid }`, {
		method: 'PATCH',
		headers: {
			'content-type': 'application/json',
			'X-CCB-Acting-User': 'WordPress user mallory (#666)',
		},
		body: JSON.stringify( { note: 'forged' } ),
	} );
	expect( forged.status ).toBe( 401 );
	const after = (
		await shop.api( 'GET', `/v1/customers/${ ids.cid }/audit` )
	).body.entries;
	expect( JSON.stringify( after ) ).not.toContain( 'mallory' );
	expect( after.filter( ( e: any ) => e.actor === 'shop' ) ).toHaveLength(
		before
	);
} );

it( "raises a customer's level with the details it asks, and never lowers it", async () => {
	const raised = await shop.api( 'PATCH', `/v1/customers/${ ids.eve }`, {
		level: 'compliant',
	} );
	expect( raised.status ).toBe( 400 );
	expect( Object.keys( raised.body.error.fields ).sort() ).toEqual( [
		'addressLine1',
		'city',
		'countryCode',
		'postalCode',
	] );
	const ok = await shop.api( 'PATCH', `/v1/customers/${ ids.eve }`, {
		level: 'compliant',
		addressLine1: '1 Rue de Rivoli',
		postalCode: '75001',
		city: 'Paris',
		countryCode: 'FR',
	} );
	expect( ok.status ).toBe( 200 );
	expect( ok.body.customer ).toMatchObject( {
		level: 'compliant',
		city: 'Paris',
	} );
	const lowered = await shop.api( 'PATCH', `/v1/customers/${ ids.eve }`, {
		level: 'minimal',
	} );
	expect( lowered.status ).toBe( 400 );
	expect( lowered.body.error.fields.level.code ).toBe( 'level_lowered' );
} );

it( 'shows the blockchain accounts a customer paid from', async () => {
	const detail = ( await shop.api( 'GET', `/v1/customers/${ ids.ada }` ) )
		.body;
	expect( detail.accounts ).toEqual( [
		{
			network: 'XLM',
			account: `G-${ detail.checkouts[ 0 ].processorCheckoutId }`,
			lastUsedAt: expect.any( String ),
		},
	] );
} );

it( 'exports the current filter as CSV with a total, and one customer as JSON', async () => {
	const csv = await shop.api( 'GET', '/v1/customers/export.csv?country=DE' );
	expect( csv.headers.get( 'x-total-count' ) ).toBe( '2' );
	const lines = ( csv.body as string ).trim().split( '\r\n' );
	expect( lines ).toHaveLength( 3 );
	expect( lines.slice( 1 ).every( ( l ) => l.includes( ',DE,' ) ) ).toBe(
		true
	);
	const one = await shop.api( 'GET', `/v1/customers/${ ids.ada }/export` );
	expect( one.headers.get( 'content-disposition' ) ).toContain(
		`customer-${ ids.ada }.json`
	);
	expect( one.body.customer.email ).toBe( 'ada@example.com' );
	expect( one.body.checkouts ).toHaveLength( 1 );
	expect( one.body.accounts ).toHaveLength( 1 );
	expect( one.body.audit.map( ( e: any ) => e.action ) ).toContain(
		'webhook CHECKOUT_COMPLETED'
	);
} );

it( 'erasure leaves no personal data anywhere in the database, and keeps the payment', async () => {
	await shop.api( 'PATCH', `/v1/customers/${ ids.dora }`, {
		note: 'Met at the fair',
		phone: '+49 30 999',
	} );
	await eventually( async () =>
		receiver.events.some(
			( e ) =>
				e.type === 'customer.updated' && e.data.customer.id === ids.dora
		)
	);
	expect(
		( await shop.api( 'DELETE', `/v1/customers/${ ids.dora }` ) ).status
	).toBe( 200 );
	const paid = await paidCheckout(
		person( 'Ada', 'Lovelace', 'ada@example.com', 'GB' )
	);
	expect(
		( await shop.api( 'DELETE', `/v1/customers/${ ids.ada }` ) ).status
	).toBe( 200 );

	const tables = await t.bridge.ctx.db.query< { tablename: string } >(
		`select tablename from pg_tables where schemaname = 'public'`
	);
	// Issued invoices are accounting records kept for the legal retention period: they keep the buyer
	// as invoiced (see README, Invoices). Nothing else does.
	const invoices = JSON.stringify(
		await t.bridge.ctx.db.query( 'select document from invoices' )
	);
	expect( invoices ).toContain( 'ada@example.com' );
	for ( const { tablename } of tables.filter(
		( table ) => table.tablename !== 'invoices'
	) ) {
		const dump = JSON.stringify(
			await t.bridge.ctx.db.query( `select * from ${ tablename }` )
		);
		for ( const secret of [
			'dora@example.com',
			'Adams',
			'Met at the fair',
			'+49 30 999',
			'TAX-Adams',
			'ada@example.com',
			'Lovelace',
			'TAX-Lovelace',
		] ) {
			expect( {
				table: tablename,
				found: dump.includes( secret ) ? secret : null,
			} ).toEqual( { table: tablename, found: null } );
		}
	}
	const after = ( await shop.api( 'GET', `/v1/customers/${ ids.ada }` ) )
		.body;
	expect( after.checkouts.map( ( c: any ) => c.id ) ).toContain( paid.id );
	expect(
		after.checkouts.every( ( c: any ) => c.customer.email === null )
	).toBe( true );
	const stats = ( await shop.api( 'GET', '/v1/customers/statistics' ) ).body;
	// As the list shows them: erased customers are still listed, and counted as erased.
	expect( stats.customers ).toBe( 5 );
	expect( stats.erased ).toBe( 2 );
	expect(
		( await shop.api( 'GET', '/v1/customers?withTotal=true' ) ).body.total
			.count
	).toBe( stats.customers );
	// An erased customer's payments still happened.
	expect(
		stats.paidVolume.find( ( v: any ) => v.currency === 'EUR' ).amount
	).toBe( '110.00' );
} );

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
const ids: Record< string, string > = {};

const people = [
	{
		firstName: 'Ada',
		lastName: 'Lovelace',
		email: 'ada@engine.example',
		company: 'Analytical Ltd',
		taxId: 'GB999',
	},
	{
		firstName: 'Grace',
		lastName: 'Hopper',
		email: 'grace@navy.example',
		company: 'Navy',
		taxId: 'US123',
	},
	{
		firstName: 'Alan',
		lastName: 'Turing',
		email: 'alan@bletchley.example',
		company: 'Bletchley, "Park"',
		taxId: '=HYPERLINK()',
	},
];

beforeAll( async () => {
	t = await startTestBridge();
	receiver = await startEventReceiver( () => shop.secret );
	shop = await t.addShop( { eventUrl: receiver.url } );
	for ( const p of people ) {
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				level: 'compliant',
				customer: { ...aliceCompliant, ...p },
			} ),
			idem()
		);
		expect( res.status ).toBe( 201 );
		ids[ p.firstName ] = res.body.checkout.customerId;
	}
} );
afterAll( async () => {
	await t.close();
	await receiver.close();
} );

it( 'lists newest first with keyset paging', async () => {
	const first = await shop.api( 'GET', '/v1/customers?limit=2' );
	expect( first.body.items.map( ( c: any ) => c.firstName ) ).toEqual( [
		'Alan',
		'Grace',
	] );
	const next = await shop.api(
		'GET',
		`/v1/customers?limit=2&cursor=${ first.body.nextCursor }`
	);
	expect( next.body.items.map( ( c: any ) => c.firstName ) ).toEqual( [
		'Ada',
	] );
	expect( next.body.nextCursor ).toBeNull();
} );

it.each( [
	[ 'love', [ 'Ada' ] ],
	[ 'NAVY', [ 'Grace' ] ],
	[ 'us123', [ 'Grace' ] ],
	[ 'bletchley', [ 'Alan' ] ],
	[ 'a', [ 'Alan', 'Ada' ] ],
	[ 'ada lov', [ 'Ada' ] ],
	[ 'grace@navy.example', [ 'Grace' ] ],
	[ '@bletchley', [ 'Alan' ] ],
	[ 'ovelace', [] ],
	[ '%', [] ],
	[ 'nobody', [] ],
] )(
	'searches the start of name, email, email domain, company and tax id: %s',
	async ( q, expected ) => {
		const res = await shop.api(
			'GET',
			`/v1/customers?q=${ encodeURIComponent( q ) }`
		);
		expect( res.body.items.map( ( c: any ) => c.firstName ) ).toEqual(
			expected
		);
	}
);

it( 'shows a customer with their payments', async () => {
	const res = await shop.api( 'GET', `/v1/customers/${ ids.Ada }` );
	expect( res.body.customer ).toMatchObject( {
		firstName: 'Ada',
		company: 'Analytical Ltd',
		countryCode: 'DE',
		level: 'compliant',
	} );
	expect( res.body.checkouts ).toHaveLength( 1 );
} );

it( 'edits a customer: validates against its level, pushes to the processor, audits, and emits customer.updated', async () => {
	const bad = await shop.api( 'PATCH', `/v1/customers/${ ids.Ada }`, {
		city: null,
		countryCode: 'ZZ',
	} );
	expect( bad.status ).toBe( 400 );
	expect( Object.keys( bad.body.error.fields ).sort() ).toEqual( [
		'city',
		'countryCode',
	] );
	const taken = await shop.api( 'PATCH', `/v1/customers/${ ids.Ada }`, {
		email: 'GRACE@navy.example',
	} );
	expect( taken.body.error.fields.email.code ).toBe( 'email_taken' );
	const unknownField = await shop.api(
		'PATCH',
		`/v1/customers/${ ids.Ada }`,
		{ favouriteColour: 'blue' }
	);
	expect( unknownField.status ).toBe( 400 );

	const ok = await shop.api( 'PATCH', `/v1/customers/${ ids.Ada }`, {
		company: 'Difference Engines',
		note: 'VIP',
		meta: { crmId: '42' },
		addressLine2: null,
	} );
	expect( ok.status ).toBe( 200 );
	expect( ok.body.customer ).toMatchObject( {
		company: 'Difference Engines',
		note: 'VIP',
		meta: { crmId: '42' },
	} );
	const remote = (
		await t.bridge.ctx.db.query< { data: any } >(
			'select data from sandbox_customers where id = $1',
			[ ok.body.customer.processorCustomerId ]
		)
	)[ 0 ]!.data;
	expect( remote ).toMatchObject( {
		company: 'Difference Engines',
		meta: { crmId: '42' },
	} );
	const audit = (
		await shop.api( 'GET', `/v1/customers/${ ids.Ada }/audit` )
	).body.entries.map( ( e: any ) => e.action );
	expect( audit ).toEqual(
		expect.arrayContaining( [
			'PUT /customer',
			`PATCH /v1/customers/${ ids.Ada }`,
		] )
	);
	await eventually( async () =>
		receiver.events.some(
			( e ) =>
				e.type === 'customer.updated' && e.data.customer.id === ids.Ada
		)
	);
} );

it( 'exports every customer as CSV, quoted and formula-safe', async () => {
	const res = await shop.api( 'GET', '/v1/customers/export.csv' );
	expect( res.status ).toBe( 200 );
	expect( res.headers.get( 'content-type' ) ).toMatch( /text\/csv/ );
	const body = res.body as string;
	expect( body.startsWith( '\uFEFF' ) ).toBe( true );
	const lines = body.slice( 1 ).trim().split( '\r\n' );
	expect( lines[ 0 ] ).toBe(
		'id,email,firstName,lastName,company,taxId,addressLine1,addressLine2,postalCode,city,countryCode,phone,note,meta,level,createdAt,updatedAt,erasedAt'
	);
	expect( lines ).toHaveLength( 4 );
	expect( lines[ 3 ] ).toContain( `"Bletchley, ""Park""",'=HYPERLINK()` );
} );

it( 'erases a customer everywhere personal data lives, keeps the payment, and emits customer.erased', async () => {
	const before = ( await shop.api( 'GET', `/v1/customers/${ ids.Grace }` ) )
		.body;
	const processorId = before.customer.processorCustomerId;
	const res = await shop.api( 'DELETE', `/v1/customers/${ ids.Grace }` );
	expect( res.status ).toBe( 200 );
	expect( res.body.customer ).toMatchObject( {
		id: ids.Grace,
		email: null,
		erasedAt: expect.any( String ),
	} );
	expect( res.body.customer.firstName ).toBeUndefined();

	const row = (
		await t.bridge.ctx.db.query< Record< string, unknown > >(
			'select * from customers where id = $1',
			[ ids.Grace ]
		)
	)[ 0 ]!;
	const leftovers = JSON.stringify( row );
	for ( const value of [
		'Grace',
		'Hopper',
		'grace@navy.example',
		'Navy',
		'US123',
		'Rabbit',
		'Berlin',
		'+49',
	] )
		expect( leftovers ).not.toContain( value );
	const audit = JSON.stringify(
		await t.bridge.ctx.db.query(
			'select request, response from audit_log where customer_id = $1',
			[ ids.Grace ]
		)
	);
	expect( audit ).not.toContain( 'grace@navy.example' );
	expect( audit ).not.toContain( 'Hopper' );
	expect(
		await t.bridge.ctx.db.query(
			'select 1 from sandbox_customers where id = $1 and deleted_at is not null',
			[ processorId ]
		)
	).toHaveLength( 1 );

	const after = ( await shop.api( 'GET', `/v1/customers/${ ids.Grace }` ) )
		.body;
	expect( after.checkouts.map( ( c: any ) => c.id ) ).toEqual(
		before.checkouts.map( ( c: any ) => c.id )
	);
	expect(
		( await shop.api( 'GET', '/v1/customers?q=hopper' ) ).body.items
	).toEqual( [] );
	await eventually( async () =>
		receiver.events.some(
			( e ) =>
				e.type === 'customer.erased' && e.data.customer.id === ids.Grace
		)
	);
	expect(
		( await shop.api( 'DELETE', `/v1/customers/${ ids.Grace }` ) ).status
	).toBe( 200 );
	expect(
		(
			await shop.api( 'PATCH', `/v1/customers/${ ids.Grace }`, {
				note: 'x',
			} )
		).status
	).toBe( 404 );
} );

it( 'a returning shopper after erasure is a new customer', async () => {
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			level: 'compliant',
			customer: { ...aliceCompliant, ...people[ 1 ] },
		} ),
		idem()
	);
	expect( res.status ).toBe( 201 );
	expect( res.body.checkout.customerId ).not.toBe( ids.Grace );
} );

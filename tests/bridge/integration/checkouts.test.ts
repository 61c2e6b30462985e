import { randomUUID } from 'node:crypto';
import {
	alice,
	aliceCompliant,
	checkoutRequest,
	idem,
} from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
} );
afterAll( () => t.close() );

const count = async ( table: string, where = 'true', params: unknown[] = [] ) =>
	Number(
		(
			await t.bridge.ctx.db.query< { n: string } >(
				`select count(*)::text as n from ${ table } where ${ where }`,
				params
			)
		)[ 0 ]!.n
	);

describe( 'creating a checkout', () => {
	it( 'minimal: upserts the customer, pushes it to the processor, and opens a hosted checkout with its id', async () => {
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest(),
			idem()
		);
		expect( res.status ).toBe( 201 );
		const { checkout } = res.body;
		expect( checkout ).toMatchObject( {
			status: 'open',
			level: 'minimal',
			currency: 'EUR',
			total: '64.97',
			processor: 'sandbox',
		} );
		expect( checkout.url ).toMatch( /\/sandbox\/checkout\/[a-z0-9]{12}$/ );

		const customer = (
			await shop.api( 'GET', `/v1/customers/${ checkout.customerId }` )
		).body.customer;
		expect( customer ).toMatchObject( {
			firstName: 'Alice',
			lastName: 'Liddell',
			email: 'Alice@Example.com',
			level: 'minimal',
		} );
		expect( customer.processorCustomerId ).toMatch( /^[a-z0-9]{12}$/ );

		const charge = (
			await t.bridge.ctx.db.query< { body: any } >(
				'select body from sandbox_checkouts where id = $1',
				[ checkout.processorCheckoutId ]
			)
		)[ 0 ]!.body;
		expect( charge.charge.customerId ).toBe( customer.processorCustomerId );
		expect( charge.charge.lineItems[ 0 ] ).toEqual( {
			description: 'Tea cup',
			netAmount: 19.99,
			quantity: 3,
			productId: 'cup',
		} );
		expect( charge.webhook ).toBe(
			`${ t.url }/processor-webhooks/${ shop.id }`
		);
		const sandboxCustomer = (
			await t.bridge.ctx.db.query< { data: any } >(
				'select data from sandbox_customers where id = $1',
				[ customer.processorCustomerId ]
			)
		)[ 0 ]!.data;
		expect( sandboxCustomer ).toEqual( {
			email: 'Alice@Example.com',
			firstname: 'Alice',
			lastname: 'Liddell',
		} );
	} );

	it( 'a returning customer (email in another case) signed in at the shop is the same customer, updated with PUT at the processor', async () => {
		const first = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: {
					...alice,
					email: 'bob@example.com',
					firstName: 'Bob',
				},
			} ),
			idem()
		);
		const second = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				shopperVerified: true,
				customer: {
					...alice,
					email: 'BOB@example.COM',
					firstName: 'Robert',
				},
			} ),
			idem()
		);
		expect( second.status ).toBe( 201 );
		expect( second.body.checkout.customerId ).toBe(
			first.body.checkout.customerId
		);
		const customer = (
			await shop.api(
				'GET',
				`/v1/customers/${ first.body.checkout.customerId }`
			)
		).body.customer;
		expect( customer.firstName ).toBe( 'Robert' );
		const remote = (
			await t.bridge.ctx.db.query< { data: any } >(
				'select data from sandbox_customers where id = $1',
				[ customer.processorCustomerId ]
			)
		)[ 0 ]!.data;
		expect( remote.firstname ).toBe( 'Robert' );
		const entries = (
			await shop.api( 'GET', `/v1/customers/${ customer.id }/audit` )
		).body.entries;
		expect( entries.map( ( e: any ) => e.action ) ).toEqual(
			expect.arrayContaining( [
				'POST /customer',
				'PUT /customer',
				'POST /checkout/hosted',
				'POST /v1/checkouts',
			] )
		);
		expect(
			entries.find( ( e: any ) => e.action === 'PUT /customer' )
				.onBehalfOf
		).toBe( 'verified shopper' );
	} );

	it( "a stranger using someone else's email at the public checkout may add to the record, never replace it", async () => {
		const email = `victim-${ Date.now() }@example.com`;
		const first = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				level: 'compliant',
				customer: { ...aliceCompliant, email, company: undefined },
			} ),
			idem()
		);
		expect( first.status ).toBe( 201 );
		const stranger = {
			...aliceCompliant,
			email: email.toUpperCase(),
			firstName: 'Mallory',
			lastName: 'Intruder',
			city: 'Elsewhere',
			taxId: 'XX999',
			company: 'Added Ltd',
		};
		const second = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( { level: 'compliant', customer: stranger } ),
			idem()
		);
		expect( second.status ).toBe( 201 );
		const customer = (
			await shop.api(
				'GET',
				`/v1/customers/${ first.body.checkout.customerId }`
			)
		).body.customer;
		expect( customer ).toMatchObject( {
			firstName: 'Alice',
			lastName: 'Liddell',
			city: 'Berlin',
			taxId: 'DE123456789',
			company: 'Added Ltd',
		} );
		const remote = (
			await t.bridge.ctx.db.query< { data: any } >(
				'select data from sandbox_customers where id = $1',
				[ customer.processorCustomerId ]
			)
		)[ 0 ]!.data;
		expect( remote ).toMatchObject( {
			firstname: 'Alice',
			city: 'Berlin',
			company: 'Added Ltd',
		} );
		// The checkout keeps what it was given: its invoice shows what the payer typed.
		const details = await shop.api(
			'GET',
			`/v1/checkouts/${ second.body.checkout.id }`
		);
		expect( details.body.billing ).toMatchObject( {
			firstName: 'Mallory',
			city: 'Elsewhere',
		} );
		const put = (
			await shop.api( 'GET', `/v1/customers/${ customer.id }/audit` )
		).body.entries.find( ( e: any ) => e.action === 'PUT /customer' );
		expect( put.onBehalfOf ).toBe( 'unverified shopper' );
	} );

	it( 'none: the charge carries no customer, and customer fields sent anyway are not stored', async () => {
		const anonymous = await t.addShop( { level: 'none' } );
		const before = await count( 'customers' );
		const res = await anonymous.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				level: 'none',
				customer: { ...alice, email: 'nobody@example.com' },
			} ),
			idem()
		);
		expect( res.status ).toBe( 201 );
		expect( res.body.checkout ).toMatchObject( {
			level: 'none',
			customerId: null,
		} );
		expect( await count( 'customers' ) ).toBe( before );
		const charge = (
			await t.bridge.ctx.db.query< { body: any } >(
				'select body from sandbox_checkouts where id = $1',
				[ res.body.checkout.processorCheckoutId ]
			)
		)[ 0 ]!.body;
		expect( charge.charge.customerId ).toBeUndefined();
	} );

	it( 'compliant: sends the full record to the processor in its field names', async () => {
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				level: 'compliant',
				customer: { ...aliceCompliant, email: 'carol@example.com' },
			} ),
			idem()
		);
		expect( res.status ).toBe( 201 );
		const customer = (
			await shop.api(
				'GET',
				`/v1/customers/${ res.body.checkout.customerId }`
			)
		).body.customer;
		const remote = (
			await t.bridge.ctx.db.query< { data: any } >(
				'select data from sandbox_customers where id = $1',
				[ customer.processorCustomerId ]
			)
		)[ 0 ]!.data;
		expect( remote ).toEqual( {
			email: 'carol@example.com',
			firstname: 'Alice',
			lastname: 'Liddell',
			company: 'Looking Glass Ltd',
			taxid: 'DE123456789',
			adr1: '1 Rabbit Hole',
			zip: '10115',
			city: 'Berlin',
			countrycode: 'DE',
			phonenumber: '+49 30 1234567',
		} );
	} );

	it( 'the shop threshold raises minimal to compliant, and says so when fields are missing', async () => {
		const strict = await t.addShop( {
			threshold: { amount: '50.00', currency: 'EUR' },
		} );
		const res = await strict.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest(),
			idem()
		);
		expect( res.status ).toBe( 400 );
		expect( res.body.error.code ).toBe( 'validation_failed' );
		expect( res.body.error.details ).toEqual( { level: 'compliant' } );
		expect( Object.keys( res.body.error.fields ).sort() ).toEqual( [
			'customer.addressLine1',
			'customer.city',
			'customer.countryCode',
			'customer.postalCode',
		] );
		const small = await strict.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				lineItems: [
					{ description: 'Spoon', netAmount: '3.00', quantity: 1 },
				],
				expectedTotal: '3.00',
			} ),
			idem()
		);
		expect( small.status ).toBe( 201 );
		expect( small.body.checkout.level ).toBe( 'minimal' );
		const big = await strict.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: { ...aliceCompliant, email: 'dan@example.com' },
			} ),
			idem()
		);
		expect( big.body.checkout.level ).toBe( 'compliant' );
	} );

	it( 'the shop level is a floor: a request asking less is raised to it', async () => {
		const shopMinimal = await t.addShop( { level: 'minimal' } );
		const res = await shopMinimal.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( { level: 'none', customer: undefined } ),
			idem()
		);
		expect( res.status ).toBe( 400 );
		expect( res.body.error.fields[ 'customer.email' ].code ).toBe(
			'required'
		);
	} );

	it( 'reads a checkout with its status history, and lists by status and by customer', async () => {
		const created = (
			await shop.api(
				'POST',
				'/v1/checkouts',
				checkoutRequest( {
					customer: { ...alice, email: 'erin@example.com' },
				} ),
				idem()
			)
		).body.checkout;
		const read = await shop.api( 'GET', `/v1/checkouts/${ created.id }` );
		expect( read.body.checkout ).toEqual( created );
		expect( read.body.history ).toEqual( [
			expect.objectContaining( { status: 'open', source: 'bridge' } ),
		] );
		const byCustomer = await shop.api(
			'GET',
			`/v1/checkouts?customerId=${ created.customerId }`
		);
		expect( byCustomer.body.items.map( ( c: any ) => c.id ) ).toEqual( [
			created.id,
		] );
		expect( byCustomer.body.items[ 0 ].customer ).toEqual( {
			id: created.customerId,
			name: 'Alice Liddell',
			email: 'erin@example.com',
		} );
		const byOrder = await shop.api(
			'GET',
			`/v1/checkouts?orderRef=${ encodeURIComponent( created.orderRef ) }`
		);
		expect( byOrder.body.items.map( ( c: any ) => c.id ) ).toEqual( [
			created.id,
		] );
		const open = await shop.api(
			'GET',
			'/v1/checkouts?status=open&limit=2'
		);
		expect( open.body.items ).toHaveLength( 2 );
		expect( open.body.nextCursor ).toEqual( expect.any( String ) );
		const next = await shop.api(
			'GET',
			`/v1/checkouts?status=open&limit=2&cursor=${ open.body.nextCursor }`
		);
		expect( next.body.items[ 0 ].id ).not.toBe( open.body.items[ 1 ].id );
		expect(
			( await shop.api( 'GET', '/v1/checkouts?status=lost' ) ).status
		).toBe( 400 );
		expect(
			( await shop.api( 'GET', '/v1/checkouts?cursor=nonsense' ) ).status
		).toBe( 400 );
	} );

	it( "one shop cannot see another shop's checkouts or customers", async () => {
		const created = (
			await shop.api( 'POST', '/v1/checkouts', checkoutRequest(), idem() )
		).body.checkout;
		const other = await t.addShop();
		expect(
			( await other.api( 'GET', `/v1/checkouts/${ created.id }` ) ).status
		).toBe( 404 );
		expect(
			(
				await other.api(
					'GET',
					`/v1/customers/${ created.customerId }`
				)
			).status
		).toBe( 404 );
		expect(
			( await other.api( 'GET', '/v1/checkouts' ) ).body.items
		).toEqual( [] );
	} );
} );

describe( 'bad input leaves nothing behind', () => {
	async function expectNothingStored( run: () => Promise< unknown > ) {
		const before = await Promise.all(
			[
				'customers',
				'checkouts',
				'audit_log',
				'sandbox_customers',
				'sandbox_checkouts',
				'idempotency_keys',
			].map( ( x ) => count( x ) )
		);
		await run();
		const after = await Promise.all(
			[
				'customers',
				'checkouts',
				'audit_log',
				'sandbox_customers',
				'sandbox_checkouts',
				'idempotency_keys',
			].map( ( x ) => count( x ) )
		);
		expect( after ).toEqual( before );
	}

	it( 'missing and invalid fields → 400 with a message per field', async () => {
		await expectNothingStored( async () => {
			const res = await shop.api(
				'POST',
				'/v1/checkouts',
				checkoutRequest( {
					customer: { firstName: '', email: 'nope' },
				} ),
				idem()
			);
			expect( res.status ).toBe( 400 );
			expect( res.body.error.fields ).toEqual( {
				'customer.firstName': {
					code: 'required',
					message: 'This field is required.',
				},
				'customer.lastName': {
					code: 'required',
					message: 'This field is required.',
				},
				'customer.email': {
					code: 'invalid_email',
					message: expect.stringContaining( 'valid email' ),
				},
			} );
		} );
	} );

	it( 'totals that do not add up → 422 with the computed breakdown', async () => {
		await expectNothingStored( async () => {
			const res = await shop.api(
				'POST',
				'/v1/checkouts',
				checkoutRequest( { expectedTotal: '64.98' } ),
				idem()
			);
			expect( res.status ).toBe( 422 );
			expect( res.body.error.code ).toBe( 'totals_mismatch' );
			expect( res.body.error.details.computed.total ).toBe( '64.97' );
		} );
	} );

	it( 'no Idempotency-Key → 400', async () => {
		await expectNothingStored( async () => {
			const res = await shop.api(
				'POST',
				'/v1/checkouts',
				checkoutRequest()
			);
			expect( res.status ).toBe( 400 );
			expect( res.body.error.code ).toBe( 'idempotency_key_required' );
		} );
	} );

	it( 'malformed JSON → 400, wrong content type → 415, huge body → 413, never 500', async () => {
		await expectNothingStored( async () => {
			const broken = await shop.api(
				'POST',
				'/v1/checkouts',
				'{"level": "minimal",',
				idem()
			);
			expect( [ broken.status, broken.body.error.code ] ).toEqual( [
				400,
				'invalid_json',
			] );
			const text = await shop.api(
				'POST',
				'/v1/checkouts',
				JSON.stringify( checkoutRequest() ),
				{ ...idem(), 'content-type': 'text/plain' }
			);
			expect( [ text.status, text.body.error.code ] ).toEqual( [
				415,
				'unsupported_media_type',
			] );
			const huge = await shop.api(
				'POST',
				'/v1/checkouts',
				checkoutRequest( { orderRef: 'x'.repeat( 400_000 ) } ),
				idem()
			);
			expect( [ huge.status, huge.body.error.code ] ).toEqual( [
				413,
				'payload_too_large',
			] );
			const array = await shop.api(
				'POST',
				'/v1/checkouts',
				'[1,2,3]',
				idem()
			);
			expect( [ array.status, array.body.error.code ] ).toEqual( [
				400,
				'validation_failed',
			] );
		} );
	} );

	it( 'unknown routes and ids answer JSON 404/400', async () => {
		const missing = await shop.api(
			'GET',
			`/v1/checkouts/${ randomUUID() }`
		);
		expect( [ missing.status, missing.body.error.code ] ).toEqual( [
			404,
			'not_found',
		] );
		const bad = await shop.api( 'GET', '/v1/checkouts/not-a-uuid' );
		expect( [ bad.status, bad.body.error.code ] ).toEqual( [
			400,
			'validation_failed',
		] );
		const route = await shop.api( 'GET', '/v1/nothing-here' );
		expect( [ route.status, route.body.error.code ] ).toEqual( [
			404,
			'not_found',
		] );
	} );
} );

describe( 'idempotency', () => {
	it( 'a retry with the same key returns the first result and creates nothing new', async () => {
		const headers = idem();
		const body = checkoutRequest( {
			customer: { ...alice, email: 'frank@example.com' },
		} );
		const first = await shop.api( 'POST', '/v1/checkouts', body, headers );
		const before = await count( 'sandbox_checkouts' );
		const again = await shop.api( 'POST', '/v1/checkouts', body, headers );
		expect( again.status ).toBe( 201 );
		expect( again.body ).toEqual( first.body );
		expect( again.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
		expect( await count( 'sandbox_checkouts' ) ).toBe( before );
	} );

	it( 'the same key with a different body → 409', async () => {
		const headers = idem();
		await shop.api( 'POST', '/v1/checkouts', checkoutRequest(), headers );
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( { orderRef: 'another-order' } ),
			headers
		);
		expect( [ res.status, res.body.error.code ] ).toEqual( [
			409,
			'idempotency_key_reused',
		] );
	} );

	it( '20 concurrent identical requests with one key create exactly one customer and one processor checkout', async () => {
		const headers = idem();
		const body = checkoutRequest( {
			customer: { ...alice, email: 'grace@example.com' },
		} );
		const [
			customersBefore,
			remoteCustomersBefore,
			remoteCheckoutsBefore,
		] = await Promise.all( [
			count( 'customers' ),
			count( 'sandbox_customers' ),
			count( 'sandbox_checkouts' ),
		] );
		const results = await Promise.all(
			Array.from( { length: 20 }, () =>
				shop.api( 'POST', '/v1/checkouts', body, headers )
			)
		);
		expect( results.map( ( r ) => r.status ) ).toEqual(
			Array( 20 ).fill( 201 )
		);
		expect(
			new Set( results.map( ( r ) => r.body.checkout.id ) ).size
		).toBe( 1 );
		expect( await count( 'customers' ) ).toBe( customersBefore + 1 );
		expect( await count( 'sandbox_customers' ) ).toBe(
			remoteCustomersBefore + 1
		);
		expect( await count( 'sandbox_checkouts' ) ).toBe(
			remoteCheckoutsBefore + 1
		);
		expect(
			await count( 'checkouts', 'order_ref = $1', [ body.orderRef ] )
		).toBe( 1 );
	} );

	it( 'concurrent checkouts for one new customer under different keys still create one customer', async () => {
		const email = 'heidi@example.com';
		const remoteBefore = await count( 'sandbox_customers' );
		const results = await Promise.all(
			Array.from( { length: 5 }, () =>
				shop.api(
					'POST',
					'/v1/checkouts',
					checkoutRequest( { customer: { ...alice, email } } ),
					idem()
				)
			)
		);
		expect( results.map( ( r ) => r.status ) ).toEqual(
			Array( 5 ).fill( 201 )
		);
		expect(
			new Set( results.map( ( r ) => r.body.checkout.customerId ) ).size
		).toBe( 1 );
		expect( await count( 'sandbox_customers' ) ).toBe( remoteBefore + 1 );
	} );
} );

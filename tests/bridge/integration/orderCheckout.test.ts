import { createHash } from 'node:crypto';
import { reconcileOpenCheckouts } from '../../../bridge/src/domain/checkouts/reconcile';
import { idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop( { level: 'minimal' } );
} );
afterAll( () => t.close() );

const order = ( orderId: string, over: Record< string, unknown > = {} ) => ( {
	orderId,
	orderKey: `wc_order_${ orderId }`,
	level: 'minimal',
	customer: {
		firstName: 'Wanda',
		lastName: 'Commerce',
		email: `wanda-${ orderId }@example.com`,
	},
	currency: 'EUR',
	items: [
		{
			name: 'Mug',
			quantity: 2,
			lineNet: '20.00',
			tax: '3.80',
			productId: '17',
		},
	],
	coupons: [ { code: 'FIVE', discount: '5.00', discountTax: '0.95' } ],
	shipping: [ { name: 'Parcel', net: '4.95', tax: '0.94' } ],
	taxRates: [ { label: 'VAT 19%', percent: '0.19' } ],
	total: '23.74',
	returnUrl: 'https://shop.example/checkout/order-received/1',
	cancelUrl: 'https://shop.example/cart',
	...over,
} );

const sandboxCheckouts = async () =>
	Number(
		(
			await t.bridge.ctx.db.query< { n: string } >(
				'select count(*)::text as n from sandbox_checkouts'
			)
		)[ 0 ]!.n
	);

it( 'builds the charge from the order and sends the processor exactly the order total', async () => {
	const res = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '501' ),
		idem()
	);
	expect( res.status ).toBe( 201 );
	expect( res.body.checkout ).toMatchObject( {
		orderRef: 'wc-501',
		total: '23.74',
		currency: 'EUR',
		status: 'open',
		level: 'minimal',
	} );
	const body = (
		await t.bridge.ctx.db.query< { body: any; total: string } >(
			'select body, total from sandbox_checkouts where id = $1',
			[ res.body.checkout.processorCheckoutId ]
		)
	)[ 0 ]!;
	expect( body.total ).toBe( '23.74' );
	expect( body.body.charge.discountItems ).toEqual( [
		{ description: 'Coupon FIVE', netAmount: 5 },
	] );
	expect( body.body.charge.shippingCostItems ).toEqual( [
		{ description: 'Parcel', netAmount: 4.95, taxable: true },
	] );
} );

it( 'a retry, a double click or a second tab gets the one open checkout back; nothing new is charged', async () => {
	const first = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '502' ),
		idem()
	);
	const before = await sandboxCheckouts();
	const [ again, tab ] = await Promise.all( [
		shop.api( 'POST', '/v1/checkouts/from-order', order( '502' ), idem() ),
		shop.api( 'POST', '/v1/checkouts/from-order', order( '502' ), idem() ),
	] );
	for ( const r of [ again, tab ] ) {
		expect( r.status ).toBe( 200 );
		expect( r.body ).toMatchObject( {
			reused: true,
			checkout: { id: first.body.checkout.id },
		} );
	}
	expect( await sandboxCheckouts() ).toBe( before );
} );

it( 'two tabs paying the same new order at the same instant create one charge', async () => {
	const before = await sandboxCheckouts();
	const results = await Promise.all(
		Array.from( { length: 5 }, () =>
			shop.api(
				'POST',
				'/v1/checkouts/from-order',
				order( '510' ),
				idem()
			)
		)
	);
	expect( results.map( ( r ) => r.status ).sort() ).toEqual( [
		200, 200, 200, 200, 201,
	] );
	expect( new Set( results.map( ( r ) => r.body.checkout.id ) ).size ).toBe(
		1
	);
	expect( await sandboxCheckouts() ).toBe( before + 1 );
} );

it( 'an order already paid is refused; an expired checkout makes way for a new one', async () => {
	const paid = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '503' ),
		idem()
	);
	const secret = (
		await t.bridge.ctx.db.query< { api_secret: string } >(
			'select a.api_secret from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
			[ shop.id ]
		)
	)[ 0 ]!.api_secret;
	const raw = JSON.stringify( {
		eventType: 'CHECKOUT_COMPLETED',
		data: { checkout: { id: paid.body.checkout.processorCheckoutId } },
	} );
	await fetch( `${ t.url }/processor-webhooks/${ shop.id }`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-webhook-auth': createHash( 'sha256' )
				.update( secret + raw )
				.digest( 'hex' ),
		},
		body: raw,
	} );
	const refused = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '503' ),
		idem()
	);
	expect( [ refused.status, refused.body.error.code ] ).toEqual( [
		409,
		'invalid_state',
	] );

	const stale = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '504' ),
		idem()
	);
	await fetch( `${ stale.body.checkout.url }/expire`, {
		method: 'POST',
		redirect: 'manual',
	} );
	await reconcileOpenCheckouts( t.bridge.ctx );
	const fresh = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '504' ),
		idem()
	);
	expect( fresh.status ).toBe( 201 );
	expect( fresh.body.checkout.id ).not.toBe( stale.body.checkout.id );
} );

it( 'refuses orders that do not add up (422) or are malformed (400), charging nothing', async () => {
	const before = await sandboxCheckouts();
	const mismatch = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '505', { total: '23.75' } ),
		idem()
	);
	expect( [
		mismatch.status,
		mismatch.body.error.code,
		mismatch.body.error.details.computedTotal,
	] ).toEqual( [ 422, 'totals_mismatch', '23.74' ] );
	const malformed = await shop.api(
		'POST',
		'/v1/checkouts/from-order',
		order( '506', {
			items: [ { name: '', quantity: 0, lineNet: '1,00', tax: '0' } ],
		} ),
		idem()
	);
	expect( malformed.status ).toBe( 400 );
	expect( Object.keys( malformed.body.error.fields ).sort() ).toEqual( [
		'items.0.lineNet',
		'items.0.name',
		'items.0.quantity',
	] );
	expect( await sandboxCheckouts() ).toBe( before );
} );

describe( 'order identity and stable retries', () => {
	it( 'a second browser (another nonce in the cancel link) and a total written "10" instead of "10.00" get the same open checkout', async () => {
		const first = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '601', {
				items: [
					{ name: 'Mug', quantity: 1, lineNet: '10.00', tax: '0.00' },
				],
				coupons: [],
				shipping: [],
				taxRates: [],
				total: '10.00',
			} ),
			idem()
		);
		expect( first.status ).toBe( 201 );
		const before = await sandboxCheckouts();
		const second = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '601', {
				items: [
					{ name: 'Mug', quantity: 1, lineNet: '10', tax: '0' },
				],
				coupons: [],
				shipping: [],
				taxRates: [],
				total: '10',
				cancelUrl: 'https://shop.example/cart?_wpnonce=other',
			} ),
			idem()
		);
		expect( second.status ).toBe( 200 );
		expect( second.body ).toMatchObject( {
			reused: true,
			checkout: { id: first.body.checkout.id },
		} );
		expect( await sandboxCheckouts() ).toBe( before );
	} );

	it( "two sites with the same order id (a staging copy) get separate checkouts and never see each other's customer", async () => {
		const live = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '602', { orderKey: 'wc_order_live' } ),
			idem()
		);
		const copy = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '602', {
				orderKey: 'wc_order_staging',
				customer: {
					firstName: 'Stan',
					lastName: 'Staging',
					email: 'stan@staging.example',
				},
			} ),
			idem()
		);
		expect( [ live.status, copy.status ] ).toEqual( [ 201, 201 ] );
		expect( copy.body.checkout.id ).not.toBe( live.body.checkout.id );
		expect( copy.body.checkout.customerId ).not.toBe(
			live.body.checkout.customerId
		);
		// Once the live order is paid, the copy's order is still its own: not "already paid".
		await t.bridge.ctx.db.query(
			`update checkouts set status = 'completed' where id = $1`,
			[ live.body.checkout.id ]
		);
		const retryCopy = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '602', {
				orderKey: 'wc_order_staging',
				customer: {
					firstName: 'Stan',
					lastName: 'Staging',
					email: 'stan@staging.example',
				},
			} ),
			idem()
		);
		expect( retryCopy.status ).toBe( 200 );
		expect( retryCopy.body.checkout.id ).toBe( copy.body.checkout.id );
		const liveAgain = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '602', { orderKey: 'wc_order_live' } ),
			idem()
		);
		expect( [ liveAgain.status, liveAgain.body.error.code ] ).toEqual( [
			409,
			'invalid_state',
		] );
	} );

	it( 'the database refuses a second open checkout for one order and amount (the last line behind the lock)', async () => {
		const first = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '603' ),
			idem()
		);
		const row = (
			await t.bridge.ctx.db.query< Record< string, unknown > >(
				'select * from checkouts where id = $1',
				[ first.body.checkout.id ]
			)
		)[ 0 ]!;
		await expect(
			t.bridge.ctx.db.query(
				`insert into checkouts (id, shop_id, processor, processor_checkout_id, url, status, level, order_ref, order_key, currency, total, charge)
         values (gen_random_uuid(), $1, $2, 'other', $3, 'open', $4, $5, $6, $7, 23.740, '{}')`,
				[
					row.shop_id,
					row.processor,
					row.url,
					row.level,
					row.order_ref,
					row.order_key,
					row.currency,
				]
			)
		).rejects.toThrow( /checkouts_one_open_per_order/ );
	} );

	it( 'keeps only a hash of the order key', async () => {
		const res = await shop.api(
			'POST',
			'/v1/checkouts/from-order',
			order( '604' ),
			idem()
		);
		const stored = (
			await t.bridge.ctx.db.query< { order_key: string } >(
				'select order_key from checkouts where id = $1',
				[ res.body.checkout.id ]
			)
		)[ 0 ]!;
		expect( stored.order_key ).toBe(
			createHash( 'sha256' ).update( 'wc_order_604' ).digest( 'hex' )
		);
	} );
} );

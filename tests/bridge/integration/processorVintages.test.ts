// The bridge against each documented vintage of the processor, played by the independent sandbox:
// other state words, another webhook content type, events it does not act on, no refund webhook,
// rounding a cent away, a clock ahead. Every tolerant path of the client runs here.
import { reconcileOpenCheckouts } from '../../../bridge/src/domain/checkouts/reconcile';
import { assertReachableByProcessor } from '../../../bridge/src/domain/shops/publicUrl';
import { setSandboxVintage } from '../../../bridge/src/processors/sandbox/accounts';
import type { VintageName } from '../../../bridge/src/processors/sandbox/vintages';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import { startEventReceiver } from '../support/eventReceiver';
import {
	eventually,
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let receiver: Awaited< ReturnType< typeof startEventReceiver > >;
const secrets = new Map< string, string >();

beforeAll( async () => {
	t = await startTestBridge( {
		RECONCILE_MIN_AGE_S: '0',
		REFUND_CHECK_INTERVAL_S: '0',
	} );
	receiver = await startEventReceiver( () =>
		[ ...secrets.values() ].at( -1 )!
	);
} );
afterAll( async () => {
	await t.close();
	await receiver.close();
} );

async function shopPlaying( vintage: VintageName ): Promise< TestShop > {
	const shop = await t.addShop( { eventUrl: receiver.url } );
	secrets.set( shop.id, shop.secret );
	const key = (
		await t.bridge.ctx.db.query< { k: string } >(
			'select processor_api_key as k from shops where id = $1',
			[ shop.id ]
		)
	)[ 0 ]!.k;
	await setSandboxVintage( t.bridge.ctx.db, key, vintage );
	return shop;
}

async function open( shop: TestShop, over = {} ) {
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			customer: {
				...alice,
				email: `v-${ Math.random().toString( 36 ).slice( 2 ) }@example.com`,
			},
			...over,
		} ),
		idem()
	);
	expect( res.status ).toBe( 201 );
	return res.body.checkout as {
		id: string;
		url: string;
		processorCheckoutId: string;
	};
}

const payer = ( url: string, action: string ) =>
	fetch( `${ url }/${ action }`, { method: 'POST', redirect: 'manual' } );
const checkoutOf = async ( shop: TestShop, id: string ) =>
	( await shop.api( 'GET', `/v1/checkouts/${ id }` ) ).body;
const statusOf = async ( shop: TestShop, id: string ) =>
	( await checkoutOf( shop, id ) ).checkout.status as string;
const processorEvents = async ( shopId: string ) =>
	t.bridge.ctx.db.query< { event_type: string; applied: boolean } >(
		'select event_type, applied from processor_events where shop_id = $1 order by received_at',
		[ shopId ]
	);

describe.each< VintageName >( [
	'current',
	'coinqvest2020',
	'noRefundWebhook',
	'unknownWords',
] )( 'vintage %s', ( vintage ) => {
	let shop: TestShop;
	beforeAll( async () => {
		shop = await shopPlaying( vintage );
	} );

	it( 'a payment completes the checkout, whatever the webhook content type and state word', async () => {
		const checkout = await open( shop );
		await payer( checkout.url, 'pay' );
		await eventually(
			async () => ( await statusOf( shop, checkout.id ) ) === 'completed'
		);
		const event = await eventually( async () =>
			receiver.events.find(
				( e ) =>
					e.type === 'checkout.completed' &&
					e.data.checkout?.id === checkout.id
			)
		);
		expect( event.data.checkout.amountReceived ).toBe( '64.97' );
	} );

	it( 'an underpayment shows what actually arrived, in the checkout and its event', async () => {
		const checkout = await open( shop );
		await payer( checkout.url, 'underpay' );
		await eventually(
			async () => ( await statusOf( shop, checkout.id ) ) === 'underpaid'
		);
		expect(
			( await checkoutOf( shop, checkout.id ) ).checkout.amountReceived
		).toBe( '58.47' );
		const event = await eventually( async () =>
			receiver.events.find(
				( e ) =>
					e.type === 'checkout.underpaid' &&
					e.data.checkout?.id === checkout.id
			)
		);
		expect( event.data.checkout ).toMatchObject( {
			total: '64.97',
			amountReceived: '58.47',
		} );
	} );

	it( 'expiry is learned by asking, or left alone when the word is unknown', async () => {
		const checkout = await open( shop );
		await payer( checkout.url, 'expire' );
		await reconcileOpenCheckouts( t.bridge.ctx );
		const polled = (
			await t.bridge.ctx.db.query< { last_polled_at: string | null } >(
				'select last_polled_at from checkouts where id = $1',
				[ checkout.id ]
			)
		)[ 0 ]!;
		expect( polled.last_polled_at ).not.toBeNull();
		expect( await statusOf( shop, checkout.id ) ).toBe(
			vintage === 'unknownWords' ? 'open' : 'expired'
		);
	} );

	it( 'a refund is learned by webhook or, without one, by asking about recently paid checkouts', async () => {
		const checkout = await open( shop );
		await payer( checkout.url, 'pay' );
		await eventually(
			async () => ( await statusOf( shop, checkout.id ) ) === 'completed'
		);
		await payer( checkout.url, 'refund' );
		if ( vintage === 'noRefundWebhook' || vintage === 'unknownWords' ) {
			await new Promise( ( r ) => setTimeout( r, 300 ) );
			expect( await statusOf( shop, checkout.id ) ).toBe(
				vintage === 'unknownWords' ? 'refunded' : 'completed'
			);
			await reconcileOpenCheckouts( t.bridge.ctx );
		}
		await eventually(
			async () => ( await statusOf( shop, checkout.id ) ) === 'refunded'
		);
	} );
} );

it( 'events the bridge does not act on (a deposit, the retired format) are recorded and acknowledged', async () => {
	const shop = await shopPlaying( 'coinqvest2020' );
	const checkout = await open( shop );
	await payer( checkout.url, 'pay' );
	await eventually(
		async () => ( await processorEvents( shop.id ) ).length >= 3
	);
	const events = await processorEvents( shop.id );
	expect( events ).toEqual(
		expect.arrayContaining( [
			{ event_type: 'CHECKOUT_COMPLETED', applied: true },
			{ event_type: 'DEPOSIT_COMPLETED', applied: false },
			{ event_type: 'legacy:CHECKOUT_COMPLETED', applied: false },
		] )
	);
} );

it( 'when the processor totals the charge a cent differently, the payer is charged the shop total as one line; the audit keeps both', async () => {
	const shop = await shopPlaying( 'roundsDifferently' );
	const checkout = await open( shop, {
		lineItems: [ { description: 'Tea', netAmount: '10.00', quantity: 1 } ],
		taxItems: [ { name: 'VAT', percent: '0.19' } ],
		expectedTotal: '11.90',
	} );
	const sent = (
		await t.bridge.ctx.db.query< { body: any; total: string } >(
			'select body, total from sandbox_checkouts where id = $1',
			[ checkout.processorCheckoutId ]
		)
	)[ 0 ]!;
	expect( sent.total ).toBe( '11.90' );
	expect( sent.body.charge.lineItems ).toEqual( [
		{
			description: expect.stringContaining( 'Test shop' ),
			netAmount: 11.9,
			quantity: 1,
		},
	] );
	expect( sent.body.charge.taxItems ).toEqual( [] );
	const entry = (
		await shop.api( 'GET', `/v1/checkouts/${ checkout.id }/audit` )
	).body.entries.find(
		( e: any ) => e.action === 'POST /checkout/validate-checkout-charge'
	);
	expect( entry.response ).toMatchObject( {
		total: '11.91',
		shopTotal: '11.90',
		fallback: expect.any( String ),
	} );
} );

it( 'when the totals agree, the itemised charge is sent as it is', async () => {
	const shop = await shopPlaying( 'current' );
	const checkout = await open( shop, {
		lineItems: [ { description: 'Tea', netAmount: '10.00', quantity: 1 } ],
		taxItems: [ { name: 'VAT', percent: '0.19' } ],
		expectedTotal: '11.90',
	} );
	const sent = (
		await t.bridge.ctx.db.query< { body: any } >(
			'select body from sandbox_checkouts where id = $1',
			[ checkout.processorCheckoutId ]
		)
	)[ 0 ]!;
	expect( sent.body.charge.taxItems ).toEqual( [
		{ name: 'VAT', percent: 0.19 },
	] );
} );

it( 'a processor clock ten minutes ahead is corrected with GET /time, not reported as bad credentials', async () => {
	const shop = await shopPlaying( 'clockAhead' );
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			customer: { ...alice, email: 'clock@example.com' },
		} ),
		idem()
	);
	expect( res.status ).toBe( 201 );
} );

it( 'a checkout the processor cannot answer for backs off on its own and never blocks newer ones', async () => {
	const own = await startTestBridge( { RECONCILE_MIN_AGE_S: '0' } );
	try {
		const shop = await own.addShop();
		const stuck = [
			await open( shop ),
			await open( shop ),
			await open( shop ),
		];
		// The processor no longer knows these: every question about them fails.
		await own.bridge.ctx.db.query(
			'delete from sandbox_checkouts where id = any($1::text[])',
			[ stuck.map( ( c ) => c.processorCheckoutId ) ]
		);
		const fresh = await open( shop );
		await payer( fresh.url, 'expire' );
		await reconcileOpenCheckouts( own.bridge.ctx, 3 );
		await reconcileOpenCheckouts( own.bridge.ctx, 3 );
		expect( await statusOf( shop, fresh.id ) ).toBe( 'expired' );
		const backoff = await own.bridge.ctx.db.query< {
			poll_failures: number;
			waits: boolean;
		} >(
			'select poll_failures, next_poll_at > now() as waits from checkouts where id = any($1::uuid[])',
			[ stuck.map( ( c ) => c.id ) ]
		);
		expect( backoff ).toEqual(
			Array( 3 ).fill( { poll_failures: 1, waits: true } )
		);
	} finally {
		await own.close();
	}
} );

describe( 'what the processor offers', () => {
	it( 'a checkout in a currency the processor does not bill in is refused with a field message, before any processor call', async () => {
		const shop = await shopPlaying( 'current' );
		const described = ( await shop.api( 'GET', '/v1/shop' ) ).body.shop
			.processor;
		expect( described.billingCurrencies ).toEqual(
			expect.arrayContaining( [ 'EUR', 'USD', 'BTC' ] )
		);
		expect( described.billingCurrencies ).not.toContain( 'RON' );
		const before = (
			await t.bridge.ctx.db.query< { n: string } >(
				'select count(*)::text as n from sandbox_customers'
			)
		)[ 0 ]!.n;
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( { currency: 'RON' } ),
			idem()
		);
		expect( [ res.status, res.body.error.fields.currency.code ] ).toEqual( [
			400,
			'unsupported_currency',
		] );
		expect(
			(
				await t.bridge.ctx.db.query< { n: string } >(
					'select count(*)::text as n from sandbox_customers'
				)
			)[ 0 ]!.n
		).toBe( before );
	} );

	it( 'a settlement asset or checkout language the processor does not offer is refused when the shop is created', async () => {
		await expect(
			t.addShop( { settlementAsset: 'DOGE:NOWHERE' } )
		).rejects.toThrow( /no settlement asset "DOGE:NOWHERE"/ );
		await expect( t.addShop( { checkoutLanguage: 'xx' } ) ).rejects.toThrow(
			/no checkout language "xx"/
		);
		await expect(
			t.addShop( { settlementAsset: 'ORIGIN', checkoutLanguage: 'de' } )
		).resolves.toBeTruthy();
	} );
} );

describe( 'a live shop needs a PUBLIC_URL the processor can reach', () => {
	it( 'is refused at creation, and the bridge refuses to start with one, saying why', async () => {
		const live = 'https://www.whalestack.com/api/v1';
		for ( const local of [
			'http://127.0.0.1:8787',
			'http://localhost:8787',
			'http://10.0.0.5',
			'http://192.168.1.20:8080',
			'http://[::1]:8787',
			'http://bridge.local',
		] ) {
			expect( () => assertReachableByProcessor( local, live ) ).toThrow(
				/PUBLIC_URL is .* which the live processor cannot reach/
			);
		}
		expect( () =>
			assertReachableByProcessor( 'https://bridge.example.com', live )
		).not.toThrow();
		expect( () =>
			assertReachableByProcessor(
				'http://127.0.0.1:8787',
				'http://127.0.0.1:9000/api/v1'
			)
		).not.toThrow();

		const own = await startTestBridge( {
			WHALESTACK_API_URL: live,
			PUBLIC_URL: 'https://bridge.example.com',
		} );
		try {
			await own
				.addShop( {
					processor: {
						kind: 'whalestack',
						apiKey: 'abcdefabcdef',
						apiSecret: 'x'.repeat( 29 ),
					},
				} )
				.catch( () => undefined );
			await expect(
				own.restart( { PUBLIC_URL: 'http://127.0.0.1:8787' } )
			).rejects.toThrow( /cannot reach/ );
		} finally {
			await own.close().catch( () => undefined );
		}
	} );
} );

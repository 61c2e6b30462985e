import { registerSandboxAccount } from '../../../bridge/src/processors/sandbox/accounts';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import { startFaultProxy } from '../support/faultProxy';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let proxy: Awaited< ReturnType< typeof startFaultProxy > >;
let shop: TestShop;

// A "live" Whalestack shop whose API traffic crosses a faulty network to the sandbox.
beforeAll( async () => {
	proxy = await startFaultProxy();
	t = await startTestBridge( {
		WHALESTACK_API_URL: proxy.url,
		PROCESSOR_TIMEOUT_MS: '800',
	} );
	proxy.setTarget( `${ t.url }/sandbox/api/v1` );
	const account = await registerSandboxAccount( t.bridge.ctx.db );
	shop = await t.addShop( { processor: { kind: 'whalestack', ...account } } );
} );
afterAll( async () => {
	await t.close();
	await proxy.close();
} );
beforeEach( () => proxy.setMode( 'pass' ) );

const counts = async () => {
	const q = async ( from: string ) =>
		Number(
			(
				await t.bridge.ctx.db.query< { n: string } >(
					`select count(*)::text as n from ${ from }`
				)
			)[ 0 ]!.n
		);
	return {
		customers: await q( 'customers' ),
		checkouts: await q( 'checkouts' ),
		keys: await q( 'idempotency_keys' ),
		// Customers the processor still holds: one deleted again by compensation does not count.
		remoteCustomers: await q(
			'sandbox_customers where deleted_at is null'
		),
		remoteCheckouts: await q( 'sandbox_checkouts' ),
	};
};

it( 'works through the proxy when the network is fine', async () => {
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest(),
		idem()
	);
	expect( res.status ).toBe( 201 );
	expect( res.body.checkout.processor ).toBe( 'whalestack' );
} );

it( 'makes its processor calls over a kept-alive connection', async () => {
	const connections = proxy.connections();
	const calls = proxy.calls.length;
	for ( const email of [ 'keep@example.com', 'alive@example.com' ] ) {
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( { customer: { ...alice, email } } ),
			idem()
		);
		expect( res.status ).toBe( 201 );
	}
	// Two checkouts: a charge validation, a new customer and a hosted checkout each.
	expect( proxy.calls.length - calls ).toBe( 6 );
	expect( proxy.connections() - connections ).toBeLessThanOrEqual( 1 );
} );

describe.each( [
	[ 'down', 'processor_unavailable', /could not be reached/ ],
	[ 'slow', 'processor_unavailable', /did not answer within 800 ms/ ],
	[ '500', 'processor_unavailable', /HTTP 500/ ],
	[ 'errors', 'processor_rejected', /refused the request/ ],
	[ 'garbage', 'processor_unavailable', /does not understand/ ],
] as const )( 'processor %s', ( mode, code, message ) => {
	it( `→ 502 ${ code }, a clear message, nothing half-created`, async () => {
		const before = await counts();
		proxy.setMode( mode );
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: { ...alice, email: `${ mode }@example.com` },
			} ),
			idem()
		);
		expect( res.status ).toBe( 502 );
		expect( res.body.error.code ).toBe( code );
		expect( res.body.error.message ).toMatch( message );
		expect( res.body.error.message ).not.toMatch( /<h1>|stack/i );
		if ( mode === 'errors' )
			expect( res.body.error.details.processorErrors ).toEqual( [
				'settlementAsset is not supported',
			] );
		proxy.setMode( 'pass' );
		expect( await counts() ).toEqual( before );
	} );
} );

it( 'a retry with the same key after the processor comes back completes the work once', async () => {
	const headers = idem();
	const body = checkoutRequest( {
		customer: { ...alice, email: 'retry@example.com' },
	} );
	const before = await counts();
	proxy.setMode( 'down' );
	expect(
		( await shop.api( 'POST', '/v1/checkouts', body, headers ) ).status
	).toBe( 502 );
	proxy.setMode( 'pass' );
	const retried = await shop.api( 'POST', '/v1/checkouts', body, headers );
	expect( retried.status ).toBe( 201 );
	const again = await shop.api( 'POST', '/v1/checkouts', body, headers );
	expect( again.body.checkout.id ).toBe( retried.body.checkout.id );
	const after = await counts();
	expect( after.checkouts - before.checkouts ).toBe( 1 );
	expect( after.remoteCheckouts - before.remoteCheckouts ).toBe( 1 );
	expect( after.remoteCustomers - before.remoteCustomers ).toBe( 1 );
} );

it( 'when only the checkout call fails, the processor customer it made is deleted again; the retry charges once', async () => {
	const headers = idem();
	const body = checkoutRequest( {
		customer: { ...alice, email: 'half@example.com' },
	} );
	const before = await counts();
	proxy.setMode( 'fail-checkout' );
	const failed = await shop.api( 'POST', '/v1/checkouts', body, headers );
	expect( [ failed.status, failed.body.error.code ] ).toEqual( [
		502,
		'processor_unavailable',
	] );
	const mid = await counts();
	expect( mid.checkouts ).toBe( before.checkouts );
	expect( mid.keys ).toBe( before.keys );
	expect( mid.customers ).toBe( before.customers );
	expect( mid.remoteCustomers ).toBe( before.remoteCustomers );
	proxy.setMode( 'pass' );
	const retried = await shop.api( 'POST', '/v1/checkouts', body, headers );
	expect( retried.status ).toBe( 201 );
	const after = await counts();
	expect( after.remoteCustomers - before.remoteCustomers ).toBe( 1 );
	expect( after.remoteCheckouts - before.remoteCheckouts ).toBe( 1 );
	expect( after.customers - before.customers ).toBe( 1 );
} );

it( 'GET requests to the processor are retried; creating requests are not', async () => {
	proxy.calls.length = 0;
	proxy.setMode( '500' );
	const check = await shop.api( 'GET', '/v1/shop' );
	expect( check.body.processorCheck ).toEqual( {
		ok: false,
		message: expect.stringMatching( /HTTP 500/ ),
	} );
	expect(
		proxy.calls.filter( ( c ) => c.path === '/auth-test' )
	).toHaveLength( 3 );
	proxy.calls.length = 0;
	await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			customer: { ...alice, email: 'once@example.com' },
		} ),
		idem()
	);
	expect( proxy.calls.filter( ( c ) => c.method === 'POST' ) ).toHaveLength(
		1
	);
} );

it( 'reports wrong credentials as such', async () => {
	const wrong = await t.addShop( {
		processor: {
			kind: 'whalestack',
			apiKey: 'WRONGKEY0000',
			apiSecret: 'W'.repeat( 29 ),
		},
	} );
	const res = await wrong.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest(),
		idem()
	);
	expect( [ res.status, res.body.error.code ] ).toEqual( [
		502,
		'processor_auth_failed',
	] );
	expect(
		( await wrong.api( 'GET', '/v1/shop' ) ).body.processorCheck
	).toEqual( {
		ok: false,
		message: 'The payment processor refused the API credentials.',
	} );
} );

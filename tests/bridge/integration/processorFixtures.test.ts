// Contract tests against the processor's published payloads: every fixture in tests/bridge/fixtures/processor
// (each names the public source it comes from) is fed to the bridge, or, for what the official clients
// send, to the sandbox, and what happens is asserted.
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { refreshCheckout } from '../../../bridge/src/domain/checkouts/reconcile';
import { registerSandboxAccount } from '../../../bridge/src/processors/sandbox/accounts';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

interface Fixture {
	name: string;
	source: { repo: string; path: string; note: string };
	vintage: string;
	kind: 'webhook' | 'checkout-state' | 'error' | 'request';
	endpoint?: string;
	httpStatus?: number;
	unsigned?: boolean;
	after?: string;
	body: unknown;
	expect: Record< string, unknown >;
}

const DIR = path.resolve( __dirname, '../fixtures/processor' );
const fixtures: Fixture[] = readdirSync( DIR )
	.filter( ( f ) => f.endsWith( '.json' ) )
	.map( ( f ) => ( {
		name: f,
		...JSON.parse( readFileSync( path.join( DIR, f ), 'utf8' ) ),
	} ) );
const ofKind = ( kind: Fixture[ 'kind' ] ) =>
	fixtures
		.filter( ( f ) => f.kind === kind )
		.map( ( f ) => [ f.name, f ] as const );

/** The fixture's placeholders (`CHECKOUT`, `CUSTOMER`) replaced with ids of this run. */
const withIds = ( body: unknown, ids: Record< string, string > ): unknown =>
	JSON.parse( JSON.stringify( body ), ( _k, v ) =>
		typeof v === 'string' && v in ids ? ids[ v ] : v
	);

let t: TestBridge;
let sandboxShop: TestShop;
let liveShop: TestShop;
let account: { apiKey: string; apiSecret: string };
let stub: Server;
/** What the stand-in processor answers instead of forwarding to the sandbox, per method and path. */
const overrides = new Map< string, { status: number; body: unknown } >();

beforeAll( async () => {
	// The live-processor shop reaches the sandbox through a stub that can answer with a fixture instead.
	stub = createServer( async ( req, res ) => {
		const chunks: Buffer[] = [];
		for await ( const c of req ) chunks.push( c as Buffer );
		const override = overrides.get(
			`${ req.method } ${ ( req.url ?? '' ).split( '?' )[ 0 ] }`
		);
		if ( override ) {
			const text =
				typeof override.body === 'string'
					? override.body
					: JSON.stringify( override.body );
			return void res
				.writeHead( override.status, {
					'content-type':
						typeof override.body === 'string'
							? 'text/html'
							: 'application/json',
				} )
				.end( text );
		}
		const headers: Record< string, string > = {};
		for ( const [ k, v ] of Object.entries( req.headers ) )
			if (
				typeof v === 'string' &&
				k !== 'host' &&
				k !== 'content-length'
			)
				headers[ k ] = v;
		const upstream = await fetch( `${ t.url }/sandbox/api/v1${ req.url }`, {
			method: req.method,
			headers,
			body: chunks.length ? Buffer.concat( chunks ) : undefined,
		} );
		res.writeHead( upstream.status, {
			'content-type': 'application/json',
		} ).end( Buffer.from( await upstream.arrayBuffer() ) );
	} );
	await new Promise< void >( ( r ) =>
		stub.listen( 0, '127.0.0.1', () => r() )
	);
	t = await startTestBridge( {
		WHALESTACK_API_URL: `http://127.0.0.1:${ ( stub.address() as AddressInfo ).port }`,
	} );
	sandboxShop = await t.addShop();
	account = await registerSandboxAccount( t.bridge.ctx.db );
	liveShop = await t.addShop( {
		processor: { kind: 'whalestack', ...account },
	} );
} );
afterAll( async () => {
	await t.close();
	stub.closeAllConnections();
	stub.close();
} );

const open = async ( shop: TestShop ) => {
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			customer: {
				...alice,
				email: `fx-${ Math.random().toString( 36 ).slice( 2 ) }@example.com`,
			},
		} ),
		idem()
	);
	expect( res.status ).toBe( 201 );
	return res.body.checkout as { id: string; processorCheckoutId: string };
};

async function sendWebhook( body: unknown ) {
	const raw = JSON.stringify( body );
	const secret = (
		await t.bridge.ctx.db.query< { s: string } >(
			'select a.api_secret as s from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
			[ sandboxShop.id ]
		)
	)[ 0 ]!.s;
	// No content type: the processor does not document one, and the bridge must not depend on it.
	const res = await fetch(
		`${ t.url }/processor-webhooks/${ sandboxShop.id }`,
		{
			method: 'POST',
			body: raw,
			headers: {
				'x-webhook-auth': createHash( 'sha256' )
					.update( secret + raw )
					.digest( 'hex' ),
			},
		}
	);
	return {
		status: res.status,
		body: ( await res.json() ) as { outcome?: string },
	};
}

it( 'the corpus covers every kind, and every fixture names its source', () => {
	expect( new Set( fixtures.map( ( f ) => f.kind ) ) ).toEqual(
		new Set( [ 'webhook', 'checkout-state', 'error', 'request' ] )
	);
	for ( const f of fixtures )
		expect( [
			f.name,
			f.source.repo.length > 0,
			f.source.note.length > 0,
		] ).toEqual( [ f.name, true, true ] );
} );

describe.each( ofKind( 'webhook' ) )( 'webhook %s', ( _name, fixture ) => {
	it( `is answered 200 and ${ fixture.expect.outcome }`, async () => {
		const checkout = await open( sandboxShop );
		const ids = { CHECKOUT: checkout.processorCheckoutId };
		if ( fixture.after )
			expect(
				(
					await sendWebhook( {
						eventType: fixture.after,
						data: { checkout: { id: ids.CHECKOUT } },
					} )
				).body.outcome
			).toBe( 'applied' );
		const res = await sendWebhook( withIds( fixture.body, ids ) );
		expect( [ res.status, res.body.outcome ] ).toEqual( [
			200,
			fixture.expect.outcome,
		] );
		const stored = (
			await sandboxShop.api( 'GET', `/v1/checkouts/${ checkout.id }` )
		).body.checkout;
		if ( fixture.expect.status )
			expect( stored.status ).toBe( fixture.expect.status );
		if ( fixture.expect.amountReceived )
			expect( stored.amountReceived ).toBe(
				fixture.expect.amountReceived
			);
	} );
} );

describe.each( ofKind( 'checkout-state' ) )(
	'GET /checkout %s',
	( _name, fixture ) => {
		it( `leaves the checkout ${ fixture.expect.status }`, async () => {
			const checkout = await open( liveShop );
			overrides.set( 'GET /checkout', {
				status: 200,
				body: withIds( fixture.body, {
					CHECKOUT: checkout.processorCheckoutId,
				} ),
			} );
			try {
				await refreshCheckout( t.bridge.ctx, liveShop.id, checkout.id );
			} finally {
				overrides.delete( 'GET /checkout' );
			}
			expect(
				(
					await liveShop.api(
						'GET',
						`/v1/checkouts/${ checkout.id }`
					)
				).body.checkout.status
			).toBe( fixture.expect.status );
		} );
	}
);

describe.each( ofKind( 'error' ) )(
	'processor error %s',
	( _name, fixture ) => {
		it( `becomes ${ fixture.expect.code }, with nothing stored`, async () => {
			overrides.set( 'POST /checkout/hosted', {
				status: fixture.httpStatus!,
				body: fixture.body,
			} );
			try {
				const before = (
					await t.bridge.ctx.db.query< { n: string } >(
						'select count(*)::text as n from checkouts'
					)
				)[ 0 ]!.n;
				const res = await liveShop.api(
					'POST',
					'/v1/checkouts',
					checkoutRequest( {
						customer: { ...alice, email: 'fx-error@example.com' },
					} ),
					idem()
				);
				expect( [ res.status, res.body.error.code ] ).toEqual( [
					502,
					fixture.expect.code,
				] );
				expect(
					(
						await t.bridge.ctx.db.query< { n: string } >(
							'select count(*)::text as n from checkouts'
						)
					)[ 0 ]!.n
				).toBe( before );
			} finally {
				overrides.delete( 'POST /checkout/hosted' );
			}
		} );
	}
);

describe.each( ofKind( 'request' ) )(
	'what an official client sends: %s',
	( _name, fixture ) => {
		it( 'is accepted by the sandbox, as by the processor', async () => {
			const [ method, endpoint ] = fixture.endpoint!.split( ' ' ) as [
				string,
				string,
			];
			const created = await fetchSandbox( 'POST', '/customer', {
				customer: { email: 'fx-client@example.com' },
			} );
			const body =
				fixture.body === null
					? ''
					: JSON.stringify(
							withIds( fixture.body, {
								CUSTOMER: (
									created.body as { customerId: string }
								 ).customerId,
							} )
						);
			const res = await fetchSandbox(
				method,
				endpoint,
				body,
				fixture.unsigned
			);
			expect( res.status ).toBe( fixture.expect.status );
			if ( fixture.expect.total !== undefined )
				expect( ( res.body as { total: number } ).total ).toBe(
					fixture.expect.total
				);
		} );
	}
);

/** A request to the sandbox signed the way the processor's SDKs sign (or not at all). */
async function fetchSandbox(
	method: string,
	endpoint: string,
	body: unknown,
	unsigned = false
) {
	const raw = typeof body === 'string' ? body : JSON.stringify( body );
	const timestamp = String( Math.floor( Date.now() / 1000 ) );
	const headers: Record< string, string > = {
		'content-type': 'application/json',
	};
	if ( ! unsigned ) {
		headers[ 'x-digest-key' ] = account.apiKey;
		headers[ 'x-digest-timestamp' ] = timestamp;
		headers[ 'x-digest-signature' ] = createHmac(
			'sha256',
			account.apiSecret
		)
			.update( endpoint + timestamp + method + raw )
			.digest( 'hex' );
	}
	const res = await fetch( `${ t.url }/sandbox/api/v1${ endpoint }`, {
		method,
		headers,
		body: raw || undefined,
	} );
	return { status: res.status, body: ( await res.json() ) as unknown };
}

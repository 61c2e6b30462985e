// What an operator relies on: request ids through the logs, Prometheus metrics, a drain on SIGTERM that
// lets work in flight finish, and event delivery that keeps one broken shop from delaying the others.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startBridge } from '../../../bridge/src/bridge';
import { loadConfig } from '../../../bridge/src/config';
import { createShop } from '../../../bridge/src/domain/shops/shops';
import { createLogger } from '../../../bridge/src/logger';
import { freshDatabase } from '../support/database';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import { startEventReceiver } from '../support/eventReceiver';
import {
	eventually,
	startTestBridge,
	TEST_MASTER_KEY,
} from '../support/harness';
import { signedClient } from '../support/signedClient';

const ROOT = path.resolve( __dirname, '../../..' );

it( "keeps a caller's X-Request-Id (or makes one), returns it, and writes it on every log line of the request", async () => {
	const database = await freshDatabase();
	const lines: string[] = [];
	const log = createLogger(
		'info',
		new Writable( {
			write: ( chunk, _e, done ) => (
				lines.push( String( chunk ) ),
				done()
			 ),
		} )
	);
	const env = {
		PORT: '0',
		BRIDGE_MASTER_KEY: TEST_MASTER_KEY,
		DEMO_SHOP: 'off',
		RECONCILE_INTERVAL_MS: '3600000',
		METRICS_PORT: '0',
		...database.env,
	};
	const bridge = await startBridge( loadConfig( env ), { log } );
	try {
		const issued = await createShop( bridge.ctx, {
			name: 'Ops shop',
			processor: { kind: 'sandbox' },
		} );
		const api = signedClient( bridge.url, issued.keyId, issued.secret );
		const res = await api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: { ...alice, email: 'ops@example.com' },
			} ),
			{
				...idem(),
				'x-request-id': 'wp-req-1234567890',
			}
		);
		expect( res.status ).toBe( 201 );
		expect( res.headers.get( 'x-request-id' ) ).toBe( 'wp-req-1234567890' );
		const made = await api( 'GET', '/v1/shop', undefined, {
			'x-request-id': 'bad id with spaces',
		} );
		expect( made.headers.get( 'x-request-id' ) ).toMatch(
			/^[0-9a-f-]{36}$/
		);
		// A failing processor call logs a warning: it carries the request id of the request that caused it.
		await api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				currency: 'EUR',
				customer: { ...alice, email: 'ops2@example.com' },
				returnUrl: 'https://shop.example/r',
			} ),
			{ ...idem(), 'x-request-id': 'wp-req-abcdefghij' }
		);
		await bridge.ctx.db.query(
			'update sandbox_accounts set api_secret = $1',
			[ 'changed-so-the-processor-refuses' ]
		);
		await api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: { ...alice, email: 'ops3@example.com' },
			} ),
			{
				...idem(),
				'x-request-id': 'wp-req-refused-01',
			}
		);
		const warned = lines
			.map( ( l ) => JSON.parse( l ) )
			.filter( ( l ) => l.msg === 'checkout creation failed' );
		expect( warned.length ).toBeGreaterThan( 0 );
		expect(
			warned.every( ( l ) => l.requestId === 'wp-req-refused-01' )
		).toBe( true );

		// Prometheus, on its own port: request durations by route, processor calls, checkouts and the outbox.
		const text = await ( await fetch( bridge.metricsUrl! ) ).text();
		expect( text ).toMatch(
			/ccb_http_request_duration_seconds_count\{method="POST",route="\/v1\/checkouts",status="201"\} [1-9]/
		);
		expect( text ).toMatch(
			/ccb_processor_call_duration_seconds_count\{endpoint="POST \/checkout\/hosted",outcome="ok"\} [1-9]/
		);
		expect( text ).toMatch(
			/ccb_processor_call_duration_seconds_count\{endpoint="POST \/checkout\/validate-checkout-charge",outcome="auth_failed"\} [1-9]/
		);
		expect( text ).toMatch( /ccb_checkouts\{status="open"\} [1-9]/ );
		expect( text ).toMatch( /ccb_outbox_backlog \d/ );
		expect( ( await fetch( `${ bridge.url }/metrics` ) ).status ).toBe(
			404
		);
	} finally {
		await bridge.stop();
		await database.drop();
	}
} );

it( 'on SIGTERM stops taking requests, finishes the ones in flight, then exits', async () => {
	const database = await freshDatabase();
	let release!: () => void;
	const gate = new Promise< void >( ( r ) => ( release = r ) );
	// A processor that answers `validate` only once released: the request is in flight when SIGTERM comes.
	const slow: Server = createServer( async ( req, res ) => {
		await gate;
		res.writeHead( 401, { 'content-type': 'application/json' } ).end(
			'{"errors":["refused"]}'
		);
	} );
	await new Promise< void >( ( r ) =>
		slow.listen( 0, '127.0.0.1', () => r() )
	);
	const t = await startTestBridge( {
		WHALESTACK_API_URL: `http://127.0.0.1:${ ( slow.address() as AddressInfo ).port }`,
	} );
	const shop = await t.addShop( {
		processor: {
			kind: 'whalestack',
			apiKey: 'a'.repeat( 12 ),
			apiSecret: 'b'.repeat( 29 ),
		},
	} );
	await t.bridge.stop();
	const port = Number( new URL( t.url ).port );
	const child = spawn(
		process.execPath,
		[ '--import', 'tsx', path.join( ROOT, 'bridge/src/main.ts' ) ],
		{
			cwd: ROOT,
			env: {
				...process.env,
				...t.env,
				NODE_OPTIONS: '',
				PORT: String( port ),
				LOG_LEVEL: 'silent',
				SHUTDOWN_TIMEOUT_MS: '10000',
			},
			stdio: 'ignore',
		}
	);
	try {
		await eventually(
			async () =>
				( await fetch( `${ t.url }/health/live` ).catch( () => null ) )
					?.ok,
			30_000
		);
		const inFlight = shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest(),
			idem()
		);
		await new Promise( ( r ) => setTimeout( r, 300 ) );
		const exited = new Promise< number | null >( ( r ) =>
			child.once( 'exit', ( code ) => r( code ) )
		);
		child.kill( 'SIGTERM' );
		await new Promise( ( r ) => setTimeout( r, 300 ) );
		expect( child.exitCode ).toBeNull();
		release();
		const answered = await inFlight;
		expect( [ answered.status, answered.body.error.code ] ).toEqual( [
			502,
			'processor_auth_failed',
		] );
		expect( await exited ).toBe( 0 );
		await expect( fetch( `${ t.url }/health/live` ) ).rejects.toThrow();
	} finally {
		child.kill( 'SIGKILL' );
		slow.closeAllConnections();
		slow.close();
		await database.drop();
		await t.close().catch( () => undefined );
	}
}, 60_000 );

it( "a shop whose event URL hangs does not delay another shop's events", async () => {
	const hanging: Server = createServer( () => undefined );
	await new Promise< void >( ( r ) =>
		hanging.listen( 0, '127.0.0.1', () => r() )
	);
	const t = await startTestBridge();
	const receiver = await startEventReceiver( () => good.secret );
	const good = await t.addShop( { eventUrl: receiver.url } );
	const stuck = await t.addShop( {
		eventUrl: `http://127.0.0.1:${ ( hanging.address() as AddressInfo ).port }/events`,
	} );
	try {
		for ( let i = 0; i < 5; i++ )
			await stuck.api(
				'POST',
				'/v1/customers',
				{
					level: 'minimal',
					customer: { ...alice, email: `stuck${ i }@example.com` },
				},
				idem()
			);
		const checkout = (
			await good.api(
				'POST',
				'/v1/checkouts',
				checkoutRequest( {
					customer: { ...alice, email: 'good@example.com' },
				} ),
				idem()
			)
		).body.checkout;
		// Events for both shops are due together; the stuck shop's first delivery hangs for its timeout.
		await t.bridge.ctx.db.query(
			`insert into outbox (id, shop_id, type, payload) select gen_random_uuid(), $1, 'customer.updated', '{"id":"x","type":"customer.updated","createdAt":"2026-01-01T00:00:00Z","data":{}}' from generate_series(1, 10)`,
			[ stuck.id ]
		);
		const started = Date.now();
		await fetch( `${ checkout.url }/pay`, {
			method: 'POST',
			redirect: 'manual',
		} );
		await eventually(
			async () =>
				receiver.events.some(
					( e ) => e.type === 'checkout.completed'
				),
			8000
		);
		expect( Date.now() - started ).toBeLessThan( 5000 );
	} finally {
		await t.close();
		await receiver.close();
		hanging.closeAllConnections();
		hanging.close();
	}
}, 30_000 );

// Several bridge processes on one PostgreSQL, as an operator scales out: they must behave like one.
// Real processes (node + tsx running bridge/src/main.ts), real concurrency, a real kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { registerSandboxAccount } from '../../../bridge/src/processors/sandbox/accounts';
import { usingPostgres } from '../support/database';
import { startFaultProxy } from '../support/faultProxy';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import {
	eventually,
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';
import { signedClient } from '../support/signedClient';

const ROOT = path.resolve( __dirname, '../../..' );
const onPostgres = usingPostgres ? describe : describe.skip;

interface Replica {
	url: string;
	process: ChildProcess;
	api: ReturnType< typeof signedClient >;
}

let t: TestBridge;
let shop: TestShop;
let hanging: Server & { calls: number };
let proxy: Awaited< ReturnType< typeof startFaultProxy > >;
const replicas: Replica[] = [];

async function freePort(): Promise< number > {
	const probe = createServer();
	await new Promise< void >( ( r ) =>
		probe.listen( 0, '127.0.0.1', () => r() )
	);
	const { port } = probe.address() as AddressInfo;
	await new Promise( ( r ) => probe.close( r ) );
	return port;
}

/** Another bridge process on the same database, talking to the processor at `processorUrl`. */
async function startReplica( processorUrl: string ): Promise< Replica > {
	const port = await freePort();
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
				WHALESTACK_API_URL: processorUrl,
				RECONCILE_INTERVAL_MS: '3600000',
			},
			stdio: 'ignore',
		}
	);
	const url = `http://127.0.0.1:${ port }`;
	await eventually(
		async () =>
			( await fetch( `${ url }/health/live` ).catch( () => null ) )?.ok,
		30_000
	);
	const replica = {
		url,
		process: child,
		api: signedClient( url, shop.keyId, shop.secret ),
	};
	replicas.push( replica );
	return replica;
}

onPostgres( 'several bridge processes on one PostgreSQL', () => {
	let pool: Replica[];

	beforeAll( async () => {
		// The first process reaches "the processor" (the sandbox) through a local proxy, like the others.
		proxy = await startFaultProxy();
		t = await startTestBridge( { WHALESTACK_API_URL: proxy.url } );
		proxy.setTarget( `${ t.url }/sandbox/api/v1` );
		// A live-processor shop: each process is told where "the processor" is, so one can be made to hang.
		const account = await registerSandboxAccount( t.bridge.ctx.db );
		shop = await t.addShop( {
			processor: { kind: 'whalestack', ...account },
		} );
		hanging = Object.assign(
			createServer( () => {
				hanging.calls++; // never answers: the process calling it holds its locks until it dies
			} ),
			{ calls: 0 }
		);
		await new Promise< void >( ( r ) =>
			hanging.listen( 0, '127.0.0.1', () => r() )
		);
		const sandbox = `${ t.url }/sandbox/api/v1`;
		pool = await Promise.all( [
			startReplica( sandbox ),
			startReplica( sandbox ),
			startReplica( sandbox ),
		] );
	}, 90_000 );

	afterAll( async () => {
		for ( const r of replicas ) r.process.kill( 'SIGKILL' );
		hanging?.closeAllConnections();
		await new Promise( ( r ) => hanging?.close( r ) );
		await t?.close();
		await proxy?.close();
	} );

	const count = async ( sql: string, params: unknown[] ) =>
		Number(
			(
				await t.bridge.ctx.db.query< { n: string } >( sql, params )
			)[ 0 ]!.n
		);

	it( 'concurrent first checkouts for one new email, spread over the processes: one customer, one processor customer, no 5xx', async () => {
		const email = 'Replica.Rita@Example.com';
		const results = await Promise.all(
			Array.from( { length: 9 }, ( _, i ) =>
				pool[ i % pool.length ]!.api(
					'POST',
					'/v1/checkouts',
					checkoutRequest( { customer: { ...alice, email } } ),
					idem()
				)
			)
		);
		expect( results.map( ( r ) => r.status ) ).toEqual(
			Array( 9 ).fill( 201 )
		);
		expect(
			new Set( results.map( ( r ) => r.body.checkout.customerId ) ).size
		).toBe( 1 );
		expect(
			await count(
				'select count(*)::text as n from customers where shop_id = $1 and email_key = lower($2)',
				[ shop.id, email ]
			)
		).toBe( 1 );
		expect(
			await count(
				`select count(*)::text as n from sandbox_customers where lower(data->>'email') = lower($1) and deleted_at is null`,
				[ email ]
			)
		).toBe( 1 );
	} );

	it( 'concurrent payments of one order, spread over the processes, open one processor checkout (20 orders)', async () => {
		const trials = 20;
		let single = 0;
		for ( let trial = 0; trial < trials; trial++ ) {
			const orderId = `9${ trial }`;
			const snapshot = {
				orderId,
				orderKey: `wc_order_replica${ trial }`,
				level: 'minimal',
				customer: {
					firstName: 'Otto',
					lastName: 'Order',
					email: `otto-${ trial }@example.com`,
				},
				currency: 'EUR',
				items: [
					{ name: 'Mug', quantity: 1, lineNet: '10', tax: '0' },
				],
				total: '10',
				returnUrl: 'https://shop.example/return',
				cancelUrl: `https://shop.example/cancel?_wpnonce=${ trial }`,
			};
			const before = await count(
				'select count(*)::text as n from sandbox_checkouts',
				[]
			);
			const results = await Promise.all(
				pool
					.flatMap( ( r ) => [ r, r ] )
					.map( ( r ) =>
						r.api(
							'POST',
							'/v1/checkouts/from-order',
							snapshot,
							idem()
						)
					)
			);
			expect(
				results.every( ( r ) => r.status === 200 || r.status === 201 )
			).toBe( true );
			expect( results.filter( ( r ) => r.status === 201 ) ).toHaveLength(
				1
			);
			expect(
				new Set( results.map( ( r ) => r.body.checkout.id ) ).size
			).toBe( 1 );
			if (
				( await count(
					'select count(*)::text as n from sandbox_checkouts',
					[]
				) ) -
					before ===
				1
			)
				single++;
		}
		expect( single ).toBe( trials );
	} );

	it( 'payments completed at once across the processes get invoice numbers 1…N: no gap, no repeat', async () => {
		const created = await Promise.all(
			Array.from( { length: 15 }, ( _, i ) =>
				pool[ i % pool.length ]!.api(
					'POST',
					'/v1/checkouts',
					checkoutRequest( {
						customer: {
							...alice,
							email: `invoice-${ i }@example.com`,
						},
					} ),
					idem()
				)
			)
		);
		expect( created.map( ( r ) => r.status ) ).toEqual(
			Array( 15 ).fill( 201 )
		);
		// Each payment's webhook goes to the process that opened its checkout, all at once.
		await Promise.all(
			created.map( ( r ) =>
				fetch( `${ r.body.checkout.url }/pay`, {
					method: 'POST',
					redirect: 'manual',
				} )
			)
		);
		await eventually(
			async () =>
				( await count(
					'select count(*)::text as n from invoices where shop_id = $1',
					[ shop.id ]
				) ) === 15,
			20_000
		);
		const rows = await t.bridge.ctx.db.query< { sequence: string } >(
			'select sequence from invoices where shop_id = $1 order by sequence',
			[ shop.id ]
		);
		expect( rows.map( ( r ) => Number( r.sequence ) ) ).toEqual(
			Array.from( { length: 15 }, ( _, i ) => i + 1 )
		);
	} );

	it( 'a request whose process was killed (-9) mid-call does not block the retry: its locks go with its session', async () => {
		const victim = await startReplica(
			`http://127.0.0.1:${ ( hanging.address() as AddressInfo ).port }`
		);
		const body = checkoutRequest( {
			customer: { ...alice, email: 'killed@example.com' },
		} );
		const headers = idem();
		void victim
			.api( 'POST', '/v1/checkouts', body, headers )
			.catch( () => undefined );
		await eventually( async () => hanging.calls > 0, 10_000 );
		victim.process.kill( 'SIGKILL' );
		const started = Date.now();
		const retry = await pool[ 0 ]!.api(
			'POST',
			'/v1/checkouts',
			body,
			headers
		);
		const tookMs = Date.now() - started;
		expect( retry.status ).toBe( 201 );
		expect( tookMs ).toBeLessThan( 5000 );
		console.log(
			`multi-process: the retry after kill -9 was answered in ${ tookMs } ms`
		);
		// And once only: a second retry replays the stored answer.
		const again = await pool[ 1 ]!.api(
			'POST',
			'/v1/checkouts',
			body,
			headers
		);
		expect( [ again.status, again.body.checkout.id ] ).toEqual( [
			201,
			retry.body.checkout.id,
		] );
		expect( again.headers.get( 'idempotent-replayed' ) ).toBe( 'true' );
	} );
} );

/**
 * The checkout path, each server in a process of its own and the load client in another, so what a
 * process costs is its own: a bare Express JSON endpoint (the anchor), the built bridge with a stub
 * processor (on PostgreSQL and on PGlite), and the built bridge calling the sandbox processor running
 * in its own process. For each: requests/s and p50 at concurrency 16, p50 at concurrency 1, the
 * server's CPU per request (from /proc), SQL statements per checkout (the bridge's
 * `ccb_db_statements_total`), and its resident memory at idle and at peak. Prints the goals beside.
 *
 *   npm run bench            (BENCH_REQUESTS=800 BENCH_CONCURRENCY=16 to change the load)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startBridge } from '../bridge/src/bridge';
import { loadConfig } from '../bridge/src/config';
import { createShop } from '../bridge/src/domain/shops/shops';
import { registerSandboxAccount } from '../bridge/src/processors/sandbox/accounts';
// @ts-expect-error plain ESM helper shared with the test runner
import { startPostgres } from '../dev/postgres.mjs';
import {
	cpuMs,
	freePort,
	rssMb,
	runLoad,
	startBuiltBridge,
	startPrintingPort,
	stop,
	// @ts-expect-error plain ESM helper of this benchmark
} from './support/process.mjs';

const REQUESTS = Number( process.env.BENCH_REQUESTS ?? 800 );
const CONCURRENCY = Number( process.env.BENCH_CONCURRENCY ?? 16 );
const SERIAL_REQUESTS = Math.max( 50, Math.round( REQUESTS / 4 ) );
const WARMUP = 50;
const MASTER_KEY = Buffer.alloc( 32, 3 ).toString( 'base64' );
// Background work (event delivery polls, reconciliation) would be counted as the checkouts'.
const QUIET_JOBS = {
	EVENT_POLL_MS: '600000',
	RECONCILE_INTERVAL_MS: '600000',
	LOG_LEVEL: 'silent',
	DEMO_SHOP: 'off',
	BRIDGE_MASTER_KEY: MASTER_KEY,
};

interface Row {
	name: string;
	perSecond: number;
	p50c16: number;
	p50c1: number;
	cpuMsPerRequest: number;
	statements: number | null;
	idleMb: number;
	peakMb: number;
	errors: number;
}

interface Server {
	child: { pid: number };
	url: string;
	keyId?: string;
	secret?: string;
	metricsUrl?: string;
}

interface LoadResult {
	latencies: number[];
	errors: number;
	seconds: number;
}

const median = ( values: number[] ) =>
	[ ...values ].sort( ( a, b ) => a - b )[ Math.floor( values.length / 2 ) ]!;

async function statements( metricsUrl?: string ): Promise< number > {
	if ( ! metricsUrl ) return 0;
	const text = await ( await fetch( metricsUrl ) ).text();
	return Number(
		/^ccb_db_statements_total (\S+)$/m.exec( text )?.[ 1 ] ?? 0
	);
}

/** Measures one server: idle memory, then concurrency 16 (CPU, statements, peak memory), then 1. */
async function measure( name: string, server: Server ): Promise< Row > {
	const pid = server.child.pid;
	await new Promise( ( r ) => setTimeout( r, 1000 ) );
	const idleMb = rssMb( pid );
	let peakMb = idleMb;
	const sampler = setInterval( () => {
		peakMb = Math.max( peakMb, rssMb( pid ) );
	}, 50 );
	const options = {
		url: server.url,
		keyId: server.keyId,
		secret: server.secret,
		warmup: WARMUP,
	};
	let cpu0 = 0;
	let statements0 = 0;
	const startMeasuring = async () => {
		cpu0 = cpuMs( pid );
		statements0 = await statements( server.metricsUrl );
	};
	let started: Promise< void > = Promise.resolve();
	const busy = ( await runLoad(
		{ ...options, requests: REQUESTS, concurrency: CONCURRENCY },
		() => ( started = startMeasuring() )
	) ) as LoadResult;
	await started;
	const cpu = cpuMs( pid ) - cpu0;
	const sent = ( await statements( server.metricsUrl ) ) - statements0;
	const serial = ( await runLoad( {
		...options,
		warmup: 5,
		requests: SERIAL_REQUESTS,
		concurrency: 1,
	} ) ) as LoadResult;
	clearInterval( sampler );
	return {
		name,
		perSecond: REQUESTS / busy.seconds,
		p50c16: median( busy.latencies ),
		p50c1: median( serial.latencies ),
		cpuMsPerRequest: cpu / REQUESTS,
		statements: server.metricsUrl ? sent / REQUESTS : null,
		idleMb,
		peakMb,
		errors: busy.errors + serial.errors,
	};
}

/** A shop on `processorUrl` with these credentials, written to the database before the bridge starts. */
async function seedShop(
	env: Record< string, string >,
	processorUrl: string,
	credentials: { apiKey: string; apiSecret: string }
) {
	const bridge = await startBridge(
		loadConfig( {
			...QUIET_JOBS,
			...env,
			PORT: '0',
			WHALESTACK_API_URL: processorUrl,
		} ),
		{ log: pino( { level: 'silent' } ), jobs: false }
	);
	try {
		return await createShop( bridge.ctx, {
			name: 'Bench',
			processor: { kind: 'whalestack', ...credentials },
		} );
	} finally {
		await bridge.stop();
	}
}

async function bridgeWith(
	env: Record< string, string >,
	processorUrl: string,
	credentials: { apiKey: string; apiSecret: string }
): Promise< Server & { child: { pid: number } } > {
	const shop = await seedShop( env, processorUrl, credentials );
	const metricsPort = await freePort();
	const bridge = await startBuiltBridge( {
		...QUIET_JOBS,
		...env,
		SANDBOX: 'off',
		WHALESTACK_API_URL: processorUrl,
		METRICS_PORT: String( metricsPort ),
	} );
	return {
		...bridge,
		keyId: shop.keyId,
		secret: shop.secret,
		metricsUrl: `http://127.0.0.1:${ metricsPort }/metrics`,
	};
}

/** The sandbox processor in a bridge process of its own (PGlite), with one account for the bench. */
async function sandboxProcess( dataDir: string ) {
	const env = { ...QUIET_JOBS, DATA_DIR: dataDir, SANDBOX: 'on' };
	const setup = await startBridge( loadConfig( { ...env, PORT: '0' } ), {
		log: pino( { level: 'silent' } ),
		jobs: false,
	} );
	const credentials = await registerSandboxAccount( setup.ctx.db );
	await setup.stop();
	const server = await startBuiltBridge( env );
	return { ...server, credentials, api: `${ server.url }/sandbox/api/v1` };
}

const STUB_CREDENTIALS = {
	apiKey: 'BENCHSTUB012',
	apiSecret: 'bench-stub-secret-0123456789a',
};

async function main() {
	const rows: Row[] = [];
	const cleanup: Array< () => Promise< unknown > > = [];
	try {
		const bare = await startPrintingPort( 'bench/support/bareExpress.mjs' );
		cleanup.push( () => stop( bare.child ) );
		rows.push(
			await measure( 'bare Express endpoint (JSON in, JSON out)', {
				child: bare.child,
				url: `http://127.0.0.1:${ bare.port }`,
			} )
		);
		await stop( bare.child );

		const stub = await startPrintingPort(
			'bench/support/stubProcessor.mjs'
		);
		cleanup.push( () => stop( stub.child ) );
		const stubUrl = `http://127.0.0.1:${ stub.port }/api/v1`;
		const pg = await startPostgres();
		cleanup.push( async () => pg.stop() );

		const onPostgres = await bridgeWith(
			{
				DATABASE_URL: pg.url,
				DATA_DIR: path.join( tmpdir(), 'ccb-bench-pg' ),
			},
			stubUrl,
			STUB_CREDENTIALS
		);
		rows.push(
			await measure( 'bridge, stub processor, PostgreSQL', onPostgres )
		);
		await stop( onPostgres.child );

		const pgliteDir = await mkdtemp( path.join( tmpdir(), 'ccb-bench-' ) );
		cleanup.push( () => rm( pgliteDir, { recursive: true, force: true } ) );
		const onPglite = await bridgeWith(
			{ DATA_DIR: pgliteDir },
			stubUrl,
			STUB_CREDENTIALS
		);
		rows.push(
			await measure( 'bridge, stub processor, PGlite', onPglite )
		);
		await stop( onPglite.child );

		const sandboxDir = await mkdtemp(
			path.join( tmpdir(), 'ccb-bench-sandbox-' )
		);
		cleanup.push( () =>
			rm( sandboxDir, { recursive: true, force: true } )
		);
		const sandbox = await sandboxProcess( sandboxDir );
		cleanup.push( () => stop( sandbox.child ) );
		const withSandbox = await bridgeWith(
			{
				DATABASE_URL: pg.url,
				DATA_DIR: path.join( tmpdir(), 'ccb-bench-pg' ),
			},
			sandbox.api,
			sandbox.credentials
		);
		rows.push(
			await measure(
				'bridge, sandbox in its own process, PostgreSQL',
				withSandbox
			)
		);
		await stop( withSandbox.child );
	} finally {
		for ( const step of cleanup.reverse() )
			await step().catch( () => undefined );
	}
	report( rows );
}

function report( rows: Row[] ) {
	const f = ( n: number, d = 1 ) => n.toFixed( d );
	console.log(
		`\n${ REQUESTS } requests at concurrency ${ CONCURRENCY } and ${ SERIAL_REQUESTS } at 1, after ${ WARMUP } warm-up; load client in its own process; Node ${ process.version }, ${ cpus().length } × ${ cpus()[ 0 ]?.model.trim() }\n`
	);
	console.log(
		'| what | requests/s | p50 ms (16) | p50 ms (1) | server CPU ms per request | SQL statements per checkout | RSS idle MB | RSS peak MB | errors |'
	);
	console.log(
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
	);
	for ( const r of rows )
		console.log(
			`| ${ r.name } | ${ f( r.perSecond, 0 ) } | ${ f( r.p50c16 ) } | ${ f( r.p50c1 ) } | ${ f( r.cpuMsPerRequest, 2 ) } | ${ r.statements === null ? '—' : f( r.statements ) } | ${ f( r.idleMb, 0 ) } | ${ f( r.peakMb, 0 ) } | ${ r.errors } |`
		);
	const [ bare, pgStub, pgliteStub ] = rows;
	const verdict = ( ok: boolean ) => ( ok ? 'met' : 'not met' );
	const goals: [ string, string, string, boolean ][] = [
		[
			'bridge CPU per checkout (stub processor, PostgreSQL)',
			`${ f( pgStub!.cpuMsPerRequest, 2 ) } ms (${ f( pgStub!.cpuMsPerRequest / bare!.cpuMsPerRequest ) } × bare Express)`,
			'≤ 1.2 ms',
			pgStub!.cpuMsPerRequest <= 1.2,
		],
		[
			'SQL statements per checkout',
			f( pgStub!.statements ?? 0 ),
			'≤ 8',
			( pgStub!.statements ?? 99 ) <= 8,
		],
		[
			'bridge memory on PostgreSQL, idle / peak',
			`${ f( pgStub!.idleMb, 0 ) } / ${ f( pgStub!.peakMb, 0 ) } MB`,
			'≤ 128 MB',
			pgStub!.peakMb <= 128,
		],
		[
			'bridge memory on PGlite, idle / peak',
			`${ f( pgliteStub!.idleMb, 0 ) } / ${ f( pgliteStub!.peakMb, 0 ) } MB`,
			'≤ 256 MB',
			pgliteStub!.peakMb <= 256,
		],
	];
	console.log( '\n| figure | now | goal | |\n| --- | ---: | ---: | --- |' );
	for ( const [ what, now, goal, ok ] of goals )
		console.log(
			`| ${ what } | ${ now } | ${ goal } | ${ verdict( ok ) } |`
		);
	if ( rows.some( ( r ) => r.errors ) ) process.exitCode = 1;
}

void main();

/**
 * Checkout-creation throughput and latency, on PGlite and on PostgreSQL, next to a bare Express
 * endpoint measured with the same client in the same run. Each checkout is the full path: signed
 * request, validation, idempotency, a new customer pushed to the (embedded sandbox) processor,
 * the hosted checkout created there, and the records committed — so every request also costs the
 * sandbox's own work in the same process.
 *
 *   npm run bench            (BENCH_REQUESTS=400 BENCH_CONCURRENCY=16 to change the load)
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { startBridge } from '../bridge/src/bridge';
import { loadConfig } from '../bridge/src/config';
import { createShop } from '../bridge/src/domain/shops/shops';
import { signatureHeaders } from '../bridge/src/security/requestSigning';
// @ts-expect-error plain ESM helper shared with the test runner
import { startPostgres } from '../dev/postgres.mjs';

const REQUESTS = Number( process.env.BENCH_REQUESTS ?? 400 );
const CONCURRENCY = Number( process.env.BENCH_CONCURRENCY ?? 16 );
const WARMUP = 40;

interface Result {
	name: string;
	perSecond: number;
	p50: number;
	p99: number;
	errors: number;
}

async function load(
	name: string,
	send: ( i: number ) => Promise< number >
): Promise< Result > {
	for ( let i = 0; i < WARMUP; i++ ) await send( -1 - i );
	const latencies: number[] = [];
	let errors = 0;
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from( { length: CONCURRENCY }, async () => {
			while ( next < REQUESTS ) {
				const i = next++;
				const t0 = performance.now();
				const status = await send( i );
				latencies.push( performance.now() - t0 );
				if ( status >= 300 ) errors++;
			}
		} )
	);
	const seconds = ( performance.now() - started ) / 1000;
	latencies.sort( ( a, b ) => a - b );
	const at = ( q: number ) =>
		latencies[
			Math.min( latencies.length - 1, Math.floor( q * latencies.length ) )
		]!;
	return {
		name,
		perSecond: REQUESTS / seconds,
		p50: at( 0.5 ),
		p99: at( 0.99 ),
		errors,
	};
}

function checkoutBody( i: number ): string {
	return JSON.stringify( {
		level: 'minimal',
		customer: {
			firstName: 'Bench',
			lastName: `Mark ${ i }`,
			email: `bench-${ randomUUID() }@example.com`,
		},
		orderRef: `bench-${ i }-${ randomUUID().slice( 0, 8 ) }`,
		currency: 'EUR',
		lineItems: [
			{ description: 'Tea cup', netAmount: '19.99', quantity: 3 },
			{ description: 'Saucer', netAmount: '5.00', quantity: 1 },
		],
		taxItems: [ { name: 'VAT', percent: '0.19' } ],
		expectedTotal: '77.31',
		returnUrl: 'https://shop.example/return',
		cancelUrl: 'https://shop.example/cancel',
	} );
}

async function bareExpress(): Promise< Result > {
	const app = express();
	app.use( express.json() );
	app.post(
		'/checkouts',
		( req, res ) =>
			void res.status( 201 ).json( {
				checkout: { id: randomUUID(), orderRef: req.body.orderRef },
			} )
	);
	const server = app.listen( 0, '127.0.0.1' );
	await new Promise( ( r ) => server.once( 'listening', r ) );
	const url = `http://127.0.0.1:${ ( server.address() as { port: number } ).port }/checkouts`;
	try {
		return await load(
			'bare Express endpoint (JSON in, JSON out)',
			async ( i ) => {
				const res = await fetch( url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: checkoutBody( i ),
				} );
				await res.arrayBuffer();
				return res.status;
			}
		);
	} finally {
		server.close();
	}
}

async function bridgeOn(
	name: string,
	env: Record< string, string >
): Promise< Result > {
	const config = loadConfig( {
		PORT: '0',
		LOG_LEVEL: 'silent',
		DEMO_SHOP: 'off',
		BRIDGE_MASTER_KEY: Buffer.alloc( 32, 3 ).toString( 'base64' ),
		...env,
	} );
	const bridge = await startBridge( config, {
		log: pino( { level: 'silent' } ),
	} );
	try {
		const shop = await createShop( bridge.ctx, {
			name: 'Bench',
			processor: { kind: 'sandbox' },
		} );
		return await load( name, async ( i ) => {
			const body = checkoutBody( i );
			const res = await fetch( `${ bridge.url }/v1/checkouts`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'idempotency-key': randomUUID(),
					...signatureHeaders(
						shop.keyId,
						shop.secret,
						'POST',
						'/v1/checkouts',
						body
					),
				},
				body,
			} );
			await res.arrayBuffer();
			return res.status;
		} );
	} finally {
		await bridge.stop();
	}
}

async function main() {
	const results: Result[] = [ await bareExpress() ];
	const dataDir = await mkdtemp( path.join( tmpdir(), 'ccb-bench-' ) );
	try {
		results.push(
			await bridgeOn( 'bridge checkout on PGlite', { DATA_DIR: dataDir } )
		);
	} finally {
		await rm( dataDir, { recursive: true, force: true } );
	}
	const pg = await startPostgres();
	try {
		results.push(
			await bridgeOn( 'bridge checkout on PostgreSQL 15', {
				DATABASE_URL: pg.url,
				DATA_DIR: path.join( tmpdir(), 'ccb-bench-pg' ),
			} )
		);
	} finally {
		pg.stop();
	}

	console.log(
		`\n${ REQUESTS } requests per row, ${ CONCURRENCY } concurrent, after ${ WARMUP } warm-up; Node ${ process.version }, ${ cpus().length } × ${ cpus()[ 0 ]?.model.trim() }\n`
	);
	console.log( '| what | requests/s | p50 ms | p99 ms | errors |' );
	console.log( '| --- | ---: | ---: | ---: | ---: |' );
	for ( const r of results )
		console.log(
			`| ${ r.name } | ${ r.perSecond.toFixed( 0 ) } | ${ r.p50.toFixed( 1 ) } | ${ r.p99.toFixed( 1 ) } | ${ r.errors } |`
		);
	if ( results.some( ( r ) => r.errors ) ) process.exitCode = 1;
}

void main();

/**
 * Customer management at scale: seeds N customers (default one million) and some paid checkouts,
 * then measures through the signed HTTP API — search p95, list p95 (first and deep pages in each
 * sort), statistics, and CSV export rows per second with the bridge's peak extra memory — on PGlite
 * and on PostgreSQL.
 *
 *   npm run bench:customers            (BENCH_CUSTOMERS=100000 for a quicker run)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startBridge } from '../bridge/src/bridge';
import { loadConfig } from '../bridge/src/config';
import { createShop } from '../bridge/src/domain/shops/shops';
import { signatureHeaders } from '../bridge/src/security/requestSigning';
// @ts-expect-error plain ESM helper shared with the test runner
import { startPostgres } from '../dev/postgres.mjs';

const N = Number( process.env.BENCH_CUSTOMERS ?? 1_000_000 );
const SAMPLES = 60;

interface Figures {
	database: string;
	seedSeconds: number;
	searchP95: number;
	listP95: number;
	statisticsMs: number;
	exportRowsPerSecond: number;
	exportPeakMb: number;
}

const percentile = ( values: number[], q: number ) =>
	[ ...values ].sort( ( a, b ) => a - b )[
		Math.min( values.length - 1, Math.floor( q * values.length ) )
	]!;

async function run(
	database: string,
	env: Record< string, string >
): Promise< Figures > {
	const config = loadConfig( {
		PORT: '0',
		LOG_LEVEL: 'silent',
		DEMO_SHOP: 'off',
		BRIDGE_MASTER_KEY: Buffer.alloc( 32, 5 ).toString( 'base64' ),
		...env,
	} );
	const bridge = await startBridge( config, {
		log: pino( { level: 'silent' } ),
		jobs: false,
	} );
	try {
		const { db } = bridge.ctx;
		const shop = await createShop( bridge.ctx, {
			name: 'Bench',
			processor: { kind: 'sandbox' },
		} );
		const api = async ( pathWithQuery: string ) => {
			const started = performance.now();
			const res = await fetch( bridge.url + pathWithQuery, {
				headers: signatureHeaders(
					shop.keyId,
					shop.secret,
					'GET',
					pathWithQuery,
					''
				),
			} );
			const body = await res.text();
			if ( ! res.ok )
				throw new Error(
					`${ pathWithQuery }: ${ res.status } ${ body.slice( 0, 200 ) }`
				);
			return { ms: performance.now() - started, body };
		};

		// Seeding: the search index is built once after the rows, as a bulk load would.
		const seedStart = performance.now();
		await db.exec( 'drop index if exists customers_search' );
		await db.query(
			`insert into customers (id, shop_id, email, email_key, first_name, last_name, company, tax_id, address_line1, postal_code, city, country_code, level, created_at)
       select md5(g::text)::uuid, $1, 'customer' || g || '@example' || (g % 97) || '.com', 'customer' || g || '@example' || (g % 97) || '.com',
              (array['Ada','Grace','Alan','Edsger','Barbara','Donald','Margaret','Linus','Ken','Radia'])[1 + g % 10],
              (array['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Hamilton','Torvalds','Thompson','Perlman'])[1 + (g / 10) % 10] || g,
              'Company ' || (g % 5000), 'TAX' || lpad(g::text, 9, '0'), g || ' Main Street', lpad((g % 99999)::text, 5, '0'), 'City ' || (g % 300),
              (array['DE','US','FR','GB','NL','CH','AT','ES','IT','PL'])[1 + (g / 7) % 10], case when g % 4 = 0 then 'compliant' else 'minimal' end,
              date_trunc('milliseconds', now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second')
         from generate_series(1, $2) as g`,
			[ shop.shop.id, N ]
		);
		await db.exec(
			`create index customers_search on customers using gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(company, '') || ' ' || coalesce(tax_id, '')) gin_trgm_ops)`
		);
		await db.query(
			`insert into checkouts (id, shop_id, customer_id, processor, processor_checkout_id, url, status, level, order_ref, currency, total, charge, created_at, updated_at)
       select gen_random_uuid(), $1, md5((g * 20)::text)::uuid, 'sandbox', 'BENCH' || g, 'https://example.invalid', 'completed', 'minimal', 'bench-' || g,
              (array['EUR','USD'])[1 + g % 2], (g % 500) + 0.99, '{}'::jsonb, now() - (g % 45) * interval '1 day', now() - (g % 45) * interval '1 day'
         from generate_series(1, $2) as g`,
			[ shop.shop.id, Math.floor( N / 20 ) ]
		);
		await db.exec( 'analyze' );
		const seedSeconds = ( performance.now() - seedStart ) / 1000;

		const terms = [
			'lovelace',
			'hopp',
			'customer12345',
			'example42.com',
			'company 77',
			'tax000123',
			'knuth9',
			'grace',
			'zzzz-nothing',
		];
		for ( const q of terms )
			await api( `/v1/customers?q=${ encodeURIComponent( q ) }` ); // warm-up
		const search: number[] = [];
		for ( let i = 0; i < SAMPLES; i++ )
			search.push(
				(
					await api(
						`/v1/customers?limit=50&q=${ encodeURIComponent( terms[ i % terms.length ]! + ( i > terms.length ? '' : '' ) ) }`
					)
				).ms
			);

		const list: number[] = [];
		for ( const sort of [ 'createdAt', 'name', 'email' ] ) {
			let cursor = '';
			for ( let page = 0; page < SAMPLES / 3; page++ ) {
				const { ms, body } = await api(
					`/v1/customers?limit=50&sort=${ sort }${ cursor ? `&cursor=${ cursor }` : '' }${ page === 0 ? '&withTotal=true' : '' }`
				);
				list.push( ms );
				cursor = JSON.parse( body ).nextCursor;
			}
		}
		const filtered = await api(
			'/v1/customers?limit=50&country=DE&level=compliant&hasPayments=true'
		);
		list.push( filtered.ms );

		const statistics: number[] = [];
		for ( let i = 0; i < 5; i++ )
			statistics.push( ( await api( '/v1/customers/statistics' ) ).ms );

		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(
			() => ( peak = Math.max( peak, process.memoryUsage().rss ) ),
			50
		);
		const exportStart = performance.now();
		const res = await fetch( `${ bridge.url }/v1/customers/export.csv`, {
			headers: signatureHeaders(
				shop.keyId,
				shop.secret,
				'GET',
				'/v1/customers/export.csv',
				''
			),
		} );
		let rows = -1;
		const decoder = new TextDecoder();
		for await ( const chunk of res.body as unknown as AsyncIterable< Uint8Array > )
			rows += (
				decoder.decode( chunk, { stream: true } ).match( /\n/g ) ?? []
			).length; // \r\n may straddle chunks
		clearInterval( sampler );
		const exportSeconds = ( performance.now() - exportStart ) / 1000;
		if ( rows !== N )
			throw new Error( `export had ${ rows } rows, expected ${ N }` );

		return {
			database,
			seedSeconds,
			searchP95: percentile( search, 0.95 ),
			listP95: percentile( list, 0.95 ),
			statisticsMs: percentile( statistics, 0.5 ),
			exportRowsPerSecond: rows / exportSeconds,
			exportPeakMb: ( peak - baseline ) / 1024 / 1024,
		};
	} finally {
		await bridge.stop();
	}
}

async function main() {
	const results: Figures[] = [];
	const pg = await startPostgres();
	try {
		results.push(
			await run( 'PostgreSQL 15', {
				DATABASE_URL: pg.url,
				DATA_DIR: path.join( tmpdir(), 'ccb-bench-customers-pg' ),
			} )
		);
	} finally {
		pg.stop();
	}
	const dir = await mkdtemp( path.join( tmpdir(), 'ccb-bench-customers-' ) );
	try {
		results.push( await run( 'PGlite', { DATA_DIR: dir } ) );
	} finally {
		await rm( dir, { recursive: true, force: true } );
	}
	console.log(
		`\n${ N.toLocaleString( 'en' ) } customers, ${ Math.floor( N / 20 ).toLocaleString( 'en' ) } paid checkouts; ${ SAMPLES } samples per figure; Node ${ process.version }, ${ cpus().length } × ${ cpus()[ 0 ]?.model.trim() }\n`
	);
	console.log(
		'| database | seed s | search p95 ms | list p95 ms | statistics ms | export rows/s | export peak extra MB |'
	);
	console.log( '| --- | ---: | ---: | ---: | ---: | ---: | ---: |' );
	for ( const r of results ) {
		console.log(
			`| ${ r.database } | ${ r.seedSeconds.toFixed( 0 ) } | ${ r.searchP95.toFixed( 1 ) } | ${ r.listP95.toFixed( 1 ) } | ${ r.statisticsMs.toFixed( 0 ) } | ${ r.exportRowsPerSecond.toFixed( 0 ) } | ${ r.exportPeakMb.toFixed( 0 ) } |`
		);
	}
}

void main();

/**
 * Customer management at scale, as wp-admin asks it: seeds N customers (default one million) and N/20
 * paid checkouts, then measures through the signed HTTP API — search p95 per kind of term (a page of
 * 25 and its total), the filtered list's p95 (country + level + has paid, with its total), list pages,
 * statistics, and the CSV export of everything (rows/s beside psql's `\copy` of the same rows in the
 * same run, the first byte, the bridge's peak extra memory) — on PostgreSQL and on PGlite, each figure
 * beside its goal (issue 13; PGlite's goals are twice PostgreSQL's).
 *
 *   npm run bench:customers            (BENCH_CUSTOMERS=100000 for a quicker run)
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { startBridge } from '../bridge/src/bridge';
import { loadConfig } from '../bridge/src/config';
import { createShop } from '../bridge/src/domain/shops/shops';
import { signatureHeaders } from '../bridge/src/security/requestSigning';
// @ts-expect-error plain ESM helper shared with the test runner
import { startPostgres } from '../dev/postgres.mjs';

const run = promisify( execFile );
const N = Number( process.env.BENCH_CUSTOMERS ?? 1_000_000 );
const SAMPLES = 30;
const PER_PAGE = 25;

/** A customer the seed made, by its number: what a person would type to find them. */
const emailOf = ( g: number ) => `customer${ g }@example${ g % 97 }.com`;
const some = ( i: number ) => 1 + ( ( i * 7919 ) % N );

/** Search terms by kind; each sample takes the next term of its kind. */
const SEARCHES: Record< string, ( i: number ) => string > = {
	'one letter': ( i ) => 'aglkct'[ i % 6 ]!,
	'two letters': ( i ) => [ 'gr', 'lo', 'ha', 'to', 'pe', 'kn' ][ i % 6 ]!,
	'two letters, no match': ( i ) => [ 'zq', 'xj', 'qy' ][ i % 3 ]!,
	'word, no match': ( i ) => [ 'zzzz-nothing', 'qqqqq', 'nobody' ][ i % 3 ]!,
	'email domain': ( i ) =>
		i % 2 ? `example${ i % 97 }.com` : `@example${ i % 97 }.com`,
	'full email': ( i ) => emailOf( some( i ) ),
	name: ( i ) =>
		[ 'lovelace', 'hopp', `knuth${ i % 10 }`, 'grace', 'ada lovelace' ][
			i % 5
		]!,
	company: ( i ) => `company ${ ( i * 37 ) % 5000 }`,
	'tax id': ( i ) => `tax${ String( some( i ) ).padStart( 9, '0' ) }`,
};

interface Figures {
	database: string;
	seedSeconds: number;
	search: Record< string, number >;
	filteredP95: number;
	listP95: number;
	statisticsP95: number;
	exportRowsPerSecond: number;
	copyRowsPerSecond: number | null;
	firstByteMs: number;
	exportPeakMb: number;
}

const percentile = ( values: number[], q: number ) =>
	[ ...values ].sort( ( a, b ) => a - b )[
		Math.min( values.length - 1, Math.floor( q * values.length ) )
	]!;

/** The export's columns, as psql's `\copy` reads them: the anchor the export is measured against. */
const COPY_COLUMNS =
	'id, email, first_name, last_name, company, tax_id, address_line1, address_line2, postal_code, city, country_code, phone, note, meta, level, created_at, updated_at, erased_at';

/** psql `\copy` of the shop's customers, oldest first, to /dev/null: rows per second, the better of two. */
function psqlCopyRowsPerSecond( url: string, shopId: string ): number {
	let best = Infinity;
	for ( let i = 0; i < 2; i++ ) {
		const started = performance.now();
		const result = spawnSync(
			'/usr/bin/psql',
			[
				url,
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				`\\copy (select ${ COPY_COLUMNS } from customers where shop_id = '${ shopId }' order by created_at, id) to '/dev/null' with (format csv, header)`,
			],
			{ encoding: 'utf8' }
		);
		if ( result.status !== 0 ) throw new Error( result.stderr );
		best = Math.min( best, performance.now() - started );
	}
	return N / ( best / 1000 );
}

async function measure(
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
		const shopId = shop.shop.id;
		const signed = ( pathWithQuery: string ) =>
			fetch( bridge.url + pathWithQuery, {
				headers: signatureHeaders(
					shop.keyId,
					shop.secret,
					'GET',
					pathWithQuery,
					''
				),
			} );
		const api = async ( pathWithQuery: string ) => {
			const started = performance.now();
			const res = await signed( pathWithQuery );
			const body = await res.text();
			if ( ! res.ok )
				throw new Error(
					`${ pathWithQuery }: ${ res.status } ${ body.slice( 0, 200 ) }`
				);
			return { ms: performance.now() - started, body };
		};

		// Seeding as a bulk load does it: the search indexes are built once after the rows. The summary
		// triggers run as they would for any write.
		const seedStart = performance.now();
		const searchIndexes = await db.query< { name: string; sql: string } >(
			`select indexname as name, indexdef as sql from pg_indexes where tablename = 'customers' and indexname like 'customers_prefix_%'`
		);
		for ( const index of searchIndexes )
			await db.exec( `drop index ${ index.name }` );
		await db.query(
			`insert into customers (id, shop_id, email, email_key, first_name, last_name, company, tax_id, address_line1, postal_code, city, country_code, level, created_at)
       select md5(g::text)::uuid, $1, 'customer' || g || '@example' || (g % 97) || '.com', 'customer' || g || '@example' || (g % 97) || '.com',
              (array['Ada','Grace','Alan','Edsger','Barbara','Donald','Margaret','Linus','Ken','Radia'])[1 + g % 10],
              (array['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Hamilton','Torvalds','Thompson','Perlman'])[1 + (g / 10) % 10] || g,
              'Company ' || (g % 5000), 'TAX' || lpad(g::text, 9, '0'), g || ' Main Street', lpad((g % 99999)::text, 5, '0'), 'City ' || (g % 300),
              (array['DE','US','FR','GB','NL','CH','AT','ES','IT','PL'])[1 + (g / 7) % 10], case when g % 4 = 0 then 'compliant' else 'minimal' end,
              date_trunc('milliseconds', now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second')
         from generate_series(1, $2) as g`,
			[ shopId, N ]
		);
		for ( const index of searchIndexes ) await db.exec( index.sql );
		await db.query(
			`insert into checkouts (id, shop_id, customer_id, processor, processor_checkout_id, url, status, level, order_ref, currency, total, charge, created_at, updated_at)
       select gen_random_uuid(), $1, md5((g * 20)::text)::uuid, 'sandbox', 'BENCH' || g, 'https://example.invalid', 'completed', 'minimal', 'bench-' || g,
              (array['EUR','USD'])[1 + g % 2], (g % 500) + 0.99, '{}'::jsonb, now() - (g % 45) * interval '1 day', now() - (g % 45) * interval '1 day'
         from generate_series(1, $2) as g`,
			[ shopId, Math.floor( N / 20 ) ]
		);
		await db.exec( 'vacuum analyze' );
		const seedSeconds = ( performance.now() - seedStart ) / 1000;

		const page = `/v1/customers?limit=${ PER_PAGE }&withTotal=true`;
		const search: Record< string, number > = {};
		for ( const [ kind, term ] of Object.entries( SEARCHES ) ) {
			await api( `${ page }&q=${ encodeURIComponent( term( 0 ) ) }` ); // warm-up
			const times: number[] = [];
			for ( let i = 1; i <= SAMPLES; i++ )
				times.push(
					(
						await api(
							`${ page }&q=${ encodeURIComponent( term( i ) ) }`
						)
					).ms
				);
			search[ kind ] = percentile( times, 0.95 );
		}

		const countries = [ 'DE', 'US', 'FR', 'GB', 'NL', 'CH' ];
		const filtered: number[] = [];
		for ( let i = 0; i <= SAMPLES; i++ ) {
			const { ms } = await api(
				`${ page }&country=${ countries[ i % 6 ] }&level=${ i % 2 ? 'compliant' : 'minimal' }&hasPayments=${ i % 3 ? 'true' : 'false' }`
			);
			if ( i ) filtered.push( ms ); // the first is the warm-up
		}

		const list: number[] = [];
		for ( const sort of [ 'createdAt', 'name', 'email' ] ) {
			let cursor = '';
			for ( let p = 0; p < SAMPLES / 3; p++ ) {
				const { ms, body } = await api(
					`/v1/customers?limit=${ PER_PAGE }&sort=${ sort }${ cursor ? `&cursor=${ cursor }` : '' }${ p === 0 ? '&withTotal=true' : '' }`
				);
				list.push( ms );
				cursor = JSON.parse( body ).nextCursor;
			}
		}

		const statistics: number[] = [];
		for ( let i = 0; i < 10; i++ )
			statistics.push( ( await api( '/v1/customers/statistics' ) ).ms );

		const copyRowsPerSecond = env.DATABASE_URL
			? psqlCopyRowsPerSecond( env.DATABASE_URL, shopId )
			: null;

		// The export, the better of two, read by curl in its own process (as psql writes its \copy), its
		// lines counted by wc: the bridge's process does only the bridge's work.
		let best = { seconds: Infinity, firstByteMs: 0, peakMb: 0 };
		for ( let attempt = 0; attempt < 2; attempt++ ) {
			const baseline = process.memoryUsage().rss;
			let peak = baseline;
			const sampler = setInterval(
				() => ( peak = Math.max( peak, process.memoryUsage().rss ) ),
				50
			);
			const headers = Object.entries(
				signatureHeaders(
					shop.keyId,
					shop.secret,
					'GET',
					'/v1/customers/export.csv',
					''
				)
			).flatMap( ( [ name, value ] ) => [
				'-H',
				`${ name }: ${ value }`,
			] );
			const { stdout, stderr } = await run(
				'bash',
				[
					'-c',
					'curl -sf -w "%{time_starttransfer} %{time_total}" -o >(wc -l >&2) "$@"',
					'curl',
					...headers,
					`${ bridge.url }/v1/customers/export.csv`,
				],
				{ encoding: 'utf8' }
			);
			clearInterval( sampler );
			const [ firstByte, total ] = stdout
				.trim()
				.split( ' ' )
				.map( Number );
			const lines = Number( stderr.trim() );
			if ( lines - 1 !== N )
				throw new Error(
					`export had ${ lines - 1 } rows, expected ${ N }`
				);
			if ( total! < best.seconds )
				best = {
					seconds: total!,
					firstByteMs: firstByte! * 1000,
					peakMb: ( peak - baseline ) / 1024 / 1024,
				};
		}

		return {
			database,
			seedSeconds,
			search,
			filteredP95: percentile( filtered, 0.95 ),
			listP95: percentile( list, 0.95 ),
			statisticsP95: percentile( statistics, 0.95 ),
			exportRowsPerSecond: N / best.seconds,
			copyRowsPerSecond,
			firstByteMs: best.firstByteMs,
			exportPeakMb: best.peakMb,
		};
	} finally {
		await bridge.stop();
	}
}

/** One line of the report: a figure on each database beside its goal (PGlite's is twice as loose). */
function report( results: Figures[], psqlRowsPerSecond: number ) {
	const ms = ( v: number ) => v.toFixed( 1 );
	const rows: Array< {
		figure: string;
		value: ( r: Figures ) => number;
		format: ( v: number ) => string;
		goal: number;
		atMost: boolean;
	} > = [
		...Object.keys( SEARCHES ).map( ( kind ) => ( {
			figure: `search p95 ms, ${ kind } (page + total)`,
			value: ( r: Figures ) => r.search[ kind ]!,
			format: ms,
			goal: 25,
			atMost: true,
		} ) ),
		{
			figure: 'filtered list p95 ms, country + level + has paid (page + total)',
			value: ( r ) => r.filteredP95,
			format: ms,
			goal: 25,
			atMost: true,
		},
		{
			figure: 'list pages p95 ms, first and deep pages in each sort',
			value: ( r ) => r.listP95,
			format: ms,
			goal: 25,
			atMost: true,
		},
		{
			figure: 'statistics p95 ms',
			value: ( r ) => r.statisticsP95,
			format: ms,
			goal: 50,
			atMost: true,
		},
		{
			figure: 'CSV export ÷ psql `\\copy` rows/s',
			value: ( r ) => r.exportRowsPerSecond / psqlRowsPerSecond,
			format: ( v ) => v.toFixed( 2 ),
			goal: 0.5,
			atMost: false,
		},
		{
			figure: 'CSV export first byte ms',
			value: ( r ) => r.firstByteMs,
			format: ms,
			goal: 100,
			atMost: true,
		},
	];
	console.log(
		'| figure | goal PostgreSQL | PostgreSQL | goal PGlite | PGlite |'
	);
	console.log( '| --- | ---: | ---: | ---: | ---: |' );
	for ( const row of rows ) {
		const cells = results.map( ( r, i ) => {
			const goal =
				i === 0 ? row.goal : row.goal * ( row.atMost ? 2 : 0.5 );
			const v = row.value( r );
			const met = row.atMost ? v <= goal : v >= goal;
			return `${ row.atMost ? '≤' : '≥' } ${ row.format( goal ) } | ${ row.format( v ) } ${ met ? '✓' : '✗' }`;
		} );
		console.log( `| ${ row.figure } | ${ cells.join( ' | ' ) } |` );
	}
	console.log(
		'\n| database | seed s | CSV export rows/s | psql `\\copy` rows/s | export peak extra MB |'
	);
	console.log( '| --- | ---: | ---: | ---: | ---: |' );
	for ( const r of results )
		console.log(
			`| ${ r.database } | ${ r.seedSeconds.toFixed( 0 ) } | ${ r.exportRowsPerSecond.toFixed( 0 ) } | ${ r.copyRowsPerSecond?.toFixed( 0 ) ?? '—' } | ${ r.exportPeakMb.toFixed( 0 ) } |`
		);
}

async function main() {
	const results: Figures[] = [];
	const pg = await startPostgres();
	try {
		results.push(
			await measure( 'PostgreSQL', {
				DATABASE_URL: pg.url,
				DATA_DIR: path.join( tmpdir(), 'ccb-bench-customers-pg' ),
			} )
		);
	} finally {
		pg.stop();
	}
	const dir = await mkdtemp( path.join( tmpdir(), 'ccb-bench-customers-' ) );
	try {
		results.push( await measure( 'PGlite', { DATA_DIR: dir } ) );
	} finally {
		await rm( dir, { recursive: true, force: true } );
	}
	console.log(
		`\n${ N.toLocaleString( 'en' ) } customers, ${ Math.floor( N / 20 ).toLocaleString( 'en' ) } paid checkouts; ${ SAMPLES } samples per p95; Node ${ process.version }, ${ cpus().length } × ${ cpus()[ 0 ]?.model.trim() }\n`
	);
	// PGlite's export is measured against the same psql `\copy` on PostgreSQL (psql cannot read PGlite).
	report( results, results[ 0 ]!.copyRowsPerSecond! );
}

void main();

import { PGlite } from '@electric-sql/pglite';
import * as trigrams from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { metrics } from '../metrics';
import { postgresLocks, processLocks, type WithLocks } from './locks';

/** What the domain needs from a database: parameterised queries, and transactions. */
export interface Queryable {
	query: < T = Record< string, unknown > >(
		sql: string,
		params?: unknown[]
	) => Promise< T[] >;
}

export interface Db extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/**
	 * A query of text columns (each with its own name), its rows as arrays of strings or null in column
	 * order: the fastest way each driver has to hand over thousands of rows (the exports).
	 */
	queryTextRows: (
		sql: string,
		params?: unknown[]
	) => Promise< Array< Array< string | null > > >;
	exec: ( sql: string ) => Promise< void >;
	/** Runs `fn` in one transaction; everything `fn` writes through `tx` commits or rolls back together. */
	transaction: < T >( fn: ( tx: Queryable ) => Promise< T > ) => Promise< T >;
	/**
	 * Runs `fn` holding the named locks, across every bridge process on this database; waits at most
	 * `waitMs` for them (then `LockTimeout`). Serialises work that spans a processor call.
	 */
	withLocks: WithLocks;
	close: () => Promise< void >;
}

// Both drivers return numeric and bigint columns as strings by default in pg; make PGlite agree and
// keep timestamps as ISO strings so rows map to the contract without Date juggling.
const NUMERIC = 1700;
const INT8 = 20;
const TIMESTAMPTZ = 1184;
const asIso = ( v: string ) =>
	new Date(
		v.includes( 'T' )
			? v
			: v.replace( ' ', 'T' ).replace( /([+-]\d\d)$/, '$1:00' )
	).toISOString();

pg.types.setTypeParser( TIMESTAMPTZ, asIso );

/** Counts statements for /metrics, so the checkout path's budget of statements can be watched. */
const counted = ( n = 1 ) => metrics.dbStatements.inc( n );

export async function openPglite(
	dataDir: string | undefined,
	sharedBuffersMb = 16
): Promise< Db > {
	const db = await PGlite.create( {
		dataDir,
		startParams: [
			...PGlite.defaultStartParams,
			'-c',
			`shared_buffers=${ sharedBuffersMb }MB`,
		],
		extensions: { pg_trgm: trigrams.pg_trgm },
		parsers: {
			[ NUMERIC ]: ( v: string ) => v,
			[ INT8 ]: ( v: string ) => v,
			[ TIMESTAMPTZ ]: asIso,
		},
	} );
	return {
		kind: 'pglite',
		async query< T >( sql: string, params?: unknown[] ) {
			counted();
			return ( await db.query< T >( sql, params ) ).rows;
		},
		// PGlite hands back each row and column through its protocol parser, about 80 µs a row of 18
		// columns; the whole result as one JSON text, parsed natively, takes a tenth of that.
		async queryTextRows( sql: string, params?: unknown[] ) {
			counted();
			const { rows } = await db.query< { rows: string } >(
				`select coalesce(json_agg(q), '[]')::text as rows from (${ sql }) as q`,
				params
			);
			return (
				JSON.parse( rows[ 0 ]!.rows ) as Array<
					Record< string, string | null >
				>
			 ).map( ( row ) => Object.values( row ) );
		},
		async exec( sql ) {
			counted();
			await db.exec( sql );
		},
		transaction( fn ) {
			counted( 2 );
			return db.transaction( ( tx ) =>
				fn( {
					query: async < T >( s: string, p?: unknown[] ) => {
						counted();
						return ( await tx.query< T >( s, p ) ).rows;
					},
				} )
			);
		},
		withLocks: processLocks(),
		close: () => db.close(),
	};
}

export async function openPostgres(
	connectionString: string,
	onConnectionLost: ( error: Error ) => void,
	max = 10
): Promise< Db > {
	const pool = new pg.Pool( { connectionString, max } );
	const lockPool = new pg.Pool( { connectionString, max } );
	// An idle connection the server ends (a restart, an administrator) is an 'error' event on the pool;
	// unheard, it would crash the process. The pool drops that client and opens a new one when needed.
	pool.on( 'error', onConnectionLost );
	lockPool.on( 'error', onConnectionLost );
	// Fail at start, not at the first request, when the database is unreachable.
	await pool.query( 'select 1' );
	return {
		kind: 'postgres',
		async query< T >( sql: string, params?: unknown[] ) {
			counted();
			return ( await pool.query( sql, params ) ).rows as T[];
		},
		async queryTextRows( sql: string, params?: unknown[] ) {
			counted();
			return (
				await pool.query( {
					text: sql,
					values: params,
					rowMode: 'array',
				} )
			).rows;
		},
		async exec( sql ) {
			counted();
			await pool.query( sql );
		},
		async transaction( fn ) {
			const client = await pool.connect();
			try {
				counted();
				await client.query( 'BEGIN' );
				const result = await fn( {
					query: async < T >( s: string, p?: unknown[] ) => {
						counted();
						return ( await client.query( s, p ) ).rows as T[];
					},
				} );
				counted();
				await client.query( 'COMMIT' );
				return result;
			} catch ( error ) {
				await client.query( 'ROLLBACK' ).catch( () => undefined );
				throw error;
			} finally {
				client.release();
			}
		},
		withLocks: postgresLocks( lockPool ),
		close: async () => {
			await Promise.all( [ pool.end(), lockPool.end() ] );
		},
	};
}

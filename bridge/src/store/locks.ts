import type pg from 'pg';
import { metrics } from '../metrics';

/** Thrown when a lock could not be had within the wait: someone else is still working on the same thing. */
export class LockTimeout extends Error {
	constructor( readonly keys: readonly string[] ) {
		super( 'timed out waiting for a lock' );
		this.name = 'LockTimeout';
	}
}

export type WithLocks = < T >(
	keys: readonly string[],
	waitMs: number,
	fn: () => Promise< T >
) => Promise< T >;

/**
 * PostgreSQL: session advisory locks on a connection of their own, held while `fn` runs. Every bridge
 * process on the database sees them, and they die with the session: a process that crashes (even
 * `kill -9`) frees its locks as soon as the server notices the closed connection, so a retry is never
 * blocked by a dead holder. The keys are taken in sorted order, so two requests needing the same
 * pair can never wait on each other. The lock connections come from a pool apart from the queries',
 * so holders waiting for locks never starve the holder of the lock of a connection to work with.
 */
export function postgresLocks( pool: pg.Pool ): WithLocks {
	// lock_timeout is a session setting: set once per connection (and again only if a caller waits
	// for a different time), not before every lock.
	const timeoutOf = new WeakMap< pg.PoolClient, string >();
	return async ( keys, waitMs, fn ) => {
		const client = await pool.connect();
		let healthy = true;
		try {
			const timeout = `${ Math.max( 1, Math.ceil( waitMs ) ) }ms`;
			if ( timeoutOf.get( client ) !== timeout ) {
				metrics.dbStatements.inc();
				await client.query(
					`select set_config('lock_timeout', $1, false)`,
					[ timeout ]
				);
				timeoutOf.set( client, timeout );
			}
			try {
				// All keys in one statement, taken one after another in the array's (sorted) order.
				metrics.dbStatements.inc();
				await client.query(
					'select pg_advisory_lock(hashtextextended(key, 0)) from unnest($1::text[]) with ordinality as k(key, n) order by n',
					[ [ ...new Set( keys ) ].sort() ]
				);
			} catch ( error ) {
				if ( ( error as { code?: string } ).code === '55P03' )
					throw new LockTimeout( keys );
				throw error;
			}
			return await fn();
		} finally {
			metrics.dbStatements.inc();
			await client
				.query( 'select pg_advisory_unlock_all()' )
				.catch( () => ( healthy = false ) );
			// A connection whose locks could not be released is closed, which releases them.
			client.release( ! healthy );
		}
	};
}

/**
 * PGlite is one process's database (its data directory is locked to one process), so a lock in this
 * process is the database's lock: keys queue in order, with the same wait limit as PostgreSQL's.
 */
export function processLocks(): WithLocks {
	const tails = new Map< string, Promise< unknown > >();
	const one = async < T >(
		key: string,
		waitMs: number,
		fn: () => Promise< T >
	): Promise< T > => {
		const previous = tails.get( key ) ?? Promise.resolve();
		let release!: () => void;
		const mine = new Promise< void >( ( r ) => ( release = r ) );
		const tail = previous.then( () => mine );
		tails.set( key, tail );
		let timer: NodeJS.Timeout | undefined;
		try {
			const waited = await Promise.race( [
				previous.then( () => true ),
				new Promise< false >(
					( r ) => ( timer = setTimeout( () => r( false ), waitMs ) )
				),
			] );
			if ( ! waited ) throw new LockTimeout( [ key ] );
			return await fn();
		} finally {
			clearTimeout( timer );
			release();
			if ( tails.get( key ) === tail ) tails.delete( key );
		}
	};
	return < T >(
		keys: readonly string[],
		waitMs: number,
		fn: () => Promise< T >
	): Promise< T > => {
		const sorted = [ ...new Set( keys ) ].sort();
		const nest = ( i: number ): Promise< T > =>
			i === sorted.length
				? fn()
				: one( sorted[ i ]!, waitMs, () => nest( i + 1 ) );
		return nest( 0 );
	};
}

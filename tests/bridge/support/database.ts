import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const usingPostgres = Boolean( process.env.TEST_DATABASE_URL );

/**
 * A database nobody else uses: a new database on the test PostgreSQL server when TEST_DATABASE_URL
 * is set, else a new PGlite data directory. Returned as the environment the bridge reads.
 */
export async function freshDatabase(): Promise< {
	env: Record< string, string >;
	drop: () => Promise< void >;
} > {
	const dataDir = await mkdtemp( path.join( tmpdir(), 'ccb-test-' ) );
	if ( ! usingPostgres ) {
		return {
			env: { DATA_DIR: dataDir },
			drop: () => rm( dataDir, { recursive: true, force: true } ),
		};
	}
	const admin = new URL( process.env.TEST_DATABASE_URL! );
	const name = `ccb_test_${ randomBytes( 6 ).toString( 'hex' ) }`;
	const client = new pg.Client( { connectionString: admin.toString() } );
	await client.connect();
	await client.query( `create database ${ name }` );
	await client.end();
	const url = new URL( admin.toString() );
	url.pathname = `/${ name }`;
	return {
		env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
		drop: async () => {
			const c = new pg.Client( { connectionString: admin.toString() } );
			await c.connect();
			await c.query( `drop database if exists ${ name } with (force)` );
			await c.end();
			await rm( dataDir, { recursive: true, force: true } );
		},
	};
}

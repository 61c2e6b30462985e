// Starts a throwaway PostgreSQL server on loopback for tests and benchmarks, and stops it.
// Uses Debian's PostgreSQL binaries; installs them with apt-get when missing and we are root.
import { execFileSync, execSync } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

function binDir() {
	const root = '/usr/lib/postgresql';
	const versions = existsSync( root )
		? readdirSync( root ).filter( ( v ) =>
				existsSync( path.join( root, v, 'bin', 'initdb' ) )
			)
		: [];
	return versions.length
		? path.join(
				root,
				versions.sort( ( a, b ) => Number( b ) - Number( a ) )[ 0 ],
				'bin'
			)
		: null;
}

export function ensurePostgresInstalled() {
	if ( binDir() ) return binDir();
	if ( process.getuid?.() !== 0 )
		throw new Error(
			'PostgreSQL is not installed: run `sudo apt-get install -y postgresql`.'
		);
	console.log( 'Installing PostgreSQL (apt-get)…' );
	execSync(
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null',
		{ stdio: 'inherit' }
	);
	return binDir();
}

async function freePort() {
	return new Promise( ( resolve ) => {
		const s = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close( () => resolve( port ) );
		} );
	} );
}

/** Returns { url, stop } for a fresh cluster with trust auth on 127.0.0.1. */
export async function startPostgres() {
	const bin = ensurePostgresInstalled();
	const dir = mkdtempSync( path.join( tmpdir(), 'ccb-pg-' ) );
	chmodSync( dir, 0o777 );
	const data = path.join( dir, 'data' );
	const asRoot = process.getuid?.() === 0;
	const run = ( cmd, args ) =>
		asRoot
			? execFileSync(
					'runuser',
					[ '-u', 'postgres', '--', path.join( bin, cmd ), ...args ],
					{ stdio: 'pipe' }
				)
			: execFileSync( path.join( bin, cmd ), args, { stdio: 'pipe' } );
	run( 'initdb', [
		'-D',
		data,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
		'-E',
		'UTF8',
	] );
	const port = await freePort();
	run( 'pg_ctl', [
		'-D',
		data,
		'-l',
		path.join( dir, 'log' ),
		'-w',
		'-o',
		`-h 127.0.0.1 -p ${ port } -k ${ dir } -c fsync=off -c max_connections=200`,
		'start',
	] );
	return {
		url: `postgres://postgres@127.0.0.1:${ port }/postgres`,
		stop() {
			try {
				run( 'pg_ctl', [ '-D', data, '-m', 'fast', '-w', 'stop' ] );
			} finally {
				rmSync( dir, { recursive: true, force: true } );
			}
		},
	};
}

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function alive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * The lock names its holder; a lock left by a dead process is taken over.
 */
export function lockDataDir( dir: string ): () => void {
	const file = path.join( dir, 'pglite.lock' );
	try {
		writeFileSync( file, String( process.pid ), { flag: 'wx' } );
	} catch {
		const holder = Number( readFileSync( file, 'utf8' ) );
		if ( holder && holder !== process.pid && alive( holder ) ) {
			throw new Error(
				`The embedded database in ${ dir } is in use by process ${ holder }. Stop it first, or use PostgreSQL (DATABASE_URL).`
			);
		}
		writeFileSync( file, String( process.pid ) );
	}
	return () => rmSync( file, { force: true } );
}

// Installs npm dependencies when they are missing or older than package.json, so `npm start` and
// `npm test` work first time on a fresh clone. (`npm ci` cannot be used here: see README.)
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
	! existsSync( marker ) ||
	statSync( marker ).mtimeMs < statSync( 'package.json' ).mtimeMs;
if ( stale ) {
	console.log( 'Installing npm dependencies…' );
	execSync( 'npm install --no-audit --no-fund', { stdio: 'inherit' } );
}

// Installs npm dependencies when they are missing or older than package.json, so `npm start` and
// `npm test` work first time on a fresh clone. (`npm ci` cannot be used here: see README.) npm's own
// output (EBADENGINE warnings while the Node that bootstraps npm is older than the project's Node 24,
// install-script notices) is shown only if the install fails.
import { existsSync, statSync } from 'node:fs';
import { runQuietly } from './stack.mjs';

const marker = 'node_modules/.package-lock.json';
const installed = existsSync( marker );
if (
	! installed ||
	statSync( marker ).mtimeMs < statSync( 'package.json' ).mtimeMs
) {
	console.log(
		installed
			? 'Updating the npm packages (package.json changed)…'
			: 'Installing the npm packages (first time only, a few minutes)…'
	);
	try {
		runQuietly( 'Installing the npm packages', 'npm', [
			'install',
			'--no-audit',
			'--no-fund',
		] );
	} catch ( error ) {
		console.error( error.message );
		process.exit( 1 );
	}
}

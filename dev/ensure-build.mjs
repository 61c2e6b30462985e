// Builds what is missing or older than its sources: the plugin's browser code (and contract.json) and
// the bridge's JavaScript (bridge/dist), which `npm start` and the tests run with plain node.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest( dir ) {
	let latest = 0;
	for ( const entry of readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		latest = Math.max(
			latest,
			entry.isDirectory() ? newest( full ) : statSync( full ).mtimeMs
		);
	}
	return latest;
}

const stale = ( marker, ...sources ) =>
	! existsSync( marker ) ||
	statSync( marker ).mtimeMs < Math.max( ...sources.map( newest ) );

if ( stale( 'plugin/build/contract.json', 'blocks', 'bridge/src/contract' ) ) {
	console.log( 'Building the plugin scripts and the bridge…' );
	execSync( 'npm run build --silent', { stdio: 'inherit' } );
} else if ( stale( 'bridge/dist/main.js', 'bridge/src' ) ) {
	console.log( 'Building the bridge…' );
	execSync( 'npm run build:bridge --silent', { stdio: 'inherit' } );
}

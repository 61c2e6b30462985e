// Builds what is missing or older than its sources: the plugin's browser code (and contract.json) and
// the bridge's JavaScript (bridge/dist), which `npm start` and the tests run with plain node. The
// tools' output (webpack, tsc) is shown only if the build fails.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runQuietly } from './stack.mjs';

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

/** Runs `npm run <script>` quietly after saying so; on failure shows its output and exits with 1. */
function build( what, script, marker, duration ) {
	console.log(
		existsSync( marker )
			? `Rebuilding ${ what } (sources changed)…`
			: `Building ${ what } (first time only, ${ duration })…`
	);
	try {
		runQuietly( `Building ${ what }`, 'npm', [
			'run',
			script,
			'--silent',
		] );
	} catch ( error ) {
		console.error( error.message );
		process.exit( 1 );
	}
}

if ( stale( 'plugin/build/contract.json', 'blocks', 'bridge/src/contract' ) )
	build(
		'the plugin and the bridge',
		'build',
		'plugin/build/contract.json',
		'1–2 minutes'
	);
else if ( stale( 'bridge/dist/main.js', 'bridge/src' ) )
	build(
		'the bridge',
		'build:bridge',
		'bridge/dist/main.js',
		'under a minute'
	);

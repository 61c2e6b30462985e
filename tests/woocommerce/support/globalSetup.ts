import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	STORES,
	STORES_ENV,
	selectedStores,
	type RunningStore,
} from './stores';

interface StoreHandle extends Omit< RunningStore, 'name' > {
	stop: () => Promise< void >;
}
type StartStore = ( options: object ) => Promise< StoreHandle >;

// dev/woocommerce/store.mjs is native ESM; Playwright compiles this file to CommonJS, so the module
// is loaded with a real dynamic import that its transform leaves alone.
const importEsm = new Function( 'url', 'return import(url)' ) as (
	url: string
) => Promise< { startStore: StartStore } >;

/**
 * Starts every selected store (at once: each has its own bridge, database and PHP server on free
 * ports) with the plugin installed from its zip, and tells the tests where they are. Returns the
 * teardown. KEEP_STORES=1 keeps their folders (logs, databases) for a look afterwards.
 */
export default async function globalSetup() {
	const root = path.resolve( __dirname, '../../..' );
	const work = mkdtempSync( path.join( tmpdir(), 'ccb-woo-' ) );
	// What is tested is what ships: the installable zip.
	const zip = execFileSync( 'node', [ 'dev/package-plugin.mjs' ], {
		cwd: root,
		encoding: 'utf8',
	} )
		.trim()
		.split( '\n' )
		.pop()!;
	execFileSync( 'unzip', [ '-q', zip, '-d', path.join( work, 'from-zip' ) ] );
	const pluginDir = path.join( work, 'from-zip/crypto-customer-bridge' );
	const { startStore } = await importEsm(
		pathToFileURL( path.join( root, 'dev/woocommerce/store.mjs' ) ).href
	);

	const names = selectedStores();
	const started = Date.now();
	const results = await Promise.allSettled(
		names.map( ( name ) => {
			const spec = STORES[ name ]!;
			return startStore( {
				dir: path.join( work, name ),
				wordpress: spec.wordpress,
				woocommerce: spec.woocommerce,
				hpos: spec.hpos,
				pluginDir,
				level: 'minimal',
			} );
		} )
	);
	const handles = results.flatMap( ( r ) =>
		r.status === 'fulfilled' ? [ r.value ] : []
	);
	const teardown = async () => {
		await Promise.all( handles.map( ( h ) => h.stop() ) );
		if ( process.env.KEEP_STORES )
			console.log( `Store folders kept in ${ work }` );
		else rmSync( work, { recursive: true, force: true } );
	};
	const failed = results.find(
		( r ): r is PromiseRejectedResult => r.status === 'rejected'
	);
	if ( failed ) {
		await teardown();
		throw failed.reason;
	}

	const running: Record< string, RunningStore > = {};
	names.forEach( ( name, i ) => {
		const { stop: _stop, ...store } = handles[ i ]!;
		running[ name ] = { ...store, name };
		console.log(
			`Store ${ name }: WordPress ${ store.wordpress }, WooCommerce ${ store.woocommerce }, ${ store.hpos ? 'HPOS' : 'posts' } storage at ${ store.url }`
		);
	} );
	console.log(
		`Stores ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`
	);
	// Workers inherit the environment global setup leaves.
	process.env[ STORES_ENV ] = JSON.stringify( running );
	return teardown;
}

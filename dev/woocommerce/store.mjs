// A real WooCommerce store for the store tests: the bridge (embedded database, sandbox processor, demo
// shop, reconciliation every second), MariaDB, WordPress 6.8 or 7.1 (Debian's packages) served by PHP's
// built-in server, WooCommerce from a release archive, and this plugin connected with its gateway on.
// Built from the same parts as dev/stack.mjs; provisioned by dev/woocommerce/provision.php.
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	statSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	ensureWordPressCore,
	wordPressVersion,
	freePort,
	prepareSite,
	startBridge,
	startMariaDb,
	startPhp,
	writeWpConfig,
} from '../stack.mjs';
import { ensureSystem } from '../system.mjs';

const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
/** Where the project keeps WooCommerce releases for the tests: beside the clone (see its README). */
export const SHARED_WOOCOMMERCE = path.resolve( ROOT, '../shared/woocommerce' );

/**
 * The WooCommerce archive (.zip or .tgz, holding the folder woocommerce/) for a version:
 * - WOOCOMMERCE_ZIP, when it is a file, is used whatever the version asked for (one store under test);
 * - WOOCOMMERCE_ZIP, when it is a folder, is searched for woocommerce-VERSION.tgz / .tar.gz / .zip or
 *   woocommerce.VERSION.zip (the plugin directory's own name);
 * - else ../shared/woocommerce/woocommerce-VERSION.tgz.
 */
export function findWooCommerce( version ) {
	const names = [
		`woocommerce-${ version }.tgz`,
		`woocommerce-${ version }.tar.gz`,
		`woocommerce-${ version }.zip`,
		`woocommerce.${ version }.zip`,
	];
	const fromEnv = process.env.WOOCOMMERCE_ZIP;
	if ( fromEnv ) {
		if ( ! existsSync( fromEnv ) )
			throw new Error(
				`WOOCOMMERCE_ZIP is set to ${ fromEnv }, which does not exist.`
			);
		if ( ! statSync( fromEnv ).isDirectory() )
			return path.resolve( fromEnv );
		const found = names
			.map( ( n ) => path.join( fromEnv, n ) )
			.find( ( f ) => existsSync( f ) );
		if ( found ) return path.resolve( found );
	}
	const shared = names
		.map( ( n ) => path.join( SHARED_WOOCOMMERCE, n ) )
		.find( ( f ) => existsSync( f ) );
	if ( shared ) return shared;
	throw new Error(
		`WooCommerce ${ version } was not found. WooCommerce is in no package registry this project can reach, so the store tests take it from:\n` +
			`  1. WOOCOMMERCE_ZIP: a woocommerce .zip or .tgz file, or a folder holding woocommerce-${ version }.tgz or woocommerce.${ version }.zip\n` +
			`  2. ${ path.join( SHARED_WOOCOMMERCE, `woocommerce-${ version }.tgz` ) }\n` +
			`Download the official release (https://downloads.wordpress.org/plugin/woocommerce.${ version }.zip) and point WOOCOMMERCE_ZIP at it.`
	);
}

/** Unpacks a WooCommerce archive into a site's plugins folder; returns the version it holds. */
function installWooCommerce( archive, plugins ) {
	mkdirSync( plugins, { recursive: true } );
	if ( /\.zip$/i.test( archive ) )
		execFileSync( 'unzip', [
			'-q',
			'-o',
			archive,
			'woocommerce/*',
			'-d',
			plugins,
		] );
	else
		execFileSync( 'tar', [
			'-xzf',
			archive,
			'-C',
			plugins,
			'woocommerce',
		] );
	const main = path.join( plugins, 'woocommerce/woocommerce.php' );
	if ( ! existsSync( main ) )
		throw new Error(
			`${ archive } holds no woocommerce/woocommerce.php (found: ${ readdirSync( plugins ).join( ', ' ) })`
		);
	return (
		/^\s*\*\s*Version:\s*(\S+)/m.exec(
			readFileSync( main, 'utf8' )
		)?.[ 1 ] ?? 'unknown'
	);
}

/**
 * PHP settings for the command-line processes that load the store (provisioning, the tests' reads):
 * a compile cache on disk they share, since each one loads all of WordPress and WooCommerce.
 */
export function phpCliArgs( dir ) {
	const cache = path.join( dir, 'opcache' );
	mkdirSync( cache, { recursive: true } );
	return [
		'-d',
		'opcache.enable_cli=1',
		'-d',
		`opcache.file_cache=${ cache }`,
		'-d',
		'opcache.file_cache_only=1',
		'-d',
		'memory_limit=512M',
	];
}

function provision( step, dir, site, options ) {
	const out = execFileSync(
		'php',
		[
			...phpCliArgs( dir ),
			path.join( ROOT, 'dev/woocommerce/provision.php' ),
			step,
			site,
			JSON.stringify( options ),
		],
		{
			encoding: 'utf8',
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/**
 * Starts a store. `dir` holds all its state; `pluginDir` is this plugin as installed (an unpacked zip,
 * or the working tree's plugin/, which is linked). `hpos` false keeps orders in the legacy posts tables.
 * Returns where everything is and stop().
 */
export async function startStore( {
	dir,
	wordpress = '7.1',
	woocommerce = '10.5.0',
	hpos = true,
	pluginDir = path.join( ROOT, 'plugin' ),
	level = 'minimal',
	wpPort,
	bridgePort,
	bridgeEnv = {},
} ) {
	ensureSystem( [
		'php',
		'mysqli',
		'curl',
		'xml',
		'mbstring',
		'intl',
		'mariadb',
		...( /\.zip$/i.test( process.env.WOOCOMMERCE_ZIP ?? '' )
			? [ 'unzip' ]
			: [] ),
	] );
	const archive = findWooCommerce( woocommerce );
	const core = ensureWordPressCore( wordpress );
	// Debian's suites move on (sid to the next WordPress): say so rather than test another version silently.
	if ( ! wordPressVersion( core ).startsWith( `${ wordpress }.` ) ) {
		console.warn(
			`Note: ${ core } holds WordPress ${ wordPressVersion( core ) }, not ${ wordpress }.`
		);
	}
	mkdirSync( dir, { recursive: true } );
	const stoppers = [];
	const stop = async () => {
		for ( const s of stoppers.reverse() ) await s();
	};
	try {
		// The bridge learns expiry by asking the processor; here it asks every second about checkouts
		// older than two seconds, and retries events quickly, so the tests wait seconds, not minutes.
		const bridge = await startBridge( {
			dir: path.join( dir, 'bridge' ),
			port: bridgePort,
			env: {
				RECONCILE_INTERVAL_MS: '1000',
				RECONCILE_MIN_AGE_S: '2',
				EVENT_POLL_MS: '500',
				EVENT_RETRY_BASE_MS: '500',
				EVENT_RETRY_MAX_MS: '5000',
				...bridgeEnv,
			},
		} );
		stoppers.push( bridge.stop );

		const db = await startMariaDb( path.join( dir, 'mariadb' ) );
		stoppers.push( db.stop );

		const site = path.join( dir, 'site' );
		prepareSite( { core, site, pluginDir } );
		const woocommerceVersion = installWooCommerce(
			archive,
			path.join( site, 'wp-content/plugins' )
		);
		if ( woocommerceVersion !== woocommerce )
			console.warn(
				`Note: ${ archive } holds WooCommerce ${ woocommerceVersion }, not ${ woocommerce }; the store runs ${ woocommerceVersion }.`
			);
		const port = wpPort ?? ( await freePort() );
		const url = `http://127.0.0.1:${ port }`;
		const debugLog = path.join( dir, 'wordpress-debug.log' );
		writeWpConfig( site, { socket: db.socket, url, debugLog } );
		const php = await startPhp( {
			site,
			port,
			workers: 8,
			memoryLimit: '512M',
		} );
		stoppers.push( php.stop );

		const admin = { user: 'admin', password: 'password' };
		const options = {
			url,
			adminUser: admin.user,
			adminPassword: admin.password,
			hpos,
			level,
			connectionString: bridge.connectionString,
		};
		for ( const step of [ 'install', 'woocommerce', 'store' ] )
			provision( step, dir, site, options );
		const summary = provision( 'connect', dir, site, options );
		return {
			...summary,
			url,
			bridgeUrl: bridge.url,
			connectionString: bridge.connectionString,
			admin,
			site,
			dir,
			debugLog,
			archive,
			stop,
		};
	} catch ( error ) {
		await stop();
		if ( error.stderr ) error.message += `\n${ error.stderr }`;
		throw error;
	}
}

// The local stack: the bridge (embedded database, sandbox processor), MariaDB in a private data
// directory, and a real WordPress 6.8 served by PHP's built-in server with the plugin active and
// connected. Used by `npm start` and by the end-to-end tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystem } from './system.mjs';

const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
/** WordPress versions the stacks can run, each from the Debian suite that packages it (dev/wordpress/fetch-wordpress.sh). */
export const WORDPRESS_SUITES = { 6.8: 'trixie', 7.1: 'sid' };
const WORDPRESS_CORE = path.join( ROOT, '.cache/wordpress-6.8' );
// The project's own Node 24 (the `node` package). The first `npm start` after `npm install` runs its
// scripts on the Node that bootstrapped npm (the shell has already looked `node` up), so the bridge
// is started with this one explicitly.
const BUNDLED_NODE = path.join( ROOT, 'node_modules/.bin/node' );

/**
 * Runs a command with its output (stdout and stderr, interleaved) captured, so a step that works
 * prints nothing. If it fails, prints that output in full and throws an Error saying what failed;
 * interrupted (Ctrl+C), it throws with `signal` set and prints nothing. Returns the output.
 */
export function runQuietly( what, cmd, args, options = {} ) {
	const tmp = mkdtempSync( path.join( os.tmpdir(), 'ccb-output-' ) );
	const file = path.join( tmp, 'output.log' );
	const fd = openSync( file, 'w' );
	let result;
	let output;
	try {
		result = spawnSync( cmd, args, {
			...options,
			stdio: [ 'ignore', fd, fd ],
		} );
	} finally {
		closeSync( fd );
		output = readFileSync( file, 'utf8' );
		rmSync( tmp, { recursive: true, force: true } );
	}
	if ( result.status === 0 ) return output;
	if ( result.signal === 'SIGINT' || result.signal === 'SIGTERM' )
		throw Object.assign( new Error( `${ what }: interrupted` ), {
			signal: result.signal,
		} );
	let why = `exit code ${ result.status }`;
	if ( result.error ) why = result.error.message;
	else if ( result.signal ) why = `killed by ${ result.signal }`;
	if ( output.trim() ) process.stderr.write( `${ output.trimEnd() }\n\n` );
	throw new Error(
		`${ what } failed (${ why })${ output.trim() ? '; its output is above' : '' }.`
	);
}

export async function freePort() {
	return new Promise( ( resolve ) => {
		const s = net.createServer().listen( 0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close( () => resolve( port ) );
		} );
	} );
}

/** Polls `check` until it is true; gives up after `timeoutMs`, or at once if `child` (a process) has exited. */
export async function waitFor( check, what, timeoutMs = 30000, child = null ) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if ( child && ( child.exitCode !== null || child.signalCode !== null ) )
			throw new Error(
				`${ what } stopped before it was ready (${ child.signalCode ?? `exit code ${ child.exitCode }` })`
			);
		try {
			if ( await check() ) return;
		} catch {
			/* not yet */
		}
		if ( Date.now() > deadline )
			throw new Error( `Timed out waiting for ${ what }` );
		await new Promise( ( r ) => setTimeout( r, 150 ) );
	}
}

/**
 * Starts a process in its own group so it and its children (php -S workers) stop together. Its
 * output goes to the file `log` (replaced at each start) if given, else nowhere.
 */
export function startProcess( cmd, args, { log, ...options } = {} ) {
	const out = log ? openSync( log, 'w', 0o600 ) : 'ignore';
	let child;
	try {
		child = spawn( cmd, args, {
			...options,
			detached: true,
			stdio: [ 'ignore', out, out ],
		} );
	} finally {
		if ( log ) closeSync( out );
	}
	return {
		child,
		stop: () =>
			new Promise( ( resolve ) => {
				if ( child.exitCode !== null ) return resolve();
				child.once( 'exit', () => resolve() );
				try {
					process.kill( -child.pid, 'SIGTERM' );
				} catch {
					resolve();
				}
				setTimeout( () => {
					try {
						process.kill( -child.pid, 'SIGKILL' );
					} catch {
						/* gone */
					}
				}, 5000 ).unref();
			} ),
	};
}

/** Fetches a WordPress version into .cache/wordpress-VERSION once; returns that folder. */
export function ensureWordPressCore( version = '6.8' ) {
	const suite = WORDPRESS_SUITES[ version ];
	if ( ! suite )
		throw new Error(
			`No Debian suite known for WordPress ${ version } (known: ${ Object.keys( WORDPRESS_SUITES ).join( ', ' ) })`
		);
	const core =
		version === '6.8'
			? WORDPRESS_CORE
			: path.join( ROOT, `.cache/wordpress-${ version }` );
	if ( ! existsSync( path.join( core, 'wp-includes/version.php' ) ) ) {
		console.log( `Downloading WordPress ${ version } (first time only)…` );
		runQuietly(
			`Downloading WordPress ${ version } (Debian ${ suite } packages)`,
			'bash',
			[
				path.join( ROOT, 'dev/wordpress/fetch-wordpress.sh' ),
				core,
				suite,
			]
		);
	}
	return core;
}

/** The version a WordPress folder holds ("7.1.4"). */
export function wordPressVersion( core ) {
	return (
		/\$wp_version = '([^']+)'/.exec(
			readFileSync( path.join( core, 'wp-includes/version.php' ), 'utf8' )
		)?.[ 1 ] ?? 'unknown'
	);
}

/**
 * How node runs the bridge: a young generation of 2 MB instead of V8's default, so garbage from a
 * burst of requests (and from opening PGlite) is collected early rather than held as resident memory.
 * The README's systemd unit and `npm run start:bridge` use the same flag.
 */
export const BRIDGE_NODE_FLAGS = [ '--max-semi-space-size=2' ];

/**
 * Starts the bridge (embedded database, sandbox processor, demo shop) on `port` with its state in
 * `dir` and its output in `dir`.log; `env` overrides its settings. Returns its URL, the demo shop's
 * connection string and stop().
 */

export async function startBridge( { dir, port, env = {} } ) {
	const bPort = port ?? ( await freePort() );
	const bridgeUrl = `http://127.0.0.1:${ bPort }`;
	const log = `${ dir }.log`;
	mkdirSync( path.dirname( log ), { recursive: true } );
	// The built bridge, run with plain node, as an operator runs it.
	const bridge = startProcess(
		existsSync( BUNDLED_NODE ) ? BUNDLED_NODE : process.execPath,
		[ ...BRIDGE_NODE_FLAGS, path.join( ROOT, 'bridge/dist/main.js' ) ],
		{
			log,
			cwd: ROOT,
			env: {
				...process.env,
				PORT: String( bPort ),
				DATA_DIR: dir,
				LOG_LEVEL: 'warn',
				DEMO_SHOP: 'on',
				RECONCILE_INTERVAL_MS: '15000',
				RECONCILE_MIN_AGE_S: '30',
				EVENT_RETRY_BASE_MS: '1000',
				EVENT_RETRY_MAX_MS: '30000',
				...env,
			},
		}
	);
	try {
		await waitFor(
			async () =>
				(
					await fetch( `${ bridgeUrl }/health/ready`, {
						signal: AbortSignal.timeout( 2000 ),
					} )
				).ok,
			'the bridge',
			60000,
			bridge.child
		);
	} catch ( error ) {
		await bridge.stop();
		const output = existsSync( log )
			? readFileSync( log, 'utf8' ).trim()
			: '';
		if ( output )
			error.message += `; its output (${ log }):\n${ output.split( '\n' ).slice( -20 ).join( '\n' ) }`;
		throw error;
	}
	// The demo shop's string was written at the bridge's first start; it may have had another port then.
	// On a first start the bridge answers ready a moment before it has written the file.
	const demoFile = path.join( dir, 'demo-connection.txt' );
	try {
		await waitFor(
			() => readFileSync( demoFile, 'utf8' ).trim() !== '',
			'the demo shop',
			30000
		);
	} catch ( error ) {
		await bridge.stop();
		throw error;
	}
	const connectionString = readFileSync( demoFile, 'utf8' )
		.trim()
		.replace( /@[^/]+/, `@127.0.0.1:${ bPort }` );
	return { url: bridgeUrl, port: bPort, connectionString, stop: bridge.stop };
}

/**
 * Copies a WordPress core into `site` (once), installs the plugin from `pluginDir` and the
 * local-only must-use plugin that keeps WordPress from sending mail.
 */
export function prepareSite( { core, site, pluginDir, smtpPort } ) {
	if ( ! existsSync( path.join( site, 'wp-load.php' ) ) )
		cpSync( core, site, { recursive: true } );
	// The working tree is linked, so edits show at once; any other copy (an unpacked zip) is
	// installed as a real folder, which WordPress can replace or delete like any plugin.
	const installed = path.join(
		site,
		'wp-content/plugins/crypto-customer-bridge'
	);
	rmSync( installed, { recursive: true, force: true } );
	if ( path.resolve( pluginDir ) === path.join( ROOT, 'plugin' ) )
		symlinkSync( path.resolve( pluginDir ), installed );
	else cpSync( pluginDir, installed, { recursive: true } );
	// There is no mail server here; keep WordPress from failing where it would send mail. The tests give
	// one (a real SMTP server on loopback): WordPress sends through it, as a site's mail setup would.
	mkdirSync( path.join( site, 'wp-content/mu-plugins' ), {
		recursive: true,
	} );
	writeFileSync(
		path.join( site, 'wp-content/mu-plugins/local-no-mail.php' ),
		smtpPort
			? `<?php\n// Test stack: mail goes to the tests' SMTP server.\nadd_action( 'phpmailer_init', static function ( $m ) { $m->isSMTP(); $m->Host = '127.0.0.1'; $m->Port = ${ Number( smtpPort ) }; $m->SMTPAuth = false; $m->SMTPAutoTLS = false; } );\n`
			: "<?php\n// Local stack only: no mail server.\nadd_filter( 'pre_wp_mail', '__return_true' );\n"
	);
}

/** Serves `site` with PHP's built-in server (`workers` processes); resolves once it accepts connections. */
export async function startPhp( {
	site,
	port,
	workers = 4,
	memoryLimit = '256M',
} ) {
	const php = startProcess(
		'php',
		[
			'-d',
			'opcache.enable_cli=1',
			'-d',
			`memory_limit=${ memoryLimit }`,
			'-S',
			`127.0.0.1:${ port }`,
			'-t',
			site,
			path.join( ROOT, 'dev/wordpress/router.php' ),
		],
		{
			env: { ...process.env, PHP_CLI_SERVER_WORKERS: String( workers ) },
		}
	);
	try {
		await waitFor(
			() =>
				new Promise( ( resolve ) =>
					net
						.connect( port, '127.0.0.1' )
						.once( 'connect', function () {
							this.end();
							resolve( true );
						} )
						.once( 'error', () => resolve( false ) )
				),
			'PHP',
			30000,
			php.child
		);
	} catch ( error ) {
		await php.stop();
		throw error;
	}
	return php;
}

export async function startMariaDb( dir ) {
	const data = path.join( dir, 'data' );
	const socket = path.join( dir, 'mysqld.sock' );
	if ( ! existsSync( path.join( data, 'mysql' ) ) ) {
		mkdirSync( data, { recursive: true } );
		execFileSync(
			'mariadb-install-db',
			[
				'--no-defaults',
				`--datadir=${ data }`,
				'--user=root',
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
			],
			{
				stdio: 'ignore',
			}
		);
	}
	const port = await freePort();
	const proc = startProcess(
		'mariadbd',
		[
			'--no-defaults',
			`--datadir=${ data }`,
			`--socket=${ socket }`,
			`--port=${ port }`,
			'--bind-address=127.0.0.1',
			'--user=root',
			'--skip-log-bin',
			'--innodb-buffer-pool-size=64M',
			`--pid-file=${ path.join( dir, 'mysqld.pid' ) }`,
		],
		{ log: path.join( dir, 'mariadb.log' ) }
	);
	try {
		await waitFor(
			() => existsSync( socket ),
			'MariaDB',
			30000,
			proc.child
		);
	} catch ( error ) {
		await proc.stop();
		throw new Error(
			`${ error.message } (its log: ${ path.join( dir, 'mariadb.log' ) })`
		);
	}
	execFileSync( 'mariadb', [
		`--socket=${ socket }`,
		'-uroot',
		'-e',
		'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
	] );
	return { socket, stop: proc.stop };
}

export function writeWpConfig( site, { socket, url, debugLog } ) {
	const salts = [
		'AUTH_KEY',
		'SECURE_AUTH_KEY',
		'LOGGED_IN_KEY',
		'NONCE_KEY',
		'AUTH_SALT',
		'SECURE_AUTH_SALT',
		'LOGGED_IN_SALT',
		'NONCE_SALT',
	]
		.map(
			( k ) =>
				`define( '${ k }', '${ randomBytes( 32 ).toString( 'hex' ) }' );`
		)
		.join( '\n' );
	writeFileSync(
		path.join( site, 'wp-config.php' ),
		`<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${ socket }' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${ salts }
$table_prefix = 'wp_';
define( 'WP_HOME', '${ url }' );
define( 'WP_SITEURL', '${ url }' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '${ debugLog }' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
// No internet here: only loopback is reachable, so WordPress must not wait on update checks.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`
	);
}

/**
 * Starts everything. `dir` holds all state (bridge data, database, site); `pluginDir` is the plugin
 * to install (the repository's plugin/ by default, or an unpacked zip); `progress` is told each step
 * in a short line ("Starting WordPress…").
 */
export async function startStack( {
	dir,
	pluginDir = path.join( ROOT, 'plugin' ),
	level = 'minimal',
	wpPort,
	bridgePort,
	locale = '',
	smtpPort,
	progress = () => {},
} ) {
	ensureSystem( [
		'php',
		'mysqli',
		'curl',
		'xml',
		'mbstring',
		'intl',
		'mariadb',
	] );
	ensureWordPressCore();
	mkdirSync( dir, { recursive: true } );
	const stoppers = [];
	const stop = async () => {
		for ( const s of stoppers.reverse() ) await s();
	};
	try {
		// Bridge.
		progress( 'Starting the bridge…' );
		const bridge = await startBridge( {
			dir: path.join( dir, 'bridge' ),
			port: bridgePort,
		} );
		stoppers.push( bridge.stop );
		const { url: bridgeUrl, connectionString } = bridge;

		// Database.
		progress( 'Starting WordPress…' );
		const db = await startMariaDb( path.join( dir, 'mariadb' ) );
		stoppers.push( db.stop );

		// WordPress.
		const site = path.join( dir, 'site' );
		prepareSite( { core: WORDPRESS_CORE, site, pluginDir, smtpPort } );
		const wPort = wpPort ?? ( await freePort() );
		const url = `http://127.0.0.1:${ wPort }`;
		writeWpConfig( site, {
			socket: db.socket,
			url,
			debugLog: path.join( dir, 'wordpress-debug.log' ),
		} );
		const php = await startPhp( { site, port: wPort } );
		stoppers.push( php.stop );

		const admin = { user: 'admin', password: 'password' };
		const summary = JSON.parse(
			execFileSync(
				'php',
				[
					path.join( ROOT, 'dev/wordpress/provision.php' ),
					site,
					JSON.stringify( {
						url,
						adminUser: admin.user,
						adminPassword: admin.password,
						connectionString,
						level,
						locale,
						demoPage: true,
					} ),
				],
				// Its notices on stderr are kept out of the terminal; a failure's error message includes them.
				{ encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ] }
			)
		);
		return {
			url,
			bridgeUrl,
			admin,
			demoPage: summary.demoPage,
			site,
			dir,
			connectionString,
			stop,
		};
	} catch ( error ) {
		await stop();
		throw error;
	}
}

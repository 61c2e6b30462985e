import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { signedClient } from '../../bridge/support/signedClient';
import { STACK_FILE } from './globalSetup';

export interface Stack {
	url: string;
	bridgeUrl: string;
	admin: { user: string; password: string };
	site: string;
	dir: string;
	zip: string;
	/** What the tests' SMTP server received: one JSON line per mail ({from, to, raw}). */
	inbox: string;
	connectionString: string;
}

/** The mails the site has sent so far. */
export function mails(): Array< { from: string; to: string[]; raw: string } > {
	return readFileSync( stack.inbox, 'utf8' )
		.split( '\n' )
		.filter( Boolean )
		.map( ( line ) => JSON.parse( line ) );
}

export const stack: Stack = JSON.parse( readFileSync( STACK_FILE, 'utf8' ) );

/** The page the admin test publishes, for the shopper tests that follow it. */
export const PUBLISHED_PAGE_FILE = path.join( tmpdir(), 'ccb-e2e-page.txt' );

/** Runs PHP inside the test site (plugins loaded) and returns its JSON-decoded result. */
export function wp< T = unknown >( php: string ): T {
	const out = execFileSync(
		'php',
		[
			path.resolve( __dirname, '../../../dev/wordpress/eval.php' ),
			stack.site,
			stack.url,
			php,
		],
		{ encoding: 'utf8' }
	);
	return JSON.parse( out.trim().split( '\n' ).pop() || 'null' );
}

/** Sets the site's checkout settings for a test (and gives it a fresh rate-limit allowance). */
export function setSiteOptions( options: {
	level?: string;
	threshold?: { amount: string; currency: string };
	locale?: string;
} ) {
	const lines: string[] = [];
	if ( options.level )
		lines.push(
			`update_option( 'ccb_level', ${ JSON.stringify( options.level ) } );`
		);
	if ( options.threshold )
		lines.push(
			`update_option( 'ccb_threshold', json_decode( '${ JSON.stringify( options.threshold ) }', true ) );`
		);
	if ( options.locale !== undefined )
		lines.push(
			`update_option( 'WPLANG', ${ JSON.stringify( options.locale ) } );`
		);
	// Every test starts with the site's per-address payment rate limit unused: the tests all come from
	// one address, and a fast machine runs more than a minute's allowance across several tests.
	lines.push(
		`global $wpdb; $wpdb->query( 'DELETE FROM ' . \\CryptoCustomerBridge\\Rest\\RateLimiter::table() );`
	);
	return wp(
		`${ lines.join( '\n' ) } return get_option( 'ccb_sync_status' );`
	);
}

/** The bridge, called as the shop: for checking what was (not) recorded. */
export function bridgeApi() {
	const url = new URL( stack.connectionString.replace( /^ccb\+/, '' ) );
	return signedClient(
		stack.bridgeUrl,
		decodeURIComponent( url.username ),
		decodeURIComponent( url.password )
	);
}

export async function login( page: Page ) {
	await page.goto( `${ stack.url }/wp-login.php` );
	await page.fill( '#user_login', stack.admin.user );
	await page.fill( '#user_pass', stack.admin.password );
	await page.click( '#wp-submit' );
	await page.waitForURL( /wp-admin/ );
}

/** Saves a full-page screenshot as an artifact of the running test. */
export async function shot( page: Page, testInfo: TestInfo, name: string ) {
	const file = testInfo.outputPath(
		`${ String( testInfo.attachments.length + 1 ).padStart( 2, '0' ) }-${ name }.png`
	);
	await page.screenshot( { path: file, fullPage: true } );
	await testInfo.attach( name, { path: file, contentType: 'image/png' } );
}

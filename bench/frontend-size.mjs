// What the checkout block adds to a shopper's page, measured in a browser: every script and style
// the demo page (with the block) loads that the same site's page without it does not, with its
// gzipped size; inline translations counted too when the site is in German.
//   npm run bench:size
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStack } from '../dev/stack.mjs';

async function assets( browser, url ) {
	const page = await browser.newPage();
	const found = new Map();
	page.on( 'response', async ( response ) => {
		const type = response.request().resourceType();
		if (
			( type !== 'script' && type !== 'stylesheet' ) ||
			response.url().startsWith( 'blob:' )
		)
			return;
		found.set(
			response.url().split( '?' )[ 0 ],
			await response.body().catch( () => Buffer.alloc( 0 ) )
		);
	} );
	await page.goto( url, { waitUntil: 'networkidle' } );
	// Small block styles and script data are printed inline by WordPress.
	const inline = await page.evaluate( () =>
		[ ...document.querySelectorAll( 'script:not([src]), style' ) ]
			.filter(
				( s ) =>
					s.id.includes( 'crypto-customer-bridge' ) ||
					s.textContent.includes( 'crypto-customer-bridge' ) ||
					s.textContent.includes( '.ccb-' )
			)
			.map( ( s ) => s.textContent )
			.join( '\n' )
	);
	await page.close();
	return { found, inline };
}

const dir = mkdtempSync( path.join( tmpdir(), 'ccb-size-' ) );
const stack = await startStack( { dir } );
const browser = await chromium.launch( {
	executablePath: '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
	],
} );
try {
	const without = await assets( browser, `${ stack.url }/sample-page/` );
	const withBlock = await assets( browser, `${ stack.url }/pay/` );
	const rows = [ ...withBlock.found ]
		.filter( ( [ url ] ) => ! without.found.has( url ) )
		.map( ( [ url, body ] ) => [
			url.replace( stack.url, '' ),
			body.length,
			gzipSync( body, { level: 9 } ).length,
		] );
	if ( withBlock.inline )
		rows.push( [
			'(inline styles and script data)',
			Buffer.byteLength( withBlock.inline ),
			gzipSync( withBlock.inline, { level: 9 } ).length,
		] );
	console.log(
		'\n| asset the block adds | bytes | gzipped |\n| --- | ---: | ---: |'
	);
	for ( const [ name, raw, gz ] of rows )
		console.log( `| ${ name } | ${ raw } | ${ gz } |` );
	const gzTotal = rows.reduce( ( a, r ) => a + r[ 2 ], 0 );
	console.log(
		`| **total** | ${ rows.reduce( ( a, r ) => a + r[ 1 ], 0 ) } | ${ gzTotal } |`
	);
	// The WooCommerce payment method's script, as WooCommerce's block checkout loads it.
	const wc = readFileSync(
		path.resolve( 'plugin/build/woocommerce-payment-method.js' )
	);
	const wcGz = gzipSync( wc, { level: 9 } ).length;
	console.log(
		`\n| figure | now | goal |\n| --- | ---: | ---: |\n| everything the block adds, gzipped | ${ gzTotal } B | ≤ 5120 B ${ gzTotal <= 5120 ? '✓' : '✗' } |\n| WooCommerce payment method script, gzipped | ${ wcGz } B | ≤ 2048 B ${ wcGz <= 2048 ? '✓' : '✗' } |`
	);
} finally {
	await browser.close();
	await stack.stop();
	rmSync( dir, { recursive: true, force: true } );
}

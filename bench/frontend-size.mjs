// What the checkout block adds to a shopper's page, measured in a browser: the block's own HTML as
// WordPress serves it, every script and style the demo page (with the block) loads that the same
// site's page without it does not, and the block's inline styles, each gzipped on its own (a
// conservative sum: the HTML and the inline styles travel in one document and would compress
// better together). At `compliant` (the largest form, with the country list) and at `minimal`.
//   npm run bench:size
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStack } from '../dev/stack.mjs';

const GOAL_PAGE = 5120;
const GOAL_SCRIPT = 2048;
const gz = ( body ) => gzipSync( body, { level: 9 } ).length;

/**
 * The block's element as served: from its opening <div> to the </div> that closes it.
 * @param {string} html The document.
 */
function blockHtml( html ) {
	const start = html.indexOf( '<div class="ccb-checkout' );
	if ( start < 0 ) throw new Error( 'The page has no checkout block.' );
	const tags = /<\/?div\b[^>]*>/g;
	tags.lastIndex = start;
	let depth = 0;
	for ( let m = tags.exec( html ); m; m = tags.exec( html ) ) {
		depth += m[ 0 ].startsWith( '</' ) ? -1 : 1;
		if ( ! depth ) return html.slice( start, tags.lastIndex );
	}
	throw new Error( 'The checkout block is not closed.' );
}

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
	const document = await page.goto( url, { waitUntil: 'networkidle' } );
	const html = await document.text();
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
	return { found, inline, html };
}

async function measure( browser, stack ) {
	const without = await assets( browser, `${ stack.url }/sample-page/` );
	const withBlock = await assets( browser, `${ stack.url }/pay/` );
	const block = blockHtml( withBlock.html );
	const rows = [
		[
			'the block’s HTML (form, country list, hidden fields)',
			Buffer.byteLength( block ),
			gz( block ),
		],
		...[ ...withBlock.found ]
			.filter( ( [ url ] ) => ! without.found.has( url ) )
			.map( ( [ url, body ] ) => [
				url.replace( stack.url, '' ),
				body.length,
				gz( body ),
			] ),
	];
	if ( withBlock.inline )
		rows.push( [
			'(inline styles and script data)',
			Buffer.byteLength( withBlock.inline ),
			gz( withBlock.inline ),
		] );
	return rows;
}

function print( title, rows ) {
	console.log(
		`\n${ title }\n\n| asset the block adds | bytes | gzipped |\n| --- | ---: | ---: |`
	);
	for ( const [ name, raw, packed ] of rows )
		console.log( `| ${ name } | ${ raw } | ${ packed } |` );
	const total = rows.reduce( ( a, r ) => a + r[ 2 ], 0 );
	console.log(
		`| **total** | ${ rows.reduce( ( a, r ) => a + r[ 1 ], 0 ) } | ${ total } |`
	);
	return total;
}

const mark = ( now, goal ) => `≤ ${ goal } B ${ now <= goal ? '✓' : '✗' }`;

const dir = mkdtempSync( path.join( tmpdir(), 'ccb-size-' ) );
const stack = await startStack( { dir, level: 'compliant' } );
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
	const setLevel = ( level ) =>
		execFileSync( 'php', [
			path.resolve( 'dev/wordpress/eval.php' ),
			stack.site,
			stack.url,
			`update_option( 'ccb_level', '${ level }' ); return true;`,
		] );
	setLevel( 'compliant' );
	const compliant = print(
		'At `compliant` (11 fields and the country list):',
		await measure( browser, stack )
	);
	setLevel( 'minimal' );
	const minimal = print(
		'At `minimal` (3 fields):',
		await measure( browser, stack )
	);
	const view = gz(
		readFileSync( path.resolve( 'plugin/build/checkout/view.js' ) )
	);
	// The WooCommerce payment method's script, as WooCommerce's block checkout loads it.
	const wc = gz(
		readFileSync(
			path.resolve( 'plugin/build/woocommerce-payment-method.js' )
		)
	);
	console.log(
		[
			'',
			'| figure | now | goal |',
			'| --- | ---: | ---: |',
			`| everything the block adds at \`compliant\`, gzipped | ${ compliant } B | ${ mark( compliant, GOAL_PAGE ) } |`,
			`| everything the block adds at \`minimal\`, gzipped | ${ minimal } B | ${ mark( minimal, GOAL_PAGE ) } |`,
			`| the shopper's enhancement script (\`build/checkout/view.js\`), gzipped | ${ view } B | ${ mark( view, GOAL_SCRIPT ) } |`,
			`| WooCommerce payment method script, gzipped | ${ wc } B | ${ mark( wc, GOAL_SCRIPT ) } |`,
		].join( '\n' )
	);
} finally {
	await browser.close();
	await stack.stop();
	rmSync( dir, { recursive: true, force: true } );
}

// The one test command. In order: type checks; the bridge suite on PGlite and on a real PostgreSQL
// server started here; the browser-side component tests; the plugin build; PHPUnit inside a real
// WordPress + MariaDB; the end-to-end suite in Chromium on the packaged plugin; the same on real
// WooCommerce stores (tests/woocommerce).
// `node tests/run.mjs bridge|blocks|php|e2e|woocommerce` runs one part.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres } from '../dev/postgres.mjs';
import { startStack } from '../dev/stack.mjs';
import { ensureSystem } from '../dev/system.mjs';

const only = process.argv[ 2 ];
const wants = ( part ) => ! only || only === part;
const env = {
	...process.env,
	NODE_OPTIONS:
		`${ process.env.NODE_OPTIONS ?? '' } --experimental-vm-modules --no-warnings`.trim(),
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};
const reports = mkdtempSync( path.join( tmpdir(), 'ccb-reports-' ) );
const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];

function step( title, cmd, args, extraEnv = {} ) {
	console.log( `\n=== ${ title }` );
	const started = Date.now();
	const result = spawnSync( cmd, args, {
		stdio: 'inherit',
		env: { ...env, ...extraEnv },
	} );
	const ok = result.status === 0;
	console.log(
		`=== ${ title }: ${ ok ? 'ok' : 'FAILED' } in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`
	);
	results.push( ok );
	return ok;
}

/**
 * Adds a runner's counts to the totals; a report that is missing counts as a failure.
 * @param {string}                                     report The runner's report file.
 * @param {(text: string) => [number, number, number]} read   Its passed, failed and skipped counts.
 */
function count( report, read ) {
	try {
		const [ passed, failed, skipped ] = read(
			readFileSync( report, 'utf8' )
		);
		totals.passed += passed;
		totals.failed += failed;
		totals.skipped += skipped;
	} catch {
		totals.failed += 1;
	}
}

function jest( title, config, extraEnv = {} ) {
	const report = path.join(
		reports,
		`${ title.replace( /\W+/g, '-' ) }.json`
	);
	step(
		title,
		'node_modules/.bin/jest',
		[ '--ci', '-c', config, '--json', `--outputFile=${ report }` ],
		extraEnv
	);
	count( report, ( text ) => {
		const r = JSON.parse( text );
		return [
			r.numPassedTests,
			r.numFailedTests + r.numRuntimeErrorTestSuites,
			r.numPendingTests,
		];
	} );
}

if ( wants( 'bridge' ) || wants( 'blocks' ) ) {
	// Zero warnings: ESLint with @wordpress/scripts' configuration, and Prettier's check of the same style.
	step( 'lint (ESLint)', 'node_modules/.bin/eslint', [
		'.',
		'--max-warnings',
		'0',
	] );
	step( 'format (Prettier check)', 'node_modules/.bin/prettier', [
		'--check',
		'.',
		'--log-level',
		'warn',
	] );
	// Every string in the .pot, and every language complete: no empty or fuzzy translation.
	step( 'translations complete', 'node', [ 'dev/i18n.mjs', 'check' ] );
	step( 'type check', 'node_modules/.bin/tsc', [
		'--noEmit',
		'-p',
		'tsconfig.json',
	] );
	step( 'type check (browser code)', 'node_modules/.bin/tsc', [
		'--noEmit',
		'-p',
		'blocks/tsconfig.json',
	] );
	step( 'type check (browser tests)', 'node_modules/.bin/tsc', [
		'--noEmit',
		'-p',
		'tests/tsconfig.json',
	] );
}

if ( wants( 'bridge' ) ) {
	jest( 'bridge on PGlite', 'jest.config.js', { TEST_DATABASE_URL: '' } );
	let pg = null;
	try {
		let url = process.env.TEST_DATABASE_URL;
		if ( ! url ) {
			pg = await startPostgres();
			url = pg.url;
		}
		jest( 'bridge on PostgreSQL', 'jest.config.js', {
			TEST_DATABASE_URL: url,
		} );
	} finally {
		pg?.stop();
	}
}

if ( wants( 'blocks' ) ) {
	jest( 'browser components (jsdom)', 'tests/blocks/jest.config.js' );
}

if ( wants( 'php' ) || wants( 'e2e' ) || wants( 'woocommerce' ) ) {
	ensureSystem( [
		'php',
		'mysqli',
		'curl',
		'xml',
		'mbstring',
		'intl',
		'zip',
		'mariadb',
		'chromium',
		'unzip',
		'zipcli',
		'phpunit',
		'gettext',
	] );
	step( 'plugin build', 'npm', [ 'run', 'build', '--silent' ] );
}

if ( wants( 'php' ) ) {
	// WooCommerce's API stubs, for the gateway's tests (WooCommerce itself cannot be installed here).
	step( 'PHP test dependencies (Composer)', 'composer', [
		'install',
		'--no-interaction',
		'--no-progress',
		'--quiet',
		'-d',
		'tests/php',
	] );
	// Zero findings, or the step fails: the WordPress Coding Standards (text domain included), PHP 7.4+
	// compatibility, and PHPStan against WordPress's and WooCommerce's stubs (phpcs.xml.dist, phpstan.neon.dist).
	step(
		'PHP lint (PHPCS, WordPress Coding Standards)',
		'tests/php/vendor/bin/phpcs',
		[ '--standard=phpcs.xml.dist', '-q' ]
	);
	step( 'PHP static analysis (PHPStan)', 'tests/php/vendor/bin/phpstan', [
		'analyse',
		'-c',
		'phpstan.neon.dist',
		'--no-progress',
		'--memory-limit=1G',
	] );
	const dir = mkdtempSync( path.join( tmpdir(), 'ccb-php-' ) );
	const stack = await startStack( { dir } );
	try {
		const report = path.join( reports, 'phpunit.xml' );
		step(
			'PHPUnit in WordPress 6.8 + MariaDB',
			'phpunit',
			[ '-c', 'tests/php/phpunit.xml', '--log-junit', report ],
			{ CCB_SITE: stack.site, CCB_URL: stack.url }
		);
		count( report, ( xml ) => {
			const suite = /<testsuite [^>]*>/.exec( xml )[ 0 ];
			const attr = ( name ) =>
				Number(
					new RegExp( `\\b${ name }="(\\d+)"` ).exec( suite )[ 1 ]
				);
			const [ tests, failures, errors, skipped ] = [
				'tests',
				'failures',
				'errors',
				'skipped',
			].map( attr );
			return [
				tests - failures - errors - skipped,
				failures + errors,
				skipped,
			];
		} );
	} finally {
		await stack.stop();
		rmSync( dir, { recursive: true, force: true } );
	}
}

if ( wants( 'e2e' ) ) {
	step(
		'end to end (Playwright, Chromium, WordPress 6.8, bridge)',
		'node_modules/.bin/playwright',
		[ 'test', '-c', 'tests/e2e' ]
	);
	count( 'test-results/e2e/report.json', ( text ) => {
		const s = JSON.parse( text ).stats;
		return [ s.expected, s.unexpected + s.flaky, s.skipped ];
	} );
}

if ( wants( 'woocommerce' ) ) {
	// Real stores: WordPress 7.1 + WooCommerce 10.5.0 (HPOS, and the legacy post storage) and WordPress
	// 6.8 + WooCommerce 9.9.5; WooCommerce from WOOCOMMERCE_ZIP or ../shared/woocommerce.
	step(
		'WooCommerce stores (Playwright, Chromium, WordPress 6.8–7.1, WooCommerce 9.9.5–10.5.0)',
		'node_modules/.bin/playwright',
		[ 'test', '-c', 'tests/woocommerce' ]
	);
	count( 'test-results/woocommerce/report.json', ( text ) => {
		const s = JSON.parse( text ).stats;
		return [ s.expected, s.unexpected + s.flaky, s.skipped ];
	} );
}

const failedSteps = results.filter( ( ok ) => ! ok ).length;
if ( failedSteps && ! totals.failed ) {
	totals.failed = failedSteps;
}
console.log(
	`\ntests: ${ totals.passed } passed, ${ totals.failed } failed, ${ totals.skipped } skipped`
);
process.exit( failedSteps ? 1 : 0 );

import { defineConfig } from '@playwright/test';
import { STORES, selectedStores } from './support/stores';

/**
 * End-to-end tests on real WooCommerce stores (support/stores.ts): the packaged plugin, the bridge
 * with its sandbox processor, MariaDB and PHP's built-in server, driven as a shopper and a merchant in
 * Debian's Chromium. Global setup starts every selected store at once; each store is one project, and
 * the projects run one after another on one worker (tests change a store's settings).
 * Screenshots of the steps are saved as artifacts in test-results/woocommerce.
 */
export default defineConfig< {}, { storeName: string } >( {
	testDir: '.',
	outputDir: '../../test-results/woocommerce',
	globalSetup: './support/globalSetup.ts',
	workers: 1,
	fullyParallel: false,
	timeout: 90_000,
	expect: { timeout: 15_000 },
	reporter: [
		[ 'list' ],
		[
			'json',
			{ outputFile: '../../test-results/woocommerce/report.json' },
		],
	],
	use: {
		headless: true,
		viewport: { width: 1280, height: 900 },
		screenshot: 'only-on-failure',
		// Recording traces slows every test by a third on two cores: CCB_TRACE=1 keeps those of failures.
		trace: process.env.CCB_TRACE ? 'retain-on-failure' : 'off',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	projects: selectedStores().map( ( name ) => ( {
		name: STORES[ name ]!.project,
		grep: STORES[ name ]!.grep,
		use: { storeName: name },
	} ) ),
} );

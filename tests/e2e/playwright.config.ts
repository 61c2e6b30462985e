import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests on a real WordPress 6.8 + MariaDB + the bridge, in Debian's Chromium. The stack
 * is started once (global setup) on free ports; tests run in order, one worker, because they share
 * the site's settings. Every test saves screenshots of its steps as artifacts in test-results/e2e.
 */
export default defineConfig( {
	testDir: '.',
	outputDir: '../../test-results/e2e',
	globalSetup: './support/globalSetup.ts',
	globalTeardown: './support/globalTeardown.ts',
	workers: 1,
	fullyParallel: false,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [
		[ 'list' ],
		[ 'json', { outputFile: '../../test-results/e2e/report.json' } ],
	],
	use: {
		headless: true,
		viewport: { width: 1280, height: 900 },
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
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
} );

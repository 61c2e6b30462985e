// ESLint: @wordpress/scripts' configuration everywhere (WordPress's rules, Prettier in WordPress's style).
// Adjusted for the service, its tests and scripts, where TypeScript types document parameters and a guard
// clause reads best on one line (jsdoc/require-param and curly off there), where Express's four-argument
// error handlers name unused parameters with a leading underscore, and where scripts that talk to a
// terminal may use the console.
const wpScripts = require( '@wordpress/scripts/config/eslint.config.cjs' );

const service = [
	'bridge/**/*.ts',
	'tests/**/*.{ts,tsx}',
	'dev/**/*.{mjs,ts}',
	'bench/**/*.{ts,mjs}',
];

module.exports = [
	{
		ignores: [
			'plugin/build/**',
			'dist/**',
			'bridge/dist/**',
			'node_modules/**',
			'tests/php/vendor/**',
			'.cache/**',
			'.data/**',
			'test-results/**',
			'playwright-report/**',
		],
	},
	...wpScripts,
	{
		files: service,
		rules: {
			'jsdoc/require-param': 'off',
			curly: 'off',
		},
	},
	{
		files: [
			'dev/**',
			'bench/**',
			'tests/**',
			'bridge/src/main.ts',
			'bridge/src/cli/**',
		],
		rules: { 'no-console': 'off' },
	},
	{
		files: [ 'bridge/**/*.ts', 'tests/**/*.{ts,tsx}' ],
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	{
		// The benchmark's load client runs the built bridge (`npm run bench` builds it first), which a
		// fresh clone does not have yet.
		files: [ 'bench/support/loadClient.mjs' ],
		rules: { 'import/no-unresolved': 'off' },
	},
];

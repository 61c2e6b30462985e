// Browser-side tests: components and the shopper script in jsdom, compiled with WordPress's Babel preset.
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	roots: [ '<rootDir>/tests/blocks' ],
	testMatch: [ '**/*.test.ts?(x)' ],
	testEnvironment: 'jsdom',
	transform: {
		'^.+\\.(t|j)sx?$|^.+\\.mjs$': [
			'babel-jest',
			{ presets: [ '@wordpress/babel-preset-default' ], plugins: [] },
		],
	},
	// Some @wordpress packages and their dependencies ship ES modules only.
	transformIgnorePatterns: [
		'/node_modules/(?!(@wordpress|@ariakit|uuid|marked|parsel-js|memize|clsx|colord|change-case|is-plain-object)/)',
	],
	moduleNameMapper: {
		'\\.css$': '<rootDir>/tests/blocks/support/noStyle.js',
		'^@ccb/contract$': '<rootDir>/bridge/src/contract/index.ts',
		'^@ccb/contract/(.*)$': '<rootDir>/bridge/src/contract/$1',
	},
	setupFilesAfterEnv: [ '<rootDir>/tests/blocks/support/setup.ts' ],
	testTimeout: 15000,
};

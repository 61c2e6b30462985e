// Node-side tests (bridge unit and integration). TEST_DATABASE selects the store: pglite (default) or postgres.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: [ '<rootDir>/tests/bridge' ],
	testMatch: [ '**/*.test.ts' ],
	transform: {
		'^.+\\.ts$': [
			'@swc/jest',
			{
				jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
				module: { type: 'commonjs' },
			},
		],
	},
	testTimeout: 30000,
	maxWorkers: 2,
};

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pino from 'pino';
import { startBridge } from '../../../bridge/src/bridge';
import { loadConfig } from '../../../bridge/src/config';
import { freshDatabase, usingPostgres } from '../support/database';
import { TEST_MASTER_KEY } from '../support/harness';
import { signedClient } from '../support/signedClient';

const run = promisify( execFile );

it( 'creates a shop whose printed connection string works against the bridge, then rotates it', async () => {
	const database = await freshDatabase();
	const env = {
		...process.env,
		...database.env,
		BRIDGE_MASTER_KEY: TEST_MASTER_KEY,
		LOG_LEVEL: 'silent',
		NODE_OPTIONS: '',
	};
	const cli = ( ...args: string[] ) =>
		run( 'node_modules/.bin/tsx', [ 'bridge/src/cli/shop.ts', ...args ], {
			env,
		} );
	try {
		const created = await cli(
			'create',
			'--name',
			'CLI shop',
			'--level',
			'compliant',
			'--threshold',
			'500:eur'
		);
		const connection = /connection string: (\S+)/.exec(
			created.stdout
		)![ 1 ]!;
		const parsed = new URL( connection.replace( /^ccb\+/, '' ) );
		const [ keyId, secret ] = [
			decodeURIComponent( parsed.username ),
			decodeURIComponent( parsed.password ),
		];
		expect( created.stdout ).toContain( `key id:            ${ keyId }` );

		const listed = await cli( 'list' );
		expect( listed.stdout ).toContain(
			`${ keyId }  CLI shop  level=compliant  processor=sandbox`
		);
		expect( listed.stdout ).not.toContain( secret );

		const bridge = await startBridge(
			loadConfig( { ...env, PORT: '0', DEMO_SHOP: 'off' } ),
			{ log: pino( { level: 'silent' } ) }
		);
		try {
			const res = await signedClient(
				bridge.url,
				keyId,
				secret
			)( 'GET', '/v1/shop' );
			expect( res.body.shop ).toMatchObject( {
				name: 'CLI shop',
				level: 'compliant',
				threshold: { amount: '500', currency: 'EUR' },
			} );
			if ( ! usingPostgres ) {
				await expect( cli( 'list' ) ).rejects.toMatchObject( {
					stderr: expect.stringContaining( 'is in use by process' ),
				} );
			}
		} finally {
			await bridge.stop();
		}

		const rotated = await cli( 'rotate', keyId, '--grace-minutes', '0' );
		const newSecret = /secret: +(\S+)/.exec( rotated.stdout )![ 1 ]!;
		expect( newSecret ).not.toBe( secret );
		await expect( cli( 'rotate', 'ccb_nope' ) ).rejects.toMatchObject( {
			stderr: expect.stringContaining( 'No shop with key id ccb_nope' ),
		} );
		await expect(
			cli( 'create', '--name', 'x', '--level', 'everything' )
		).rejects.toMatchObject( { code: 1 } );
	} finally {
		await database.drop();
	}
}, 180_000 ); // four CLI processes, each compiling TypeScript and opening the database: slow on a busy 2-core machine

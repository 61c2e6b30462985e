import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startBridge } from './bridge';
import { ConfigError, loadConfig } from './config';
import { createShop } from './domain/shops/shops';
import { listShops } from './store/shops';

async function main() {
	const config = loadConfig( process.env );
	const bridge = await startBridge( config );
	const { ctx } = bridge;

	const lines = [
		'',
		`Crypto Customer Bridge is running at ${ ctx.publicUrl() }`,
		`  database:  ${ config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${ path.resolve( config.DATA_DIR, 'pglite' ) }` }`,
		`  health:    ${ ctx.publicUrl() }/health/ready`,
	];
	if ( config.SANDBOX === 'on' )
		lines.push(
			`  sandbox:   ${ ctx.publicUrl() }/sandbox/api/v1 (embedded test processor: no real payments)`
		);

	const shops = await listShops( ctx.db );
	if ( ! shops.length && config.DEMO_SHOP === 'on' ) {
		const demo = await createShop( ctx, {
			name: 'Demo shop',
			processor: { kind: 'sandbox' },
		} );
		const file = path.join( config.DATA_DIR, 'demo-connection.txt' );
		await writeFile( file, demo.connectionString + '\n', { mode: 0o600 } );
		lines.push(
			'',
			'Created a demo shop on the sandbox. Paste this connection string into the WordPress plugin:',
			`  ${ demo.connectionString }`,
			`  (also saved in ${ file }; shown once)`
		);
	} else {
		lines.push(
			`  shops:     ${ shops.length } (manage with: npm run shop -- list | create | rotate)`
		);
	}
	lines.push( '', 'Press Ctrl+C to stop.', '' );
	process.stdout.write( lines.join( '\n' ) );

	const shutdown = async ( signal: string ) => {
		ctx.log.info( { signal }, 'stopping' );
		await bridge.stop();
		process.exit( 0 );
	};
	process.once( 'SIGINT', () => void shutdown( 'SIGINT' ) );
	process.once( 'SIGTERM', () => void shutdown( 'SIGTERM' ) );
}

main().catch( ( error ) => {
	process.stderr.write(
		`${ error instanceof ConfigError ? error.message : ( error?.stack ?? String( error ) ) }\n`
	);
	process.exit( 1 );
} );

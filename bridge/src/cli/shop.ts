import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { levelSchema, thresholdSchema } from '../contract';
import { startBridge } from '../bridge';
import { ConfigError, loadConfig } from '../config';
import { createShop, rotateSecret } from '../domain/shops/shops';
import { findShopByKeyId, listShops } from '../store/shops';

const USAGE = `Manage the shops that may call this bridge.

  npm run shop -- create --name "My shop" [--event-url URL] [--level none|minimal|compliant]
                         [--threshold 1000:EUR] [--processor sandbox|whalestack]
                         [--api-key KEY --api-secret SECRET] [--settlement-asset ASSET] [--language en]
  npm run shop -- list
  npm run shop -- rotate KEY_ID [--grace-minutes 60]

create and rotate print the key id, the secret and a connection string to paste into the
WordPress plugin. The secret is shown this once and never again.
Uses the same configuration (DATABASE_URL, DATA_DIR, BRIDGE_MASTER_KEY, PUBLIC_URL) as the bridge.`;

async function main() {
	const { positionals, values } = parseArgs( {
		allowPositionals: true,
		options: {
			name: { type: 'string' },
			'event-url': { type: 'string' },
			level: { type: 'string' },
			threshold: { type: 'string' },
			processor: { type: 'string', default: 'sandbox' },
			'api-key': { type: 'string' },
			'api-secret': { type: 'string' },
			'settlement-asset': { type: 'string' },
			language: { type: 'string' },
			'grace-minutes': { type: 'string', default: '60' },
			help: { type: 'boolean' },
		},
	} );
	const [ command, arg ] = positionals;
	if ( values.help || ! command ) return void console.log( USAGE );

	// The CLI opens the same database as the service, without serving HTTP on the service's port.
	const config = loadConfig( {
		...process.env,
		PORT: '0',
		DEMO_SHOP: 'off',
	} );
	const bridge = await startBridge( config, {
		log: pino( { level: 'silent' } ),
		jobs: false,
	} );
	const ctx = {
		...bridge.ctx,
		publicUrl: () =>
			(
				process.env.PUBLIC_URL ??
				`http://${ config.HOST }:${ process.env.PORT ?? 8787 }`
			).replace( /\/+$/, '' ),
	};
	try {
		if ( command === 'list' ) {
			const rows = await listShops( ctx.db );
			if ( ! rows.length )
				console.log(
					'No shops yet. Create one with: npm run shop -- create --name "My shop"'
				);
			for ( const s of rows ) {
				console.log(
					`${ s.key_id }  ${ s.name }  level=${ s.collection_level }  processor=${ s.processor_kind }  events=${ s.event_url ?? '(not set)' }  created=${ s.created_at }`
				);
			}
		} else if ( command === 'create' ) {
			if ( ! values.name ) throw new Error( '--name is required' );
			const threshold = values.threshold
				? thresholdSchema.parse( {
						amount: values.threshold.split( ':' )[ 0 ],
						currency: values.threshold.split( ':' )[ 1 ],
					} )
				: null;
			const processor =
				values.processor === 'whalestack'
					? {
							kind: 'whalestack' as const,
							apiKey: z
								.string()
								.min( 1 )
								.parse( values[ 'api-key' ] ),
							apiSecret: z
								.string()
								.min( 1 )
								.parse( values[ 'api-secret' ] ),
						}
					: { kind: 'sandbox' as const };
			const issued = await createShop( ctx, {
				name: values.name,
				eventUrl: values[ 'event-url' ] ?? null,
				level: values.level
					? levelSchema.parse( values.level )
					: undefined,
				threshold,
				processor,
				settlementAsset: values[ 'settlement-asset' ] ?? null,
				checkoutLanguage: values.language,
			} );
			printCredentials( issued );
		} else if ( command === 'rotate' ) {
			const shop = arg ? await findShopByKeyId( ctx.db, arg ) : null;
			if ( ! shop )
				throw new Error(
					`No shop with key id ${ arg ?? '(none given)' }`
				);
			const grace = Number( values[ 'grace-minutes' ] );
			printCredentials( await rotateSecret( ctx, shop, grace * 60 ) );
			console.log(
				`The previous secret keeps working for ${ grace } minute(s).`
			);
		} else {
			throw new Error( `Unknown command ${ command }\n\n${ USAGE }` );
		}
	} finally {
		await bridge.stop();
	}
}

function printCredentials( c: {
	keyId: string;
	secret: string;
	connectionString: string;
} ) {
	console.log( `key id:            ${ c.keyId }` );
	console.log( `secret:            ${ c.secret }` );
	console.log( `connection string: ${ c.connectionString }` );
	console.log( 'Store the secret now: it is not shown again.' );
}

main().catch( ( error ) => {
	console.error(
		error instanceof ConfigError || error instanceof Error
			? error.message
			: String( error )
	);
	process.exit( 1 );
} );

import pino from 'pino';
import { startBridge, type RunningBridge } from '../../../bridge/src/bridge';
import { loadConfig } from '../../../bridge/src/config';
import {
	createShop,
	type NewShopOptions,
} from '../../../bridge/src/domain/shops/shops';
import { freshDatabase } from './database';
import { signedClient, type SignedRequest } from './signedClient';

export const TEST_MASTER_KEY = Buffer.alloc( 32, 7 ).toString( 'base64' );

export interface TestShop {
	id: string;
	keyId: string;
	secret: string;
	api: SignedRequest;
}

export interface TestBridge {
	bridge: RunningBridge;
	url: string;
	env: Record< string, string >;
	addShop: ( options?: Partial< NewShopOptions > ) => Promise< TestShop >;
	/** Starts another bridge process on the same database (a restart). */
	restart: ( extraEnv?: Record< string, string > ) => Promise< void >;
	close: () => Promise< void >;
}

/** A real bridge on a loopback port with its own database, fast retry timings, and quiet logs. */
export async function startTestBridge(
	extraEnv: Record< string, string > = {}
): Promise< TestBridge > {
	const database = await freshDatabase();
	const env: Record< string, string > = {
		PORT: '0',
		LOG_LEVEL: 'silent',
		BRIDGE_MASTER_KEY: TEST_MASTER_KEY,
		EVENT_POLL_MS: '50',
		EVENT_RETRY_BASE_MS: '50',
		EVENT_RETRY_MAX_MS: '200',
		PROCESSOR_TIMEOUT_MS: '1500',
		RECONCILE_INTERVAL_MS: '3600000',
		RECONCILE_MIN_AGE_S: '0',
		DEMO_SHOP: 'off',
		...database.env,
		...extraEnv,
	};
	const start = ( e: Record< string, string > ) =>
		startBridge( loadConfig( e ), { log: pino( { level: 'silent' } ) } );
	const handle: TestBridge = {
		bridge: await start( env ),
		get url() {
			return handle.bridge.url;
		},
		env,
		async addShop( options = {} ) {
			const issued = await createShop( handle.bridge.ctx, {
				name: 'Test shop',
				processor: { kind: 'sandbox' },
				...options,
			} );
			return {
				id: issued.shop.id,
				keyId: issued.keyId,
				secret: issued.secret,
				api: signedClient(
					handle.bridge.url,
					issued.keyId,
					issued.secret
				),
			};
		},
		async restart( extra = {} ) {
			await handle.bridge.stop();
			handle.bridge = await start( { ...env, ...extra } );
		},
		async close() {
			await handle.bridge.stop();
			await database.drop();
		},
	};
	return handle;
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually< T >(
	check: () => Promise< T | undefined | null | false >,
	timeoutMs = 5000
): Promise< T > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if ( value ) return value;
		if ( Date.now() > deadline )
			throw new Error( 'condition not met in time' );
		await new Promise( ( r ) => setTimeout( r, 25 ) );
	}
}

import { z } from 'zod';
import { WHALESTACK_API_URL } from './processors/whalestack/client';

const onOff = z.enum( [ 'on', 'off' ] );

/** Every setting the bridge reads, with its default. README's configuration table mirrors this. */
const envSchema = z.object( {
	PORT: z.coerce.number().int().min( 0 ).max( 65535 ).default( 8787 ),
	HOST: z.string().min( 1 ).default( '127.0.0.1' ),
	PUBLIC_URL: z.url().optional(),
	DATA_DIR: z.string().min( 1 ).default( '.data/bridge' ),
	DATABASE_URL: z
		.string()
		.regex( /^postgres(ql)?:\/\//, 'must be a postgres:// URL' )
		.optional(),
	BRIDGE_MASTER_KEY: z
		.string()
		.refine(
			( v ) => Buffer.from( v, 'base64' ).length === 32,
			'must be 32 random bytes, base64-encoded'
		)
		.optional(),
	/**
	 * PGlite's shared buffers: the largest share of the embedded database's memory. PostgreSQL's own
	 * default (128 MB) would put a small bridge over 300 MB resident; a shop large enough to need more
	 * belongs on PostgreSQL (DATABASE_URL).
	 */
	PGLITE_SHARED_BUFFERS_MB: z.coerce
		.number()
		.int()
		.min( 1 )
		.max( 1024 )
		.default( 16 ),
	WHALESTACK_API_URL: z.url().default( WHALESTACK_API_URL ),
	SANDBOX: onOff.default( 'on' ),
	DEMO_SHOP: onOff.optional(),
	PROCESSOR_TIMEOUT_MS: z.coerce.number().int().min( 100 ).default( 15000 ),
	BODY_LIMIT_BYTES: z.coerce
		.number()
		.int()
		.min( 1024 )
		.default( 256 * 1024 ),
	EVENT_POLL_MS: z.coerce.number().int().min( 10 ).default( 1000 ),
	EVENT_RETRY_BASE_MS: z.coerce.number().int().min( 10 ).default( 5000 ),
	EVENT_RETRY_MAX_MS: z.coerce.number().int().min( 10 ).default( 3_600_000 ),
	RECONCILE_INTERVAL_MS: z.coerce.number().int().min( 10 ).default( 60_000 ),
	RECONCILE_MIN_AGE_S: z.coerce.number().int().min( 0 ).default( 300 ),
	/** Paid checkouts are asked about for this long after they were paid, to learn refunds (0: never). */
	REFUND_WATCH_DAYS: z.coerce
		.number()
		.int()
		.min( 0 )
		.max( 365 )
		.default( 30 ),
	/** How often a paid checkout inside the refund watch is asked about. */
	REFUND_CHECK_INTERVAL_S: z.coerce.number().int().min( 0 ).default( 86_400 ),
	/** Port for Prometheus metrics (`/metrics`), on HOST; unset: no metrics endpoint. */
	METRICS_PORT: z.coerce.number().int().min( 0 ).max( 65535 ).optional(),
	/** How long SIGTERM waits for requests in flight and event deliveries before closing the rest. */
	SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min( 0 ).default( 25_000 ),
	LOG_LEVEL: z
		.enum( [
			'fatal',
			'error',
			'warn',
			'info',
			'debug',
			'trace',
			'silent',
		] )
		.default( 'info' ),
} );

export type Env = z.infer< typeof envSchema >;

export interface Config extends Omit< Env, 'DEMO_SHOP' > {
	DEMO_SHOP: 'on' | 'off';
}

export class ConfigError extends Error {}

/** Parses the environment once at start; a wrong value stops the bridge with every problem listed. */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	const input = Object.fromEntries(
		Object.entries( env ).filter( ( [ , v ] ) => v !== '' )
	);
	const parsed = envSchema.safeParse( input );
	if ( ! parsed.success ) {
		const lines = parsed.error.issues.map(
			( i ) => `  ${ i.path.join( '.' ) }: ${ i.message }`
		);
		throw new ConfigError(
			`Invalid configuration:\n${ lines.join( '\n' ) }`
		);
	}
	// The demo shop is for the embedded setup only; a production database never gets one unasked.
	return {
		...parsed.data,
		DEMO_SHOP:
			parsed.data.DEMO_SHOP ??
			( parsed.data.DATABASE_URL ? 'off' : 'on' ),
	};
}

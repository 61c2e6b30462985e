import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app';
import { ConfigError, type Config } from './config';
import type { BridgeContext } from './context';
import { assertReachableByProcessor } from './domain/shops/publicUrl';
import { Jobs } from './jobs';
import { createLogger } from './logger';
import { SANDBOX_MIGRATIONS } from './processors/sandbox/migrations';
import { SecretBox } from './security/secretBox';
import { openPglite, openPostgres, type Db } from './store/db';
import { migrate } from './store/migrate';
import { lockDataDir } from './store/pgliteLock';
import { BRIDGE_MIGRATIONS } from './store/migrations';
import { listShops } from './store/shops';
import { pendingEventCount } from './store/outbox';
import { registerDatabaseGauges, registry } from './metrics';

export interface RunningBridge {
	ctx: BridgeContext;
	jobs: Jobs;
	server: Server;
	url: string;
	stop: () => Promise< void >;
	/** Where Prometheus scrapes this process (METRICS_PORT), or null. */
	metricsUrl: string | null;
}

export async function openDatabase(
	config: Config,
	log: Logger
): Promise< Db > {
	if ( config.DATABASE_URL )
		return openPostgres( config.DATABASE_URL, ( err ) =>
			log.warn(
				{ err },
				'a database connection was closed by the server; it will be replaced'
			)
		);
	await mkdir( config.DATA_DIR, { recursive: true } );
	const unlock = lockDataDir( config.DATA_DIR );
	try {
		const db = await openPglite(
			path.join( config.DATA_DIR, 'pglite' ),
			config.PGLITE_SHARED_BUFFERS_MB
		);
		return { ...db, close: () => db.close().finally( unlock ) };
	} catch ( error ) {
		unlock();
		throw error;
	}
}

/** The master key from the environment, or (embedded setup) one kept beside the data, made on first start. */
async function masterKey( config: Config ): Promise< Buffer > {
	if ( config.BRIDGE_MASTER_KEY )
		return Buffer.from( config.BRIDGE_MASTER_KEY, 'base64' );
	const file = path.join( config.DATA_DIR, 'master.key' );
	try {
		return Buffer.from(
			( await readFile( file, 'utf8' ) ).trim(),
			'base64'
		);
	} catch {
		await mkdir( config.DATA_DIR, { recursive: true } );
		const key = randomBytes( 32 );
		await writeFile( file, key.toString( 'base64' ), {
			mode: 0o600,
			flag: 'wx',
		} );
		await chmod( file, 0o600 );
		return key;
	}
}

/** Opens the store, applies migrations, listens, and starts the background jobs. */
export async function startBridge(
	config: Config,
	options: { log?: Logger; db?: Db; jobs?: boolean } = {}
): Promise< RunningBridge > {
	const log = options.log ?? createLogger( config.LOG_LEVEL );
	const db = options.db ?? ( await openDatabase( config, log ) );
	await migrate( db, [
		...BRIDGE_MIGRATIONS,
		...( config.SANDBOX === 'on' ? SANDBOX_MIGRATIONS : [] ),
	] );

	// The port is known only once listening (PORT may be 0), but requests must never reach a server
	// without its app: the URLs are read lazily and the app is attached before listen().
	let internalUrl = '';
	let publicUrl = '';
	const ctx: BridgeContext = {
		config,
		db,
		secrets: new SecretBox( await masterKey( config ) ),
		log,
		internalUrl: () => internalUrl,
		publicUrl: () => publicUrl,
		eventsQueued: () => jobs.sender.kick(),
		draining: () => draining,
	};
	let draining = false;
	registerDatabaseGauges( {
		checkoutsByStatus: async () =>
			(
				await db.query< { status: string; n: string } >(
					'select status, count(*)::text as n from checkouts group by status'
				)
			).map( ( r ) => ( {
				status: r.status,
				n: Number( r.n ),
			} ) ),
		outboxBacklog: () => pendingEventCount( db ),
	} );
	const jobs = new Jobs( ctx );
	const server = createServer( createApp( ctx ) );
	// Longer than the idle timeout of the proxies and clients in front (60 s is common), so the bridge
	// never closes a kept-alive connection just as a request is sent on it ("other side closed").
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	await new Promise< void >( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( config.PORT, config.HOST, () => resolve() );
	} );
	const { port } = server.address() as AddressInfo;
	const host = reachableHost( config.HOST );
	internalUrl = `http://${ host }:${ port }`;
	publicUrl = ( config.PUBLIC_URL ?? internalUrl ).replace( /\/+$/, '' );
	if (
		( await listShops( db ) ).some(
			( shop ) => shop.processor_kind === 'whalestack'
		)
	) {
		try {
			assertReachableByProcessor( publicUrl, config.WHALESTACK_API_URL );
		} catch ( error ) {
			server.close();
			if ( ! options.db ) await db.close();
			throw new ConfigError( ( error as Error ).message );
		}
	}
	const metricsServer =
		config.METRICS_PORT === undefined
			? null
			: await serveMetrics( config.METRICS_PORT, config.HOST );
	if ( options.jobs !== false ) jobs.start();

	let stopping: Promise< void > | undefined;
	return {
		ctx,
		jobs,
		server,
		url: internalUrl,
		metricsUrl: metricsServer
			? `http://${ host }:${ ( metricsServer.address() as AddressInfo ).port }/metrics`
			: null,
		/**
		 * Drains, then stops: readiness fails at once, no new connection is accepted, requests in flight and
		 * the event delivery under way finish (for at most SHUTDOWN_TIMEOUT_MS), then the rest is closed.
		 */
		stop: () =>
			( stopping ??= ( async () => {
				draining = true;
				const closed = new Promise< void >( ( resolve ) =>
					server.close( () => resolve() )
				);
				server.closeIdleConnections();
				const idle = setInterval(
					() => server.closeIdleConnections(),
					100
				);
				const deadline = new Promise< void >( ( resolve ) =>
					setTimeout( resolve, config.SHUTDOWN_TIMEOUT_MS ).unref()
				);
				await Promise.race( [
					Promise.all( [ closed, jobs.stop() ] ),
					deadline,
				] );
				clearInterval( idle );
				server.closeAllConnections();
				await jobs.stop();
				metricsServer?.close();
				if ( ! options.db ) await db.close();
			} )() ),
	};
}

/** Prometheus metrics on a port of their own, so they are never exposed where shops and shoppers reach the API. */
async function serveMetrics( port: number, host: string ): Promise< Server > {
	const server = createServer( ( req, res ) => {
		if ( req.url !== '/metrics' ) return void res.writeHead( 404 ).end();
		registry
			.metrics()
			.then( ( text ) =>
				res
					.writeHead( 200, { 'content-type': registry.contentType } )
					.end( text )
			)
			.catch( () => res.writeHead( 500 ).end() );
	} );
	await new Promise< void >( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( port, host, () => resolve() );
	} );
	return server;
}

/** The address this process can call itself on: IPv6 in brackets, a wildcard bind as loopback. */
function reachableHost( bound: string ): string {
	if ( bound.includes( ':' ) ) return `[${ bound }]`;
	return bound === '0.0.0.0' ? '127.0.0.1' : bound;
}

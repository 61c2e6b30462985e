import type { BridgeContext } from '../../context';
import { signatureHeaders } from '../../security/requestSigning';
import { metrics } from '../../metrics';
import {
	claimDueEvents,
	markDelivered,
	markFailed,
	releaseEvents,
	type OutboxRow,
} from '../../store/outbox';
import { findShopById } from '../../store/shops';

const LEASE_SECONDS = 60;
const BATCH = 20;

/** Exponential backoff with jitter, capped: attempt 1 waits ~base, attempt 2 ~2×base, ... */
export function retryDelayMs(
	attempts: number,
	baseMs: number,
	maxMs: number,
	random = Math.random
): number {
	const exp = Math.min( maxMs, baseMs * 2 ** Math.max( 0, attempts - 1 ) );
	return Math.round( exp * ( 0.8 + 0.4 * random() ) );
}

/**
 * Delivers queued events to each shop's event URL, signed with the shop's secret, until the shop
 * answers 2xx. Rows live in the database, so delivery resumes after a restart.
 */
export class EventSender {
	private timer: NodeJS.Timeout | null = null;
	private running: Promise< void > | null = null;
	private again = false;
	private stopped = true;
	/** Shops this process is delivering to right now, and those deliveries (awaited on stop). */
	private readonly busyShops = new Set< string >();
	private readonly serving = new Set< Promise< void > >();

	constructor( private readonly ctx: BridgeContext ) {}

	start(): void {
		this.stopped = false;
		this.schedule( 0 );
	}

	async stop(): Promise< void > {
		this.stopped = true;
		if ( this.timer ) clearTimeout( this.timer );
		await this.running;
		await Promise.all( [ ...this.serving ] );
	}

	/** Delivers now instead of at the next poll; called after a commit that queued events. */
	kick(): void {
		if ( this.stopped ) return;
		if ( this.running ) this.again = true;
		else this.schedule( 0 );
	}

	/**
	 * One pass: claims the due events of every shop not already being served by this process and starts
	 * serving each of those shops on its own, in the order its events happened. A shop whose event URL is
	 * slow or down therefore delays only its own events (after a failure the rest of its events wait for
	 * the same retry); the pass itself returns at once, so the next one serves other shops meanwhile.
	 */
	async deliverDue(): Promise< number > {
		const rows = await claimDueEvents( this.ctx.db, BATCH, LEASE_SECONDS, [
			...this.busyShops,
		] );
		const byShop = new Map< string, OutboxRow[] >();
		for ( const row of rows )
			byShop.set( row.shop_id, [
				...( byShop.get( row.shop_id ) ?? [] ),
				row,
			] );
		for ( const [ shopId, shopRows ] of byShop ) {
			this.busyShops.add( shopId );
			const serving: Promise< void > = this.deliverInOrder( shopRows )
				.catch( ( err ) =>
					this.ctx.log.error(
						{ err, shop: shopId },
						'event delivery failed unexpectedly'
					)
				)
				.finally( () => {
					this.busyShops.delete( shopId );
					this.serving.delete( serving );
					this.kick();
				} );
			this.serving.add( serving );
		}
		return rows.length;
	}

	private async deliverInOrder( rows: OutboxRow[] ): Promise< void > {
		for ( const [ i, row ] of rows.entries() ) {
			const failedRetryMs = await this.deliver( row );
			if ( failedRetryMs !== null ) {
				await releaseEvents(
					this.ctx.db,
					rows.slice( i + 1 ).map( ( r ) => r.id ),
					failedRetryMs
				);
				return;
			}
		}
	}

	private schedule( ms: number ): void {
		if ( this.timer ) clearTimeout( this.timer );
		this.timer = setTimeout( () => {
			this.running = this.deliverDue()
				.then( () => undefined )
				.catch( ( err ) =>
					this.ctx.log.error( { err }, 'event delivery pass failed' )
				)
				.finally( () => {
					this.running = null;
					if ( this.stopped ) return;
					const next = this.again ? 0 : this.ctx.config.EVENT_POLL_MS;
					this.again = false;
					this.schedule( next );
				} );
		}, ms );
	}

	/** Delivers one event; null when delivered, else the delay before it is tried again. */
	private async deliver( row: OutboxRow ): Promise< number | null > {
		const shop = await findShopById( this.ctx.db, row.shop_id );
		if ( ! shop?.event_url ) return this.ctx.config.EVENT_RETRY_BASE_MS;
		const body = JSON.stringify( row.payload );
		const url = new URL( shop.event_url );
		let failure: string;
		try {
			const response = await fetch( url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...signatureHeaders(
						shop.key_id,
						this.ctx.secrets.open( shop.secret_enc ),
						'POST',
						url.pathname + url.search,
						body
					),
				},
				body,
				redirect: 'manual',
				signal: AbortSignal.timeout( 10_000 ),
			} );
			await response.arrayBuffer().catch( () => undefined );
			if ( response.ok ) {
				metrics.eventDelivery.observe(
					await markDelivered( this.ctx.db, row.id )
				);
				return null;
			}
			failure = `HTTP ${ response.status }`;
		} catch ( error ) {
			failure = error instanceof Error ? error.message : String( error );
		}
		const delay = retryDelayMs(
			row.attempts,
			this.ctx.config.EVENT_RETRY_BASE_MS,
			this.ctx.config.EVENT_RETRY_MAX_MS
		);
		await markFailed( this.ctx.db, row.id, failure, delay );
		this.ctx.log.warn(
			{
				event: row.id,
				type: row.type,
				attempts: row.attempts,
				failure,
				retryInMs: delay,
			},
			'event delivery failed'
		);
		metrics.eventFailures.inc();
		return delay;
	}
}

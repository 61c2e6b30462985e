import type { BridgeContext } from './context';
import { reconcileOpenCheckouts } from './domain/checkouts/reconcile';
import { EventSender } from './domain/events/sender';
import { refreshStaleReferences } from './domain/shops/processorReference';
import { SIGNATURE_WINDOW_SECONDS } from './security/requestSigning';
import { forgetOldNonces } from './store/nonces';

/** The bridge's background work: event delivery, checkout reconciliation, nonce cleanup. */
export class Jobs {
	readonly sender: EventSender;
	private timers: NodeJS.Timeout[] = [];

	constructor( private readonly ctx: BridgeContext ) {
		this.sender = new EventSender( ctx );
	}

	start(): void {
		this.sender.start();
		this.every( this.ctx.config.RECONCILE_INTERVAL_MS, () =>
			reconcileOpenCheckouts( this.ctx )
		);
		this.every( 60_000, () =>
			forgetOldNonces( this.ctx.db, SIGNATURE_WINDOW_SECONDS * 2 )
		);
		this.every( 3_600_000, () => refreshStaleReferences( this.ctx ) );
	}

	async stop(): Promise< void > {
		for ( const t of this.timers ) clearInterval( t );
		this.timers = [];
		await this.sender.stop();
	}

	private every( ms: number, task: () => Promise< unknown > ): void {
		let busy = false;
		const timer = setInterval( () => {
			if ( busy ) return;
			busy = true;
			task()
				.catch( ( err ) =>
					this.ctx.log.error( { err }, 'background task failed' )
				)
				.finally( () => ( busy = false ) );
		}, ms );
		timer.unref();
		this.timers.push( timer );
	}
}

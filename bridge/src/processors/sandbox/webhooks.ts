import type { Logger } from 'pino';
import { webhookHash } from './signing';

const DELAYS_MS = [ 0, 1000, 5000, 15000 ];

/** Sends a webhook as the processor does (X-Webhook-Auth), retrying a few times in the background. */
export function sendSandboxWebhook(
	log: Logger,
	url: string,
	apiSecret: string,
	payload: unknown,
	contentType: string
): Promise< boolean > {
	const body = JSON.stringify( payload );
	const attempt = async ( i: number ): Promise< boolean > => {
		await new Promise( ( r ) => setTimeout( r, DELAYS_MS[ i ] ) );
		try {
			const res = await fetch( url, {
				method: 'POST',
				headers: {
					'content-type': contentType,
					'x-webhook-auth': webhookHash( apiSecret, body ),
				},
				body,
				signal: AbortSignal.timeout( 10_000 ),
			} );
			if ( res.ok ) return true;
			log.warn( { url, status: res.status }, 'sandbox webhook refused' );
		} catch ( err ) {
			log.warn( { url, err }, 'sandbox webhook not delivered' );
		}
		return i + 1 < DELAYS_MS.length ? attempt( i + 1 ) : false;
	};
	return attempt( 0 );
}

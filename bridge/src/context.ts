import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './store/db';
import type { SecretBox } from './security/secretBox';
import { WhalestackClient } from './processors/whalestack/client';
import type { ShopRow } from './store/shops';

/** What every part of the bridge is handed: configuration, database, secrets and the processor. */
export interface BridgeContext {
	config: Config;
	db: Db;
	secrets: SecretBox;
	log: Logger;
	/** Where this process can be reached from itself (the sandbox's API is called through it). */
	internalUrl: () => string;
	/** Where shoppers and the processor reach this bridge. */
	publicUrl: () => string;
	/** Wakes the event sender after a commit that queued events, so delivery does not wait for the next poll. */
	eventsQueued: () => void;
	/** True once shutdown began: readiness fails so a load balancer stops sending, in-flight work finishes. */
	draining: () => boolean;
}

export function processorBaseUrl( ctx: BridgeContext, shop: ShopRow ): string {
	return shop.processor_kind === 'sandbox'
		? `${ ctx.internalUrl() }/sandbox/api/v1`
		: ctx.config.WHALESTACK_API_URL;
}

export function processorFor(
	ctx: BridgeContext,
	shop: ShopRow
): WhalestackClient {
	return new WhalestackClient(
		{
			baseUrl: processorBaseUrl( ctx, shop ),
			apiKey: shop.processor_api_key,
			apiSecret: ctx.secrets.open( shop.processor_api_secret_enc ),
		},
		ctx.config.PROCESSOR_TIMEOUT_MS
	);
}

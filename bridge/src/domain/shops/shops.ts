import { randomBytes, randomUUID } from 'node:crypto';
import type { Level, Threshold } from '../../contract';
import type { BridgeContext } from '../../context';
import { registerSandboxAccount } from '../../processors/sandbox/accounts';
import {
	findShopById,
	insertShop,
	rotateShopSecret,
	type ProcessorKind,
	type ShopRow,
} from '../../store/shops';
import {
	checkSettlementOptions,
	refreshBillingCurrencies,
} from './processorReference';
import { assertReachableByProcessor } from './publicUrl';

export interface NewShopOptions {
	name: string;
	eventUrl?: string | null;
	level?: Level;
	threshold?: Threshold | null;
	processor:
		| { kind: 'sandbox' }
		| { kind: 'whalestack'; apiKey: string; apiSecret: string };
	settlementAsset?: string | null;
	checkoutLanguage?: string;
}

export interface IssuedCredentials {
	shop: ShopRow;
	keyId: string;
	secret: string;
	connectionString: string;
}

/** `ccb+http(s)://KEY_ID:SECRET@host[:port][/path]`: everything the plugin needs, in one paste. */
export function connectionString(
	publicUrl: string,
	keyId: string,
	secret: string
): string {
	const url = new URL( publicUrl );
	return `ccb+${ url.protocol }//${ encodeURIComponent( keyId ) }:${ encodeURIComponent( secret ) }@${ url.host }${ url.pathname.replace( /\/$/, '' ) }`;
}

function newKeyId(): string {
	return `ccb_${ randomBytes( 10 ).toString( 'hex' ) }`;
}

function newSecret(): string {
	return randomBytes( 32 ).toString( 'base64url' );
}

export async function createShop(
	ctx: BridgeContext,
	options: NewShopOptions
): Promise< IssuedCredentials > {
	const processor =
		options.processor.kind === 'sandbox'
			? {
					kind: 'sandbox' as ProcessorKind,
					...( await registerSandboxAccount( ctx.db ) ),
				}
			: options.processor;
	if (
		processor.kind === 'whalestack' &&
		( processor.apiKey.length !== 12 || processor.apiSecret.length !== 29 )
	) {
		throw new Error(
			'Whalestack API keys are 12 characters and secrets 29: check the values copied from the API settings.'
		);
	}
	if ( processor.kind === 'whalestack' )
		assertReachableByProcessor(
			ctx.publicUrl(),
			ctx.config.WHALESTACK_API_URL
		);
	const keyId = newKeyId();
	const secret = newSecret();
	const id = randomUUID();
	const candidate = {
		processor_kind: processor.kind,
		processor_api_key: processor.apiKey,
		processor_api_secret_enc: ctx.secrets.seal( processor.apiSecret ),
	};
	await checkSettlementOptions( ctx, candidate, options );
	await insertShop( ctx.db, {
		id,
		name: options.name,
		key_id: keyId,
		secret_enc: ctx.secrets.seal( secret ),
		event_url: options.eventUrl ?? null,
		collection_level: options.level ?? 'minimal',
		threshold_amount: options.threshold?.amount ?? null,
		threshold_currency: options.threshold?.currency ?? null,
		processor_kind: processor.kind,
		processor_api_key: processor.apiKey,
		processor_api_secret_enc: candidate.processor_api_secret_enc,
		settlement_asset: options.settlementAsset ?? null,
		checkout_language: options.checkoutLanguage ?? 'auto',
	} );
	const shop = await refreshBillingCurrencies(
		ctx,
		( await findShopById( ctx.db, id ) )!
	);
	return {
		shop,
		keyId,
		secret,
		connectionString: connectionString( ctx.publicUrl(), keyId, secret ),
	};
}

/** Issues a new secret; the old one keeps working for `graceSeconds` so a live shop can be updated without downtime. */
export async function rotateSecret(
	ctx: BridgeContext,
	shop: ShopRow,
	graceSeconds: number
): Promise< IssuedCredentials > {
	const secret = newSecret();
	await rotateShopSecret(
		ctx.db,
		shop.id,
		ctx.secrets.seal( secret ),
		graceSeconds
	);
	const updated = ( await findShopById( ctx.db, shop.id ) )!;
	return {
		shop: updated,
		keyId: shop.key_id,
		secret,
		connectionString: connectionString(
			ctx.publicUrl(),
			shop.key_id,
			secret
		),
	};
}

/** The secrets a request from this shop may be signed with right now. */
export function acceptedSecrets(
	ctx: BridgeContext,
	shop: ShopRow,
	now = Date.now()
): string[] {
	const secrets = [ ctx.secrets.open( shop.secret_enc ) ];
	if (
		shop.previous_secret_enc &&
		shop.previous_secret_expires_at &&
		Date.parse( shop.previous_secret_expires_at ) > now
	) {
		secrets.push( ctx.secrets.open( shop.previous_secret_enc ) );
	}
	return secrets;
}

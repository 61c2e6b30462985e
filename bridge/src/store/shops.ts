import type { Level, Seller, Threshold } from '../contract';
import type { Queryable } from './db';

export type ProcessorKind = 'sandbox' | 'whalestack';

export interface ShopRow {
	id: string;
	name: string;
	key_id: string;
	secret_enc: string;
	previous_secret_enc: string | null;
	previous_secret_expires_at: string | null;
	event_url: string | null;
	collection_level: Level;
	threshold_amount: string | null;
	threshold_currency: string | null;
	processor_kind: ProcessorKind;
	processor_api_key: string;
	processor_api_secret_enc: string;
	settlement_asset: string | null;
	checkout_language: string;
	/** The processor's billing currencies, as last fetched (`GET /currencies`); null until known. */
	billing_currencies: string[] | null;
	reference_checked_at: string | null;
	/** Printed on the shop's invoices; null until the merchant enters it. */
	seller: Seller | null;
	invoice_prefix: string;
	created_at: string;
	updated_at: string;
}

export function thresholdOf( shop: ShopRow ): Threshold | null {
	return shop.threshold_amount && shop.threshold_currency
		? { amount: shop.threshold_amount, currency: shop.threshold_currency }
		: null;
}

export async function insertShop(
	db: Queryable,
	shop: Omit<
		ShopRow,
		| 'created_at'
		| 'updated_at'
		| 'previous_secret_enc'
		| 'previous_secret_expires_at'
		| 'billing_currencies'
		| 'reference_checked_at'
		| 'seller'
		| 'invoice_prefix'
	>
): Promise< void > {
	await db.query(
		`insert into shops (id, name, key_id, secret_enc, event_url, collection_level, threshold_amount, threshold_currency,
       processor_kind, processor_api_key, processor_api_secret_enc, settlement_asset, checkout_language)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
		[
			shop.id,
			shop.name,
			shop.key_id,
			shop.secret_enc,
			shop.event_url,
			shop.collection_level,
			shop.threshold_amount,
			shop.threshold_currency,
			shop.processor_kind,
			shop.processor_api_key,
			shop.processor_api_secret_enc,
			shop.settlement_asset,
			shop.checkout_language,
		]
	);
}

export async function findShopByKeyId(
	db: Queryable,
	keyId: string
): Promise< ShopRow | null > {
	return (
		(
			await db.query< ShopRow >(
				'select * from shops where key_id = $1',
				[ keyId ]
			)
		)[ 0 ] ?? null
	);
}

export async function findShopById(
	db: Queryable,
	id: string
): Promise< ShopRow | null > {
	return (
		(
			await db.query< ShopRow >( 'select * from shops where id = $1', [
				id,
			] )
		)[ 0 ] ?? null
	);
}

export async function listShops( db: Queryable ): Promise< ShopRow[] > {
	return db.query< ShopRow >( 'select * from shops order by created_at' );
}

export type ShopChanges = Partial<
	Pick<
		ShopRow,
		| 'name'
		| 'event_url'
		| 'collection_level'
		| 'threshold_amount'
		| 'threshold_currency'
		| 'settlement_asset'
		| 'checkout_language'
		| 'seller'
		| 'invoice_prefix'
	>
>;

export async function updateShop(
	db: Queryable,
	id: string,
	changes: ShopChanges
): Promise< ShopRow | null > {
	const keys = Object.keys( changes ) as ( keyof ShopChanges )[];
	if ( ! keys.length ) return findShopById( db, id );
	const sets = keys.map( ( k, i ) => `${ k } = $${ i + 2 }` ).join( ', ' );
	const rows = await db.query< ShopRow >(
		`update shops set ${ sets }, updated_at = now() where id = $1 returning *`,
		[
			id,
			// The seller is a JSON column: sent as its text, as both drivers take it.
			...keys.map( ( k ) =>
				k === 'seller' && changes.seller
					? JSON.stringify( changes.seller )
					: changes[ k ]
			),
		]
	);
	return rows[ 0 ] ?? null;
}

export async function rotateShopSecret(
	db: Queryable,
	id: string,
	secretEnc: string,
	graceSeconds: number
): Promise< void > {
	await db.query(
		`update shops set previous_secret_enc = secret_enc, previous_secret_expires_at = now() + make_interval(secs => $3),
       secret_enc = $2, updated_at = now() where id = $1`,
		[ id, secretEnc, graceSeconds ]
	);
}

/** Keeps what the processor said it bills in. */
export async function setBillingCurrencies(
	db: Queryable,
	id: string,
	currencies: string[]
): Promise< ShopRow | null > {
	const rows = await db.query< ShopRow >(
		'update shops set billing_currencies = $2::text[], reference_checked_at = now() where id = $1 returning *',
		[ id, currencies ]
	);
	return rows[ 0 ] ?? null;
}

/** Shops whose processor reference lists were not fetched for `maxAgeSeconds`. */
export async function shopsWithStaleReference(
	db: Queryable,
	maxAgeSeconds: number
): Promise< ShopRow[] > {
	return db.query< ShopRow >(
		'select * from shops where reference_checked_at is null or reference_checked_at < now() - make_interval(secs => $1) order by reference_checked_at nulls first limit 20',
		[ maxAgeSeconds ]
	);
}

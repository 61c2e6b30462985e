import { processorFor, type BridgeContext } from '../../context';
import {
	setBillingCurrencies,
	shopsWithStaleReference,
	type ShopRow,
} from '../../store/shops';

/** How long the processor's currency list is trusted before it is fetched again. */
export const REFERENCE_MAX_AGE_S = 86_400;

/**
 * Fetches the currencies the processor bills in for this shop and keeps them, so a checkout in any
 * other currency is refused with a field message (and the shop can hide its payment method) instead
 * of failing at the processor. Fetched outside any shopper's request: at shop creation, at the shop's
 * "test connection", and daily. A failure keeps the last known list.
 */
export async function refreshBillingCurrencies(
	ctx: BridgeContext,
	shop: ShopRow
): Promise< ShopRow > {
	try {
		const currencies = (
			await processorFor( ctx, shop ).billingCurrencies()
		)
			.map( ( c ) => c.toUpperCase() )
			.sort();
		if ( currencies.length )
			return (
				( await setBillingCurrencies( ctx.db, shop.id, currencies ) ) ??
				shop
			);
	} catch ( err ) {
		ctx.log.warn(
			{ err, shop: shop.id },
			'could not fetch the processor billing currencies; keeping the last known list'
		);
	}
	return shop;
}

/** The daily refresh, a few shops per pass. */
export async function refreshStaleReferences(
	ctx: BridgeContext
): Promise< void > {
	for ( const shop of await shopsWithStaleReference(
		ctx.db,
		REFERENCE_MAX_AGE_S
	) )
		await refreshBillingCurrencies( ctx, shop );
}

/**
 * Checks a settlement asset and a checkout language against what the processor offers
 * (`GET /assets`, `GET /languages`) before a shop is saved with them.
 */
export async function checkSettlementOptions(
	ctx: BridgeContext,
	shop: Pick<
		ShopRow,
		'processor_kind' | 'processor_api_key' | 'processor_api_secret_enc'
	>,
	options: { settlementAsset?: string | null; checkoutLanguage?: string }
): Promise< void > {
	const processor = processorFor( ctx, shop as ShopRow );
	if ( options.settlementAsset ) {
		const assets = await processor.settlementAssets();
		if ( ! assets.includes( options.settlementAsset ) )
			throw new Error(
				`The processor offers no settlement asset "${ options.settlementAsset }". It offers: ${ assets.join( ', ' ) }.`
			);
	}
	if ( options.checkoutLanguage && options.checkoutLanguage !== 'auto' ) {
		const languages = await processor.checkoutLanguages();
		if ( ! languages.includes( options.checkoutLanguage ) )
			throw new Error(
				`The processor offers no checkout language "${ options.checkoutLanguage }". It offers: ${ languages.join( ', ' ) }.`
			);
	}
}

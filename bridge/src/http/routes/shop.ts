import express from 'express';
import { z } from 'zod';
import {
	invoicePrefixSchema,
	levelSchema,
	sellerSchema,
	thresholdSchema,
} from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import { ProcessorError } from '../../processors/whalestack/client';
import { refreshBillingCurrencies } from '../../domain/shops/processorReference';
import { thresholdOf, updateShop, type ShopRow } from '../../store/shops';
import { parseInput } from '../query';
import { shopOf } from '../shopAuth';

const settingsSchema = z
	.object( {
		name: z.string().trim().min( 1 ).max( 200 ).optional(),
		level: z.optional( levelSchema ),
		threshold: z.optional( z.nullable( thresholdSchema ) ),
		eventUrl: z
			.url( { protocol: /^https?$/ } )
			.nullable()
			.optional(),
		/** Who sells, as the shop's invoices print it. */
		seller: sellerSchema.nullable().optional(),
		invoicePrefix: invoicePrefixSchema.optional(),
	} )
	.strict();

/** What a shop may know about itself: never its secrets. */
function describe( shop: ShopRow ) {
	return {
		name: shop.name,
		keyId: shop.key_id,
		level: shop.collection_level,
		threshold: thresholdOf( shop ),
		eventUrl: shop.event_url,
		seller: shop.seller,
		invoicePrefix: shop.invoice_prefix,
		processor: {
			kind: shop.processor_kind,
			sandbox: shop.processor_kind === 'sandbox',
			settlementAsset: shop.settlement_asset,
			checkoutLanguage: shop.checkout_language,
			/** What the processor bills in (null until it has been asked): the shop offers crypto payments only in these. */
			billingCurrencies: shop.billing_currencies,
		},
	};
}

export function shopRoutes( ctx: BridgeContext ): express.Router {
	const router = express.Router();

	/** "Test connection": the signature got us here; now ask the processor whether the credentials work. */
	router.get( '/', async ( _req, res ) => {
		let shop = shopOf( res );
		let check: { ok: boolean; message: string };
		try {
			await processorFor( ctx, shop ).authTest();
			shop = await refreshBillingCurrencies( ctx, shop );
			check = {
				ok: true,
				message:
					shop.processor_kind === 'sandbox'
						? 'Connected to the embedded sandbox processor (test payments only).'
						: 'Connected to Whalestack.',
			};
		} catch ( error ) {
			check = {
				ok: false,
				message:
					error instanceof ProcessorError
						? error.message
						: 'The processor check failed.',
			};
		}
		res.json( { shop: describe( shop ), processorCheck: check } );
	} );

	router.patch( '/', async ( _req, res ) => {
		const input = parseInput( settingsSchema, res.locals.json );
		const updated = await updateShop( ctx.db, shopOf( res ).id, {
			...( input.name !== undefined ? { name: input.name } : {} ),
			...( input.level !== undefined
				? { collection_level: input.level }
				: {} ),
			...( input.eventUrl !== undefined
				? { event_url: input.eventUrl }
				: {} ),
			...( input.seller !== undefined ? { seller: input.seller } : {} ),
			...( input.invoicePrefix !== undefined
				? { invoice_prefix: input.invoicePrefix }
				: {} ),
			...( input.threshold !== undefined
				? {
						threshold_amount: input.threshold?.amount ?? null,
						threshold_currency: input.threshold?.currency ?? null,
					}
				: {} ),
		} );
		if ( input.eventUrl ) ctx.eventsQueued();
		res.json( { shop: describe( updated! ) } );
	} );

	return router;
}

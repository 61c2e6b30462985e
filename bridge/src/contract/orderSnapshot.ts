import { z } from 'zod';
import { levelSchema } from './levels';
import { missingOr } from './messages';
import { amountSchema, currencySchema, percentSchema } from './money';

const name = z
	.string( { error: missingOr( 'invalid' ) } )
	.trim()
	.min( 1, { error: 'required' } )
	.max( 200, { error: 'too_long' } );
const httpUrl = z
	.string( { error: missingOr( 'invalid_url' ) } )
	.trim()
	.max( 2000, { error: 'too_long' } )
	.refine( ( v ) => /^https?:\/\//i.test( v ) && URL.canParse( v ), {
		error: 'invalid_url',
	} );

/**
 * A shop order as the shop computed it (WooCommerce's numbers, not ours): what was bought at which
 * unit net price, the tax the shop charged on each line, coupons, shipping and fees with their tax,
 * and the total the shopper was shown. The bridge builds the processor's charge from it and refuses
 * it unless the charge adds up to that total exactly.
 */
export const orderSnapshotSchema = z.object( {
	orderId: z
		.string( { error: missingOr( 'invalid' ) } )
		.trim()
		.min( 1, { error: 'required' } )
		.max( 64, { error: 'too_long' } ),
	orderKey: z
		.string( { error: missingOr( 'invalid' ) } )
		.trim()
		.min( 1, { error: 'required' } )
		.max( 64, { error: 'too_long' } ),
	level: levelSchema,
	customer: z.record( z.string(), z.unknown() ).nullish(),
	/** The shopper is signed in to the shop with the billing email (see the checkout request). */
	shopperVerified: z.boolean( { error: 'invalid' } ).default( false ),
	currency: currencySchema,
	items: z
		.array(
			z.object( {
				name,
				quantity: z
					.number( { error: missingOr( 'invalid_quantity' ) } )
					.int( { error: 'invalid_quantity' } )
					.min( 1, { error: 'invalid_quantity' } ),
				/** The line's net before coupons (WooCommerce's line subtotal): a unit price is not always exact (10.00 for 3). */
				lineNet: amountSchema,
				/** The line's tax before coupons (WooCommerce's subtotal tax); coupons carry the tax they remove. */
				tax: amountSchema,
				productId: z.string().max( 100 ).optional(),
			} )
		)
		.min( 1, { error: 'required' } )
		.max( 500, { error: 'too_long' } ),
	coupons: z
		.array(
			z.object( {
				code: name,
				discount: amountSchema,
				discountTax: amountSchema,
			} )
		)
		.max( 50 )
		.default( [] ),
	shipping: z
		.array( z.object( { name, net: amountSchema, tax: amountSchema } ) )
		.max( 20 )
		.default( [] ),
	fees: z
		.array( z.object( { name, net: amountSchema, tax: amountSchema } ) )
		.max( 20 )
		.default( [] ),
	taxRates: z
		.array( z.object( { label: name, percent: percentSchema } ) )
		.max( 20 )
		.default( [] ),
	total: amountSchema,
	returnUrl: httpUrl,
	cancelUrl: httpUrl,
	locale: z
		.string()
		.trim()
		.regex( /^[a-z]{2}([-_][A-Za-z]{2})?$/, { error: 'invalid' } )
		.optional(),
} );
export type OrderSnapshot = z.infer< typeof orderSnapshotSchema >;

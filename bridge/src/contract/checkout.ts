import { z } from 'zod';
import { hasUnstorableCharacters, missingOr } from './messages';
import { levelSchema } from './levels';
import { currencyDecimals, isCurrencyCode } from './currencies';
import {
	amountSchema,
	currencySchema,
	decimalPlaces,
	percentSchema,
} from './money';

/** Text that can be stored: no NUL bytes or lone surrogates (the HTTP edge refuses them anywhere, too). */
export const storableText = () =>
	z
		.string( { error: missingOr( 'invalid' ) } )
		.refine( ( v ) => ! hasUnstorableCharacters( v ), {
			error: 'invalid_characters',
		} );
const description = storableText()
	.trim()
	.min( 1, { error: 'required' } )
	.max( 200, { error: 'too_long' } );
const httpUrl = z
	.string( { error: 'invalid_url' } )
	.trim()
	.max( 2000, { error: 'too_long' } )
	.refine( ( v ) => /^https?:\/\//i.test( v ) && URL.canParse( v ), {
		error: 'invalid_url',
	} );

export const lineItemSchema = z.object( {
	description,
	netAmount: amountSchema,
	quantity: z
		.number( { error: missingOr( 'invalid_quantity' ) } )
		.int( { error: 'invalid_quantity' } )
		.min( 1, { error: 'invalid_quantity' } )
		.max( 1_000_000, { error: 'invalid_quantity' } ),
	productId: z.string().trim().max( 100, { error: 'too_long' } ).optional(),
} );

export const discountItemSchema = z.object( {
	description,
	netAmount: amountSchema,
} );

export const shippingItemSchema = z.object( {
	description,
	netAmount: amountSchema,
	taxable: z.boolean( { error: missingOr( 'invalid' ) } ),
} );

export const taxItemSchema = z.object( {
	name: z
		.string( { error: missingOr( 'invalid' ) } )
		.trim()
		.min( 1, { error: 'required' } )
		.max( 100, { error: 'too_long' } ),
	percent: percentSchema,
} );

/**
 * What a shop sends to open a hosted checkout. The customer is checked separately, against the
 * effective level, once the threshold is known.
 */
export const checkoutRequestSchema = z
	.object( {
		level: levelSchema,
		customer: z.record( z.string(), z.unknown() ).nullish(),
		/**
		 * The shop vouches that the shopper is signed in with this email. Only then may the checkout change
		 * what the customer record already holds; otherwise it can only add to it.
		 */
		shopperVerified: z.boolean( { error: 'invalid' } ).default( false ),
		orderRef: z
			.string( { error: missingOr( 'invalid' ) } )
			.trim()
			.min( 1, { error: 'required' } )
			.max( 100, { error: 'too_long' } ),
		currency: currencySchema,
		lineItems: z
			.array( lineItemSchema )
			.min( 1, { error: 'required' } )
			.max( 500, { error: 'too_long' } ),
		discountItems: z
			.array( discountItemSchema )
			.max( 100, { error: 'too_long' } )
			.default( [] ),
		shippingItems: z
			.array( shippingItemSchema )
			.max( 20, { error: 'too_long' } )
			.default( [] ),
		taxItems: z
			.array( taxItemSchema )
			.max( 20, { error: 'too_long' } )
			.default( [] ),
		expectedTotal: amountSchema,
		returnUrl: httpUrl,
		cancelUrl: httpUrl,
		locale: z
			.string()
			.trim()
			.regex( /^[a-z]{2}([-_][A-Za-z]{2})?$/, { error: 'invalid' } )
			.optional(),
	} )
	.superRefine( ( request, ctx ) => {
		// Money follows its currency: no amount finer than the minor unit (USD 0.005), and something to pay.
		if ( ! isCurrencyCode( request.currency ) ) return;
		const dp = currencyDecimals( request.currency );
		const amounts: Array< [ ( string | number )[], string ] > = [
			...request.lineItems.map(
				( l, i ): [ ( string | number )[], string ] => [
					[ 'lineItems', i, 'netAmount' ],
					l.netAmount,
				]
			),
			...request.discountItems.map(
				( d, i ): [ ( string | number )[], string ] => [
					[ 'discountItems', i, 'netAmount' ],
					d.netAmount,
				]
			),
			...request.shippingItems.map(
				( s, i ): [ ( string | number )[], string ] => [
					[ 'shippingItems', i, 'netAmount' ],
					s.netAmount,
				]
			),
			[ [ 'expectedTotal' ], request.expectedTotal ],
		];
		for ( const [ path, amount ] of amounts )
			if ( decimalPlaces( amount ) > dp )
				ctx.addIssue( {
					code: 'custom',
					path,
					message: 'too_precise',
				} );
		if (
			decimalPlaces( request.expectedTotal ) <= dp &&
			Number( request.expectedTotal ) <= 0
		)
			ctx.addIssue( {
				code: 'custom',
				path: [ 'expectedTotal' ],
				message: 'not_positive',
			} );
	} );
export type CheckoutRequest = z.infer< typeof checkoutRequestSchema >;
export type CheckoutRequestInput = z.input< typeof checkoutRequestSchema >;

export const CHECKOUT_STATUSES = [
	'open',
	'underpaid',
	'completed',
	'underpaid_accepted',
	'refunded',
	'expired',
] as const;
export const checkoutStatusSchema = z.enum( CHECKOUT_STATUSES );

/** The statuses in which the merchant has the money: what counts as paid volume and "has paid". */
export const PAID_STATUSES = [
	'completed',
	'underpaid_accepted',
] as const satisfies readonly ( typeof CHECKOUT_STATUSES )[ number ][];
export type CheckoutStatus = z.infer< typeof checkoutStatusSchema >;

export const checkoutSchema = z.object( {
	id: z.string(),
	status: checkoutStatusSchema,
	level: levelSchema,
	orderRef: z.string(),
	currency: z.string(),
	total: z.string(),
	/** What the processor reports arrived (for an underpayment, less than the total); null until it says. */
	amountReceived: z.string().nullable(),
	customerId: z.string().nullable(),
	processorCheckoutId: z.string(),
	processor: z.enum( [ 'sandbox', 'whalestack' ] ),
	url: z.string(),
	createdAt: z.string(),
	updatedAt: z.string(),
} );
export type Checkout = z.infer< typeof checkoutSchema >;

/** A checkout in a list: with its customer's name and email (null for level none or after erasure). */
export const checkoutListItemSchema = checkoutSchema.extend( {
	customer: z
		.object( {
			id: z.string(),
			name: z.string().nullable(),
			email: z.string().nullable(),
		} )
		.nullable(),
} );
export type CheckoutListItem = z.infer< typeof checkoutListItemSchema >;

export const statusChangeSchema = z.object( {
	status: checkoutStatusSchema,
	source: z.string(),
	note: z.string().nullable(),
	at: z.string(),
} );
export type StatusChange = z.infer< typeof statusChangeSchema >;

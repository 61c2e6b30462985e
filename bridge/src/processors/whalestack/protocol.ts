import { z } from 'zod';

/**
 * The processor's wire shapes. Both the client and the embedded sandbox use these, so the sandbox
 * cannot drift from what the client sends. Field names are the processor's, not ours.
 */
export const processorCustomerSchema = z.object( {
	email: z.string().min( 1 ),
	firstname: z.string().optional(),
	lastname: z.string().optional(),
	company: z.string().optional(),
	adr1: z.string().optional(),
	adr2: z.string().optional(),
	zip: z.string().optional(),
	city: z.string().optional(),
	countrycode: z.string().length( 2 ).optional(),
	phonenumber: z.string().optional(),
	taxid: z.string().optional(),
	meta: z.record( z.string(), z.string() ).optional(),
} );
export type ProcessorCustomer = z.infer< typeof processorCustomerSchema >;

export const createCustomerBodySchema = z.object( {
	customer: processorCustomerSchema,
} );
export const updateCustomerBodySchema = z.object( {
	customer: processorCustomerSchema
		.partial()
		.extend( { id: z.string().min( 1 ) } ),
} );
export const deleteCustomerBodySchema = z.object( { id: z.string().min( 1 ) } );

const money = z.number().nonnegative().finite();

export const chargeSchema = z.object( {
	customerId: z.string().optional(),
	billingCurrency: z.string().min( 3 ).max( 5 ),
	lineItems: z
		.array(
			z.object( {
				description: z.string().min( 1 ).max( 200 ),
				netAmount: money,
				quantity: z.number().int().positive(),
				productId: z.string().optional(),
			} )
		)
		.min( 1 ),
	discountItems: z
		.array(
			z.object( {
				description: z.string().min( 1 ).max( 200 ),
				netAmount: money,
			} )
		)
		.optional(),
	shippingCostItems: z
		.array(
			z.object( {
				description: z.string().min( 1 ).max( 200 ),
				netAmount: money,
				taxable: z.boolean(),
			} )
		)
		.optional(),
	taxItems: z
		.array(
			z.object( {
				name: z.string().min( 1 ),
				percent: z.number().min( 0 ).max( 1 ),
			} )
		)
		.optional(),
} );
export type Charge = z.infer< typeof chargeSchema >;

export const hostedCheckoutBodySchema = z.object( {
	charge: chargeSchema,
	settlementAsset: z.string().optional(),
	checkoutLanguage: z.string().optional(),
	webhook: z.string().url().optional(),
	pageSettings: z
		.object( {
			returnUrl: z.string().url().optional(),
			cancelUrl: z.string().url().optional(),
			shopName: z.string().optional(),
		} )
		.optional(),
	meta: z.record( z.string(), z.string() ).optional(),
} );
export type HostedCheckoutBody = z.infer< typeof hostedCheckoutBodySchema >;

export const hostedCheckoutResponseSchema = z.object( {
	id: z.string().min( 1 ),
	url: z.string().url(),
} );
export const customerResponseSchema = z.object( {
	customerId: z.string().min( 1 ),
} );

/**
 * `GET /checkout` — read tolerantly: the state is whatever word the processor uses (its vocabulary
 * changed over the years; `vocabulary.ts` maps every known one), plus what arrived, if it says.
 */
export const checkoutStateResponseSchema = z.object( {
	checkout: z
		.object( {
			id: z.string(),
			state: z.string().min( 1 ).max( 64 ),
			settlementAmountReceived: z
				.union( [ z.string(), z.number() ] )
				.nullish(),
		} )
		.passthrough(),
} );

export const errorResponseSchema = z.object( {
	errors: z.array( z.string() ),
} );

import { z } from 'zod';

/** Who sells: set per shop (the plugin's settings), printed on every invoice it issues. */
export const sellerSchema = z.object( {
	name: z.string().trim().min( 1, { error: 'required' } ).max( 200 ),
	/** Street, postcode and city, country: as many lines as the address needs. */
	address: z.string().trim().min( 1, { error: 'required' } ).max( 1000 ),
	taxId: z.string().trim().max( 50 ).nullish(),
	email: z.email( { error: 'invalid_email' } ).max( 254 ).nullish(),
} );
export type Seller = z.infer< typeof sellerSchema >;

/** A document's number prefix: letters, digits and separators ("INV-", "2026/"). */
export const invoicePrefixSchema = z
	.string()
	.trim()
	.max( 20, { error: 'too_long' } )
	.regex( /^[A-Za-z0-9._/-]*$/, { error: 'invalid' } );

export const INVOICE_KINDS = [ 'invoice', 'credit_note' ] as const;
export const INVOICE_LANGUAGES = [ 'en', 'de' ] as const;
export type InvoiceLanguage = ( typeof INVOICE_LANGUAGES )[ number ];

const money = z.string();

/**
 * An invoice or credit note as issued: everything printed on it, kept as it was that day (a later
 * change to the shop, the customer or an erasure does not change an issued document). Amounts are
 * exact decimals in the billing currency; a credit note's are negative.
 */
export const invoiceDocumentSchema = z.object( {
	kind: z.enum( INVOICE_KINDS ),
	number: z.string(),
	sequence: z.number().int(),
	issuedAt: z.string(),
	language: z.enum( INVOICE_LANGUAGES ),
	/** A credit note names the invoice it corrects. */
	corrects: z
		.object( { number: z.string(), issuedAt: z.string() } )
		.nullable(),
	seller: sellerSchema.extend( { name: z.string() } ),
	/** Null at level `none`: a receipt without a buyer. */
	buyer: z
		.object( {
			name: z.string(),
			company: z.string().nullable(),
			addressLines: z.array( z.string() ),
			countryCode: z.string().nullable(),
			taxId: z.string().nullable(),
			email: z.string().nullable(),
		} )
		.nullable(),
	orderRef: z.string(),
	currency: z.string(),
	lines: z.array(
		z.object( {
			description: z.string(),
			quantity: z.number().int(),
			unitNet: money,
			net: money,
		} )
	),
	discounts: z.array( z.object( { description: z.string(), net: money } ) ),
	shipping: z.array(
		z.object( {
			description: z.string(),
			net: money,
			taxable: z.boolean(),
		} )
	),
	taxes: z.array(
		z.object( {
			name: z.string(),
			percent: z.string(),
			base: money,
			amount: money,
		} )
	),
	totals: z.object( {
		subtotal: money,
		discount: money,
		shipping: money,
		tax: money,
		total: money,
	} ),
	payment: z.object( {
		processorCheckoutId: z.string(),
		status: z.string(),
		paidAt: z.string(),
		/** What arrived, in the billing currency (an accepted underpayment: less than the total). */
		received: money,
		/** The asset the shop settles in, when it chose one. */
		settlementAsset: z.string().nullable(),
	} ),
} );
export type InvoiceDocument = z.infer< typeof invoiceDocumentSchema >;

export const invoiceSchema = z.object( {
	id: z.string(),
	checkoutId: z.string(),
	kind: z.enum( INVOICE_KINDS ),
	number: z.string(),
	sequence: z.number().int(),
	issuedAt: z.string(),
	currency: z.string(),
	total: money,
	buyerName: z.string().nullable(),
} );
export type Invoice = z.infer< typeof invoiceSchema >;

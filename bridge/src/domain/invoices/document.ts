import Big from 'big.js';
import {
	computeTotals,
	currencyDecimals,
	type InvoiceDocument,
	type InvoiceLanguage,
	type Seller,
} from '../../contract';
import type { InvoiceSource } from '../../store/invoices';

/** The language of a checkout's documents: the checkout's own (German or English). */
export function languageOf( source: InvoiceSource ): InvoiceLanguage {
	const locale =
		source.lines?.locale ?? source.charge.checkoutLanguage ?? 'en';
	return locale.toLowerCase().startsWith( 'de' ) ? 'de' : 'en';
}

/** The items as the shop sent them; for a checkout made before invoices, as the processor was sent them. */
function itemsOf(
	source: InvoiceSource
): NonNullable< InvoiceSource[ 'lines' ] > {
	if ( source.lines ) return source.lines;
	const charge = source.charge.charge ?? {};
	return {
		lineItems: ( charge.lineItems ?? [] ).map( ( l ) => ( {
			description: l.description,
			netAmount: String( l.netAmount ),
			quantity: l.quantity ?? 1,
		} ) ),
		discountItems: ( charge.discountItems ?? [] ).map( ( d ) => ( {
			description: d.description,
			netAmount: String( d.netAmount ),
		} ) ),
		shippingItems: ( charge.shippingCostItems ?? [] ).map( ( s ) => ( {
			description: s.description,
			netAmount: String( s.netAmount ),
			taxable: s.taxable ?? false,
		} ) ),
		taxItems: ( charge.taxItems ?? [] ).map( ( t ) => ( {
			name: t.name,
			percent: String( t.percent ),
		} ) ),
	};
}

/** The buyer as the checkout was given them, at its level; none at level `none` (a receipt). */
function buyerOf( source: InvoiceSource ): InvoiceDocument[ 'buyer' ] {
	const b = source.billing;
	if ( ! b || source.level === 'none' ) return null;
	const place = [ b.postalCode, b.city ].filter( Boolean ).join( ' ' );
	return {
		name: [ b.firstName, b.lastName ].filter( Boolean ).join( ' ' ),
		company: b.company || null,
		addressLines: [ b.addressLine1, b.addressLine2, place ].filter(
			( line ): line is string => Boolean( line )
		),
		countryCode: b.countryCode || null,
		taxId: b.taxId || null,
		email: b.email || null,
	};
}

/**
 * An invoice for a paid checkout, or the credit note that reverses it: every line, discount, shipping
 * cost and tax rate, with the totals the contract computes (the ones the checkout was validated with,
 * so they reconcile to the cent), the seller and buyer as they are today, and the payment.
 */
export function buildDocument( input: {
	kind: InvoiceDocument[ 'kind' ];
	sequence: number;
	prefix: string;
	issuedAt: string;
	seller: Seller;
	source: InvoiceSource;
	settlementAsset: string | null;
	corrects: InvoiceDocument | null;
} ): InvoiceDocument {
	const { source } = input;
	const items = itemsOf( source );
	const dp = currencyDecimals( source.currency );
	const totals = computeTotals( { currency: source.currency, ...items } );
	// A credit note carries the invoice's amounts, negated.
	const sign = input.kind === 'credit_note' ? -1 : 1;
	const amount = ( value: string, places?: number ) => {
		const signed = new Big( value ).times( sign );
		return places === undefined
			? signed.toFixed()
			: signed.toFixed( places );
	};
	return {
		kind: input.kind,
		number: `${ input.prefix }${ input.sequence }`,
		sequence: input.sequence,
		issuedAt: input.issuedAt,
		language: input.corrects?.language ?? languageOf( source ),
		corrects: input.corrects
			? {
					number: input.corrects.number,
					issuedAt: input.corrects.issuedAt,
				}
			: null,
		seller: {
			name: input.seller.name,
			address: input.seller.address,
			taxId: input.seller.taxId ?? null,
			email: input.seller.email ?? null,
		},
		buyer: input.corrects ? input.corrects.buyer : buyerOf( source ),
		orderRef: source.orderRef,
		currency: source.currency,
		lines: items.lineItems.map( ( l ) => ( {
			description: l.description,
			quantity: l.quantity,
			unitNet: amount( l.netAmount ),
			net: amount( new Big( l.netAmount ).times( l.quantity ).toFixed() ),
		} ) ),
		discounts: items.discountItems.map( ( d ) => ( {
			description: d.description,
			net: amount( d.netAmount ),
		} ) ),
		shipping: items.shippingItems.map( ( s ) => ( {
			description: s.description,
			net: amount( s.netAmount ),
			taxable: s.taxable,
		} ) ),
		taxes: items.taxItems.map( ( t, i ) => ( {
			name: t.name,
			percent: t.percent,
			base: amount( totals.taxes[ i ]!.base ),
			amount: amount( totals.taxes[ i ]!.amount, dp ),
		} ) ),
		totals: {
			subtotal: amount( totals.subtotal ),
			discount: amount( totals.discount ),
			shipping: amount( totals.shipping ),
			tax: amount( totals.tax, dp ),
			total: amount( totals.total, dp ),
		},
		payment: {
			processorCheckoutId: source.processorCheckoutId,
			status: source.status,
			paidAt: input.corrects?.payment.paidAt ?? input.issuedAt,
			received: amount( source.amountReceived ?? source.total, dp ),
			settlementAsset: input.settlementAsset,
		},
	};
}

import Big from 'big.js';
import { currencyDecimals } from './currencies';

export interface TotalsInput {
	currency: string;
	lineItems: ReadonlyArray< { netAmount: string; quantity: number } >;
	discountItems: ReadonlyArray< { netAmount: string } >;
	shippingItems: ReadonlyArray< { netAmount: string; taxable: boolean } >;
	taxItems: ReadonlyArray< { percent: string } >;
}

/** One tax rate as an invoice shows it: what it applies to and what it comes to. */
export interface TaxLine {
	percent: string;
	base: string;
	amount: string;
}

export interface Totals {
	subtotal: string;
	discount: string;
	shipping: string;
	tax: string;
	total: string;
	/** Per rate, in the order given; their amounts add up to `tax`. */
	taxes: TaxLine[];
}

const HALF_UP = 1;

/**
 * How a charge adds up, in exact decimals: items × quantities, less discounts (never below zero),
 * plus shipping; each tax rate applies to the discounted items plus taxable shipping and is rounded
 * to the currency's minor unit on its own, as an invoice line would be.
 */
export function computeTotals( input: TotalsInput ): Totals {
	const dp = currencyDecimals( input.currency );
	const sum = ( values: Big[] ) =>
		values.reduce( ( a, b ) => a.plus( b ), new Big( 0 ) );
	const subtotal = sum(
		input.lineItems.map( ( i ) =>
			new Big( i.netAmount ).times( i.quantity )
		)
	);
	const discount = sum(
		input.discountItems.map( ( d ) => new Big( d.netAmount ) )
	);
	const goods = subtotal.minus( discount ).lt( 0 )
		? new Big( 0 )
		: subtotal.minus( discount );
	const shipping = sum(
		input.shippingItems.map( ( s ) => new Big( s.netAmount ) )
	);
	const taxableShipping = sum(
		input.shippingItems
			.filter( ( s ) => s.taxable )
			.map( ( s ) => new Big( s.netAmount ) )
	);
	const taxBase = goods.plus( taxableShipping );
	const taxes = input.taxItems.map( ( t ) =>
		taxBase.times( t.percent ).round( dp, HALF_UP )
	);
	const tax = sum( taxes );
	const total = goods.plus( shipping ).plus( tax ).round( dp, HALF_UP );
	return {
		subtotal: subtotal.toFixed(),
		discount: discount.toFixed(),
		shipping: shipping.toFixed(),
		tax: tax.toFixed(),
		total: total.toFixed( dp ),
		taxes: input.taxItems.map( ( t, i ) => ( {
			percent: t.percent,
			base: taxBase.toFixed(),
			amount: taxes[ i ]!.toFixed( dp ),
		} ) ),
	};
}

/** Two amounts are the same money when equal as decimals ("19.9" and "19.90"). */
export function sameAmount( a: string, b: string ): boolean {
	return new Big( a ).eq( b );
}

import Big from 'big.js';
import type { ReadCharge } from './charge';
import { BILLING_CURRENCIES } from './reference';

/** A charge line by line, in exact decimals, as the processor adds it up. */
export interface ChargeBreakdown {
	currency: string;
	/** The minor-unit digits the processor rounds taxes and the total to. */
	decimals: number;
	items: Array< {
		description: string;
		quantity: number;
		unit: Big;
		amount: Big;
	} >;
	/** Each discount as the (positive) amount it takes off. */
	discounts: Array< { description: string; amount: Big } >;
	shipping: Array< { description: string; amount: Big; taxable: boolean } >;
	taxes: Array< { name: string; percent: Big; amount: Big } >;
	/** The total by the processor's arithmetic, before any vintage's own rounding difference. */
	total: Big;
}

const sum = ( values: Big[] ) =>
	values.reduce( ( a, b ) => a.plus( b ), new Big( 0 ) );

/**
 * Items less discounts (never below zero), plus shipping, plus each tax rate on the discounted items and
 * taxable shipping — each tax rounded half-up to the currency's digits on its own, as an invoice line
 * is — and the total rounded the same way. One computation for the API's total and the page's lines,
 * so the page can never show lines that add up to something the processor did not charge.
 */
export function breakdownOf( charge: ReadCharge ): ChargeBreakdown {
	const decimals = BILLING_CURRENCIES[ charge.currency ]?.decimals ?? 2;
	const items = charge.lines.map( ( l ) => ( {
		description: l.description,
		quantity: l.quantity,
		unit: l.net,
		amount: l.net.times( l.quantity ),
	} ) );
	const discounts = charge.discounts.map( ( d ) => ( {
		description: d.description,
		amount: d.net,
	} ) );
	const shipping = charge.shipping.map( ( s ) => ( {
		description: s.description,
		amount: s.net,
		taxable: s.taxable,
	} ) );
	const undiscounted = sum( items.map( ( i ) => i.amount ) ).minus(
		sum( discounts.map( ( d ) => d.amount ) )
	);
	const goods = undiscounted.lt( 0 ) ? new Big( 0 ) : undiscounted;
	const taxBase = goods.plus(
		sum( shipping.filter( ( s ) => s.taxable ).map( ( s ) => s.amount ) )
	);
	const taxes = charge.taxes.map( ( t ) => ( {
		name: t.name,
		percent: t.percent,
		amount: taxBase.times( t.percent ).round( decimals, Big.roundHalfUp ),
	} ) );
	const total = goods
		.plus( sum( shipping.map( ( s ) => s.amount ) ) )
		.plus( sum( taxes.map( ( t ) => t.amount ) ) )
		.round( decimals, Big.roundHalfUp );
	return {
		currency: charge.currency,
		decimals,
		items,
		discounts,
		shipping,
		taxes,
		total,
	};
}

/**
 * What the lines leave unexplained in the total charged: a discount larger than the items (the processor
 * stops at zero), sub-cent amounts rounded away, or a vintage that rounds a cent differently. Zero for
 * almost every charge; the page shows it as a line of its own so the lines always add up.
 */
export function adjustmentTo( breakdown: ChargeBreakdown, charged: Big ): Big {
	const lines = sum( [
		...breakdown.items.map( ( i ) => i.amount ),
		...breakdown.discounts.map( ( d ) => d.amount.neg() ),
		...breakdown.shipping.map( ( s ) => s.amount ),
		...breakdown.taxes.map( ( t ) => t.amount ),
	] );
	return charged.minus( lines );
}

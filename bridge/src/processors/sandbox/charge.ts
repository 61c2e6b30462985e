import Big from 'big.js';
import { breakdownOf } from './breakdown';
import { BILLING_CURRENCIES } from './reference';

/**
 * A charge as the processor reads it: tolerant of what its official clients send (`null` in optional
 * fields, amounts as numbers or numeric strings, line items without `quantity`, the pre-2022 name
 * `currency`), strict about what makes a charge meaningless. Written apart from the bridge, with its
 * own arithmetic, so a test that passes against it says something about the real processor.
 */
export interface ReadCharge {
	customerId: string | null;
	currency: string;
	lines: Array< {
		description: string;
		net: Big;
		quantity: number;
		productId: string | null;
	} >;
	discounts: Array< { description: string; net: Big } >;
	shipping: Array< { description: string; net: Big; taxable: boolean } >;
	taxes: Array< { name: string; percent: Big } >;
}

type Json = Record< string, unknown >;
const list = ( v: unknown ): Json[] =>
	Array.isArray( v )
		? v.filter( ( x ): x is Json => !! x && typeof x === 'object' )
		: [];
function text( v: unknown ): string | null {
	if ( typeof v === 'string' ) return v;
	return typeof v === 'number' ? String( v ) : null;
}

function money( v: unknown, where: string, errors: string[] ): Big {
	const raw = ( text( v ) ?? '' ).trim();
	if ( ! /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test( raw ) ) {
		errors.push( `${ where } must be a number.` );
		return new Big( 0 );
	}
	const value = new Big( raw );
	if ( value.lt( 0 ) ) errors.push( `${ where } must not be negative.` );
	return value;
}

export function readCharge( input: unknown ): {
	charge: ReadCharge | null;
	errors: string[];
} {
	const errors: string[] = [];
	const c = input && typeof input === 'object' ? ( input as Json ) : null;
	if ( ! c ) return { charge: null, errors: [ 'charge is required.' ] };
	const currency = (
		text( c.billingCurrency ) ??
		text( c.currency ) ??
		''
	).toUpperCase();
	if ( ! BILLING_CURRENCIES[ currency ] )
		errors.push(
			`billingCurrency ${ currency || '(none)' } is not supported.`
		);
	const lines = list( c.lineItems ).map( ( l, i ) => {
		const description = text( l.description ) ?? '';
		if ( ! description )
			errors.push( `lineItems[${ i }].description is required.` );
		if ( description.length > 200 )
			errors.push(
				`lineItems[${ i }].description is longer than 200 characters.`
			);
		const quantity =
			l.quantity === undefined || l.quantity === null
				? 1
				: Number( l.quantity );
		if ( ! Number.isInteger( quantity ) || quantity < 1 )
			errors.push(
				`lineItems[${ i }].quantity must be a whole number of at least 1.`
			);
		return {
			description,
			net: money( l.netAmount, `lineItems[${ i }].netAmount`, errors ),
			quantity,
			productId: text( l.productId ),
		};
	} );
	const discounts = list( c.discountItems ).map( ( d, i ) => ( {
		description: text( d.description ) ?? '',
		net: money( d.netAmount, `discountItems[${ i }].netAmount`, errors ),
	} ) );
	const shipping = list( c.shippingCostItems ).map( ( s, i ) => ( {
		description: text( s.description ) ?? '',
		net: money(
			s.netAmount,
			`shippingCostItems[${ i }].netAmount`,
			errors
		),
		taxable: s.taxable === true || s.taxable === 'true' || s.taxable === 1,
	} ) );
	const taxes = list( c.taxItems ).map( ( t, i ) => {
		const percent = money( t.percent, `taxItems[${ i }].percent`, errors );
		if ( percent.gt( 1 ) )
			errors.push(
				`taxItems[${ i }].percent is a fraction between 0 and 1.`
			);
		return { name: text( t.name ) ?? '', percent };
	} );
	const customerId = text( c.customerId );
	return {
		charge: errors.length
			? null
			: {
					customerId: customerId || null,
					currency,
					lines,
					discounts,
					shipping,
					taxes,
				},
		errors,
	};
}

/**
 * The processor's total (see `breakdownOf` for its arithmetic), and then the vintage's own rounding
 * difference, if it has one.
 */
export function totalOf(
	charge: ReadCharge,
	roundingDifferenceCents = 0
): { total: string; decimals: number } {
	const { total, decimals } = breakdownOf( charge );
	const charged =
		roundingDifferenceCents && charge.taxes.length
			? total.plus(
					new Big( roundingDifferenceCents ).div(
						10 ** Math.min( decimals, 2 )
					)
				)
			: total;
	return { total: charged.toFixed( decimals ), decimals };
}

import Big from 'big.js';
import {
	computeTotals,
	currencyDecimals,
	decimalPlaces,
	FIELD_MESSAGES,
	sameAmount,
	type CheckoutRequest,
	type OrderSnapshot,
} from '../../contract';
import { AppError } from '../errors';

const sum = ( values: string[] ) =>
	values.reduce( ( a, v ) => a.plus( v ), new Big( 0 ) );

/**
 * Turns a shop's order into our checkout request, so the charge the processor shows matches the
 * order to the cent:
 * - items at their unit net price and quantity (or as one line when the unit price is not exact);
 *   coupons as discounts; shipping and fees as costs;
 * - tax as the processor's percentage items when one rate, applied the processor's way, gives
 *   exactly the tax the shop charged; otherwise (several rates, per-line rounding, tax on shipping)
 *   as explicit tax lines carrying the shop's own amounts, which cannot drift.
 * Refuses (422) an order whose own numbers do not add up to its total.
 */
export function chargeFromOrder( order: OrderSnapshot ): CheckoutRequest {
	const dp = currencyDecimals( order.currency );
	const tax = sum( [
		...order.items.map( ( i ) => i.tax ),
		...order.shipping.map( ( s ) => s.tax ),
		...order.fees.map( ( f ) => f.tax ),
	] ).minus( sum( order.coupons.map( ( c ) => c.discountTax ) ) );
	const expected = sum( [
		...order.items.map( ( i ) => i.lineNet ),
		...order.shipping.map( ( s ) => s.net ),
		...order.fees.map( ( f ) => f.net ),
	] )
		.minus( sum( order.coupons.map( ( c ) => c.discount ) ) )
		.plus( tax )
		.round( dp, 1 );
	if ( ! expected.eq( order.total ) ) {
		throw new AppError(
			'totals_mismatch',
			`The order's lines add up to ${ expected.toFixed( dp ) } ${ order.currency }, not its total ${ order.total }.`,
			{
				details: {
					expectedTotal: order.total,
					computedTotal: expected.toFixed( dp ),
				},
			}
		);
	}

	if ( new Big( order.total ).lte( 0 ) ) {
		throw new AppError(
			'validation_failed',
			'There is nothing to pay for this order.',
			{
				fields: {
					total: {
						code: 'not_positive',
						message: FIELD_MESSAGES.not_positive,
					},
				},
			}
		);
	}

	const base: Omit< CheckoutRequest, 'taxItems' | 'lineItems' > & {
		lineItems: CheckoutRequest[ 'lineItems' ];
	} = {
		level: order.level,
		customer: order.customer ?? undefined,
		shopperVerified: order.shopperVerified,
		orderRef: `wc-${ order.orderId }`,
		currency: order.currency,
		lineItems: [
			...order.items.map( ( i ) => ( {
				...lineOf( i, dp ),
				...( i.productId ? { productId: i.productId } : {} ),
			} ) ),
			...order.fees.map( ( f ) => ( {
				description: f.name,
				netAmount: f.net,
				quantity: 1,
			} ) ),
		],
		discountItems: order.coupons.map( ( c ) => ( {
			description: `Coupon ${ c.code }`,
			netAmount: c.discount,
		} ) ),
		shippingItems: order.shipping.map( ( s ) => ( {
			description: s.name,
			netAmount: s.net,
			taxable: ! new Big( s.tax ).eq( 0 ),
		} ) ),
		expectedTotal: order.total,
		returnUrl: order.returnUrl,
		cancelUrl: order.cancelUrl,
		locale: order.locale,
	};

	// Amounts finer than the currency (prices entered with tax): the charge is one line carrying the
	// exact total, as the processor's own shop plugins do, so nothing is rounded differently.
	const exact = [
		...order.items.map( ( i ) => i.lineNet ),
		...order.shipping.map( ( x ) => x.net ),
		...order.fees.map( ( f ) => f.net ),
		...order.coupons.map( ( c ) => c.discount ),
		tax.toFixed(),
	];
	if ( exact.some( ( a ) => decimalPlaces( a ) > dp ) ) {
		return {
			...base,
			lineItems: [
				{
					description: `Order ${ order.orderId }`,
					netAmount: order.total,
					quantity: 1,
				},
			],
			discountItems: [],
			shippingItems: [],
			taxItems: [],
		};
	}

	const single = order.taxRates.length === 1 ? order.taxRates[ 0 ]! : null;
	if ( tax.eq( 0 ) ) return { ...base, taxItems: [] };
	if ( single ) {
		const asPercent = {
			...base,
			taxItems: [ { name: single.label, percent: single.percent } ],
		};
		if ( sameAmount( computeTotals( asPercent ).total, order.total ) )
			return asPercent;
	}
	// The shop's tax amounts, as they are: one line per rate label would need per-rate amounts the
	// snapshot does not carry, so the whole tax is one line named after the rates.
	const label = order.taxRates.length
		? order.taxRates.map( ( r ) => r.label ).join( ' + ' )
		: 'Tax';
	return {
		...base,
		shippingItems: base.shippingItems.map( ( s ) => ( {
			...s,
			taxable: false,
		} ) ),
		lineItems: [
			...base.lineItems,
			{ description: label, netAmount: tax.toFixed(), quantity: 1 },
		],
		taxItems: [],
	};
}

/** A line at its unit price when that is exact in the currency, else the whole line as one ("Mug × 3"). */
function lineOf(
	item: OrderSnapshot[ 'items' ][ number ],
	dp: number
): { description: string; netAmount: string; quantity: number } {
	const unit = new Big( item.lineNet ).div( item.quantity );
	if ( unit.round( dp, 0 ).times( item.quantity ).eq( item.lineNet ) )
		return {
			description: item.name,
			netAmount: unit.toFixed( dp ),
			quantity: item.quantity,
		};
	return {
		description: `${ item.name } × ${ item.quantity }`,
		netAmount: item.lineNet,
		quantity: 1,
	};
}

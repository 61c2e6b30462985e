import {
	computeTotals,
	orderSnapshotSchema,
	type OrderSnapshot,
} from '../../../bridge/src/contract';
import { chargeFromOrder } from '../../../bridge/src/domain/checkouts/orderCharge';

const order = ( over: Partial< OrderSnapshot > ): OrderSnapshot =>
	orderSnapshotSchema.parse( {
		orderId: '1042',
		orderKey: 'wc_order_abc',
		level: 'minimal',
		currency: 'EUR',
		items: [],
		total: '0',
		returnUrl: 'https://shop.example/thanks',
		cancelUrl: 'https://shop.example/cart',
		...over,
	} );

/** The property that matters: the processor's charge adds up to the shop's total, to the cent. */
function reconciles( o: OrderSnapshot ) {
	const request = chargeFromOrder( o );
	expect( computeTotals( request ).total ).toBe( o.total );
	return request;
}

describe( 'a charge built from a shop order', () => {
	it( "one rate that reproduces the shop's tax becomes the processor's percentage tax", () => {
		const r = reconciles(
			order( {
				items: [
					{ name: 'Mug', quantity: 2, lineNet: '20.00', tax: '3.80' },
				],
				taxRates: [ { label: 'VAT 19%', percent: '0.19' } ],
				total: '23.80',
			} )
		);
		expect( r.taxItems ).toEqual( [
			{ name: 'VAT 19%', percent: '0.19' },
		] );
		expect( r.lineItems ).toEqual( [
			{ description: 'Mug', netAmount: '10.00', quantity: 2 },
		] );
		expect( r.orderRef ).toBe( 'wc-1042' );
	} );

	it( 'coupons are discounts, with the tax they remove', () => {
		const r = reconciles(
			order( {
				items: [
					{ name: 'Mug', quantity: 2, lineNet: '20.00', tax: '3.80' },
				],
				coupons: [
					{ code: 'FIVE', discount: '5.00', discountTax: '0.95' },
				],
				taxRates: [ { label: 'VAT 19%', percent: '0.19' } ],
				total: '17.85',
			} )
		);
		expect( r.discountItems ).toEqual( [
			{ description: 'Coupon FIVE', netAmount: '5.00' },
		] );
		expect( r.taxItems ).toHaveLength( 1 );
	} );

	it( 'shipping with and without tax', () => {
		const taxed = reconciles(
			order( {
				items: [
					{
						name: 'Book',
						quantity: 1,
						lineNet: '10.00',
						tax: '1.90',
					},
				],
				shipping: [ { name: 'Parcel', net: '4.95', tax: '0.94' } ],
				taxRates: [ { label: 'VAT', percent: '0.19' } ],
				total: '17.79',
			} )
		);
		expect( taxed.shippingItems ).toEqual( [
			{ description: 'Parcel', netAmount: '4.95', taxable: true },
		] );
		const untaxed = reconciles(
			order( {
				items: [
					{
						name: 'Book',
						quantity: 1,
						lineNet: '10.00',
						tax: '1.90',
					},
				],
				shipping: [ { name: 'Letter', net: '1.50', tax: '0' } ],
				taxRates: [ { label: 'VAT', percent: '0.19' } ],
				total: '13.40',
			} )
		);
		expect( untaxed.shippingItems ).toEqual( [
			{ description: 'Letter', netAmount: '1.50', taxable: false },
		] );
	} );

	it( "per-line rounding the percentage cannot reproduce becomes an explicit tax line with the shop's amount", () => {
		// Three lines of 0.33 at 19 %: the shop rounds each line's tax (0.06 × 3 = 0.18); 19 % of 0.99 would be 0.19.
		const r = reconciles(
			order( {
				items: [ 'A', 'B', 'C' ].map( ( name ) => ( {
					name,
					quantity: 1,
					lineNet: '0.33',
					tax: '0.06',
				} ) ),
				taxRates: [ { label: 'VAT 19%', percent: '0.19' } ],
				total: '1.17',
			} )
		);
		expect( r.taxItems ).toEqual( [] );
		expect( r.lineItems.at( -1 ) ).toEqual( {
			description: 'VAT 19%',
			netAmount: '0.18',
			quantity: 1,
		} );
	} );

	it( "several rates become one tax line carrying the shop's total tax", () => {
		const r = reconciles(
			order( {
				items: [
					{
						name: 'Bread',
						quantity: 3,
						lineNet: '8.97',
						tax: '0.63',
					},
					{ name: 'Wine', quantity: 1, lineNet: '8.40', tax: '1.60' },
				],
				shipping: [ { name: 'Courier', net: '5.00', tax: '0.95' } ],
				fees: [ { name: 'Gift wrap', net: '1.00', tax: '0.19' } ],
				taxRates: [
					{ label: 'VAT 7%', percent: '0.07' },
					{ label: 'VAT 19%', percent: '0.19' },
				],
				total: '26.74',
			} )
		);
		expect( r.lineItems.at( -1 ) ).toEqual( {
			description: 'VAT 7% + VAT 19%',
			netAmount: '3.37',
			quantity: 1,
		} );
		expect( r.lineItems ).toContainEqual( {
			description: 'Gift wrap',
			netAmount: '1.00',
			quantity: 1,
		} );
		expect( r.shippingItems[ 0 ]!.taxable ).toBe( false );
	} );

	it( 'a line whose unit price is not exact in the currency becomes one line, still to the cent', () => {
		const r = reconciles(
			order( {
				items: [
					{
						name: 'Pens',
						quantity: 3,
						lineNet: '10.00',
						tax: '1.90',
					},
				],
				taxRates: [ { label: 'VAT 19%', percent: '0.19' } ],
				total: '11.90',
			} )
		);
		expect( r.lineItems ).toEqual( [
			{ description: 'Pens × 3', netAmount: '10.00', quantity: 1 },
		] );
	} );

	it( 'quantities, zero-decimal currencies and untaxed orders', () => {
		reconciles(
			order( {
				items: [
					{
						name: 'Tea',
						quantity: 3,
						lineNet: '59.97',
						tax: '11.39',
					},
				],
				taxRates: [ { label: 'VAT', percent: '0.19' } ],
				total: '71.36',
			} )
		);
		reconciles(
			order( {
				currency: 'JPY',
				items: [
					{
						name: 'Matcha',
						quantity: 1,
						lineNet: '1000',
						tax: '100',
					},
				],
				taxRates: [ { label: '消費税', percent: '0.1' } ],
				total: '1100',
			} )
		);
		expect(
			reconciles(
				order( {
					items: [
						{
							name: 'Gift card',
							quantity: 2,
							lineNet: '50.00',
							tax: '0',
						},
					],
					total: '50.00',
				} )
			).taxItems
		).toEqual( [] );
	} );

	it( 'refuses an order whose own lines do not add up to its total', () => {
		expect( () =>
			chargeFromOrder(
				order( {
					items: [
						{
							name: 'Mug',
							quantity: 2,
							lineNet: '20.00',
							tax: '3.80',
						},
					],
					total: '23.81',
				} )
			)
		).toThrow(
			expect.objectContaining( {
				code: 'totals_mismatch',
				message: expect.stringContaining(
					'23.80 EUR, not its total 23.81'
				),
			} )
		);
	} );
} );

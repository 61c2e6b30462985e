import {
	checkoutRequestSchema,
	computeTotals,
	currencyDecimals,
	customerSchemaFor,
	effectiveLevel,
	fieldErrorsFrom,
	isCurrencyCode,
	LEVEL_FIELDS,
	strictestLevel,
} from '../../../bridge/src/contract';
import { checkoutRequest } from '../support/fixtures';

describe( 'collection levels', () => {
	it( 'asks exactly the fields of the design, and requires its required set', () => {
		expect( LEVEL_FIELDS.none.asked ).toEqual( [] );
		expect( LEVEL_FIELDS.minimal.required ).toEqual( [
			'firstName',
			'lastName',
			'email',
		] );
		expect( [ ...LEVEL_FIELDS.compliant.required ].sort() ).toEqual( [
			'addressLine1',
			'city',
			'countryCode',
			'email',
			'firstName',
			'lastName',
			'postalCode',
		] );
		expect( LEVEL_FIELDS.compliant.asked ).toHaveLength( 11 );
	} );

	it( 'never lowers a level', () => {
		expect( strictestLevel( 'minimal', 'none' ) ).toBe( 'minimal' );
		expect( strictestLevel( 'none', 'compliant', 'minimal' ) ).toBe(
			'compliant'
		);
	} );

	it( 'minimal: all three required, with a code per field', () => {
		const result = customerSchemaFor( 'minimal' ).safeParse( {
			firstName: '  ',
			email: 'not-an-email',
		} );
		expect( result.success ).toBe( false );
		const fields = fieldErrorsFrom( result.error!, 'customer' );
		expect( fields[ 'customer.firstName' ]?.code ).toBe( 'required' );
		expect( fields[ 'customer.lastName' ]?.code ).toBe( 'required' );
		expect( fields[ 'customer.email' ]?.code ).toBe( 'invalid_email' );
		expect( fields[ 'customer.email' ]?.message ).toMatch( /valid email/ );
	} );

	it( 'minimal keeps only what minimal asks: an address sent anyway is dropped', () => {
		const result = customerSchemaFor( 'minimal' ).parse( {
			firstName: ' Ann ',
			lastName: 'Lee',
			email: ' ann@example.com ',
			city: 'Paris',
			phone: '+33 1',
		} );
		expect( result ).toEqual( {
			firstName: 'Ann',
			lastName: 'Lee',
			email: 'ann@example.com',
		} );
	} );

	it( 'compliant: normalises the country, accepts blank optional fields, refuses unknown countries', () => {
		const base = {
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
			addressLine1: 'x',
			postalCode: '1',
			city: 'c',
		};
		expect(
			customerSchemaFor( 'compliant' ).parse( {
				...base,
				countryCode: ' de ',
				addressLine2: '',
				company: '   ',
			} )
		).toEqual( { ...base, countryCode: 'DE' } );
		const bad = customerSchemaFor( 'compliant' ).safeParse( {
			...base,
			countryCode: 'XX',
		} );
		expect( fieldErrorsFrom( bad.error! ).countryCode?.code ).toBe(
			'invalid_country'
		);
		const missing = customerSchemaFor( 'compliant' ).safeParse( {
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
		} );
		expect(
			Object.keys( fieldErrorsFrom( missing.error! ) ).sort()
		).toEqual( [ 'addressLine1', 'city', 'countryCode', 'postalCode' ] );
	} );

	it( 'compliant: a postcode only where the country has postcodes', () => {
		const schema = customerSchemaFor( 'compliant' );
		const base = {
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
			addressLine1: 'Sheikh Zayed Road 1',
			city: 'Dubai',
		};
		for ( const countryCode of [ 'AE', 'hk', 'QA', 'JM' ] ) {
			expect( schema.safeParse( { ...base, countryCode } ).success ).toBe(
				true
			);
		}
		// Given anyway, it is kept.
		expect(
			schema.parse( { ...base, countryCode: 'AE', postalCode: '00000' } )
				.postalCode
		).toBe( '00000' );
		for ( const countryCode of [ 'DE', 'US', 'GB' ] ) {
			const result = schema.safeParse( {
				...base,
				countryCode,
				postalCode: '  ',
			} );
			expect( fieldErrorsFrom( result.error! ).postalCode?.code ).toBe(
				'required'
			);
		}
		// Named together with the other missing fields.
		const result = schema.safeParse( {
			...base,
			firstName: '',
			countryCode: 'FR',
		} );
		expect(
			Object.keys( fieldErrorsFrom( result.error! ) ).sort()
		).toEqual( [ 'firstName', 'postalCode' ] );
	} );

	it( 'refuses malformed phone numbers and over-long values', () => {
		const base = {
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
			addressLine1: 'x',
			postalCode: '1',
			city: 'c',
			countryCode: 'FR',
		};
		expect(
			fieldErrorsFrom(
				customerSchemaFor( 'compliant' ).safeParse( {
					...base,
					phone: 'call me',
				} ).error!
			).phone?.code
		).toBe( 'invalid_phone' );
		expect(
			fieldErrorsFrom(
				customerSchemaFor( 'minimal' ).safeParse( {
					...base,
					firstName: 'x'.repeat( 101 ),
				} ).error!
			).firstName?.code
		).toBe( 'too_long' );
	} );
} );

describe( 'compliance threshold', () => {
	const threshold = { amount: '1000.00', currency: 'EUR' };
	it( 'raises to compliant at or above the amount, not below', () => {
		expect( effectiveLevel( 'minimal', threshold, '999.99', 'EUR' ) ).toBe(
			'minimal'
		);
		expect( effectiveLevel( 'minimal', threshold, '1000', 'EUR' ) ).toBe(
			'compliant'
		);
		expect( effectiveLevel( 'none', threshold, '1000.01', 'EUR' ) ).toBe(
			'compliant'
		);
	} );
	it( 'treats a total in another currency as reaching it (no rate to compare with)', () => {
		expect( effectiveLevel( 'none', threshold, '1.00', 'USD' ) ).toBe(
			'compliant'
		);
	} );
	it( 'does nothing without a threshold', () => {
		expect( effectiveLevel( 'none', null, '1000000', 'EUR' ) ).toBe(
			'none'
		);
	} );
} );

describe( 'money', () => {
	const totals = (
		lineItems: Array< [ string, number ] >,
		extra: Partial< Parameters< typeof computeTotals >[ 0 ] > = {}
	) =>
		computeTotals( {
			currency: 'EUR',
			lineItems: lineItems.map( ( [ netAmount, quantity ] ) => ( {
				netAmount,
				quantity,
			} ) ),
			discountItems: [],
			shippingItems: [],
			taxItems: [],
			...extra,
		} );

	it( 'adds decimals exactly: 0.1 + 0.2 is 0.30', () => {
		expect(
			totals( [
				[ '0.1', 1 ],
				[ '0.2', 1 ],
			] ).total
		).toBe( '0.30' );
	} );

	it( 'multiplies exactly: 19.99 × 3 is 59.97', () => {
		expect( totals( [ [ '19.99', 3 ] ] ).total ).toBe( '59.97' );
	} );

	it( 'sums a thousand items of 0.01 to 10.00', () => {
		expect(
			totals(
				Array.from(
					{ length: 1000 },
					() => [ '0.01', 1 ] as [ string, number ]
				)
			).total
		).toBe( '10.00' );
	} );

	it( 'applies each tax rate to discounted goods plus taxable shipping, rounding each half-up', () => {
		const t = totals( [ [ '10.00', 1 ] ], {
			discountItems: [ { netAmount: '1.00' } ],
			shippingItems: [
				{ netAmount: '4.95', taxable: true },
				{ netAmount: '2.00', taxable: false },
			],
			taxItems: [ { percent: '0.19' }, { percent: '0.025' } ],
		} );
		// base 9.00 + 4.95 = 13.95; 19 % = 2.6505 → 2.65; 2.5 % = 0.34875 → 0.35
		expect( t ).toEqual( {
			subtotal: '10',
			discount: '1',
			shipping: '6.95',
			tax: '3',
			total: '18.95',
			// Per rate, as an invoice shows them; they add up to the tax.
			taxes: [
				{ percent: '0.19', base: '13.95', amount: '2.65' },
				{ percent: '0.025', base: '13.95', amount: '0.35' },
			],
		} );
	} );

	it( 'never discounts below zero', () => {
		expect(
			totals( [ [ '5.00', 1 ] ], {
				discountItems: [ { netAmount: '9.00' } ],
				shippingItems: [ { netAmount: '3.00', taxable: false } ],
			} ).total
		).toBe( '3.00' );
	} );

	it( 'rounds to the currency minor unit: JPY 0 digits, BTC 8', () => {
		expect( currencyDecimals( 'JPY' ) ).toBe( 0 );
		expect(
			computeTotals( {
				currency: 'JPY',
				lineItems: [ { netAmount: '100', quantity: 3 } ],
				discountItems: [],
				shippingItems: [],
				taxItems: [ { percent: '0.1' } ],
			} ).total
		).toBe( '330' );
		expect(
			computeTotals( {
				currency: 'BTC',
				lineItems: [ { netAmount: '0.00012345', quantity: 2 } ],
				discountItems: [],
				shippingItems: [],
				taxItems: [],
			} ).total
		).toBe( '0.00024690' );
	} );

	it( 'knows currency codes', () => {
		expect( isCurrencyCode( 'EUR' ) ).toBe( true );
		expect( isCurrencyCode( 'BTC' ) ).toBe( true );
		expect( isCurrencyCode( 'EURO' ) ).toBe( false );
		expect( isCurrencyCode( 'ZZZ' ) ).toBe( false );
	} );
} );

describe( 'checkout request', () => {
	it( 'accepts a valid request and upper-cases the currency', () => {
		const parsed = checkoutRequestSchema.parse(
			checkoutRequest( { currency: 'eur' } )
		);
		expect( parsed.currency ).toBe( 'EUR' );
		expect( parsed.discountItems ).toEqual( [] );
	} );

	it( 'refuses float amounts, long descriptions, bad quantities, bad URLs, with field paths', () => {
		const result = checkoutRequestSchema.safeParse(
			checkoutRequest( {
				lineItems: [
					{
						description: 'x'.repeat( 201 ),
						netAmount: 19.99 as unknown as string,
						quantity: 0,
					},
				],
				returnUrl: 'javascript:alert(1)',
				currency: 'EURO',
			} )
		);
		const fields = fieldErrorsFrom( result.error! );
		expect( fields[ 'lineItems.0.description' ]?.code ).toBe( 'too_long' );
		expect( fields[ 'lineItems.0.netAmount' ]?.code ).toBe(
			'invalid_amount'
		);
		expect( fields[ 'lineItems.0.quantity' ]?.code ).toBe(
			'invalid_quantity'
		);
		expect( fields.returnUrl?.code ).toBe( 'invalid_url' );
		expect( fields.currency?.code ).toBe( 'invalid_currency' );
	} );

	it( 'refuses amounts a JSON number cannot carry exactly', () => {
		const result = checkoutRequestSchema.safeParse(
			checkoutRequest( { expectedTotal: '1234567890.1234567' } )
		);
		expect( fieldErrorsFrom( result.error! ).expectedTotal?.code ).toBe(
			'invalid_amount'
		);
	} );
} );

describe( "the processor's own field limits", () => {
	it.each( [
		[ 'phone', '+49 30 123456789', '+49 301 2345 6789' ],
		[ 'addressLine1', 'x'.repeat( 32 ), 'x'.repeat( 33 ) ],
		[ 'postalCode', '123456789012', '1234567890123' ],
		[ 'firstName', 'Ł'.repeat( 32 ), 'Ł'.repeat( 33 ) ],
	] )(
		'%s: at the limit is fine, beyond it a field message',
		( field, fits, tooLong ) => {
			const schema = customerSchemaFor( 'compliant' );
			const base = {
				firstName: 'A',
				lastName: 'B',
				email: 'a@example.com',
				addressLine1: 'Street 1',
				postalCode: '10115',
				city: 'Berlin',
				countryCode: 'DE',
			};
			expect(
				schema.safeParse( { ...base, [ field ]: fits } ).success
			).toBe( true );
			const failed = schema.safeParse( { ...base, [ field ]: tooLong } );
			expect( failed.success ).toBe( false );
			expect( fieldErrorsFrom( failed.error! )[ field ]!.code ).toBe(
				field === 'phone' ? 'too_long' : 'too_long'
			);
		}
	);
} );

// Invoices and credit notes: issued when a checkout is paid (or its underpayment accepted) and when it
// is refunded, numbered per shop without gaps, reconciling with the checkout, readable as PDF text
// (Debian's pdftotext), in the checkout's language, and never another shop's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Big from 'big.js';
import { computeTotals } from '../../../bridge/src/contract';
import { aliceCompliant, checkoutRequest, idem } from '../support/fixtures';
import {
	eventually,
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;
let other: TestShop;

const seller = {
	name: 'Teehaus Øresund GmbH',
	address: 'Hafenstraße 1\n20457 Hamburg\nDeutschland',
	taxId: 'DE999999999',
	email: 'buchhaltung@teehaus.example',
};

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
	other = await t.addShop( { name: 'Kiosk ohne Angaben', level: 'none' } );
	const set = await shop.api( 'PATCH', '/v1/shop', {
		seller,
		invoicePrefix: 'TH-2026-',
	} );
	expect( set.status ).toBe( 200 );
	expect( set.body.shop.seller ).toEqual( seller );
} );
afterAll( () => t.close() );

async function payerChooses( url: string, action: string ) {
	const res = await fetch( `${ url }/${ action }`, {
		method: 'POST',
		redirect: 'manual',
	} );
	expect( res.status ).toBe( 303 );
}

async function paidCheckout(
	overrides: Parameters< typeof checkoutRequest >[ 0 ] = {},
	action = 'pay',
	api = shop.api
) {
	const res = await api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( overrides ),
		idem()
	);
	if ( res.status !== 201 ) throw new Error( JSON.stringify( res.body ) );
	await payerChooses( res.body.checkout.url, action );
	const id = res.body.checkout.id as string;
	await eventually(
		async () =>
			( await api( 'GET', `/v1/invoices?checkoutId=${ id }` ) ).body.items
				.length > 0
	);
	return {
		checkout: res.body.checkout,
		invoice: ( await api( 'GET', `/v1/invoices?checkoutId=${ id }` ) ).body
			.items[ 0 ],
	};
}

async function pdf( id: string, api = shop.api ): Promise< Buffer > {
	const res = await api( 'GET', `/v1/invoices/${ id }/pdf` );
	expect( res.status ).toBe( 200 );
	expect( res.headers.get( 'content-type' ) ).toBe( 'application/pdf' );
	return res.bytes;
}

/** The PDF's text as a real extractor reads it. */
async function pdfText( id: string, api = shop.api ): Promise< string > {
	const file = path.join(
		mkdtempSync( path.join( tmpdir(), 'ccb-pdf-' ) ),
		'invoice.pdf'
	);
	writeFileSync( file, await pdf( id, api ) );
	return execFileSync( 'pdftotext', [ '-layout', file, '-' ] ).toString();
}

const SHAPES: Record<
	string,
	Pick< Parameters< typeof computeTotals >[ 0 ], 'currency' > & {
		lineItems: {
			description: string;
			netAmount: string;
			quantity: number;
		}[];
		discountItems: { description: string; netAmount: string }[];
		shippingItems: {
			description: string;
			netAmount: string;
			taxable: boolean;
		}[];
		taxItems: { name: string; percent: string }[];
	}
> = {
	'coupon, taxed shipping, two rates': {
		currency: 'EUR',
		lineItems: [
			{ description: 'Sencha', netAmount: '12.50', quantity: 2 },
			{ description: 'Teekanne', netAmount: '39.90', quantity: 1 },
		],
		discountItems: [ { description: 'WELCOME10', netAmount: '6.49' } ],
		shippingItems: [
			{ description: 'DHL', netAmount: '4.90', taxable: true },
		],
		taxItems: [
			{ name: 'MwSt.', percent: '0.19' },
			{ name: 'Kirchensteuer-Test', percent: '0.07' },
		],
	},
	'untaxed shipping, no tax': {
		currency: 'USD',
		lineItems: [ { description: 'Mug', netAmount: '9.99', quantity: 3 } ],
		discountItems: [],
		shippingItems: [
			{ description: 'Post', netAmount: '5.00', taxable: false },
		],
		taxItems: [],
	},
	'zero-decimal currency': {
		currency: 'JPY',
		lineItems: [
			{ description: 'Matcha', netAmount: '1200', quantity: 3 },
		],
		discountItems: [],
		shippingItems: [],
		taxItems: [ { name: 'Consumption tax', percent: '0.1' } ],
	},
};

describe.each( Object.entries( SHAPES ) )( '%s', ( _name, shape ) => {
	it( 'the invoice reconciles with the checkout to the cent', async () => {
		const expectedTotal = computeTotals( shape ).total;
		const { checkout, invoice } = await paidCheckout( {
			...shape,
			customer: aliceCompliant,
			level: 'compliant',
			expectedTotal,
		} );
		const { body } = await shop.api(
			'GET',
			`/v1/invoices/${ invoice.id }`
		);
		const doc = body.document;
		expect( new Big( doc.totals.total ).eq( checkout.total ) ).toBe( true );
		const sum = ( values: string[] ) =>
			values.reduce( ( a, v ) => a.plus( v ), new Big( 0 ) );
		// Lines add up to the subtotal, taxes to the tax, and everything to the total.
		expect(
			sum( doc.lines.map( ( l: { net: string } ) => l.net ) ).eq(
				doc.totals.subtotal
			)
		).toBe( true );
		expect(
			sum( doc.taxes.map( ( x: { amount: string } ) => x.amount ) ).eq(
				doc.totals.tax
			)
		).toBe( true );
		expect(
			new Big( doc.totals.subtotal )
				.minus( doc.totals.discount )
				.plus( doc.totals.shipping )
				.plus( doc.totals.tax )
				.eq( doc.totals.total )
		).toBe( true );
		expect( doc.payment.processorCheckoutId ).toBe(
			checkout.processorCheckoutId
		);
	} );
} );

it( 'numbers the shop’s documents 1, 2, 3… with its prefix; another shop has its own series and cannot read these', async () => {
	const first = await paidCheckout();
	const second = await paidCheckout();
	expect( second.invoice.sequence ).toBe( first.invoice.sequence + 1 );
	expect( second.invoice.number ).toBe(
		`TH-2026-${ second.invoice.sequence }`
	);
	const list = await shop.api( 'GET', '/v1/invoices?limit=200' );
	const sequences = list.body.items
		.map( ( i: { sequence: number } ) => i.sequence )
		.sort( ( a: number, b: number ) => a - b );
	expect( sequences ).toEqual(
		Array.from( { length: sequences.length }, ( _, i ) => i + 1 )
	);
	expect(
		( await other.api( 'GET', `/v1/invoices/${ first.invoice.id }` ) )
			.status
	).toBe( 404 );
	// A customer's documents: the customer page lists them.
	const ofCustomer = await shop.api(
		'GET',
		`/v1/invoices?customerId=${ first.checkout.customerId }`
	);
	expect(
		ofCustomer.body.items.map( ( i: { id: string } ) => i.id )
	).toContain( first.invoice.id );
	expect(
		(
			await other.api(
				'GET',
				`/v1/invoices?customerId=${ first.checkout.customerId }`
			)
		).body.items
	).toEqual( [] );
	expect( ( await other.api( 'GET', '/v1/invoices' ) ).body.items ).toEqual(
		[]
	);
} );

it( 'the PDF shows the number, both parties, the lines and the totals, with European names; the same bytes every time', async () => {
	const { invoice } = await paidCheckout( {
		level: 'compliant',
		customer: {
			...aliceCompliant,
			firstName: 'Łukasz',
			lastName: 'Øster',
			company: 'Żółw & Søn',
		},
		lineItems: [
			{ description: 'Tea cup', netAmount: '19.99', quantity: 3 },
			{ description: 'Saucer', netAmount: '5.00', quantity: 1 },
		],
		taxItems: [ { name: 'VAT', percent: '0.19' } ],
		expectedTotal: '77.31',
	} );
	const text = await pdfText( invoice.id );
	for ( const shown of [
		'Invoice',
		invoice.number,
		'Teehaus Øresund GmbH',
		'Hafenstraße 1',
		'DE999999999',
		'Łukasz Øster',
		'Żółw & Søn',
		'Tea cup',
		'€19.99',
		'€59.97',
		'VAT 19%',
		'€12.34',
		'€77.31',
	] )
		expect( text ).toContain( shown );
	const bytes = await pdf( invoice.id );
	expect( bytes.equals( await pdf( invoice.id ) ) ).toBe( true );
	// Its first page as a picture, for the README (test-results/invoices/invoice.png).
	const dir = path.resolve( __dirname, '../../../test-results/invoices' );
	mkdirSync( dir, { recursive: true } );
	writeFileSync( path.join( dir, 'invoice.pdf' ), bytes );
	// One page for a short invoice (the page numbers must not start a second one).
	expect(
		execFileSync( 'pdfinfo', [
			path.join( dir, 'invoice.pdf' ),
		] ).toString()
	).toMatch( /^Pages:\s+1$/m );
	execFileSync( 'pdftoppm', [
		'-png',
		'-r',
		'80',
		'-singlefile',
		'-f',
		'1',
		path.join( dir, 'invoice.pdf' ),
		path.join( dir, 'invoice' ),
	] );
} );

it( 'in German when the checkout was; a receipt without a buyer at level none', async () => {
	const german = await paidCheckout( {
		locale: 'de',
		taxItems: [ { name: 'MwSt.', percent: '0.19' } ],
		expectedTotal: '77.31',
		lineItems: [
			{ description: 'Tasse', netAmount: '19.99', quantity: 3 },
			{ description: 'Untertasse', netAmount: '5.00', quantity: 1 },
		],
	} );
	const text = await pdfText( german.invoice.id );
	expect( text ).toContain( 'Rechnung' );
	expect( text ).toContain( '77,31 €' );
	expect( text ).toContain( 'MwSt. 19 %' );
	expect( text ).toContain( 'Rechnungsempfänger' );
	// A shop that asks nothing, and has not entered its seller details yet: its name stands alone.
	const anonymous = await paidCheckout(
		{ level: 'none', customer: undefined },
		'pay',
		other.api
	);
	expect( anonymous.invoice.buyerName ).toBeNull();
	const receipt = await pdfText( anonymous.invoice.id, other.api );
	expect( receipt ).toContain( 'Receipt' );
	expect( receipt ).not.toContain( 'Bill to' );
	expect( receipt ).toContain( 'Kiosk ohne Angaben' );
	expect( anonymous.invoice.number ).toBe( 'INV-1' );
} );

it( 'an underpayment is invoiced once accepted, with what arrived; its refund issues a credit note naming the invoice', async () => {
	const res = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest(),
		idem()
	);
	const checkout = res.body.checkout;
	const documents = async () =>
		( await shop.api( 'GET', `/v1/invoices?checkoutId=${ checkout.id }` ) )
			.body.items as Array< {
			id: string;
			kind: string;
			number: string;
			total: string;
		} >;
	const status = async () =>
		( await shop.api( 'GET', `/v1/checkouts/${ checkout.id }` ) ).body
			.checkout.status;
	await payerChooses( checkout.url, 'underpay' );
	await eventually( async () => ( await status() ) === 'underpaid' );
	expect( await documents() ).toEqual( [] );

	await payerChooses( checkout.url, 'accept-underpayment' );
	await eventually( async () => ( await documents() ).length === 1 );
	const [ invoice ] = await documents();
	const issued = ( await shop.api( 'GET', `/v1/invoices/${ invoice!.id }` ) )
		.body.document;
	expect( issued.totals.total ).toBe( '64.97' );
	expect( new Big( issued.payment.received ).lt( '64.97' ) ).toBe( true );

	await payerChooses( checkout.url, 'refund' );
	await eventually( async () => ( await documents() ).length === 2 );
	const credit = ( await documents() ).find(
		( d ) => d.kind === 'credit_note'
	)!;
	const note = ( await shop.api( 'GET', `/v1/invoices/${ credit.id }` ) ).body
		.document;
	expect( note.corrects.number ).toBe( invoice!.number );
	expect( note.totals.total ).toBe( '-64.97' );
	const text = await pdfText( credit.id );
	expect( text ).toContain( 'Credit note' );
	expect( text ).toContain( invoice!.number );
	expect( text ).toContain( '-€64.97' );
} );

it( 'lists the documents as CSV for the accountant', async () => {
	const res = await shop.api( 'GET', '/v1/invoices/export.csv' );
	expect( res.status ).toBe( 200 );
	const lines = ( res.body as string ).trimEnd().split( '\r\n' );
	expect( lines[ 0 ] ).toBe(
		'\uFEFFnumber,kind,issuedAt,currency,total,buyerName,checkoutId,id'
	);
	expect( lines.length ).toBeGreaterThan( 3 );
	expect( lines.some( ( l ) => l.includes( ',credit_note,' ) ) ).toBe( true );
} );

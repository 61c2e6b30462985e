// The sandbox's hosted page as a payer meets it after a shop opened a checkout through the bridge: in
// the checkout's language, every line of the charge with exact figures, a way back to the shop, clearly
// a sandbox, and nothing in the charge able to become markup.
import Big from 'big.js';
import { PAGE_COLORS } from '../../../bridge/src/processors/sandbox/pageStyle';
import type { CheckoutRequestInput } from '../../../bridge/src/contract';
import { checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop( { name: 'Tea & <Cakes> "Ltd"' } );
} );
afterAll( () => t.close() );

/** 19.99 × 3 + 5.00 − 4.97 = 60.00; shipping 4.90 (taxed); VAT 19 % and a levy of 2.5 % on 64.90. */
const FULL_CHARGE: Partial< CheckoutRequestInput > = {
	discountItems: [ { description: 'SPRING', netAmount: '4.97' } ],
	shippingItems: [
		{ description: 'Parcel', netAmount: '4.90', taxable: true },
	],
	taxItems: [
		{ name: 'VAT', percent: '0.19' },
		{ name: 'Eco levy', percent: '0.025' },
	],
	expectedTotal: '78.85',
	cancelUrl: 'https://shop.example/cart?order=7&key=a"b',
};

/** Opens a checkout through the bridge's API and fetches its hosted page. */
async function hostedPage(
	overrides: Partial< CheckoutRequestInput >,
	headers: Record< string, string > = {},
	via: TestShop = shop
) {
	const created = await via.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( overrides ),
		idem()
	);
	expect( created.status ).toBe( 201 );
	const res = await fetch( created.body.checkout.url, { headers } );
	expect( res.status ).toBe( 200 );
	return { html: await res.text(), headers: res.headers };
}

const decode = ( html: string ) =>
	html
		.replace( /<[^>]*>/g, '' )
		.replace( /&lt;/g, '<' )
		.replace( /&gt;/g, '>' )
		.replace( /&quot;/g, '"' )
		.replace( /&#39;/g, "'" )
		.replace( /&amp;/g, '&' );

/** The breakdown's rows: the kind of line, then each cell's text. */
function lines( html: string ): string[][] {
	return [ ...html.matchAll( /<tr data-line="([^"]+)">(.*?)<\/tr>/g ) ].map(
		( [ , kind, cells ] ) => [
			kind!,
			...[ ...cells!.matchAll( /<t[hd][^>]*>(.*?)<\/t[hd]>/g ) ].map(
				( [ , cell ] ) => decode( cell! )
			),
		]
	);
}

const hrefOf = ( html: string, text: string ) =>
	new RegExp(
		`<a [^>]*href="([^"]*)"[^>]*>(?:<[^>]*>[^<]*</[^>]*>)?${ text }</a>`
	).exec( html )?.[ 1 ];

const NBSP = '\u00a0';

describe( 'in English', () => {
	let html: string;
	beforeAll( async () => {
		( { html } = await hostedPage( { ...FULL_CHARGE, locale: 'en' } ) );
	} );

	it( 'is labelled, headed and worded in English, keeping the words scripts look for', () => {
		expect( html ).toContain( '<html lang="en">' );
		expect( html ).toContain(
			'<div class="banner" role="note">SANDBOX — a test checkout. No real payment is made and no money moves.</div>'
		);
		expect( html ).toContain( '<title>SANDBOX · Pay €78.85</title>' );
		expect( html ).toContain( '<h1>Pay €78.85</h1>' );
		expect( html ).toContain( '<h2 id="summary-heading">Your order</h2>' );
		expect( html ).toContain(
			'<p class="shop">Payment to Tea &amp; &lt;Cakes&gt; &quot;Ltd&quot;</p>'
		);
		expect( html ).toContain(
			'Charged as <strong data-testid="total">78.85 EUR</strong>'
		);
		expect( html ).toContain(
			'<p>Customer: Alice Liddell &lt;Alice@Example.com&gt;</p>'
		);
		expect( html ).toMatch(
			/State: <strong data-testid="state" data-state="open">open<\/strong>/
		);
		expect(
			[ ...html.matchAll( /<button [^>]*>([^<]*)<\/button>/g ) ].map(
				( m ) => m[ 1 ]
			)
		).toEqual( [ 'Pay in full', 'Underpay (send 90 %)', 'Let it expire' ] );
	} );

	it( 'shows every line of the charge with exact figures, adding up to the total', () => {
		expect( lines( html ) ).toEqual( [
			[ 'item', 'Tea cup', '3', '€19.99', '€59.97' ],
			[ 'item', 'Saucer', '1', '€5.00', '€5.00' ],
			[ 'discount', 'Discount: SPRING', '-€4.97' ],
			[ 'shipping', 'Shipping: Parcel', '€4.90' ],
			[ 'tax', 'VAT (19%)', '€12.33' ],
			[ 'tax', 'Eco levy (2.5%)', '€1.62' ],
			[ 'total', 'Total', '€78.85' ],
		] );
		const amount = ( row: string[] ) =>
			new Big( row.at( -1 )!.replace( /[€,]/g, '' ) );
		const rows = lines( html );
		const sum = rows
			.filter( ( [ kind ] ) => kind !== 'total' )
			.reduce( ( a, row ) => a.plus( amount( row ) ), new Big( 0 ) );
		expect( sum.eq( amount( rows.at( -1 )! ) ) ).toBe( true );
	} );

	it( 'is a table with column and row headers', () => {
		expect( html ).toContain(
			'<table aria-labelledby="summary-heading"><thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount</th></tr></thead>'
		);
		expect( html ).toContain( '<th scope="row">Tea cup</th>' );
		expect( html ).toContain( '<th scope="row" colspan="3">Total</th>' );
	} );

	it( 'leads back to the shop’s cancel URL, escaped', () => {
		expect( hrefOf( html, 'Back to the shop' ) ).toBe(
			'https://shop.example/cart?order=7&amp;key=a%22b'
		);
	} );
} );

describe( 'in German', () => {
	let html: string;
	let headers: Headers;
	beforeAll( async () => {
		( { html, headers } = await hostedPage( {
			...FULL_CHARGE,
			locale: 'de_DE',
		} ) );
	} );

	it( 'speaks German (formal), says it is a sandbox, and says so in its headers', () => {
		expect( headers.get( 'content-language' ) ).toBe( 'de' );
		expect( html ).toContain( '<html lang="de">' );
		expect( html ).toContain(
			'<div class="banner" role="note">SANDBOX — ein Test-Checkout. Es findet keine echte Zahlung statt, und es wird kein Geld bewegt.</div>'
		);
		expect( html ).toContain( `<h1>78,85${ NBSP }€ bezahlen</h1>` );
		expect( html ).toContain(
			'<p class="shop">Zahlung an Tea &amp; &lt;Cakes&gt; &quot;Ltd&quot;</p>'
		);
		expect( html ).toContain(
			'<h2 id="summary-heading">Ihre Bestellung</h2>'
		);
		expect( html ).toContain(
			'<h2 id="outcomes-heading">Wählen Sie ein Ergebnis</h2>'
		);
		expect( html ).toContain(
			'<p>Kunde: Alice Liddell &lt;Alice@Example.com&gt;</p>'
		);
		expect( html ).toContain(
			'Status: <strong data-testid="state" data-state="open">offen</strong>'
		);
		// The processor's own figure stays as it is, for scripts.
		expect( html ).toContain(
			'Abgerechnet als <strong data-testid="total">78.85 EUR</strong>'
		);
		expect(
			[ ...html.matchAll( /<button [^>]*>([^<]*)<\/button>/g ) ].map(
				( m ) => m[ 1 ]
			)
		).toEqual( [
			'Vollständig bezahlen',
			'Zu wenig zahlen (90 % senden)',
			'Ablaufen lassen',
		] );
		for ( const english of [
			'Pay in full',
			'Your order',
			'Customer:',
			'Back to the shop',
			'Total',
			'No real payment',
		] )
			expect( decode( html ) ).not.toContain( english );
	} );

	it( 'writes money and percentages the German way', () => {
		expect( lines( html ) ).toEqual( [
			[ 'item', 'Tea cup', '3', `19,99${ NBSP }€`, `59,97${ NBSP }€` ],
			[ 'item', 'Saucer', '1', `5,00${ NBSP }€`, `5,00${ NBSP }€` ],
			[ 'discount', 'Rabatt: SPRING', `-4,97${ NBSP }€` ],
			[ 'shipping', 'Versand: Parcel', `4,90${ NBSP }€` ],
			[ 'tax', `VAT (19${ NBSP }%)`, `12,33${ NBSP }€` ],
			[ 'tax', `Eco levy (2,5${ NBSP }%)`, `1,62${ NBSP }€` ],
			[ 'total', 'Gesamtbetrag', `78,85${ NBSP }€` ],
		] );
	} );

	it( 'leads back to the shop as „Zurück zum Shop“', () => {
		expect( hrefOf( html, 'Zurück zum Shop' ) ).toBe(
			'https://shop.example/cart?order=7&amp;key=a%22b'
		);
	} );
} );

it( 'a checkout without a language follows the browser, and falls back to English', async () => {
	const german = await hostedPage(
		{},
		{ 'accept-language': 'fr;q=0.9, de-CH, en;q=0.5' }
	);
	expect( german.html ).toContain( '<html lang="de">' );
	expect( german.headers.get( 'vary' ) ).toMatch( /accept-language/i );
	expect(
		( await hostedPage( {}, { 'accept-language': 'fr, it;q=0.5' } ) ).html
	).toContain( '<html lang="en">' );
	// The shop's choice wins over the browser's; a language the page lacks is English.
	expect(
		( await hostedPage( { locale: 'en' }, { 'accept-language': 'de' } ) )
			.html
	).toContain( '<html lang="en">' );
	expect(
		( await hostedPage( { locale: 'fr' }, { 'accept-language': 'de' } ) )
			.html
	).toContain( '<html lang="en">' );
} );

it( 'nothing in the charge or the customer becomes markup', async () => {
	const { html } = await hostedPage( {
		locale: 'en',
		customer: {
			firstName: '<img src=x onerror=alert(1)>',
			lastName: 'O\'Brien "<b>"',
			email: 'eve@example.com',
		},
		lineItems: [
			{
				description: '<script>alert("x")</script> & co',
				netAmount: '10.00',
				quantity: 1,
			},
		],
		discountItems: [ { description: '</td><td>', netAmount: '1.00' } ],
		expectedTotal: '9.00',
	} );
	expect( html ).not.toMatch( /<script|<img|<b>|<\/td><td>/ );
	expect( html ).toContain(
		'<th scope="row">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</th>'
	);
	expect( html ).toContain(
		'Customer: &lt;img src=x onerror=alert(1)&gt; O&#39;Brien &quot;&lt;b&gt;&quot; &lt;eve@example.com&gt;'
	);
	expect( lines( html ) ).toEqual( [
		[ 'item', '<script>alert("x")</script> & co', '1', '€10.00', '€10.00' ],
		[ 'discount', 'Discount: </td><td>', '-€1.00' ],
		[ 'total', 'Total', '€9.00' ],
	] );
} );

it( 'a checkout without a customer says so, in English as the end-to-end tests read it', async () => {
	const { html } = await hostedPage(
		{ level: 'none', customer: null, locale: 'en' },
		{},
		await t.addShop( { level: 'none' } )
	);
	expect( html ).toContain( '<p>No customer attached to this charge.</p>' );
	expect( html ).toContain(
		'<strong data-testid="total">64.97 EUR</strong>'
	);
} );

/** WCAG 2 relative luminance and contrast ratio. */
function contrast( a: string, b: string ): number {
	const luminance = ( hex: string ) => {
		const [ r, g, bl ] = [ 1, 3, 5 ].map( ( i ) => {
			const c = parseInt( hex.slice( i, i + 2 ), 16 ) / 255;
			return c <= 0.04045 ? c / 12.92 : ( ( c + 0.055 ) / 1.055 ) ** 2.4;
		} );
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
	};
	const [ hi, lo ] = [ luminance( a ), luminance( b ) ].sort(
		( x, y ) => y - x
	);
	return ( hi! + 0.05 ) / ( lo! + 0.05 );
}

it( 'every text colour has at least 4.5:1 contrast with what it sits on; the focus ring and banner border 3:1', () => {
	const c = PAGE_COLORS;
	const text: Array< [ string, string ] > = [
		[ c.text, c.background ],
		[ c.muted, c.background ],
		[ c.link, c.background ],
		[ c.text, c.bannerBackground ],
		[ c.buttonText, c.button ],
		[ c.buttonText, c.buttonHover ],
	];
	for ( const [ fg, bg ] of text )
		expect( [ fg, bg, contrast( fg, bg ) >= 4.5 ] ).toEqual( [
			fg,
			bg,
			true,
		] );
	for ( const [ fg, bg ] of [
		// The ring is drawn outside the element (outline-offset), on the page's background.
		[ c.focus, c.background ],
		[ c.bannerBorder, c.bannerBackground ],
	] as const )
		expect( contrast( fg, bg ) ).toBeGreaterThanOrEqual( 3 );
} );

it( 'fits a 390 px phone: a viewport meta, wrapping text, full-width buttons below 30rem', async () => {
	const { html } = await hostedPage( { locale: 'en' } );
	expect( html ).toContain(
		'<meta name="viewport" content="width=device-width, initial-scale=1">'
	);
	expect( html ).toMatch( /body\{[^}]*overflow-wrap:anywhere/ );
	expect( html ).toMatch(
		/@media \(max-width:30rem\)\{[^}]*\}.*\.actions button\{width:100%\}/
	);
} );

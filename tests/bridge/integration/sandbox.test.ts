import { createHash, createHmac } from 'node:crypto';
import {
	registerSandboxAccount,
	setSandboxVintage,
} from '../../../bridge/src/processors/sandbox/accounts';
import { startTestBridge, type TestBridge } from '../support/harness';

let t: TestBridge;
let account: { apiKey: string; apiSecret: string };

beforeAll( async () => {
	t = await startTestBridge();
	account = await registerSandboxAccount( t.bridge.ctx.db );
} );
afterAll( () => t.close() );

/** What the processor's PHP SDK does, written out again here so the sandbox is checked against the formula, not our client. */
function sdkRequest(
	method: string,
	path: string,
	payload: unknown,
	opts: { secret?: string; timestamp?: number } = {}
) {
	const body = payload === undefined ? '' : JSON.stringify( payload );
	const timestamp = String(
		opts.timestamp ?? Math.floor( Date.now() / 1000 )
	);
	// Query strings are not part of what is signed.
	const signedPath = path.split( '?' )[ 0 ]!;
	const signature = createHmac( 'sha256', opts.secret ?? account.apiSecret )
		.update( signedPath + timestamp + method + body )
		.digest( 'hex' );
	return fetch( `${ t.url }/sandbox/api/v1${ path }`, {
		method,
		headers: {
			'content-type': 'application/json; charset=UTF-8',
			'X-Digest-Key': account.apiKey,
			'X-Digest-Timestamp': timestamp,
			'X-Digest-Signature': signature,
		},
		body: body || undefined,
	} ).then( async ( r ) => ( {
		status: r.status,
		body: ( await r.json() ) as any,
	} ) );
}

it( 'issues credentials of the real lengths', () => {
	expect( account.apiKey ).toHaveLength( 12 );
	expect( account.apiSecret ).toHaveLength( 29 );
} );

it( 'accepts an independently signed request and refuses a wrong or stale one with {errors}', async () => {
	expect(
		( await sdkRequest( 'GET', '/auth-test', undefined ) ).status
	).toBe( 200 );
	const wrong = await sdkRequest( 'GET', '/auth-test', undefined, {
		secret: 'x'.repeat( 29 ),
	} );
	expect( wrong.status ).toBe( 401 );
	expect( wrong.body.errors ).toEqual( [ expect.any( String ) ] );
	expect(
		(
			await sdkRequest( 'GET', '/auth-test', undefined, {
				timestamp: Math.floor( Date.now() / 1000 ) - 3600,
			} )
		).status
	).toBe( 401 );
	const unsigned = await fetch( `${ t.url }/sandbox/api/v1/auth-test` );
	expect( unsigned.status ).toBe( 401 );
} );

it( 'creates, updates and deletes customers; creates and reads hosted checkouts', async () => {
	const created = await sdkRequest( 'POST', '/customer', {
		customer: { email: 'pat@example.com', firstname: 'Pat' },
	} );
	expect( created.status ).toBe( 200 );
	expect( created.body.customerId ).toMatch( /^[a-z0-9]{12}$/ );
	expect(
		(
			await sdkRequest( 'PUT', '/customer', {
				customer: { id: created.body.customerId, lastname: 'Lee' },
			} )
		).status
	).toBe( 200 );
	const list = await sdkRequest( 'GET', '/customers', undefined );
	expect( list.body.customers ).toEqual( [
		{
			id: created.body.customerId,
			email: 'pat@example.com',
			firstname: 'Pat',
			lastname: 'Lee',
		},
	] );

	const checkout = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: {
			customerId: created.body.customerId,
			billingCurrency: 'EUR',
			lineItems: [ { description: 'Pen', netAmount: 2.5, quantity: 2 } ],
			taxItems: [ { name: 'VAT', percent: 0.19 } ],
		},
		pageSettings: {
			returnUrl: 'https://shop.example/r',
			cancelUrl: 'https://shop.example/c',
			shopName: 'Pens & <Co>',
		},
	} );
	expect( checkout.status ).toBe( 200 );
	expect( checkout.body.id ).toMatch( /^[a-z0-9]{12}$/ );
	const state = await sdkRequest(
		'GET',
		`/checkout?id=${ checkout.body.id }`,
		undefined
	);
	expect( state.body.checkout ).toMatchObject( {
		id: checkout.body.id,
		state: 'OPEN',
		total: '5.95',
	} );

	const page = await fetch( checkout.body.url ).then( ( r ) => r.text() );
	expect( page ).toContain( 'SANDBOX' );
	expect( page ).toContain( 'No real payment' );
	expect( page ).toContain( 'Pens &amp; &lt;Co&gt;' );
	expect( page ).toMatch( /Pay in full[\s\S]*Underpay[\s\S]*Let it expire/ );

	expect(
		(
			await sdkRequest( 'DELETE', '/customer', {
				id: created.body.customerId,
			} )
		).status
	).toBe( 200 );
	expect(
		(
			await sdkRequest( 'DELETE', '/customer', {
				id: created.body.customerId,
			} )
		).status
	).toBe( 404 );
} );

it( 'answers invalid payloads with {errors} naming the field', async () => {
	const res = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: {
			billingCurrency: 'EUR',
			lineItems: [ { description: '', netAmount: 'ten', quantity: 0 } ],
		},
	} );
	expect( res.status ).toBe( 400 );
	expect( res.body.errors ).toEqual( [
		'lineItems[0].description is required.',
		'lineItems[0].quantity must be a whole number of at least 1.',
		'lineItems[0].netAmount must be a number.',
	] );
	const empty = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: { billingCurrency: 'EUR', lineItems: [] },
	} );
	expect( [ empty.status, empty.body.errors[ 0 ] ] ).toEqual( [
		400,
		'The charge total must be greater than zero.',
	] );
	const currency = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: {
			billingCurrency: 'RON',
			lineItems: [ { description: 'x', netAmount: 1 } ],
		},
	} );
	expect( [ currency.status, currency.body.errors[ 0 ] ] ).toEqual( [
		400,
		'billingCurrency RON is not supported.',
	] );
	const unknown = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: {
			customerId: 'nosuchcustom',
			billingCurrency: 'EUR',
			lineItems: [ { description: 'x', netAmount: 1, quantity: 1 } ],
		},
	} );
	expect( unknown.body.errors[ 0 ] ).toMatch( /not found/ );
} );

const pen = {
	billingCurrency: 'EUR',
	lineItems: [ { description: 'Pen', netAmount: 2.5, quantity: 2 } ],
};
const pageOf = async ( checkout: { body: { url: string } } ) =>
	( await fetch( checkout.body.url ) ).text();

it( 'the page links and redirects a payer only to http(s) URLs: the cancel URL, else the return URL', async () => {
	const hostile = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: pen,
		pageSettings: {
			cancelUrl: 'javascript:alert(1)',
			returnUrl: 'data:text/html,<script>alert(1)</script>',
		},
	} );
	const page = await pageOf( hostile );
	expect( page ).not.toMatch( /javascript:|data:|<script/ );
	expect( page ).not.toContain( 'Back to the shop' );
	const expired = await fetch( `${ hostile.body.url }/expire`, {
		method: 'POST',
		redirect: 'manual',
	} );
	expect( [ expired.status, expired.headers.get( 'location' ) ] ).toEqual( [
		303,
		`/sandbox/checkout/${ hostile.body.id }`,
	] );

	const returnOnly = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: pen,
		pageSettings: { returnUrl: 'https://shop.example/thanks?a=1&b=2' },
	} );
	expect( await pageOf( returnOnly ) ).toContain(
		'<a class="back" href="https://shop.example/thanks?a=1&amp;b=2"><span aria-hidden="true">← </span>Back to the shop</a>'
	);
} );

it( 'what the lines do not explain in the total is a line of its own, so the page always adds up', async () => {
	// A discount larger than the items: the processor stops at zero.
	const capped = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: {
			billingCurrency: 'EUR',
			lineItems: [ { description: 'Pen', netAmount: '10' } ],
			discountItems: [ { description: 'Voucher', netAmount: 15 } ],
			shippingCostItems: [
				{ description: 'Post', netAmount: 5, taxable: false },
			],
		},
		checkoutLanguage: 'en',
	} );
	expect( await pageOf( capped ) ).toContain(
		'<tr data-line="discount"><th scope="row" colspan="3">Discount: Voucher</th><td class="num">-€15.00</td></tr>\n' +
			'<tr data-line="shipping"><th scope="row" colspan="3">Shipping: Post</th><td class="num">€5.00</td></tr>\n' +
			'<tr data-line="adjustment"><th scope="row" colspan="3">Adjustment by the processor</th><td class="num">€5.00</td></tr></tbody>\n' +
			'<tfoot><tr data-line="total"><th scope="row" colspan="3">Total</th><td class="num">€5.00</td></tr></tfoot>'
	);

	// A vintage whose tax rounding lands a cent away.
	await setSandboxVintage(
		t.bridge.ctx.db,
		account.apiKey,
		'roundsDifferently'
	);
	try {
		const rounded = await sdkRequest( 'POST', '/checkout/hosted', {
			charge: { ...pen, taxItems: [ { name: 'VAT', percent: 0.19 } ] },
			checkoutLanguage: 'de',
		} );
		const page = await pageOf( rounded );
		expect( page ).toContain(
			'<th scope="row" colspan="3">Ausgleich durch den Zahlungsanbieter</th><td class="num">0,01\u00a0€</td>'
		);
		expect( page ).toContain(
			'<strong data-testid="total">5.96 EUR</strong>'
		);
	} finally {
		await setSandboxVintage( t.bridge.ctx.db, account.apiKey, 'current' );
	}
} );

it( "an unknown checkout or action is a 404 page in the browser's language; no action is found on the prototype", async () => {
	const missing = await fetch( `${ t.url }/sandbox/checkout/nosuchcheck`, {
		headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' },
	} );
	expect( missing.status ).toBe( 404 );
	const missingPage = await missing.text();
	expect( missingPage ).toContain( '<html lang="de">' );
	expect( missingPage ).toContain( '<h1>Checkout nicht gefunden</h1>' );
	expect( missingPage ).toContain( 'SANDBOX — ein Test-Checkout.' );

	const checkout = await sdkRequest( 'POST', '/checkout/hosted', {
		charge: pen,
	} );
	for ( const action of [ 'constructor', 'toString', '__proto__' ] ) {
		const res = await fetch( `${ checkout.body.url }/${ action }`, {
			method: 'POST',
		} );
		expect( [ action, res.status ] ).toEqual( [ action, 404 ] );
		expect( await res.text() ).toContain( '<h1>Not found</h1>' );
	}
} );

it( 'its webhook header is sha256(secret + body), checkable by anyone with the secret', () => {
	const body = '{"eventType":"CHECKOUT_COMPLETED"}';
	const expected = createHash( 'sha256' )
		.update( account.apiSecret + body )
		.digest( 'hex' );
	expect( expected ).toHaveLength( 64 );
} );

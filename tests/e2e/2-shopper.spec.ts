import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	mails,
	bridgeApi,
	login,
	PUBLISHED_PAGE_FILE,
	setSiteOptions,
	shot,
	stack,
	wp,
} from './support/stack';

const pay = ( page: Page ) =>
	page.getByRole( 'button', { name: 'Pay with crypto' } );
/** A form field by its accessible name, as a screen reader announces it. */
const field = ( page: Page, name: string ) =>
	page.getByRole(
		name === 'Country' || name === 'Land' ? 'combobox' : 'textbox',
		{ name, exact: true }
	);

/** The message a field's aria-describedby points at. */
const messageOf = async ( page: Page, name: string ) =>
	page.locator(
		'#' + ( await field( page, name ).getAttribute( 'aria-describedby' ) )!
	);

/** Without JavaScript the receipt is refreshed by its "Check again" link until the webhook is in. */
async function receiptSays( page: Page, text: string ) {
	const status = page.getByRole( 'status' );
	for ( let i = 0; i < 20 && ( await status.textContent() ) !== text; i++ ) {
		await page.waitForTimeout( 500 );
		await page.getByRole( 'link', { name: 'Check again' } ).click();
	}
	await expect( status ).toHaveText( text );
}

async function payerChooses( page: Page, choice: RegExp ) {
	await expect( page ).toHaveURL( /\/sandbox\/checkout\/[a-z0-9]{12}$/ );
	await expect( page.getByRole( 'note' ) ).toContainText( 'SANDBOX' );
	await page.getByRole( 'button', { name: choice } ).click();
}

test.describe.configure( { mode: 'serial' } );

test( 'compliant: empty fields show each error; a filled form pays on the sandbox and comes back paid; the admin sees the customer', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( {
		level: 'compliant',
		threshold: { amount: '', currency: '' },
	} );
	await page.goto( readFileSync( PUBLISHED_PAGE_FILE, 'utf8' ) );
	await pay( page ).click();
	for ( const label of [
		'First name',
		'Last name',
		'Email address',
		'Address',
		'Postal code',
		'City',
		'Country',
	] ) {
		await expect( field( page, label ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
	}
	await expect( field( page, 'Company' ) ).toHaveAttribute(
		'aria-invalid',
		'false'
	);
	await expect( page.locator( '.ccb-field p:visible' ) ).toHaveCount( 7 );
	await expect( field( page, 'First name' ) ).toBeFocused();
	await shot( page, testInfo, 'empty-submit-errors' );

	await field( page, 'First name' ).fill( 'Grace' );
	await field( page, 'Last name' ).fill( 'Hopper' );
	await field( page, 'Email address' ).fill( 'not-an-email' );
	await pay( page ).click();
	await expect(
		page.locator(
			'#' +
				( await field( page, 'Email address' ).getAttribute(
					'aria-describedby'
				) )!
		)
	).toHaveText( 'Enter a valid email address, like name@example.com.' );
	await field( page, 'Email address' ).fill( 'grace@navy.example' );
	await field( page, 'Company' ).fill( 'US Navy' );
	await field( page, 'Address' ).fill( '1 Navy Yard' );
	await field( page, 'Postal code' ).fill( '20374' );
	await field( page, 'City' ).fill( 'Washington' );
	await field( page, 'Country' ).selectOption( 'US' );
	await shot( page, testInfo, 'filled' );
	await pay( page ).click();
	await payerChooses( page, /Pay in full/ );
	await shot( page, testInfo, 'sandbox-paid' );
	await expect( page.getByRole( 'status' ) ).toHaveText(
		'Payment received. Thank you!'
	);
	await shot( page, testInfo, 'return-paid' );
	// The invoice, through a signed link that works for a day and for this invoice only.
	const invoiceLink = page.getByRole( 'link', {
		name: 'Download your invoice (PDF)',
	} );
	await expect( invoiceLink ).toBeVisible();
	const href = ( await invoiceLink.getAttribute( 'href' ) )!;
	const pdf = await page.request.get( href );
	expect( pdf.status() ).toBe( 200 );
	expect( pdf.headers()[ 'content-type' ] ).toBe( 'application/pdf' );
	expect( ( await pdf.body() ).subarray( 0, 5 ).toString() ).toBe( '%PDF-' );
	const forged = await page.request.get(
		href.replace( /ccb_sig=[0-9a-f]+/, `ccb_sig=${ '0'.repeat( 64 ) }` )
	);
	expect( forged.status() ).toBe( 403 );
	const expired = await page.request.get(
		href.replace( /ccb_expires=\d+/, 'ccb_expires=1' )
	);
	expect( expired.status() ).toBe( 403 ); // the signature covers the expiry
	// And by mail, through the site's wp_mail to the tests' SMTP server: the customer and the shop,
	// each with the PDF attached.
	const toGrace = () =>
		mails().find( ( m ) => m.to.includes( 'grace@navy.example' ) );
	await expect.poll( () => Boolean( toGrace() ) ).toBe( true );
	const number = /Invoice (INV-\d+)/.exec( toGrace()!.raw )![ 1 ];
	const invoiceMails = () =>
		mails().filter( ( m ) => m.raw.includes( `Invoice ${ number } ` ) );
	await expect.poll( () => invoiceMails().length ).toBe( 2 );
	for ( const mail of invoiceMails() ) {
		expect( mail.raw ).toMatch(
			/Content-Type: application\/pdf; name=INV-\d+\.pdf/
		);
		expect( mail.raw ).toContain( 'JVBERi0' ); // base64 of "%PDF-"
	}

	await login( page );
	await page.goto(
		`${ stack.url }/wp-admin/admin.php?page=crypto-customer-bridge-payments`
	);
	const row = page
		.locator( '.ccb-payments__table tbody tr' )
		.filter( { hasText: 'grace@navy.example' } );
	await expect( row ).toContainText( 'Grace Hopper' );
	await expect( row ).toContainText( 'Paid' );
	await expect( row ).toContainText( '€25.00' );
	await expect( row ).toContainText( 'Compliant' );
	await shot( page, testInfo, 'admin-payments' );
	await row.getByRole( 'link' ).first().click();
	await expect( page ).toHaveURL( /#[0-9a-f-]{36}$/ );
	await expect(
		page.getByRole( 'heading', { name: '€25.00 — Paid' } )
	).toBeVisible();
	await expect( page.locator( '.ccb-payment__facts' ) ).toContainText(
		'Grace Hopper · grace@navy.example · US Navy'
	);
	await expect( page.locator( '.ccb-payment__audit' ) ).toContainText(
		'POST /checkout/hosted'
	);
	// Its invoice: downloaded here, and sent to the customer and the shop.
	const invoices = page.locator( '.ccb-payment__invoices' );
	await expect( invoices ).toContainText( /Invoice INV-\d+/ );
	await expect( invoices ).toContainText(
		'Customer (grace@navy.example): Sent'
	);
	const download = page.waitForEvent( 'download' );
	await invoices.getByRole( 'button', { name: 'Download PDF' } ).click();
	expect( ( await download ).suggestedFilename() ).toMatch(
		/^INV-\d+\.pdf$/
	);
	await shot( page, testInfo, 'admin-payment-detail' );
	// The detail has its own address: reload keeps it, Back returns to the list.
	await page.reload();
	await expect(
		page.getByRole( 'heading', { name: '€25.00 — Paid' } )
	).toBeVisible();
	await page.goBack();
	await expect( row ).toBeVisible();
} );

test( 'none: no fields, and the charge carries no customer', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( { level: 'none' } );
	await page.goto( `${ stack.url }/pay/` );
	await expect( page.locator( '.ccb-field' ) ).toHaveCount( 0 );
	await shot( page, testInfo, 'no-fields' );
	await pay( page ).click();
	await expect(
		page.getByText( 'No customer attached to this charge.' )
	).toBeVisible();
	await shot( page, testInfo, 'sandbox-no-customer' );
	await payerChooses( page, /Pay in full/ );
	await expect( page.getByRole( 'status' ) ).toHaveText(
		'Payment received. Thank you!'
	);
	const latest = ( await bridgeApi()( 'GET', '/v1/checkouts?limit=1' ) ).body
		.items[ 0 ];
	expect( latest ).toMatchObject( {
		level: 'none',
		customerId: null,
		customer: null,
		status: 'completed',
	} );
} );

test( 'the threshold raises minimal to compliant before the shopper submits', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( {
		level: 'minimal',
		threshold: { amount: '50', currency: 'EUR' },
	} );
	await page.goto( `${ stack.url }/pay/` ); // 64.97 EUR: at or above 50
	await expect( field( page, 'Postal code' ) ).toBeVisible();
	await expect( page.locator( '.ccb-field' ) ).toHaveCount( 11 );
	await shot( page, testInfo, 'raised-to-compliant' );
	await page.goto( readFileSync( PUBLISHED_PAGE_FILE, 'utf8' ) ); // 25.00 EUR: below
	await expect( page.locator( '.ccb-field' ) ).toHaveCount( 3 );
	setSiteOptions( { threshold: { amount: '', currency: '' } } );
} );

test( 'underpaid: the shopper is told, the admin sees it underpaid', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( { level: 'minimal' } );
	await page.goto( `${ stack.url }/pay/` );
	await field( page, 'First name' ).fill( 'Alan' );
	await field( page, 'Last name' ).fill( 'Turing' );
	await field( page, 'Email address' ).fill( 'alan@bletchley.example' );
	await pay( page ).click();
	await payerChooses( page, /Underpay/ );
	await expect( page.getByRole( 'status' ) ).toHaveText(
		'The payment was less than the amount due. The shop will contact you about the difference.'
	);
	await shot( page, testInfo, 'return-underpaid' );
	await login( page );
	await page.goto(
		`${ stack.url }/wp-admin/admin.php?page=crypto-customer-bridge-payments`
	);
	await expect(
		page
			.locator( '.ccb-payments__table tbody tr' )
			.filter( { hasText: 'alan@bletchley.example' } )
	).toContainText( 'Underpaid' );
	await shot( page, testInfo, 'admin-underpaid' );
} );

test( 'the bridge down: a clear message for the shopper, nothing recorded', async ( {
	page,
}, testInfo ) => {
	const api = bridgeApi();
	const before = ( await api( 'GET', '/v1/checkouts?limit=200' ) ).body.items
		.length;
	const original = wp< { url: string } >(
		`return get_option( 'ccb_connection' );`
	);
	wp(
		`$c = get_option( 'ccb_connection' ); $c['url'] = 'http://127.0.0.1:9'; update_option( 'ccb_connection', $c ); return true;`
	);
	try {
		await page.goto( `${ stack.url }/pay/` );
		await field( page, 'First name' ).fill( 'Ada' );
		await field( page, 'Last name' ).fill( 'Lovelace' );
		await field( page, 'Email address' ).fill( 'ada@engine.example' );
		await pay( page ).click();
		await expect( page.getByRole( 'alert' ) ).toHaveText(
			'Payments are temporarily unavailable. Nothing was charged; please try again in a few minutes.'
		);
		await expect( page ).toHaveURL( /\/pay\/$/ );
		await shot( page, testInfo, 'bridge-down' );
	} finally {
		wp(
			`$c = get_option( 'ccb_connection' ); $c['url'] = ${ JSON.stringify( original.url ) }; update_option( 'ccb_connection', $c ); return true;`
		);
	}
	expect(
		( await api( 'GET', '/v1/checkouts?limit=200' ) ).body.items.length
	).toBe( before );
	expect(
		( await api( 'GET', '/v1/customers?q=ada@engine.example' ) ).body.items
	).toEqual( [] );
} );

test( 'German: the shopper sees the block in German', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( { level: 'minimal', locale: 'de_DE' } );
	try {
		await page.goto( `${ stack.url }/pay/` );
		await expect(
			page.getByRole( 'button', { name: 'Mit Krypto bezahlen' } )
		).toBeVisible();
		await expect( page.locator( '.ccb-checkout__total' ) ).toHaveText(
			/Gesamt: 64,97\s€/
		);
		await page
			.getByRole( 'button', { name: 'Mit Krypto bezahlen' } )
			.click();
		await expect( field( page, 'Vorname' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await expect(
			page.locator( '.ccb-field p:visible' ).first()
		).toHaveText( 'Dieses Feld ist erforderlich.' );
		await shot( page, testInfo, 'german' );
	} finally {
		setSiteOptions( { locale: '' } );
	}
} );

test( 'cancel: back from the payment page the form says so, with what was typed', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( { level: 'minimal' } );
	await page.goto( `${ stack.url }/pay/` );
	await field( page, 'First name' ).fill( 'Katherine' );
	await field( page, 'Last name' ).fill( 'Johnson' );
	await field( page, 'Email address' ).fill( 'katherine@nasa.example' );
	await pay( page ).click();
	await expect( page ).toHaveURL( /\/sandbox\/checkout\// );
	await page.getByRole( 'link', { name: /Back to the shop/ } ).click();
	await expect( page.getByRole( 'alert' ) ).toHaveText(
		'Payment cancelled. Nothing was charged.'
	);
	await expect( field( page, 'Email address' ) ).toHaveValue(
		'katherine@nasa.example'
	);
	await shot( page, testInfo, 'cancelled' );
} );

test.describe( 'without JavaScript', () => {
	test.use( { javaScriptEnabled: false } );

	test( "compliant: the bridge's field errors next to the fields, what was typed kept; then it pays and the server writes the receipt", async ( {
		page,
	}, testInfo ) => {
		setSiteOptions( {
			level: 'compliant',
			threshold: { amount: '', currency: '' },
		} );
		await page.goto( `${ stack.url }/pay/` );
		await expect( page.locator( '.ccb-checkout__total' ) ).toHaveText(
			'Total: €64.97'
		);
		await expect( page.locator( '.ccb-checkout__items li' ) ).toHaveText( [
			/Tea cup × 3\s+€59\.97/,
			/Saucer\s+€5\.00/,
		] );
		await field( page, 'First name' ).fill( 'Grace' );
		await field( page, 'Last name' ).fill( 'Hopper' );
		// A shape the browser's own check lets through and the contract does not.
		await field( page, 'Email address' ).fill( 'grace@navy' );
		await field( page, 'Address' ).fill( '1 Navy Yard' );
		await field( page, 'City' ).fill( 'Washington' );
		await field( page, 'Country' ).selectOption( 'US' );
		await pay( page ).click();

		await expect( page ).toHaveURL( /\/pay\/$/ );
		await expect( page.getByRole( 'alert' ) ).toHaveText(
			'Please check the highlighted fields.'
		);
		await expect( field( page, 'Email address' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await expect( await messageOf( page, 'Email address' ) ).toHaveText(
			'Enter a valid email address, like name@example.com.'
		);
		// The US has postcodes: the bridge asks for one.
		await expect( await messageOf( page, 'Postal code' ) ).toHaveText(
			'This field is required.'
		);
		await expect( field( page, 'First name' ) ).toHaveValue( 'Grace' );
		await expect( field( page, 'Country' ) ).toHaveValue( 'US' );
		await expect( field( page, 'First name' ) ).not.toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await shot( page, testInfo, 'no-js-bridge-errors' );

		await field( page, 'Email address' ).fill( 'grace@navy.example' );
		await field( page, 'Postal code' ).fill( '20374' );
		await pay( page ).click();
		await payerChooses( page, /Pay in full/ );
		await expect( page ).toHaveURL( /ccb_order=wp-/ );
		await receiptSays( page, 'Payment received. Thank you!' );
		const facts = page.locator( '.ccb-checkout dl' );
		await expect( facts ).toContainText( 'Order reference' );
		await expect( facts ).toContainText( '€64.97' );
		await expect(
			page.getByText(
				'The shop has your payment and will take it from here.',
				{
					exact: false,
				}
			)
		).toBeVisible();
		await shot( page, testInfo, 'no-js-receipt' );
		const latest = ( await bridgeApi()( 'GET', '/v1/checkouts?limit=1' ) )
			.body.items[ 0 ];
		expect( latest ).toMatchObject( {
			level: 'compliant',
			status: 'completed',
		} );
	} );

	test( 'the threshold raises the level on the server; a cancel shows the notice', async ( {
		page,
	}, testInfo ) => {
		setSiteOptions( {
			level: 'minimal',
			threshold: { amount: '50', currency: 'EUR' },
		} );
		try {
			await page.goto( `${ stack.url }/pay/` ); // 64.97 EUR: at or above 50
			await expect( page.locator( '.ccb-field' ) ).toHaveCount( 11 );
			await expect( field( page, 'Country' ) ).toBeVisible();
			await page.goto( readFileSync( PUBLISHED_PAGE_FILE, 'utf8' ) ); // 25.00 EUR
			await expect( page.locator( '.ccb-field' ) ).toHaveCount( 3 );
		} finally {
			setSiteOptions( { threshold: { amount: '', currency: '' } } );
		}
		await page.goto( `${ stack.url }/pay/` );
		await field( page, 'First name' ).fill( 'Alan' );
		await field( page, 'Last name' ).fill( 'Kay' );
		await field( page, 'Email address' ).fill( 'alan@parc.example' );
		await pay( page ).click();
		await expect( page ).toHaveURL( /\/sandbox\/checkout\// );
		await page.getByRole( 'link', { name: /Back to the shop/ } ).click();
		await expect( page.getByRole( 'alert' ) ).toHaveText(
			'Payment cancelled. Nothing was charged.'
		);
		await shot( page, testInfo, 'no-js-cancelled' );
	} );

	test( "German: the bridge's errors in the shopper's language", async ( {
		page,
	}, testInfo ) => {
		setSiteOptions( { level: 'minimal', locale: 'de_DE' } );
		try {
			await page.goto( `${ stack.url }/pay/` );
			await field( page, 'Vorname' ).fill( 'Emmy' );
			await field( page, 'Nachname' ).fill( 'Noether' );
			await field( page, 'E-Mail-Adresse' ).fill( 'emmy@goettingen' );
			await page
				.getByRole( 'button', { name: 'Mit Krypto bezahlen' } )
				.click();
			await expect(
				await messageOf( page, 'E-Mail-Adresse' )
			).toHaveText(
				'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.'
			);
			await expect( page.getByRole( 'alert' ) ).toHaveText(
				'Bitte prüfen Sie die markierten Felder.'
			);
			await expect( page.locator( '.ccb-checkout__total' ) ).toHaveText(
				/Gesamt: 64,97\s€/
			);
			await shot( page, testInfo, 'no-js-german' );
		} finally {
			setSiteOptions( { locale: '' } );
		}
	} );
} );

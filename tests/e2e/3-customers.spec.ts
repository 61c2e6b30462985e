import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bridgeApi, login, setSiteOptions, shot, stack } from './support/stack';

const app = ( page: Page ) => page.locator( '#ccb-customers-root' );
const customersUrl = `${ stack.url }/wp-admin/admin.php?page=crypto-customer-bridge-customers`;

test( 'a merchant manages a customer from creation to erasure', async ( {
	page,
	browser,
}, testInfo ) => {
	setSiteOptions( {
		level: 'minimal',
		threshold: { amount: '', currency: '' },
	} );
	await login( page );
	await page.goto( customersUrl );
	await expect(
		app( page ).getByRole( 'region', { name: 'Customer statistics' } )
	).toBeVisible();
	await shot( page, testInfo, 'customers-list' );

	// Create.
	await app( page ).getByRole( 'button', { name: 'Add customer' } ).click();
	await app( page ).getByRole( 'button', { name: 'Save customer' } ).click();
	await expect(
		app( page ).getByRole( 'textbox', { name: 'First name *' } )
	).toHaveAttribute( 'aria-invalid', 'true' );
	await app( page )
		.getByRole( 'textbox', { name: 'First name *' } )
		.fill( 'Hedy' );
	await app( page )
		.getByRole( 'textbox', { name: 'Last name *' } )
		.fill( 'Lamarr' );
	await app( page )
		.getByRole( 'textbox', { name: 'Email address *' } )
		.fill( 'hedy@example.com' );
	await app( page )
		.getByRole( 'textbox', { name: 'Note' } )
		.fill( 'Inventor; prefers email' );
	await app( page ).getByRole( 'button', { name: 'Save customer' } ).click();
	await expect(
		app( page ).getByRole( 'heading', { name: 'Hedy Lamarr' } )
	).toBeVisible();
	await shot( page, testInfo, 'customer-created' );

	// Find by search.
	await app( page )
		.getByRole( 'button', { name: '← All customers' } )
		.click();
	await app( page )
		.getByRole( 'searchbox', { name: /Search name, email/ } )
		.fill( 'lamarr' );
	const row = app( page )
		.locator( '.wp-list-table tbody tr' )
		.filter( { hasText: 'hedy@example.com' } );
	await expect( row ).toBeVisible();
	await expect(
		app( page ).locator( '.wp-list-table tbody tr' )
	).toHaveCount( 1 );

	// Edit.
	await row.getByRole( 'button', { name: 'Hedy Lamarr' } ).click();
	await app( page ).getByRole( 'button', { name: 'Edit' } ).click();
	await app( page )
		.getByRole( 'textbox', { name: 'First name *' } )
		.fill( 'Hedwig' );
	await app( page ).getByRole( 'button', { name: 'Save customer' } ).click();
	await expect(
		app( page ).getByRole( 'heading', { name: 'Hedwig Lamarr' } )
	).toBeVisible();

	// A sandbox payment by the same email lands on this customer.
	const shopper = await browser.newPage();
	await shopper.goto( `${ stack.url }/pay/` );
	await shopper
		.getByRole( 'textbox', { name: 'First name', exact: true } )
		.fill( 'Hedwig' );
	await shopper
		.getByRole( 'textbox', { name: 'Last name', exact: true } )
		.fill( 'Lamarr' );
	await shopper
		.getByRole( 'textbox', { name: 'Email address', exact: true } )
		.fill( 'HEDY@example.com' );
	await shopper.getByRole( 'button', { name: 'Pay with crypto' } ).click();
	await shopper.getByRole( 'button', { name: 'Pay in full' } ).click();
	await expect( shopper.getByRole( 'status' ) ).toHaveText(
		'Payment received. Thank you!'
	);
	await shopper.close();
	// The customer's page has its own address: a reload stays on it, Back leaves it.
	await expect( page ).toHaveURL( /#[0-9a-f-]{36}$/ );
	await page.reload();
	await expect(
		app( page ).getByRole( 'heading', { name: 'Hedwig Lamarr' } )
	).toBeVisible();
	await app( page )
		.getByRole( 'button', { name: '← All customers' } )
		.click();
	await app( page )
		.getByRole( 'searchbox', { name: /Search name, email/ } )
		.fill( 'hedy@' );
	await app( page ).getByRole( 'button', { name: 'Hedwig Lamarr' } ).click();
	await expect(
		app( page ).locator( '.ccb-customer__payments' )
	).toContainText( '€64.97 — Paid' );
	await expect( app( page ).locator( '.ccb-customer__audit' ) ).toContainText(
		'POST /v1/customers'
	);

	// Open an audit entry.
	const entry = app( page )
		.locator( '.ccb-customer__audit details' )
		.filter( { hasText: 'POST /customer' } )
		.first();
	await entry.locator( 'summary' ).click();
	await expect( entry.locator( 'pre' ).first() ).toContainText(
		'"email": "hedy@example.com"'
	);
	await shot( page, testInfo, 'customer-detail-audit' );

	// Export the CSV and read the file.
	await app( page )
		.getByRole( 'button', { name: '← All customers' } )
		.click();
	const download = page.waitForEvent( 'download' );
	await app( page )
		.getByRole( 'button', { name: 'Export all (CSV)' } )
		.click();
	const file = await ( await download ).path();
	const csv = readFileSync( file!, 'utf8' );
	// A byte order mark, so a spreadsheet opens it as UTF-8.
	expect( csv.split( '\r\n' )[ 0 ] ).toBe(
		'\uFEFFid,email,firstName,lastName,company,taxId,addressLine1,addressLine2,postalCode,city,countryCode,phone,note,meta,level,createdAt,updatedAt,erasedAt'
	);
	// The shopper typed the address in capitals at checkout; it is the same customer either way.
	expect( csv ).toMatch( /,hedy@example\.com,Hedwig,Lamarr,/i );
	await expect( app( page ).getByText( 'Export ready.' ) ).toBeVisible();

	// Erase through WordPress's own privacy tool.
	await page.goto( `${ stack.url }/wp-admin/erase-personal-data.php` );
	await page
		.getByLabel( 'Username or email address' )
		.fill( 'hedy@example.com' );
	await page
		.getByLabel( /Send personal data erasure confirmation email/ )
		.uncheck();
	await page.getByRole( 'button', { name: 'Send Request' } ).click();
	const request = page
		.locator( 'tr' )
		.filter( { hasText: 'hedy@example.com' } );
	await request
		.getByRole( 'button', { name: 'Erase personal data' } )
		.click();
	const api = bridgeApi();
	await expect
		.poll(
			async () =>
				( await api( 'GET', '/v1/customers?q=lamarr' ) ).body.items
					.length,
			{ timeout: 20_000 }
		)
		.toBe( 0 );
	await expect( page.locator( '#wpbody-content' ) ).toContainText(
		/Erasure completed|erased|retained/i
	);
	await shot( page, testInfo, 'privacy-erased' );

	const erased = (
		await api( 'GET', '/v1/customers?hasPayments=true&limit=200' )
	).body.items.filter( ( c: any ) => c.erasedAt );
	expect( erased.length ).toBeGreaterThan( 0 );
	const detail = ( await api( 'GET', `/v1/customers/${ erased[ 0 ].id }` ) )
		.body;
	const text = JSON.stringify( detail );
	for ( const personal of [
		'Hedwig',
		'Lamarr',
		'hedy@example.com',
		'Inventor',
	] )
		expect( text ).not.toContain( personal );
	expect(
		detail.checkouts.some(
			( c: any ) => c.total === '64.97' && c.status === 'completed'
		)
	).toBe( true );
} );

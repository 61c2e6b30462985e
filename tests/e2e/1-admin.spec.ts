import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import {
	bridgeApi,
	login,
	PUBLISHED_PAGE_FILE,
	shot,
	stack,
	wp,
} from './support/stack';

test( 'the admin sets level compliant, tests the connection, and publishes a page with the block', async ( {
	page,
}, testInfo ) => {
	await login( page );
	await page.goto(
		`${ stack.url }/wp-admin/admin.php?page=crypto-customer-bridge`
	);
	await page.getByRole( 'radio', { name: /Compliant/ } ).check();
	// The preview follows the level before anything is saved.
	await expect(
		page.getByRole( 'list', { name: 'Fields the shopper fills in' } )
	).toContainText( 'Postal code *' );
	await shot( page, testInfo, 'settings-compliant-preview' );
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	const app = page.locator( '#ccb-settings-root' );
	await expect( app.getByText( 'Settings saved.' ) ).toBeVisible();
	await page.getByRole( 'button', { name: 'Test connection' } ).click();
	await expect(
		page
			.locator( '.components-notice' )
			.filter( { hasText: 'Bridge reachable' } )
	).toContainText( 'Sandbox processor: test payments only' );
	await shot( page, testInfo, 'connection-tested' );

	// The bridge now enforces compliant for this shop.
	expect( ( await bridgeApi()( 'GET', '/v1/shop' ) ).body.shop.level ).toBe(
		'compliant'
	);

	// The editor's first-run guide is for people; switch it off for the admin before opening the editor.
	wp(
		`global $wpdb; update_user_meta( 1, $wpdb->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), 'core' => array( 'enableChoosePatternModal' => false ), '_modified' => gmdate( 'c' ) ) ); return true;`
	);
	await page.goto( `${ stack.url }/wp-admin/post-new.php?post_type=page` );
	const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
	await canvas
		.getByRole( 'textbox', { name: 'Add title' } )
		.fill( 'Buy a sticker' );
	await page.keyboard.press( 'Enter' );
	await page.keyboard.type( '/Crypto checkout' );
	await page.getByRole( 'option', { name: /Crypto checkout/ } ).click();
	const settings = page.getByRole( 'region', { name: 'Editor settings' } );
	await settings.getByLabel( 'Description' ).fill( 'Sticker' );
	await settings.getByLabel( 'Amount' ).fill( '12.50' );
	await settings.getByLabel( 'Quantity' ).fill( '2' );
	await expect( canvas.locator( '.ccb-checkout__total' ) ).toHaveText(
		'Total: 25.00 EUR'
	);
	await expect(
		canvas.getByRole( 'list', { name: 'Fields the shopper fills in' } )
	).toContainText( 'Country *' );
	await shot( page, testInfo, 'editor-block' );

	await page.getByRole( 'button', { name: 'Publish', exact: true } ).click();
	await page
		.getByRole( 'region', { name: /Editor publish/i } )
		.getByRole( 'button', { name: 'Publish', exact: true } )
		.click();
	const view = page
		.getByRole( 'region', { name: /Editor publish/i } )
		.getByRole( 'link', { name: /View Page/i } );
	await expect( view ).toBeVisible();
	const url = ( await view.getAttribute( 'href' ) )!;
	writeFileSync( PUBLISHED_PAGE_FILE, url );
	await shot( page, testInfo, 'published' );
	await page.goto( url );
	// Written as the page's language writes money.
	await expect( page.locator( '.ccb-checkout__total' ) ).toHaveText(
		'Total: €25.00'
	);
	await expect( page.locator( '.ccb-checkout__items li' ) ).toContainText(
		'€25.00'
	);
} );

import { expect, test } from '@playwright/test';
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { login, shot, stack } from './support/stack';

test( "the plugin zip installs through WordPress's own uploader and stays active", async ( {
	page,
}, testInfo ) => {
	await login( page );
	await page.goto( `${ stack.url }/wp-admin/plugin-install.php?tab=upload` );
	await page.setInputFiles( '#pluginzip', stack.zip );
	await page.getByRole( 'button', { name: 'Install Now' } ).click();
	// The stack already runs this plugin, so WordPress offers to replace it with the upload.
	await page
		.getByRole( 'link', { name: /Replace current with uploaded/ } )
		.click();
	await expect( page.locator( '#wpbody-content' ) ).toContainText(
		'Plugin updated successfully.'
	);
	await shot( page, testInfo, 'installed-from-zip' );
	const installed = path.join(
		stack.site,
		'wp-content/plugins/crypto-customer-bridge'
	);
	expect(
		lstatSync( path.join( installed, 'build/checkout/view.js' ) ).isFile()
	).toBe( true );
	expect( existsSync( path.join( installed, 'package.json' ) ) ).toBe(
		false
	);
	await page.goto( `${ stack.url }/wp-admin/plugins.php` );
	const row = page.locator( 'tr[data-slug="crypto-customer-bridge"]' );
	await expect( row ).toHaveClass( /active/ );
	await expect( row.getByRole( 'link', { name: 'Settings' } ) ).toBeVisible();
	await page.goto( `${ stack.url }/pay/` );
	await expect(
		page.getByRole( 'button', { name: 'Pay with crypto' } )
	).toBeVisible();
} );

import {
	addToCart,
	blockCheckout,
	expect,
	login,
	paidOrders,
	sandboxOutcome,
	setLevel,
	shot,
	test,
	waitForOrder,
} from './support/fixtures';

// The merchant's side: the crypto payment panel on WooCommerce's order screen (HPOS or posts).
test( 'the order screen shows the crypto payment panel @smoke @posts', async ( {
	page,
	store,
	shopper: newShopper,
}, testInfo ) => {
	// The order the block checkout test paid at the compliant level, or one placed here the same way.
	let shopper = paidOrders.get( store.name )?.shopper;
	if ( ! shopper ) {
		shopper = newShopper;
		await setLevel( store, 'compliant' );
		await addToCart( page, store, 'test-mug' );
		await blockCheckout( page, store, shopper, { taxId: true } );
		await sandboxOutcome( page, 'Pay in full' );
	}
	const order = await waitForOrder( store, shopper.email, {
		status: 'processing',
		event: 'checkout.completed',
	} );

	await login( page, store );
	await page.goto( order.editUrl );
	const panel = page.locator( '#ccb-crypto-payment' );
	await expect( panel ).toBeVisible();
	await expect( panel.locator( 'h2' ).first() ).toHaveText(
		'Crypto payment'
	);
	await panel.scrollIntoViewIfNeeded();
	await shot( page, testInfo, 'order-screen' );
	// What the bridge has: the checkout, the customer sent with it (and the tax id), its history and audit.
	const details = panel.locator( 'dl.ccb-order-panel' );
	await expect( details ).toContainText(
		`${ order.transactionId } (sandbox)`
	);
	// In the store's price format (German).
	await expect( details ).toContainText( /Amount due\s*15,00\s€/ );
	// The level by its name, as every other screen shows it.
	await expect( details ).toContainText(
		/Customer information level\s*Compliant/
	);
	await expect( details ).toContainText(
		`${ shopper.firstName } ${ shopper.lastName }`
	);
	await expect( details ).toContainText( shopper.email );
	await expect( details ).toContainText( shopper.taxId );
	// Its invoice, downloaded from the panel (the plugin's admin route, with WordPress's nonce).
	const invoice = details.getByRole( 'link', { name: /^INV-\d+ \(PDF\)$/ } );
	await expect( invoice ).toBeVisible();
	const pdf = await page.request.get(
		( await invoice.getAttribute( 'href' ) )!
	);
	expect( pdf.status() ).toBe( 200 );
	expect( pdf.headers()[ 'content-type' ] ).toBe( 'application/pdf' );
	await expect(
		panel.getByRole( 'link', { name: 'Open in Customers' } )
	).toBeVisible();
	await expect( panel.locator( 'ol > li' ) ).not.toHaveCount( 0 );
	await expect( panel.locator( 'ul > li' ).first() ).toBeVisible();

	// The invoice travelled on WooCommerce's own emails (the customer's and the shop's), not in one
	// of its own: the payment's detail records it so.
	await page.goto(
		`${ store.url }/wp-admin/admin.php?page=crypto-customer-bridge-payments#${ order.meta._ccb_checkout_id }`
	);
	const invoices = page.locator( '.ccb-payment__invoices' );
	await expect( invoices ).toContainText(
		`Customer (${ shopper.email }): Attached to the WooCommerce email`
	);
	await expect( invoices ).toContainText(
		/Shop \(.+\): Attached to the WooCommerce email/
	);
} );

import {
	addToCart,
	classicCheckout,
	expect,
	expectCheckoutIdStored,
	inspect,
	noteTexts,
	sandboxOutcome,
	setLevel,
	shot,
	test,
	waitForOrder,
} from './support/fixtures';

// The classic checkout: a page with the [woocommerce_checkout] shortcode, as a guest shopper.
test.describe( 'classic checkout', () => {
	test( 'pays in full: the order is processing @smoke @posts', async ( {
		page,
		store,
		shopper,
	}, testInfo ) => {
		await setLevel( store, 'minimal' );
		await addToCart( page, store, 'test-poster' );
		await classicCheckout( page, store, shopper );
		await expect( page.getByTestId( 'total' ) ).toHaveText( '24.99 EUR' );
		await expect(
			page.getByText(
				`Customer: ${ shopper.firstName } ${ shopper.lastName } <${ shopper.email }>`
			)
		).toBeVisible();
		await sandboxOutcome( page, 'Pay in full' );
		await expect( page ).toHaveURL( /\/order-received\// );
		await shot( page, testInfo, 'order-received' );

		const order = await waitForOrder( store, shopper.email, {
			status: 'processing',
			event: 'checkout.completed',
		} );
		expect( order.createdVia ).toBe( 'checkout' );
		expect( order.total ).toBe( '24.99' );
		expect( order.isPaid ).toBe( true );
		expect( order.meta._ccb_level ).toBe( 'minimal' );
		expectCheckoutIdStored( store, order );
		expect( noteTexts( order ) ).toContain(
			'Crypto payment received in full.'
		);
	} );

	test( 'lets the payment expire and comes back: the order is cancelled once', async ( {
		page,
		store,
		shopper,
	}, testInfo ) => {
		await setLevel( store, 'none' );
		await addToCart( page, store, 'test-mug' );
		await classicCheckout( page, store, shopper );
		await expect(
			page.getByText( 'No customer attached to this charge.' )
		).toBeVisible();
		await sandboxOutcome( page, 'Let it expire' );
		// The sandbox sends the shopper to the order's cancel link: WooCommerce cancels the order.
		await expect(
			page.getByText( 'Your order was cancelled.' )
		).toBeVisible();
		await shot( page, testInfo, 'back-in-cart' );

		// The bridge's expiry event comes afterwards and leaves the cancelled order alone.
		const order = await waitForOrder( store, shopper.email, {
			status: 'cancelled',
			event: 'checkout.expired',
		} );
		expectCheckoutIdStored( store, order );
		const notes = noteTexts( order );
		expect( notes.join( '\n' ) ).toContain(
			'Order cancelled by customer.'
		);
		expect( notes.filter( ( n ) => /expired/.test( n ) ) ).toEqual( [] );
	} );

	// WooCommerce renders additional checkout fields only in the block checkout, so the payment method
	// asks for the tax id itself in the classic form; it reaches the order and the bridge's customer.
	test( 'asks for the tax id at the compliant level and sends it with the customer', async ( {
		page,
		store,
		shopper,
	} ) => {
		await setLevel( store, 'compliant' );
		await addToCart( page, store, 'test-mug' );
		await classicCheckout( page, store, shopper, { taxId: true } );
		await sandboxOutcome( page, 'Pay in full' );
		await expect( page ).toHaveURL( /\/order-received\// );
		const order = await waitForOrder( store, shopper.email, {
			status: 'processing',
			event: 'checkout.completed',
		} );
		expect( order.meta._ccb_level ).toBe( 'compliant' );
		expect( order.meta._ccb_tax_id ).toBe( shopper.taxId );
		expect( order.meta._ccb_customer_id ).toMatch( /^[0-9a-f-]{36}$/ );
		// The bridge's customer, read through the plugin's own signed client.
		const held = await inspect< { customer: { taxId?: string } } >(
			store,
			'eval',
			`return ( new \\CryptoCustomerBridge\\Settings() )->client()->request( 'GET', '/v1/customers/${ order.meta._ccb_customer_id }' );`
		);
		expect( held.customer.taxId ).toBe( shopper.taxId );
	} );

	test( 'asks for no tax id at the levels that do not ask for it', async ( {
		page,
		store,
	} ) => {
		await addToCart( page, store, 'test-mug' );
		for ( const level of [ 'minimal', 'none' ] as const ) {
			await setLevel( store, level );
			await page.goto( store.classicCheckout );
			await expect(
				page.locator( 'form.woocommerce-checkout' )
			).toBeVisible();
			await expect( page.locator( '.blockUI' ) ).toHaveCount( 0 );
			await expect( page.locator( '#payment' ) ).toBeVisible();
			await expect( page.locator( '#ccb_tax_id' ) ).toHaveCount( 0 );
		}
	} );
} );

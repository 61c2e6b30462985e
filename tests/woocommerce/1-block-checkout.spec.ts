import {
	addToCart,
	blockCheckout,
	expect,
	expectCheckoutIdStored,
	neverReturnToShop,
	noteTexts,
	paidOrders,
	sandboxOutcome,
	setLevel,
	shot,
	test,
	waitForOrder,
} from './support/fixtures';

// The block checkout WooCommerce creates on install, as a guest shopper. Tags: @smoke runs on every
// store, @posts also on the legacy post storage.
test.describe( 'block checkout', () => {
	test( 'pays in full: the order is processing @smoke @posts', async ( {
		page,
		store,
		shopper,
	}, testInfo ) => {
		await setLevel( store, 'compliant' );
		await addToCart( page, store, 'test-mug' );
		await blockCheckout( page, store, shopper, {
			taxId: true,
			levelText:
				/Sent with your payment.*First name, Last name, Email address.*Address.*Postal code.*City/,
		} );
		// The hosted page has the charge and, at this level, the customer.
		await expect( page.getByTestId( 'total' ) ).toHaveText( '15.00 EUR' );
		await expect(
			page.getByText(
				`Customer: ${ shopper.firstName } ${ shopper.lastName } <${ shopper.email }>`
			)
		).toBeVisible();
		await shot( page, testInfo, 'sandbox-page' );
		await sandboxOutcome( page, 'Pay in full' );

		// Back on WooCommerce's order-received page.
		await expect( page ).toHaveURL( /\/order-received\// );
		await expect(
			page.getByText( 'Thank you. Your order has been received.' )
		).toBeVisible();
		await shot( page, testInfo, 'order-received' );

		const order = await waitForOrder( store, shopper.email, {
			status: 'processing',
			event: 'checkout.completed',
		} );
		expect( order.paymentMethod ).toBe( 'ccb_crypto' );
		expect( order.createdVia ).toBe( 'store-api' );
		expect( order.isPaid ).toBe( true );
		expect( order.total ).toBe( '15.00' );
		expect( order.currency ).toBe( 'EUR' );
		expect( order.meta._ccb_level ).toBe( 'compliant' );
		expect( order.meta._ccb_customer_id ).toMatch( /^[0-9a-f-]{36}$/ );
		expectCheckoutIdStored( store, order );
		// The processor's checkout id is the transaction id, named in the notes.
		const notes = noteTexts( order );
		expect( notes ).toContain(
			`Crypto checkout ${ order.transactionId } opened; waiting for payment.`
		);
		expect( notes ).toContain( 'Crypto payment received in full.' );
		paidOrders.set( store.name, { email: shopper.email, shopper } );
	} );

	test( 'underpays: the order is on hold with what arrived', async ( {
		page,
		store,
		shopper,
	}, testInfo ) => {
		await setLevel( store, 'minimal' );
		await addToCart( page, store, 'test-mug' );
		await blockCheckout( page, store, shopper, {
			levelText:
				/Sent with your payment.*: First name, Last name, Email address\./,
		} );
		await expect(
			page.getByText(
				`Customer: ${ shopper.firstName } ${ shopper.lastName } <${ shopper.email }>`
			)
		).toBeVisible();
		await sandboxOutcome( page, 'Underpay (send 90 %)' );
		await expect( page ).toHaveURL( /\/order-received\// );

		const order = await waitForOrder( store, shopper.email, {
			status: 'on-hold',
			event: 'checkout.underpaid',
		} );
		await shot( page, testInfo, 'order-received' );
		expect( order.isPaid ).toBe( false );
		expect( order.meta._ccb_level ).toBe( 'minimal' );
		expectCheckoutIdStored( store, order );
		// In the store's own price format (German: "13,50 €"), though the processor reports "13.5".
		expect( noteTexts( order ).join( '\n' ) ).toMatch(
			/The crypto payment was less than the order total: 13,50\s€ received of 15,00\s€ due\./
		);
	} );

	test( 'lets the payment expire and never comes back: reconciliation cancels the order @posts', async ( {
		page,
		store,
		shopper,
	} ) => {
		await setLevel( store, 'none' );
		await addToCart( page, store, 'test-poster' );
		await blockCheckout( page, store, shopper, {
			levelText: /No personal details are sent with this payment\./,
		} );
		await expect(
			page.getByText( 'No customer attached to this charge.' )
		).toBeVisible();
		await expect( page.getByTestId( 'total' ) ).toHaveText( '24.99 EUR' );
		await neverReturnToShop( page );
		await sandboxOutcome( page, 'Let it expire' );
		await expect(
			page.getByText( 'The shopper closed the tab.' )
		).toBeVisible();

		// The processor sends no webhook for expiry: the bridge learns it by asking, then tells the shop.
		const order = await waitForOrder( store, shopper.email, {
			status: 'cancelled',
			event: 'checkout.expired',
		} );
		expect( noteTexts( order ).join( '\n' ) ).toContain(
			'The crypto payment expired before it was made.'
		);
		expect( order.meta._ccb_level ).toBe( 'none' );
		expect( order.meta._ccb_customer_id ).toBe( '' );
		expectCheckoutIdStored( store, order );
	} );
} );

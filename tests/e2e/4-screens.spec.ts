import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import {
	bridgeApi,
	login,
	setSiteOptions,
	shot,
	stack,
	wp,
} from './support/stack';

// Every screen of the product, at a desktop width and on a 390 px phone: a screenshot of each (kept
// as artefacts), no horizontal scrolling, and an axe-core scan of what the plugin renders with zero
// violations (WCAG 2.1 A and AA).
const AXE = createRequire( __filename ).resolve( 'axe-core/axe.min.js' );
const admin = ( slug: string ) =>
	`${ stack.url }/wp-admin/admin.php?page=${ slug }`;

interface AxeResult {
	violations: Array< {
		id: string;
		help: string;
		nodes: Array< { target: string[] } >;
	} >;
}

async function accessible( page: Page, scope: string ): Promise< void > {
	await page.addScriptTag( { path: AXE } );
	const result = await page.evaluate(
		async ( include ) =>
			(
				window as unknown as {
					axe: {
						run: ( c: unknown, o: unknown ) => Promise< unknown >;
					};
				}
			 ).axe.run(
				{ include: [ include ] },
				{
					runOnly: {
						type: 'tag',
						values: [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ],
					},
				}
			),
		scope
	);
	const violations = ( result as AxeResult ).violations.map(
		( v ) =>
			`${ v.id }: ${ v.help } (${ v.nodes
				.map( ( n ) => n.target.join( ' ' ) )
				.join( ', ' ) })`
	);
	expect( violations ).toEqual( [] );
}

async function fitsTheScreen( page: Page ): Promise< void > {
	const overflow = await page.evaluate(
		() =>
			document.documentElement.scrollWidth -
			document.documentElement.clientWidth
	);
	expect( overflow ).toBeLessThanOrEqual( 1 );
}

async function check(
	page: Page,
	testInfo: TestInfo,
	name: string,
	scope: string
): Promise< void > {
	await page.waitForLoadState( 'networkidle' );
	await expect( page.locator( scope ) ).toBeVisible();
	await expect(
		page.locator( `${ scope } .components-spinner` )
	).toHaveCount( 0 );
	await shot( page, testInfo, name );
	await fitsTheScreen( page );
	await accessible( page, scope );
}

/** A paid payment of the demo page's block, with a customer, made through the bridge's API. */
async function paidPayment() {
	const api = bridgeApi();
	const created = await api(
		'POST',
		'/v1/checkouts',
		{
			level: 'compliant',
			orderRef: `wp-1-${ randomUUID().replace( /-/g, '' ).slice( 0, 20 ) }`,
			currency: 'EUR',
			lineItems: [
				{ description: 'Sticker', netAmount: '12.50', quantity: 2 },
			],
			expectedTotal: '25.00',
			returnUrl: `${ stack.url }/pay/`,
			cancelUrl: `${ stack.url }/pay/`,
			customer: {
				firstName: 'Maximiliane',
				lastName: 'Oberhuber-Wittelsbach',
				email: `screens-${ randomUUID().slice( 0, 8 ) }@example.com`,
				addressLine1: 'Schleißheimer Straße 1',
				postalCode: '80333',
				city: 'München',
				countryCode: 'DE',
			},
		},
		{ 'idempotency-key': randomUUID() }
	);
	expect( created.status ).toBe( 201 );
	return created.body.checkout as {
		id: string;
		url: string;
		orderRef: string;
		customerId: string;
	};
}

for ( const [ device, viewport ] of [
	[ 'desktop', { width: 1280, height: 900 } ],
	[ 'phone', { width: 390, height: 844 } ],
] as const ) {
	test( `every screen reads well and passes axe on a ${ device }`, async ( {
		page,
	}, testInfo ) => {
		test.setTimeout( 180_000 );
		setSiteOptions( {
			level: 'minimal',
			threshold: { amount: '', currency: '' },
			locale: '',
		} );
		await page.setViewportSize( viewport );
		const payment = await paidPayment();
		await login( page );

		await page.goto( admin( 'crypto-customer-bridge' ) );
		await check(
			page,
			testInfo,
			`${ device }-settings`,
			'#ccb-settings-root'
		);

		await page.goto( admin( 'crypto-customer-bridge-payments' ) );
		await check(
			page,
			testInfo,
			`${ device }-payments`,
			'#ccb-payments-root'
		);
		await page.goto(
			`${ admin( 'crypto-customer-bridge-payments' ) }#${ payment.id }`
		);
		await expect(
			page.getByRole( 'heading', { level: 2 } ).first()
		).toBeVisible();
		await check(
			page,
			testInfo,
			`${ device }-payment-detail`,
			'#ccb-payments-root'
		);

		const customers = admin( 'crypto-customer-bridge-customers' );
		await page.goto( customers );
		await check(
			page,
			testInfo,
			`${ device }-customers`,
			'#ccb-customers-root'
		);
		await page.goto( `${ customers }#${ payment.customerId }` );
		await expect(
			page.getByRole( 'heading', {
				name: 'Maximiliane Oberhuber-Wittelsbach',
			} )
		).toBeVisible();
		await check(
			page,
			testInfo,
			`${ device }-customer-detail`,
			'#ccb-customers-root'
		);
		await page.goto( `${ customers }#${ payment.customerId }/edit` );
		await expect(
			page.getByRole( 'heading', { name: 'Edit customer' } )
		).toBeVisible();
		await check(
			page,
			testInfo,
			`${ device }-customer-edit`,
			'#ccb-customers-root'
		);
		await page.goto( `${ customers }#new` );
		await check(
			page,
			testInfo,
			`${ device }-customer-new`,
			'#ccb-customers-root'
		);

		// The shopper's side: the form, the hosted SANDBOX page, the receipt.
		await page.goto( `${ stack.url }/pay/` );
		await check(
			page,
			testInfo,
			`${ device }-shopper-form`,
			'.ccb-checkout'
		);
		await page.goto( payment.url );
		await check( page, testInfo, `${ device }-sandbox-page`, 'body' );
		await page.getByRole( 'button', { name: 'Pay in full' } ).click();
		await page.goto(
			`${ stack.url }/pay/?ccb_order=${ encodeURIComponent( payment.orderRef ) }`
		);
		await expect( page.getByRole( 'status' ) ).toHaveText(
			'Payment received. Thank you!'
		);
		await check( page, testInfo, `${ device }-receipt`, '.ccb-checkout' );
	} );
}

test( "the shopper's form as the server renders it after a refused post (no script), at compliant, passes axe", async ( {
	page,
}, testInfo ) => {
	setSiteOptions( {
		level: 'compliant',
		threshold: { amount: '', currency: '' },
		locale: '',
	} );
	try {
		// The enhancement script kept away: the form posts to its page and PHP answers.
		await page.route( /\/checkout\/view\.js/, ( route ) => route.abort() );
		await page.goto( `${ stack.url }/pay/` );
		const box = ( name: string ) =>
			page.getByRole( 'textbox', { name, exact: true } );
		await box( 'First name' ).fill( 'Grace' );
		await box( 'Last name' ).fill( 'Hopper' );
		await box( 'Email address' ).fill( 'grace@navy' );
		await box( 'Address' ).fill( '1 Navy Yard' );
		await box( 'City' ).fill( 'Washington' );
		await page
			.getByRole( 'combobox', { name: 'Country' } )
			.selectOption( 'US' );
		await page.getByRole( 'button', { name: 'Pay with crypto' } ).click();
		await expect( page.getByRole( 'alert' ) ).toHaveText(
			'Please check the highlighted fields.'
		);
		await check( page, testInfo, 'shopper-form-refused', '.ccb-checkout' );
	} finally {
		setSiteOptions( { level: 'minimal' } );
	}
} );

test( 'the admin in German: every screen, the site date format', async ( {
	page,
}, testInfo ) => {
	setSiteOptions( { locale: 'de_DE' } );
	wp( `update_option( 'date_format', 'd.m.Y' ); return true;` );
	try {
		await login( page );
		await page.goto( admin( 'crypto-customer-bridge' ) );
		await expect(
			page.getByRole( 'button', { name: 'Einstellungen speichern' } )
		).toBeVisible();
		await page.goto( admin( 'crypto-customer-bridge-payments' ) );
		await expect(
			page.getByRole( 'list', { name: 'Zahlungen nach Status' } )
		).toBeVisible();
		await expect(
			page.locator( '.ccb-payments__table tbody tr a' ).first()
		).toHaveText( /^\d\d\.\d\d\.\d{4} / );
		await shot( page, testInfo, 'de-payments' );
		await page.goto( admin( 'crypto-customer-bridge-customers' ) );
		await expect(
			page.getByRole( 'region', { name: 'Kundenstatistik' } )
		).toBeVisible();
		await shot( page, testInfo, 'de-customers' );
	} finally {
		setSiteOptions( { locale: '' } );
		wp( `update_option( 'date_format', 'F j, Y' ); return true;` );
	}
} );

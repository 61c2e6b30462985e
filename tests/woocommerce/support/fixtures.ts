import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import {
	test as base,
	expect,
	type Locator,
	type Page,
	type Request,
	type TestInfo,
} from '@playwright/test';
import { STORES_ENV, type RunningStore } from './stores';

export { expect };

const ROOT = path.resolve( __dirname, '../../..' );
const run = promisify( execFile );

export type Level = 'none' | 'minimal' | 'compliant';

export interface OrderNote {
	content: string;
	customer: boolean;
	by: string;
}

/** An order as dev/woocommerce/inspect.php reads it. */
export interface Order {
	id: number;
	status: string;
	paymentMethod: string;
	transactionId: string;
	total: string;
	currency: string;
	isPaid: boolean;
	billingEmail: string;
	createdVia: string;
	editUrl: string;
	notes: OrderNote[];
	/** Types of the bridge events the site handled for this order's checkouts, oldest first. */
	events: string[];
	meta: Record< string, unknown > & {
		_ccb_checkout_id: string;
		_ccb_level: string;
		_ccb_customer_id: string;
	};
	checkoutIdRows: { wc_orders_meta: string[]; postmeta: string[] };
}

/** The project's store (its `storeName` option), and a new shopper per test. */
export const test = base.extend<
	{ store: RunningStore; shopper: Shopper },
	{ storeName: string }
>( {
	storeName: [ 'hpos', { scope: 'worker', option: true } ],
	store: async ( { storeName }, provide ) => {
		const running = JSON.parse(
			process.env[ STORES_ENV ] ?? '{}'
		) as Record< string, RunningStore >;
		const store = running[ storeName ];
		if ( ! store ) {
			throw new Error(
				`Store ${ storeName } is not running (global setup starts the stores CCB_STORES names).`
			);
		}
		await provide( store );
	},
	shopper: async ( {}, provide, testInfo ) => {
		await provide( newShopper( testInfo ) );
	},
} );

/** Runs dev/woocommerce/inspect.php in the store (every plugin loaded) and returns its JSON. */
export async function inspect< T = unknown >(
	store: RunningStore,
	...args: string[]
): Promise< T > {
	// A compile cache these short PHP processes share (dev/woocommerce/store.mjs made its folder).
	const opcache = [
		'-d',
		'opcache.enable_cli=1',
		'-d',
		`opcache.file_cache=${ path.join( store.dir, 'opcache' ) }`,
		'-d',
		'opcache.file_cache_only=1',
	];
	const { stdout } = await run(
		'php',
		[
			...opcache,
			path.join( ROOT, 'dev/woocommerce/inspect.php' ),
			store.site,
			store.url,
			...args,
		],
		{ encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }
	);
	return JSON.parse( stdout.trim().split( '\n' ).pop() || 'null' ) as T;
}

export function orderByEmail(
	store: RunningStore,
	email: string
): Promise< Order | null > {
	return inspect< Order | null >( store, 'order-by-email', email );
}

/**
 * An order a test saw paid in full at the compliant level, per store, for the tests that follow
 * in the same worker (the merchant's view of it); a test run alone places its own.
 */
export const paidOrders = new Map<
	string,
	{ email: string; shopper: Shopper }
>();

/** The level each store was last set to in this worker (tests run one after another). */
const levels = new Map< string, Level >();

/** Sets the plugin's customer information level; the plugin pushes it to the bridge at once. */
export async function setLevel(
	store: RunningStore,
	level: Level
): Promise< void > {
	if ( levels.get( store.name ) === level ) {
		return;
	}
	levels.delete( store.name );
	const result = await inspect< {
		level: string;
		sync: { ok: boolean; message: string } | false;
	} >( store, 'level', level );
	expect( result.level ).toBe( level );
	expect(
		result.sync && result.sync.ok,
		`the bridge took the level: ${ JSON.stringify( result.sync ) }`
	).toBe( true );
	levels.set( store.name, level );
}

export interface Expected {
	status: string;
	/** A bridge event the site must have handled first (it is recorded once its handlers ran). */
	event?: string;
	/** A note the order must have. */
	note?: string | RegExp;
}

/**
 * Waits until the shopper's order is as expected and returns it. Bridge events reach WordPress from
 * the bridge's outbox asynchronously; expiry comes from the bridge's reconciliation.
 */
export async function waitForOrder(
	store: RunningStore,
	email: string,
	expected: Expected,
	timeout = 30_000
): Promise< Order > {
	const matches = ( order: Order ) =>
		order.status === expected.status &&
		( ! expected.event || order.events.includes( expected.event ) ) &&
		( ! expected.note ||
			order.notes.some( ( n ) =>
				typeof expected.note === 'string'
					? n.content.includes( expected.note )
					: expected.note!.test( n.content )
			) );
	let last: Order | null = null;
	try {
		await expect
			.poll(
				async () => {
					last = await orderByEmail( store, email );
					return last !== null && matches( last );
				},
				{ timeout, intervals: [ 250, 500, 1000 ] }
			)
			.toBe( true );
	} catch ( error ) {
		( error as Error ).message =
			`The order of ${ email } did not become ${ JSON.stringify(
				expected,
				( _k, v ) => ( v instanceof RegExp ? String( v ) : v )
			) } in ${ timeout } ms; last seen: ${ JSON.stringify(
				last,
				null,
				1
			) }\n${ ( error as Error ).message }`;
		throw error;
	}
	return last!;
}

export interface Shopper {
	email: string;
	firstName: string;
	lastName: string;
	address: string;
	postcode: string;
	city: string;
	phone: string;
	taxId: string;
}

function newShopper( testInfo: TestInfo ): Shopper {
	// Unique per test and run, and short enough for an email address's local part.
	const tag = `${ testInfo.project.name
		.replace( /[^a-z0-9]/gi, '' )
		.slice( 0, 16 ) }-${ Date.now().toString( 36 ) }${ randomBytes(
		2
	).toString( 'hex' ) }`.toLowerCase();
	return {
		email: `shopper-${ tag }@example.com`,
		firstName: 'Erika',
		lastName: 'Mustermann',
		address: 'Heidestraße 17',
		postcode: '51147',
		city: 'Köln',
		phone: '+49 221 1234567',
		taxId: 'DE123456789',
	};
}

/** Adds a product to the cart from its product page, as a shopper does. */
export async function addToCart(
	page: Page,
	store: RunningStore,
	sku: string
): Promise< void > {
	const product = store.products.find( ( p ) => p.sku === sku )!;
	await page.goto( product.url );
	await page.locator( 'button[name="add-to-cart"]' ).click();
	await expect(
		page.getByText( `“${ product.name }” has been added to your cart` )
	).toBeVisible();
}

/**
 * Places the order and waits for the sandbox's hosted payment page. The checkout settles first (it
 * sends address updates as they are typed); a click it still ignores — no order request follows —
 * is repeated, as a shopper would.
 */
async function placeOrder(
	page: Page,
	store: RunningStore,
	button: Locator,
	orderRequest: RegExp
): Promise< void > {
	let sent = false;
	const onRequest = ( request: Request ) => {
		// Not the block checkout's own updates (additional fields), which go to the same route.
		if (
			request.method() === 'POST' &&
			orderRequest.test( request.url() ) &&
			! request.url().includes( '__experimental_calc_totals' )
		) {
			sent = true;
		}
	};
	page.on( 'request', onRequest );
	try {
		await page.waitForLoadState( 'networkidle' );
		for ( let attempt = 1; ! sent; attempt++ ) {
			await button.click();
			const deadline = Date.now() + 5_000;
			while ( ! sent && Date.now() < deadline ) {
				await page.waitForTimeout( 100 );
			}
			if ( ! sent && attempt === 3 ) {
				throw new Error(
					'The checkout sent no order after three clicks on its place-order button'
				);
			}
		}
		await page
			.waitForURL(
				( url ) =>
					url.href.startsWith(
						`${ store.bridgeUrl }/sandbox/checkout/`
					),
				{ timeout: 30_000 }
			)
			.catch( async ( error: Error ) => {
				// Say what the shopper was told instead.
				const notices = await page
					.locator(
						'.wc-block-components-notice-banner, .wc-block-components-validation-error, .woocommerce-error, .woocommerce-NoticeGroup'
					)
					.allInnerTexts();
				error.message += `\nnotices on ${ page.url() }: ${ JSON.stringify(
					notices
				) }`;
				throw error;
			} );
	} finally {
		page.off( 'request', onRequest );
	}
}

/** Fills WooCommerce's block checkout as a guest and places the order with "Pay with crypto". */
export async function blockCheckout(
	page: Page,
	store: RunningStore,
	shopper: Shopper,
	options: { taxId?: boolean; levelText?: RegExp } = {}
): Promise< void > {
	await page.goto( store.blockCheckout );
	await expect(
		page.locator( '.wp-block-woocommerce-checkout' )
	).toBeVisible();
	await page.locator( '#email' ).fill( shopper.email );
	// One address (billing = shipping, WooCommerce's default); the country is the store's: Germany.
	await page.locator( '#shipping-first_name' ).fill( shopper.firstName );
	await page.locator( '#shipping-last_name' ).fill( shopper.lastName );
	await page.locator( '#shipping-address_1' ).fill( shopper.address );
	await page.locator( '#shipping-postcode' ).fill( shopper.postcode );
	await page.locator( '#shipping-city' ).fill( shopper.city );
	if ( options.taxId ) {
		// This plugin's field, through WooCommerce's additional checkout fields.
		await page.getByLabel( /Tax ID \(VAT number\)/ ).fill( shopper.taxId );
	}
	await page
		.locator( '#radio-control-wc-payment-method-options-ccb_crypto' )
		.check();
	if ( options.levelText ) {
		// What the payment method tells the shopper is sent with the payment, per level.
		await expect( page.locator( '.ccb-wc-payment-method' ) ).toContainText(
			options.levelText
		);
	}
	await placeOrder(
		page,
		store,
		page.getByRole( 'button', { name: /place order/i } ),
		/\/wc\/store\/v1\/checkout/
	);
}

/** Fills the classic `[woocommerce_checkout]` form as a guest and places the order with "Pay with crypto". */
export async function classicCheckout(
	page: Page,
	store: RunningStore,
	shopper: Shopper,
	options: { taxId?: boolean } = {}
): Promise< void > {
	await page.goto( store.classicCheckout );
	await expect( page.locator( 'form.woocommerce-checkout' ) ).toBeVisible();
	await page.locator( '#billing_first_name' ).fill( shopper.firstName );
	await page.locator( '#billing_last_name' ).fill( shopper.lastName );
	await page.locator( '#billing_address_1' ).fill( shopper.address );
	await page.locator( '#billing_postcode' ).fill( shopper.postcode );
	await page.locator( '#billing_city' ).fill( shopper.city );
	await page.locator( '#billing_phone' ).fill( shopper.phone );
	await page.locator( '#billing_email' ).fill( shopper.email );
	// The payment methods are rendered again after each address change (update_order_review).
	await expect( page.locator( '.blockUI' ) ).toHaveCount( 0 );
	const method = page.locator( '#payment_method_ccb_crypto' );
	if ( await method.isVisible() ) {
		await method.check();
	} else {
		// The only method: WooCommerce hides its radio button and selects it.
		await expect( method ).toBeChecked();
	}
	await expect( page.locator( '.blockUI' ) ).toHaveCount( 0 );
	if ( options.taxId ) {
		// The payment method's own input: additional checkout fields are a block-checkout feature.
		await page
			.locator( '.payment_method_ccb_crypto' )
			.getByLabel( /Tax ID \(VAT number\)/ )
			.fill( shopper.taxId );
	}
	await placeOrder(
		page,
		store,
		page.locator( '#place_order' ),
		/wc-ajax=checkout/
	);
}

export type Outcome = 'Pay in full' | 'Underpay (send 90 %)' | 'Let it expire';

/** On the hosted sandbox page: checks it is the sandbox and open, then takes one of the payer's outcomes. */
export async function sandboxOutcome(
	page: Page,
	outcome: Outcome
): Promise< void > {
	await expect(
		page.getByText( 'SANDBOX — a test checkout.' )
	).toBeVisible();
	await expect( page.getByTestId( 'state' ) ).toHaveText( 'open' );
	await page.getByRole( 'button', { name: outcome } ).click();
}

/**
 * The shopper closes the tab on the payment page: the outcome is taken (the browser's request goes
 * to the sandbox), but the sandbox's redirect back to the shop's cancel link is never followed.
 */
export async function neverReturnToShop( page: Page ): Promise< void > {
	await page.route(
		/\/sandbox\/checkout\/[^/]+\/expire$/,
		async ( route ) => {
			const response = await route.fetch( { maxRedirects: 0 } );
			expect( response.status(), 'the sandbox took the outcome' ).toBe(
				303
			);
			await route.fulfill( {
				status: 200,
				contentType: 'text/html',
				body: '<!doctype html><title>closed</title><p>The shopper closed the tab.</p>',
			} );
		}
	);
}

export async function login(
	page: Page,
	store: RunningStore
): Promise< void > {
	await page.goto( `${ store.url }/wp-login.php` );
	await page.locator( '#user_login' ).fill( store.admin.user );
	await page.locator( '#user_pass' ).fill( store.admin.password );
	await page.locator( '#wp-submit' ).click();
	await page.waitForURL( /wp-admin/ );
}

/** Saves a full-page screenshot as an artifact of the running test. */
export async function shot(
	page: Page,
	testInfo: TestInfo,
	name: string
): Promise< void > {
	const file = testInfo.outputPath(
		`${ String( testInfo.attachments.length + 1 ).padStart(
			2,
			'0'
		) }-${ name }.png`
	);
	await page.screenshot( { path: file, fullPage: true } );
	await testInfo.attach( name, { path: file, contentType: 'image/png' } );
}

/** The notes' texts, oldest first. */
export const noteTexts = ( order: Order ) =>
	order.notes.map( ( n ) => n.content );

/** The checkout id is stored in the table of the order storage in use, and only there. */
export function expectCheckoutIdStored(
	store: RunningStore,
	order: Order
): void {
	const id = order.meta._ccb_checkout_id;
	expect( id ).toMatch( /^[0-9a-f-]{36}$/ );
	const [ used, unused ] = store.hpos
		? ( [ 'wc_orders_meta', 'postmeta' ] as const )
		: ( [ 'postmeta', 'wc_orders_meta' ] as const );
	expect(
		order.checkoutIdRows[ used ],
		`wp_${ used } holds _ccb_checkout_id`
	).toEqual( [ id ] );
	expect(
		order.checkoutIdRows[ unused ],
		`wp_${ unused } does not (no sync between the storages)`
	).toEqual( [] );
}

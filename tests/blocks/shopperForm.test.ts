import { screen, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { enhance } from '../../blocks/checkout/view';

// The page as render.php writes it (plugin/src/Blocks/CheckoutForm.php and Receipt.php; their own
// output is tested in tests/php/ShopperPageTest.php): the script only enhances it.

function field(
	name: string,
	label: string,
	attrs: string,
	control = 'input'
): string {
	const id = `ccb1-${ name }`;
	const input =
		control === 'select'
			? `<select id="${ id }" name="ccb[${ name }]" ${ attrs }><option value="">Choose a country<option value=DE>Germany<option value=AE data-no-postcode>United Arab Emirates</select>`
			: `<input id="${ id }" name="ccb[${ name }]" ${ attrs }>`;
	return `<div class="ccb-field"><label for="${ id }">${ label }</label>${ input }</div>`;
}

const MINIMAL = [
	field( 'firstName', 'First name', 'required maxlength="32"' ),
	field( 'lastName', 'Last name', 'required maxlength="32"' ),
	field(
		'email',
		'Email address',
		'required type="email" data-invalid="Enter a valid email address, like name@example.com."'
	),
];
const COMPLIANT = [
	...MINIMAL,
	field( 'company', 'Company', 'maxlength="64"' ),
	field( 'addressLine1', 'Address', 'required' ),
	field( 'postalCode', 'Postal code', 'data-postcode' ),
	field( 'city', 'City', 'required' ),
	field( 'countryCode', 'Country', 'required', 'select' ),
	field(
		'phone',
		'Phone',
		'type="tel" pattern="^\\+?[0-9][0-9 \\(\\)\\.\\/\\-]{3,}$" data-invalid="Enter a valid phone number: digits, with an optional leading +."'
	),
];

function mount( fields: string[], notice = '' ): HTMLElement {
	document.body.innerHTML = `<div class="ccb-checkout" data-block="block-1234"><form class="ccb-checkout__form" method="post" data-rest="/wp-json/ccb/v1/checkouts" data-required="This field is required." data-level="${ fields.length > 3 ? 'compliant' : 'minimal' }" data-offline="Your connection seems to be down. Nothing was charged; please try again.">${ fields.join(
		''
	) }<input type="hidden" name="ccb_post" value="7"><input type="hidden" name="ccb_block" value="block-1234"><input type="hidden" name="ccb_attempt" value="attempt-0001"><input type="hidden" name="ccb_nonce" value="n0nce"><div class="is-info" role="alert"${ notice ? '' : ' hidden' }>${ notice }</div><button type="submit">Pay with crypto</button></form></div>`;
	const root = document.querySelector< HTMLElement >( '.ccb-checkout' )!;
	enhance( root, assign );
	return root;
}

const respond = ( status: number, body: unknown ) =>
	jest.fn().mockResolvedValue( {
		ok: status < 300,
		status,
		json: async () => body,
	} );

let assign: jest.Mock;
let submit: jest.SpyInstance;
beforeEach( () => {
	assign = jest.fn();
	submit = jest
		.spyOn( HTMLFormElement.prototype, 'submit' )
		.mockImplementation( () => {} );
} );
afterEach( () => {
	jest.restoreAllMocks();
	// What a test typed is remembered for the tab; the next test starts afresh.
	window.sessionStorage.clear();
} );

const box = ( name: string ) => screen.getByRole( 'textbox', { name } );
const pay = () => screen.getByRole( 'button', { name: 'Pay with crypto' } );

async function fillMinimal() {
	await userEvent.type( box( 'First name' ), 'Grace' );
	await userEvent.type( box( 'Last name' ), 'Hopper' );
	await userEvent.type( box( 'Email address' ), 'grace@navy.example' );
}

describe( 'the payment form', () => {
	it( 'shows each problem under its field from the HTML constraints, marks it invalid, focuses the first, and sends nothing', async () => {
		const fetch = ( globalThis.fetch = jest.fn() );
		mount( COMPLIANT );
		await userEvent.type( box( 'Email address' ), 'not-an-email' );
		await userEvent.type( box( 'Phone' ), 'call me' );
		await userEvent.click( pay() );
		expect( box( 'First name' ) ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( box( 'First name' ) ).toHaveAccessibleDescription(
			'This field is required.'
		);
		expect( box( 'First name' ) ).toHaveFocus();
		expect( box( 'Email address' ) ).toHaveAccessibleDescription(
			'Enter a valid email address, like name@example.com.'
		);
		expect( box( 'Phone' ) ).toHaveAccessibleDescription(
			'Enter a valid phone number: digits, with an optional leading +.'
		);
		// No country chosen yet: a postcode is asked.
		expect( box( 'Postal code' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( box( 'Company' ) ).toHaveAttribute( 'aria-invalid', 'false' );
		expect( fetch ).not.toHaveBeenCalled();
	} );

	it( 'requires the postcode only in a country that has postcodes', async () => {
		const fetch = ( globalThis.fetch = respond( 200, {
			redirectUrl: 'https://pay.example/x',
		} ) );
		mount( COMPLIANT );
		const country = screen.getByRole( 'combobox', { name: 'Country' } );
		await userEvent.selectOptions( country, 'DE' );
		expect( box( 'Postal code' ) ).toBeRequired();
		await userEvent.selectOptions( country, 'AE' );
		expect( box( 'Postal code' ) ).not.toBeRequired();
		await fillMinimal();
		await userEvent.type( box( 'Address' ), 'Sheikh Zayed Road 1' );
		await userEvent.type( box( 'City' ), 'Dubai' );
		await userEvent.click( pay() );
		await waitFor( () =>
			expect( assign ).toHaveBeenCalledWith( 'https://pay.example/x' )
		);
		expect(
			JSON.parse( fetch.mock.calls[ 0 ][ 1 ].body ).customer
		).toMatchObject( { countryCode: 'AE', postalCode: '', city: 'Dubai' } );
	} );

	it( 'submits to the REST route with the nonce and the attempt id, remembers what was typed, and goes to the payment page', async () => {
		const fetch = ( globalThis.fetch = respond( 200, {
			redirectUrl: 'https://pay.example/abc',
		} ) );
		mount( MINIMAL );
		await fillMinimal();
		await userEvent.click( pay() );
		await userEvent.click( pay() ); // A double click: the same attempt.
		await waitFor( () =>
			expect( assign ).toHaveBeenCalledWith( 'https://pay.example/abc' )
		);
		const [ url, init ] = fetch.mock.calls[ 0 ];
		expect( url ).toBe( '/wp-json/ccb/v1/checkouts' );
		expect( init.headers[ 'X-WP-Nonce' ] ).toBe( 'n0nce' );
		expect( JSON.parse( init.body ) ).toEqual( {
			postId: 7,
			blockId: 'block-1234',
			// Made in the browser: a page cache cannot hand two shoppers the same one.
			attempt: expect.stringMatching( /^[0-9a-f-]{36}$/ ),
			customer: {
				firstName: 'Grace',
				lastName: 'Hopper',
				email: 'grace@navy.example',
			},
		} );
		// Back from a cancel: the form comes back filled in.
		mount( MINIMAL, 'Payment cancelled. Nothing was charged.' );
		expect( box( 'Email address' ) ).toHaveValue( 'grace@navy.example' );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Payment cancelled. Nothing was charged.'
		);
	} );

	it( "shows the bridge's field errors next to the fields, with its notice, without a reload", async () => {
		globalThis.fetch = respond( 400, {
			code: 'ccb_validation_failed',
			message: 'Please check the highlighted fields.',
			data: {
				status: 400,
				fields: {
					email: {
						code: 'invalid_email',
						message: 'Geben Sie eine gültige E-Mail-Adresse ein.',
					},
				},
				level: null,
			},
		} );
		mount( MINIMAL );
		await fillMinimal();
		await userEvent.click( pay() );
		await waitFor( () =>
			expect( box( 'Email address' ) ).toHaveAccessibleDescription(
				'Geben Sie eine gültige E-Mail-Adresse ein.'
			)
		);
		expect( box( 'Email address' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( box( 'Email address' ) ).toHaveFocus();
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Please check the highlighted fields.'
		);
		expect( pay() ).toBeEnabled();
		expect( submit ).not.toHaveBeenCalled();
	} );

	it( 'lets the server render the fields when the bridge asks for a higher level, or the answer is unknown', async () => {
		globalThis.fetch = respond( 400, {
			message: 'Please check the highlighted fields.',
			data: { fields: {}, level: 'compliant' },
		} );
		mount( MINIMAL );
		await fillMinimal();
		await userEvent.click( pay() );
		await waitFor( () => expect( submit ).toHaveBeenCalledTimes( 1 ) );
		// An HTML error page instead of JSON.
		globalThis.fetch = jest.fn().mockResolvedValue( {
			ok: false,
			status: 502,
			json: async () => JSON.parse( '<html>' ),
		} );
		mount( MINIMAL );
		await fillMinimal();
		await userEvent.click( pay() );
		await waitFor( () => expect( submit ).toHaveBeenCalledTimes( 2 ) );
	} );

	it( 'says so plainly when the service is down or the network fails', async () => {
		globalThis.fetch = respond( 503, {
			code: 'ccb_bridge_unreachable',
			message:
				'Payments are temporarily unavailable. Nothing was charged; please try again in a few minutes.',
			data: { status: 503 },
		} );
		mount( MINIMAL );
		await fillMinimal();
		await userEvent.click( pay() );
		await waitFor( () =>
			expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
				'Payments are temporarily unavailable.'
			)
		);
		globalThis.fetch = jest.fn().mockRejectedValue( new TypeError() );
		await userEvent.click( pay() );
		await waitFor( () =>
			expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
				'Your connection seems to be down.'
			)
		);
		expect( assign ).not.toHaveBeenCalled();
	} );
} );

function receipt( status: string, final: boolean ): HTMLElement {
	document.body.innerHTML = `<div class="ccb-checkout" data-block="block-1234"><section class="ccb-receipt" data-order="wp-7-0123456789abcdef0123" data-rest="/wp-json/ccb/v1/checkouts/status"><h2>Your payment</h2><p class="ccb-checkout__status" role="status" aria-live="polite" data-status="${ status }">Waiting for the payment to be confirmed…</p><dl><div><dt>Order reference</dt><dd>wp-7-0123456789abcdef0123</dd></div><div><dt>Amount</dt><dd>€64.97</dd></div><div class="ccb-receipt__received" hidden><dt>Received</dt><dd></dd></div></dl><p class="ccb-receipt__next">Crypto payments take a few minutes to confirm.</p><p><a class="ccb-receipt__check" href="?ccb_order=wp-7-0123456789abcdef0123"${ final ? ' hidden' : '' }>Check again</a><a class="ccb-receipt__again" href="/pay/" hidden>Pay again</a><a class="ccb-receipt__invoice" href="" hidden>Download your invoice (PDF)</a></p></section></div>`;
	const root = document.querySelector< HTMLElement >( '.ccb-checkout' )!;
	enhance( root );
	return root;
}

describe( 'the receipt', () => {
	it( 'offers the invoice once the payment is complete, through the signed link the site made', async () => {
		jest.useFakeTimers();
		try {
			globalThis.fetch = jest.fn().mockResolvedValue( {
				ok: true,
				status: 200,
				json: async () => ( {
					status: 'completed',
					final: true,
					message: 'Payment received. Thank you!',
					next: 'The shop has your payment.',
					received: null,
					invoiceUrl:
						'https://shop.example/?ccb_invoice=abc&ccb_expires=1&ccb_sig=f00',
				} ),
			} );
			receipt( 'open', false );
			expect(
				screen.queryByRole( 'link', {
					name: 'Download your invoice (PDF)',
				} )
			).toBe( null );
			await jest.advanceTimersByTimeAsync( 1500 );
			expect(
				screen.getByRole( 'link', {
					name: 'Download your invoice (PDF)',
				} )
			).toHaveAttribute(
				'href',
				'https://shop.example/?ccb_invoice=abc&ccb_expires=1&ccb_sig=f00'
			);
		} finally {
			jest.useRealTimers();
		}
	} );

	it( 'keeps the status current until it is final, then forgets what was typed', async () => {
		jest.useFakeTimers();
		try {
			window.sessionStorage.setItem(
				'ccb-typed-block-1234',
				'{"firstName":"Grace"}'
			);
			const fetch = ( globalThis.fetch = jest
				.fn()
				.mockResolvedValueOnce( {
					ok: true,
					status: 200,
					json: async () => ( {
						status: 'open',
						final: false,
						message: 'Waiting for the payment to be confirmed…',
						next: 'Crypto payments take a few minutes to confirm.',
						received: null,
					} ),
				} )
				.mockResolvedValue( {
					ok: true,
					status: 200,
					json: async () => ( {
						status: 'underpaid',
						final: true,
						message:
							'The payment was less than the amount due. The shop will contact you about the difference.',
						next: 'Nothing more is needed from you right now.',
						received: '€60.00',
					} ),
				} ) );
			receipt( 'open', false );
			await jest.advanceTimersByTimeAsync( 1500 );
			expect( fetch ).toHaveBeenCalledWith(
				'/wp-json/ccb/v1/checkouts/status?order=wp-7-0123456789abcdef0123'
			);
			expect( screen.getByRole( 'status' ) ).toHaveTextContent(
				'The payment was less than the amount due.'
			);
			expect( screen.getByText( '€60.00' ) ).toBeVisible();
			expect(
				screen.queryByRole( 'link', { name: 'Check again' } )
			).toBe( null );
			await jest.advanceTimersByTimeAsync( 10_000 );
			expect( fetch ).toHaveBeenCalledTimes( 2 );
			expect(
				window.sessionStorage.getItem( 'ccb-typed-block-1234' )
			).toBe( null );
		} finally {
			jest.useRealTimers();
		}
	} );

	it( 'after an expiry keeps what was typed, for paying again', () => {
		globalThis.fetch = jest.fn();
		window.sessionStorage.setItem(
			'ccb-typed-block-1234',
			'{"firstName":"Grace"}'
		);
		receipt( 'expired', true );
		expect( globalThis.fetch ).not.toHaveBeenCalled();
		expect( window.sessionStorage.getItem( 'ccb-typed-block-1234' ) ).toBe(
			'{"firstName":"Grace"}'
		);
	} );
} );

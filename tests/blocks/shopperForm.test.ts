import { CheckoutForm } from '../../blocks/checkout/shopper/form';
import { showStatus } from '../../blocks/checkout/shopper/status';
import type { Config } from '../../blocks/checkout/shopper/dom';
import { screen, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';

const config = ( over: Partial< Config > = {} ): Config => ( {
	postId: 7,
	blockId: 'block-1234',
	siteLevel: 'minimal',
	blockLevel: '',
	threshold: null,
	currency: 'EUR',
	total: '64.97',
	buttonLabel: '',
	restUrl: '/wp-json/ccb/v1/',
	nonce: 'n0nce',
	order: '',
	cancelled: false,
	...over,
} );

function mount( c: Config, navigate = jest.fn() ) {
	document.body.innerHTML = '<div id="app"></div>';
	const root = document.getElementById( 'app' )!;
	new CheckoutForm( root, c, navigate ).render();
	return root;
}

const respond = ( status: number, body: unknown ) =>
	jest.fn().mockResolvedValue( {
		ok: status < 300,
		status,
		json: async () => body,
	} );

afterEach( () => {
	jest.restoreAllMocks();
	// What a test typed is remembered for the tab; the next test starts afresh.
	window.sessionStorage.clear();
} );

describe( 'the payment form', () => {
	it( "asks exactly the level's fields, marks the required ones, with autocomplete", () => {
		mount( config( { siteLevel: 'compliant' } ) );
		expect( screen.getAllByRole( 'textbox' ) ).toHaveLength( 10 );
		expect(
			screen.getByRole( 'combobox', { name: 'Country' } )
		).toBeRequired();
		expect(
			screen.getByRole( 'textbox', { name: 'Email address' } )
		).toHaveAttribute( 'autocomplete', 'email' );
		expect(
			screen.getByRole( 'textbox', { name: 'Company' } )
		).not.toBeRequired();
		mount( config( { siteLevel: 'none' } ) );
		expect( screen.queryAllByRole( 'textbox' ) ).toHaveLength( 0 );
		expect(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		).toBeInTheDocument();
	} );

	it( 'requires the postcode only in a country that has postcodes', async () => {
		const fetch = ( globalThis.fetch = respond( 200, {
			redirectUrl: 'https://pay.example/x',
		} ) );
		const navigate = jest.fn();
		mount( config( { siteLevel: 'compliant' } ), navigate );
		const postcode = screen.getByRole( 'textbox', { name: /Postal code/ } );
		const country = screen.getByRole( 'combobox', { name: 'Country' } );
		await userEvent.selectOptions( country, 'DE' );
		expect( postcode ).toBeRequired();
		await userEvent.selectOptions( country, 'AE' );
		expect( postcode ).not.toBeRequired();
		for ( const [ name, value ] of [
			[ 'First name', 'Layla' ],
			[ 'Last name', 'Haddad' ],
			[ 'Email address', 'layla@example.ae' ],
			[ 'Address', 'Sheikh Zayed Road 1' ],
			[ 'City', 'Dubai' ],
		] ) {
			await userEvent.type(
				screen.getByRole( 'textbox', {
					name: new RegExp( `^${ name }( \\*)?$` ),
				} ),
				value
			);
		}
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		await waitFor( () => expect( navigate ).toHaveBeenCalled() );
		const sent = JSON.parse( fetch.mock.calls[ 0 ][ 1 ].body );
		expect( sent.customer.countryCode ).toBe( 'AE' );
		expect( sent.customer.postalCode ).toBeUndefined();
	} );

	it( 'a block may ask more than the site, and the threshold raises the level', () => {
		mount( config( { blockLevel: 'compliant' } ) );
		expect(
			screen.getByRole( 'textbox', { name: 'Postal code' } )
		).toBeInTheDocument();
		mount( config( { threshold: { amount: '50', currency: 'EUR' } } ) );
		expect(
			screen.getByRole( 'textbox', { name: 'Postal code' } )
		).toBeInTheDocument();
		mount( config( { threshold: { amount: '100', currency: 'EUR' } } ) );
		expect(
			screen.queryByRole( 'textbox', { name: 'Postal code' } )
		).toBeNull();
	} );

	it( 'shows each problem under its field, marks it invalid, focuses the first, and sends nothing', async () => {
		const fetch = ( globalThis.fetch = respond( 200, {} ) );
		mount( config() );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Email address' } ),
			'nope'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		const first = screen.getByRole( 'textbox', { name: 'First name' } );
		expect( first ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( first ).toHaveAccessibleDescription(
			'This field is required.'
		);
		expect(
			screen.getByRole( 'textbox', { name: 'Email address' } )
		).toHaveAccessibleDescription(
			'Enter a valid email address, like name@example.com.'
		);
		expect( first ).toHaveFocus();
		expect( fetch ).not.toHaveBeenCalled();
	} );

	it( 'submits the cleaned customer with the nonce and one attempt id, then goes to the payment page', async () => {
		const fetch = ( globalThis.fetch = respond( 200, {
			redirectUrl: 'https://pay.example/checkout/ABC',
		} ) );
		const assign = jest.fn();
		mount( config(), assign );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'First name' } ),
			'  Ada '
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Last name' } ),
			'Lovelace'
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Email address' } ),
			'ada@example.com'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		await waitFor( () =>
			expect( assign ).toHaveBeenCalledWith(
				'https://pay.example/checkout/ABC'
			)
		);
		const [ url, init ] = fetch.mock.calls[ 0 ];
		expect( url ).toBe( '/wp-json/ccb/v1/checkouts' );
		expect( init.headers[ 'X-WP-Nonce' ] ).toBe( 'n0nce' );
		const body = JSON.parse( init.body );
		expect( body ).toMatchObject( {
			postId: 7,
			blockId: 'block-1234',
			customer: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
			},
		} );
		expect( body.attempt ).toMatch( /^[0-9a-f-]{36}$/ );
	} );

	it( "shows the bridge's field errors the same way, and switches to the level the server asks for", async () => {
		globalThis.fetch = respond( 400, {
			code: 'ccb_validation_failed',
			message: 'Please check the highlighted fields.',
			data: {
				status: 400,
				level: 'compliant',
				fields: { 'customer.postalCode': { code: 'required' } },
			},
		} );
		mount( config() );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'First name' } ),
			'Ada'
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Last name' } ),
			'Lovelace'
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Email address' } ),
			'ada@example.com'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		const postal = await screen.findByRole( 'textbox', {
			name: 'Postal code',
		} );
		expect( postal ).toHaveAttribute( 'aria-invalid', 'true' );
		expect(
			screen.getByRole( 'textbox', { name: 'First name' } )
		).toHaveValue( 'Ada' );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Please check the highlighted fields.'
		);
	} );

	it( 'says so plainly when the service is down or the network fails', async () => {
		globalThis.fetch = respond( 503, {
			code: 'ccb_bridge_unreachable',
			message: 'Payments are temporarily unavailable.',
		} );
		mount( config( { siteLevel: 'none' } ) );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'Payments are temporarily unavailable.'
		);
		expect(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		).toBeEnabled();
		globalThis.fetch = jest
			.fn()
			.mockRejectedValue( new TypeError( 'Failed to fetch' ) );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		await waitFor( () =>
			expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
				'Your connection seems to be down.'
			)
		);
	} );
} );

describe( 'the return page', () => {
	it( 'polls until the payment is final, then shows a receipt: reference, amount, status, what next', async () => {
		const statuses = [ 'open', 'open', 'completed' ];
		globalThis.fetch = jest.fn().mockImplementation( async () => ( {
			ok: true,
			status: 200,
			json: async () => ( {
				status: statuses.shift(),
				total: '64.97',
				currency: 'EUR',
			} ),
		} ) );
		window.sessionStorage.setItem(
			'ccb-typed-block-1234',
			JSON.stringify( { firstName: 'Ada' } )
		);
		document.body.innerHTML = '<div id="app"></div>';
		document.documentElement.lang = 'de-DE';
		await showStatus(
			document.getElementById( 'app' )!,
			config( { order: 'wp-7-0123456789abcdef0123' } ),
			[ 1, 1 ]
		);
		document.documentElement.lang = '';
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Payment received. Thank you!'
		);
		expect( globalThis.fetch ).toHaveBeenCalledTimes( 3 );
		const receipt = screen.getByRole( 'heading', {
			name: 'Your payment',
		} ).parentElement!;
		const text = receipt.textContent!.replace( /\u00a0/g, ' ' );
		expect( text ).toContain( 'Order referencewp-7-0123456789abcdef0123' );
		expect( text ).toContain( 'Amount64,97 €' );
		expect( text ).toContain( 'The shop has your payment' );
		// Paid: nothing typed is kept any longer.
		expect(
			window.sessionStorage.getItem( 'ccb-typed-block-1234' )
		).toBeNull();
		expect(
			screen.queryByRole( 'link', { name: 'Pay again' } )
		).toBeNull();
	} );

	it( 'after an expiry offers to pay again, with what the shopper typed still filled in', async () => {
		globalThis.fetch = respond( 200, {
			redirectUrl: 'https://pay.example/x',
		} );
		mount( config() );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: /^First name/ } ),
			'Ada'
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: /^Last name/ } ),
			'Lovelace'
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: /^Email address/ } ),
			'ada@example.com'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Pay with crypto' } )
		);
		// The payment page expires; back on the shop's page.
		globalThis.fetch = respond( 200, {
			status: 'expired',
			total: '64.97',
			currency: 'EUR',
		} );
		document.body.innerHTML = '<div id="app"></div>';
		await showStatus(
			document.getElementById( 'app' )!,
			config( { order: 'wp-7-0123456789abcdef0123' } ),
			[ 1, 1 ]
		);
		expect(
			screen.getByRole( 'link', { name: 'Pay again' } )
		).toBeVisible();
		mount( config() );
		expect(
			screen.getByRole( 'textbox', { name: /^Email address/ } )
		).toHaveValue( 'ada@example.com' );
		expect(
			screen.getByRole( 'textbox', { name: /^Last name/ } )
		).toHaveValue( 'Lovelace' );
		window.sessionStorage.clear();
	} );
} );

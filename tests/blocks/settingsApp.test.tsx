import apiFetch from '@wordpress/api-fetch';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import SettingsApp from '../../blocks/admin/settings/SettingsApp';

type Handler = ( options: {
	path?: string;
	method?: string;
	data?: unknown;
} ) => unknown;
let calls: Array< { path?: string; method?: string; data?: unknown } > = [];
let handler: Handler;

// api-fetch is real; its transport is replaced by a middleware answering as WordPress would.
apiFetch.use( ( options ) => {
	calls.push( options );
	try {
		return Promise.resolve( handler( options ) );
	} catch ( error ) {
		return Promise.reject( error );
	}
} );

const settings = {
	ccb_level: 'minimal',
	ccb_threshold: { amount: '', currency: '' },
	ccb_shop_name: '',
	ccb_return_page: 0,
	ccb_cancel_page: 0,
};

function wordpress( overrides: Record< string, Handler > = {} ): Handler {
	return ( o ) => {
		const key = `${ o.method ?? 'GET' } ${ o.path?.split( '?' )[ 0 ] }`;
		if ( overrides[ key ] ) return overrides[ key ]( o );
		if ( key === 'GET /wp/v2/settings' ) return settings;
		if ( key === 'POST /wp/v2/settings' ) return o.data;
		if ( key === 'GET /ccb/v1/connection' )
			return {
				configured: true,
				bridgeUrl: 'http://bridge.test',
				keyId: 'ccb_0123',
				secretSet: true,
				sync: null,
				currencies: [ 'EUR', 'USD', 'BTC' ],
			};
		if ( key === 'GET /wp/v2/pages' )
			return [ { id: 5, title: { rendered: 'Thanks' } } ];
		throw new Error( `unexpected ${ key }` );
	};
}

beforeEach( () => {
	calls = [];
	handler = wordpress();
} );

/** Renders the app; text queries stay inside it (WordPress's screen-reader live region repeats notices). */
function renderApp() {
	return within( render( <SettingsApp /> ).container );
}

it( 'shows the fields each level asks, live, before saving', async () => {
	const app = renderApp();
	const preview = await screen.findByRole( 'list', {
		name: 'Fields the shopper fills in',
	} );
	expect(
		within( preview )
			.getAllByRole( 'listitem' )
			.map( ( li ) => li.textContent )
	).toEqual( [ 'First name *', 'Last name *', 'Email address *' ] );
	await userEvent.click( screen.getByRole( 'radio', { name: /Compliant/ } ) );
	expect(
		within(
			screen.getByRole( 'list', { name: 'Fields the shopper fills in' } )
		).getAllByRole( 'listitem' )
	).toHaveLength( 11 );
	await userEvent.click( screen.getByRole( 'radio', { name: /None/ } ) );
	expect(
		app.getByText(
			'The shopper is asked nothing; the charge carries no customer.'
		)
	).toBeInTheDocument();
} );

it( 'saves the settings through /wp/v2/settings and confirms', async () => {
	const app = renderApp();
	await userEvent.click(
		await screen.findByRole( 'radio', { name: /Compliant/ } )
	);
	await userEvent.type(
		screen.getByRole( 'textbox', { name: 'Amount' } ),
		'1000'
	);
	// A picker of what the processor bills in.
	const currency = screen.getByRole( 'combobox', { name: 'Currency' } );
	await waitFor( () =>
		expect(
			within( currency )
				.getAllByRole( 'option' )
				.map( ( o ) => o.getAttribute( 'value' ) )
		).toEqual( [ '', 'EUR', 'USD', 'BTC' ] )
	);
	await userEvent.selectOptions( currency, 'EUR' );
	await userEvent.selectOptions(
		screen.getByRole( 'combobox', { name: 'After paying, return to' } ),
		'5'
	);
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Save settings' } )
	);
	expect( await app.findByText( 'Settings saved.' ) ).toBeInTheDocument();
	const saved = calls.find(
		( c ) => c.method === 'POST' && c.path === '/wp/v2/settings'
	)!;
	expect( saved.data ).toEqual( {
		...settings,
		ccb_level: 'compliant',
		ccb_threshold: { amount: '1000', currency: 'EUR' },
		ccb_return_page: 5,
	} );
} );

it( 'refuses a malformed threshold inline and does not save', async () => {
	const app = renderApp();
	await userEvent.type(
		await screen.findByRole( 'textbox', { name: 'Amount' } ),
		'1,000'
	);
	expect( screen.getByRole( 'textbox', { name: 'Amount' } ) ).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Save settings' } )
	);
	expect(
		await app.findByText( 'Fix the highlighted fields before saving.' )
	).toBeInTheDocument();
	expect( calls.some( ( c ) => c.method === 'POST' ) ).toBe( false );
} );

it( 'tests the connection and says when the processor is the sandbox', async () => {
	handler = wordpress( {
		'POST /ccb/v1/connection/test': () => ( {
			bridge: { ok: true, url: 'http://bridge.test' },
			shop: {
				name: 'S',
				level: 'minimal',
				processor: { kind: 'sandbox', sandbox: true },
			},
			processor: {
				ok: true,
				message:
					'Connected to the embedded sandbox processor (test payments only).',
			},
		} ),
	} );
	const app = renderApp();
	await userEvent.click(
		await screen.findByRole( 'button', { name: 'Test connection' } )
	);
	expect(
		await app.findByText(
			'Sandbox processor: test payments only, no money moves.'
		)
	).toBeInTheDocument();
	expect(
		app.getByText( 'Bridge reachable at http://bridge.test.' )
	).toBeInTheDocument();
} );

it( 'shows what is wrong when saving a connection string fails, and never echoes the secret', async () => {
	handler = wordpress( {
		'POST /ccb/v1/connection': () => {
			throw {
				code: 'ccb_signature_invalid',
				message:
					'The bridge refused the signature: the secret in the connection string is wrong or was rotated.',
			};
		},
	} );
	const app = renderApp();
	const input = await screen.findByLabelText( 'Connection string' );
	expect( input ).toHaveAttribute( 'type', 'password' );
	await userEvent.type( input, 'ccb+http://ccb_0123:secret@bridge.test' );
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Save connection' } )
	);
	expect(
		await app.findByText( /the secret in the connection string is wrong/ )
	).toBeInTheDocument();
	await waitFor( () =>
		expect( document.body.textContent ).not.toContain( 'secret@bridge' )
	);
} );

import apiFetch from '@wordpress/api-fetch';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import PaymentsApp from '../../blocks/admin/payments/PaymentsApp';

const checkout = ( over: Record< string, unknown > ) => ( {
	id: '11111111-1111-4111-8111-111111111111',
	status: 'completed',
	level: 'minimal',
	orderRef: 'wp-1-abc',
	currency: 'EUR',
	total: '64.97',
	customerId: 'c1',
	processorCheckoutId: 'ABCDEF123456',
	processor: 'sandbox',
	url: 'x',
	createdAt: '2026-11-24T10:00:00.000Z',
	updatedAt: '2026-11-24T10:00:00.000Z',
	customer: { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com' },
	...over,
} );

const paths: string[] = [];
let activity: Array< { type: string; checkout_id: string } > = [];
let listed = [ checkout( {} ) ];
apiFetch.use( ( options ) => {
	paths.push( options.path! );
	if ( options.path!.startsWith( '/ccb/v1/admin/activity' ) )
		return Promise.resolve( {
			now: '2026-11-24 10:00:00',
			events: activity.splice( 0 ),
		} );
	if ( options.path!.startsWith( '/ccb/v1/admin/checkouts/' ) ) {
		return Promise.resolve( {
			checkout: checkout( {} ),
			history: [
				{
					status: 'open',
					source: 'bridge',
					note: null,
					at: '2026-11-24T10:00:00.000Z',
				},
				{
					status: 'completed',
					source: 'processor',
					note: 'CHECKOUT_COMPLETED',
					at: '2026-11-24T10:01:00.000Z',
				},
			],
			audit: [
				{
					id: '1',
					action: 'POST /checkout/hosted',
					actor: 'bridge',
					request: { charge: { billingCurrency: 'EUR' } },
					responseStatus: 200,
					response: { id: 'ABCDEF123456' },
					createdAt: '2026-11-24T10:00:00.000Z',
				},
			],
			customer: {
				id: 'c1',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				level: 'minimal',
			},
		} );
	}
	const status = new URLSearchParams( options.path!.split( '?' )[ 1 ] ).get(
		'status'
	);
	const items = [
		...listed,
		checkout( {
			id: '22222222-2222-4222-8222-222222222222',
			status: 'open',
			level: 'none',
			customerId: null,
			customer: null,
		} ),
	];
	return Promise.resolve( {
		items: status ? items.filter( ( i ) => i.status === status ) : items,
		nextCursor: null,
	} );
} );

it( 'lists payments with their customer, or "No customer" for level none, and filters by status', async () => {
	render( <PaymentsApp /> );
	const rows = await screen.findAllByRole( 'row' );
	expect( rows ).toHaveLength( 3 );
	expect( rows[ 1 ] ).toHaveTextContent( 'Paid' );
	expect( rows[ 1 ] ).toHaveTextContent( 'Ada Lovelace — ada@example.com' );
	expect( rows[ 2 ] ).toHaveTextContent( 'No customer' );
	await userEvent.selectOptions(
		screen.getByRole( 'combobox', { name: 'Status' } ),
		'open'
	);
	expect( await screen.findAllByRole( 'row' ) ).toHaveLength( 2 );
	expect(
		paths.some( ( p ) => p === '/ccb/v1/admin/checkouts?status=open' )
	).toBe( true );
} );

it( 'opens a payment with its status history and audit entries', async () => {
	render( <PaymentsApp /> );
	const rows = await screen.findAllByRole( 'row' );
	await userEvent.click( within( rows[ 1 ] ).getByRole( 'button' ) );
	expect(
		await screen.findByRole( 'heading', { name: '€64.97 — Paid' } )
	).toBeInTheDocument();
	expect(
		screen
			.getAllByRole( 'listitem' )
			.map( ( li ) => li.textContent )
			.join( '|' )
	).toMatch(
		/Waiting for payment.*\|.*Paid \(processor: CHECKOUT_COMPLETED\)/
	);
	expect(
		screen.getByText( /Bridge: POST \/checkout\/hosted → 200/ )
	).toBeInTheDocument();
} );

it( 'refreshes itself when the bridge reports events, without a reload', async () => {
	render( <PaymentsApp pollMs={ 20 } /> );
	await screen.findAllByRole( 'row' );
	await new Promise( ( r ) => setTimeout( r, 60 ) );
	listed = [ checkout( { status: 'refunded' } ) ];
	activity = [
		{
			type: 'checkout.refunded',
			checkout_id: '11111111-1111-4111-8111-111111111111',
		},
	];
	expect(
		await screen.findByText(
			'1 payment update received.',
			{ selector: '.components-notice__content' },
			{ timeout: 2000 }
		)
	).toBeInTheDocument();
	expect( ( await screen.findAllByRole( 'row' ) )[ 1 ] ).toHaveTextContent(
		'Refunded'
	);
} );

it( "opens the payment named in the address (a link from a customer's page)", async () => {
	window.location.hash = '#11111111-1111-4111-8111-111111111111';
	render( <PaymentsApp /> );
	expect(
		await screen.findByRole( 'heading', { name: '€64.97 — Paid' } )
	).toBeInTheDocument();
	window.location.hash = '';
} );

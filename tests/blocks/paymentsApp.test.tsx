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
beforeEach( () => {
	paths.length = 0;
	listed = [ checkout( {} ) ];
	window.history.replaceState( null, '', '/' );
} );
let activity: Array< { type: string; checkout_id: string } > = [];
let mailStatus = 'failed';
let listed: ReturnType< typeof checkout >[] = [];
apiFetch.use( ( options ) => {
	paths.push( options.path! );
	if ( options.path!.startsWith( '/ccb/v1/admin/activity' ) )
		return Promise.resolve( {
			now: '2026-11-24 10:00:00',
			events: activity.splice( 0 ),
		} );
	if ( options.path!.startsWith( '/ccb/v1/admin/checkouts/counts' ) )
		return Promise.resolve( {
			counts: {
				open: 1,
				underpaid: 0,
				completed: 1,
				underpaid_accepted: 0,
				refunded: 0,
				expired: 0,
			},
		} );
	if ( options.path!.startsWith( '/ccb/v1/admin/checkouts/export' ) )
		return Promise.resolve( {
			blob: async () => new Blob( [ 'id\r\n' ] ),
		} );
	if ( options.path!.startsWith( '/ccb/v1/admin/invoice-mails/' ) ) {
		mailStatus = 'sent';
		return Promise.resolve( { sent: true } );
	}
	if ( options.path!.startsWith( '/ccb/v1/admin/invoices/' ) )
		return Promise.resolve( {
			blob: async () => new Blob( [ '%PDF' ] ),
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
			invoices: [
				{
					id: '33333333-3333-4333-8333-333333333333',
					checkoutId: '11111111-1111-4111-8111-111111111111',
					kind: 'invoice',
					number: 'INV-7',
					sequence: 7,
					issuedAt: '2026-11-24T10:01:00.000Z',
					currency: 'EUR',
					total: '64.97',
					buyerName: 'Ada Lovelace',
				},
			],
			mails: [
				{
					id: '5',
					invoice_id: '33333333-3333-4333-8333-333333333333',
					number: 'INV-7',
					recipient: 'customer',
					address: 'ada@example.com',
					status: mailStatus,
					error:
						mailStatus === 'failed'
							? 'SMTP connect() failed.'
							: null,
					attempts: '1',
					updated_at: '2026-11-24 10:01:00',
				},
			],
		} );
	}
	const params = new URLSearchParams( options.path!.split( '?' )[ 1 ] );
	if ( params.get( 'search' ) === 'nomatch' )
		return Promise.resolve( { items: [], nextCursor: null } );
	const status = params.get( 'status' );
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

it( 'lists payments with their linked customer, or "No customer" for level none, with status counts to filter by', async () => {
	window.ccbAdmin = { customersUrl: '/wp-admin/admin.php?page=customers' };
	render( <PaymentsApp /> );
	const rows = await screen.findAllByRole( 'row' );
	expect( rows ).toHaveLength( 3 );
	expect( rows[ 1 ] ).toHaveTextContent( 'Paid' );
	expect(
		within( rows[ 1 ] ).getByRole( 'link', {
			name: 'Ada Lovelace — ada@example.com',
		} )
	).toHaveAttribute( 'href', '/wp-admin/admin.php?page=customers#c1' );
	expect( rows[ 2 ] ).toHaveTextContent( 'No customer' );
	const tabs = screen.getByRole( 'list', { name: 'Payments by status' } );
	expect(
		await within( tabs ).findByRole( 'button', { name: 'All (2)' } )
	).toHaveAttribute( 'aria-current', 'page' );
	await userEvent.click(
		within( tabs ).getByRole( 'button', {
			name: 'Waiting for payment (1)',
		} )
	);
	expect( await screen.findAllByRole( 'row' ) ).toHaveLength( 2 );
	expect(
		paths.some( ( p ) => p === '/ccb/v1/admin/checkouts?status=open' )
	).toBe( true );
	delete window.ccbAdmin;
} );

it( 'searches after a pause in typing, says when nothing matches, and exports what is shown', async () => {
	const created = jest.fn( () => 'blob:x' );
	URL.createObjectURL = created;
	URL.revokeObjectURL = jest.fn();
	render( <PaymentsApp /> );
	await screen.findAllByRole( 'row' );
	await userEvent.type(
		screen.getByRole( 'searchbox', {
			name: 'Search order reference, email or checkout id',
		} ),
		'nomatch'
	);
	expect(
		await screen.findByText( 'No payments match these filters.' )
	).toBeInTheDocument();
	// One request for the whole word, not one per letter.
	expect(
		paths.filter(
			( p ) => p.includes( 'search=' ) && ! p.includes( 'counts' )
		)
	).toEqual( [ '/ccb/v1/admin/checkouts?search=nomatch' ] );
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Export these payments (CSV)' } )
	);
	expect( paths ).toContain(
		'/ccb/v1/admin/checkouts/export?search=nomatch'
	);
	expect( created ).toHaveBeenCalled();
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Clear filters' } )
	);
	expect( await screen.findAllByRole( 'row' ) ).toHaveLength( 3 );
} );

it( 'opens a payment at its own address; Back returns to the list', async () => {
	render( <PaymentsApp /> );
	const rows = await screen.findAllByRole( 'row' );
	await userEvent.click(
		within( rows[ 1 ] ).getByRole( 'link', { name: /2026/ } )
	);
	expect(
		await screen.findByRole( 'heading', { name: '€64.97 — Paid' } )
	).toBeInTheDocument();
	expect( window.location.hash ).toBe(
		'#11111111-1111-4111-8111-111111111111'
	);
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
	await userEvent.click(
		screen.getByRole( 'button', { name: '← All payments' } )
	);
	expect( await screen.findAllByRole( 'row' ) ).toHaveLength( 3 );
	expect( window.location.hash ).toBe( '' );
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
	// Back in the browser: the list.
	window.location.hash = '';
	expect( await screen.findAllByRole( 'row' ) ).toHaveLength( 3 );
} );

it( 'shows the payment’s invoice to download, and a mail that failed with "Send again"', async () => {
	const created = jest.fn( () => 'blob:pdf' );
	URL.createObjectURL = created;
	URL.revokeObjectURL = jest.fn();
	mailStatus = 'failed';
	window.location.hash = '#11111111-1111-4111-8111-111111111111';
	render( <PaymentsApp /> );
	expect( await screen.findByText( 'Invoice INV-7' ) ).toBeInTheDocument();
	expect(
		screen.getByText( /Customer \(ada@example.com\):/ ).closest( 'li' )
	).toHaveTextContent( 'Not sent — SMTP connect() failed.' );
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Download PDF' } )
	);
	expect( paths ).toContain(
		'/ccb/v1/admin/invoices/33333333-3333-4333-8333-333333333333/pdf'
	);
	expect( created ).toHaveBeenCalled();
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Send again' } )
	);
	expect(
		( await screen.findAllByText( 'Sent to ada@example.com.' ) ).length
	).toBeGreaterThan( 0 );
	expect( paths ).toContain( '/ccb/v1/admin/invoice-mails/5/resend' );
	expect(
		await screen.findByText(
			( _, node ) =>
				node?.tagName === 'LI' &&
				/^Customer \(ada@example.com\): Sent/.test(
					node.textContent ?? ''
				)
		)
	).toBeInTheDocument();
	window.location.hash = '';
} );

it( 'exports every invoice as CSV for the accountant', async () => {
	const created = jest.fn( () => 'blob:csv' );
	URL.createObjectURL = created;
	URL.revokeObjectURL = jest.fn();
	render( <PaymentsApp /> );
	await screen.findAllByRole( 'row' );
	await userEvent.click(
		screen.getByRole( 'button', {
			name: 'Export all invoices (CSV, for the accountant)',
		} )
	);
	expect( paths ).toContain( '/ccb/v1/admin/invoices/export' );
	expect( created ).toHaveBeenCalled();
} );

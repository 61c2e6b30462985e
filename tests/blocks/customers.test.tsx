import apiFetch from '@wordpress/api-fetch';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CustomerForm from '../../blocks/admin/customers/CustomerForm';
import CustomerList from '../../blocks/admin/customers/CustomerList';
import CustomersApp from '../../blocks/admin/customers/CustomersApp';
import Statistics from '../../blocks/admin/customers/Statistics';

type Call = {
	path?: string;
	method?: string;
	data?: any;
	headers?: Record< string, string >;
};
let calls: Call[] = [];
let answer: ( o: Call ) => unknown = () => ( {} );
apiFetch.use( ( options ) => {
	calls.push( options as Call );
	try {
		return Promise.resolve( answer( options as Call ) );
	} catch ( e ) {
		return Promise.reject( e );
	}
} );
beforeEach( () => {
	calls = [];
} );

describe( 'the customer form', () => {
	it( "asks the level's fields and checks them before sending anything", async () => {
		const view = within(
			render(
				<CustomerForm onSaved={ jest.fn() } onCancel={ jest.fn() } />
			).container
		);
		await userEvent.selectOptions(
			view.getByRole( 'combobox', { name: 'Information level' } ),
			'compliant'
		);
		expect(
			view.getByRole( 'combobox', { name: 'Country *' } )
		).toBeInTheDocument();
		await userEvent.type(
			view.getByRole( 'textbox', { name: 'Email address *' } ),
			'nope'
		);
		await userEvent.click(
			view.getByRole( 'button', { name: 'Save customer' } )
		);
		expect(
			view.getByRole( 'textbox', { name: 'First name *' } )
		).toHaveAttribute( 'aria-invalid', 'true' );
		expect(
			view.getByText(
				'Enter a valid email address, like name@example.com.'
			)
		).toBeInTheDocument();
		expect( calls ).toHaveLength( 0 );
	} );

	it( "creates with the level, a stable request id, and no empty meta; shows the bridge's field errors", async () => {
		answer = () => {
			throw {
				message: 'Please check the highlighted fields.',
				data: {
					fields: {
						'customer.email': {
							code: 'email_taken',
							message: 'taken',
						},
					},
				},
			};
		};
		const view = within(
			render(
				<CustomerForm onSaved={ jest.fn() } onCancel={ jest.fn() } />
			).container
		);
		await userEvent.type(
			view.getByRole( 'textbox', { name: 'First name *' } ),
			'Ada'
		);
		await userEvent.type(
			view.getByRole( 'textbox', { name: 'Last name *' } ),
			'Lovelace'
		);
		await userEvent.type(
			view.getByRole( 'textbox', { name: 'Email address *' } ),
			'ada@example.com'
		);
		await userEvent.click(
			view.getByRole( 'button', { name: 'Save customer' } )
		);
		expect(
			await view.findByText(
				'Another customer already uses this email address.'
			)
		).toBeInTheDocument();
		await userEvent.click(
			view.getByRole( 'button', { name: 'Save customer' } )
		);
		const [ first, second ] = calls;
		expect( first ).toMatchObject( {
			path: '/ccb/v1/admin/customers',
			method: 'POST',
			data: {
				level: 'minimal',
				customer: {
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: 'ada@example.com',
				},
			},
		} );
		expect( first!.data.customer ).not.toHaveProperty( 'meta' );
		expect( first!.headers![ 'X-CCB-Request-Id' ] ).toMatch(
			/^[0-9a-f-]{36}$/
		);
		expect( second!.headers![ 'X-CCB-Request-Id' ] ).toBe(
			first!.headers![ 'X-CCB-Request-Id' ]
		);
	} );

	it( 'edits: clears emptied fields with null and saves meta', async () => {
		answer = ( o ) => ( { customer: { id: 'c1', ...o.data } } );
		const onSaved = jest.fn();
		const customer = {
			id: 'c1',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			level: 'minimal',
			note: 'old',
			meta: {},
			processorCustomerId: 'X',
			erasedAt: null,
			createdAt: '',
			updatedAt: '',
		} as const;
		const view = within(
			render(
				<CustomerForm
					customer={ customer as any }
					onSaved={ onSaved }
					onCancel={ jest.fn() }
				/>
			).container
		);
		await userEvent.clear( view.getByRole( 'textbox', { name: 'Note' } ) );
		await userEvent.click(
			view.getByRole( 'button', { name: 'Add meta' } )
		);
		await userEvent.type(
			view.getByRole( 'textbox', { name: 'Key' } ),
			'crmId'
		);
		await userEvent.type(
			view.getByRole( 'textbox', { name: 'Value' } ),
			'42'
		);
		await userEvent.click(
			view.getByRole( 'button', { name: 'Save customer' } )
		);
		expect( calls[ 0 ] ).toMatchObject( {
			path: '/ccb/v1/admin/customers/c1',
			method: 'PATCH',
			data: { firstName: 'Ada', note: null, meta: { crmId: '42' } },
		} );
		expect( onSaved ).toHaveBeenCalled();
	} );
} );

it( 'shows the statistics and a 30-day chart of the main currency, in the page language', async () => {
	const today = new Date().toISOString().slice( 0, 10 );
	document.documentElement.lang = 'de-DE';
	try {
		render(
			<Statistics
				stats={ {
					customers: 1234567,
					erased: 3,
					newLast30Days: 89,
					paidVolume: [
						{ currency: 'EUR', amount: '1000.50' },
						{ currency: 'USD', amount: '20.00' },
					],
					topCountries: [ { countryCode: 'DE', customers: 10 } ],
					paidPerDay: [
						{ day: today, currency: 'EUR', amount: '1000.50' },
					],
				} }
			/>
		);
		const region = screen.getByRole( 'region', {
			name: 'Customer statistics',
		} );
		const text = region.textContent!.replace( /\u00a0/g, ' ' );
		expect( text ).toContain( '1.234.567' );
		expect( text ).toContain( '3 erased' );
		expect( text ).toContain( '1.000,50 € · 20,00 $' );
		expect( text ).toContain( 'Deutschland (10)' );
		const chart = screen.getByRole( 'img', {
			name: /paid volume per day over the last 30 days in EUR: payments on 1 days/,
		} );
		const bars = chart.querySelectorAll( 'rect' );
		expect( bars ).toHaveLength( 30 );
		// The axis tops out at a round 2,000: today's bar is half its height.
		const axis = [
			...chart.querySelectorAll( '.ccb-stats__tick text' ),
		].map( ( t ) => t.textContent!.replace( /\u00a0/g, ' ' ) );
		expect( axis ).toEqual( [ '0,00 €', '1.000,00 €', '2.000,00 €' ] );
		const height = ( i: number ) =>
			Number( bars[ i ]!.getAttribute( 'height' ) );
		expect( height( 29 ) ).toBeCloseTo( ( 1000.5 / 2000 ) * 162 ); // of the 162-unit plot
		expect( height( 0 ) ).toBe( 0 );
		expect( chart.querySelectorAll( '.ccb-stats__day' ) ).toHaveLength( 3 );
		// The figures as a table, for screen readers and exact amounts.
		await userEvent.click( screen.getByText( 'Show the figures' ) );
		const table = screen.getByRole( 'table' );
		expect( table.textContent!.replace( /\u00a0/g, ' ' ) ).toContain(
			'1.000,50 €'
		);
	} finally {
		document.documentElement.lang = '';
	}
} );

it( 'opens the customer named in the address (a link from an order)', async () => {
	answer = ( o ) =>
		o.path?.endsWith( '/11111111-1111-4111-8111-111111111111' )
			? {
					customer: {
						id: '11111111-1111-4111-8111-111111111111',
						firstName: 'Olga',
						lastName: 'Order',
						email: 'olga@example.com',
						level: 'minimal',
						meta: {},
						erasedAt: null,
					},
					checkouts: [],
					accounts: [],
					audit: [],
				}
			: {};
	window.location.hash = '#11111111-1111-4111-8111-111111111111';
	render( <CustomersApp /> );
	expect(
		await screen.findByRole( 'heading', { name: 'Olga Order' } )
	).toBeInTheDocument();
	window.location.hash = '';
} );

it( "lists the customer's invoices with a download", async () => {
	const paths: string[] = [];
	answer = ( o ) => {
		paths.push( o.path ?? '' );
		if ( o.path?.includes( '/admin/invoices/' ) )
			return { blob: async () => new Blob( [ '%PDF' ] ) };
		return o.path?.endsWith( '/11111111-1111-4111-8111-111111111111' )
			? {
					customer: {
						id: '11111111-1111-4111-8111-111111111111',
						firstName: 'Olga',
						lastName: 'Order',
						email: 'olga@example.com',
						level: 'minimal',
						meta: {},
						erasedAt: null,
					},
					checkouts: [],
					accounts: [],
					audit: [],
					invoices: [
						{
							id: '44444444-4444-4444-8444-444444444444',
							checkoutId: '55555555-5555-4555-8555-555555555555',
							kind: 'invoice',
							number: 'INV-12',
							sequence: 12,
							issuedAt: '2026-11-24T10:01:00.000Z',
							currency: 'EUR',
							total: '20.00',
							buyerName: 'Olga Order',
						},
					],
				}
			: {};
	};
	URL.createObjectURL = jest.fn( () => 'blob:pdf' );
	URL.revokeObjectURL = jest.fn();
	window.location.hash = '#11111111-1111-4111-8111-111111111111';
	render( <CustomersApp /> );
	expect( await screen.findByText( 'Invoice INV-12' ) ).toBeInTheDocument();
	await userEvent.click(
		screen.getByRole( 'button', { name: 'Download PDF' } )
	);
	expect( paths ).toContain(
		'/ccb/v1/admin/invoices/44444444-4444-4444-8444-444444444444/pdf'
	);
	window.location.hash = '';
} );

it( 'says a search that stopped counting has more than its count, and an exact total as it is', async () => {
	let total = { count: 1000, capped: true };
	answer = () => ( { items: [], nextCursor: null, total } );
	const { unmount } = render(
		<CustomerList onOpen={ jest.fn() } onCreate={ jest.fn() } />
	);
	expect(
		await screen.findByText( 'More than 1,000 customers' )
	).toBeInTheDocument();
	expect( screen.getByText( 'Page 1 of more than 40' ) ).toBeInTheDocument();
	unmount();
	total = { count: 1234567, capped: false };
	render( <CustomerList onOpen={ jest.fn() } onCreate={ jest.fn() } /> );
	expect(
		await screen.findByText( '1,234,567 customers' )
	).toBeInTheDocument();
	expect( screen.getByText( 'Page 1 of 49383' ) ).toBeInTheDocument();
} );

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import PaymentMethodContent from '../../blocks/woocommerce/PaymentMethodContent';

it( 'tells the shopper which checkout details travel with the payment, per level', () => {
	const { rerender } = render(
		<PaymentMethodContent
			settings={ {
				title: 'Pay with crypto',
				description: 'You will pay on a secure page.',
				sentFields: [ 'First name', 'Last name', 'Email address' ],
			} }
		/>
	);
	expect(
		screen.getByText( 'You will pay on a secure page.' )
	).toBeInTheDocument();
	expect( screen.getByText( /Sent with your payment/ ) ).toHaveTextContent(
		'First name, Last name, Email address.'
	);
	rerender(
		<PaymentMethodContent
			settings={ {
				title: 'x',
				description: '',
				sentFields: [ 'First name', 'Tax ID' ],
			} }
		/>
	);
	expect( screen.getByText( /Sent with your payment/ ) ).toHaveTextContent(
		'First name, Tax ID.'
	);
	rerender(
		<PaymentMethodContent
			settings={ { title: 'x', description: '', sentFields: [] } }
		/>
	);
	expect(
		screen.getByText( 'No personal details are sent with this payment.' )
	).toBeInTheDocument();
} );

it( "registers itself with WooCommerce's block registry, with the settings WooCommerce passes", () => {
	const registerPaymentMethod = jest.fn();
	window.wc = {
		wcBlocksRegistry: { registerPaymentMethod },
		wcSettings: {
			getSetting: ( < T, >( _name: string, fallback: T ) =>
				( {
					...( fallback as object ),
					title: 'Crypto &amp; more',
					sentFields: [],
				} ) as T ) as never,
		},
	};
	jest.isolateModules( () => {
		require( '../../blocks/woocommerce/index' );
	} );
	expect( registerPaymentMethod ).toHaveBeenCalledWith(
		expect.objectContaining( {
			name: 'ccb_crypto',
			ariaLabel: 'Crypto & more',
			supports: { features: [ 'products' ] },
		} )
	);
	expect( registerPaymentMethod.mock.calls[ 0 ][ 0 ].canMakePayment() ).toBe(
		true
	);
} );

it( 'collects the tax id itself only where WooCommerce cannot, and hands it over on payment setup', async () => {
	let setup: ( () => unknown ) | undefined;
	const eventRegistration = {
		onPaymentSetup: ( cb: () => unknown ) => (
			( setup = cb ),
			() => undefined
		 ),
	};
	const emitResponse = { responseTypes: { SUCCESS: 'success' } };
	const { rerender } = render(
		<PaymentMethodContent
			settings={ {
				title: 'x',
				description: '',
				sentFields: [],
				collectTaxId: false,
			} }
			eventRegistration={ eventRegistration }
			emitResponse={ emitResponse }
		/>
	);
	expect( screen.queryByLabelText( /Tax ID \(VAT number\)/ ) ).toBeNull();
	expect( setup ).toBeUndefined();
	rerender(
		<PaymentMethodContent
			settings={ {
				title: 'x',
				description: '',
				sentFields: [],
				collectTaxId: true,
			} }
			eventRegistration={ eventRegistration }
			emitResponse={ emitResponse }
		/>
	);
	await userEvent.type(
		screen.getByLabelText( /Tax ID \(VAT number\)/ ),
		' DE123456789 '
	);
	expect( setup!() ).toEqual( {
		type: 'success',
		meta: { paymentMethodData: { ccb_tax_id: 'DE123456789' } },
	} );
} );

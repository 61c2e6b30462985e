import { decodeEntities } from '@wordpress/html-entities';
import { __ } from '@wordpress/i18n';
import PaymentMethodContent, {
	type CheckoutProps,
	type PaymentMethodSettings,
} from './PaymentMethodContent';

// WooCommerce's block registry and settings, from its own scripts (wc-blocks-registry, wc-settings).
declare global {
	interface Window {
		wc?: {
			wcBlocksRegistry: {
				registerPaymentMethod: (
					config: Record< string, unknown >
				) => void;
			};
			wcSettings: { getSetting: < T >( name: string, fallback: T ) => T };
		};
	}
}

const settings = window.wc!.wcSettings.getSetting< PaymentMethodSettings >(
	'ccb_crypto_data',
	{ title: '', description: '', sentFields: [] }
);
const title =
	decodeEntities( settings.title ) ||
	__( 'Pay with crypto', 'crypto-customer-bridge' );
// WooCommerce renders `content` with its checkout props (event registration, response types).
const Content = ( props: CheckoutProps ) => (
	<PaymentMethodContent settings={ settings } { ...props } />
);

window.wc!.wcBlocksRegistry.registerPaymentMethod( {
	name: 'ccb_crypto',
	label: <span>{ title }</span>,
	ariaLabel: title,
	content: <Content />,
	edit: <Content />,
	canMakePayment: () => true,
	supports: { features: [ 'products' ] },
} );

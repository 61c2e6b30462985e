import { __ } from '@wordpress/i18n';
import type { Level } from '../../bridge/src/contract/levels';
import { fieldPresentation } from '../shared/fields';
import { fieldsFor } from '../shared/levels';

export interface PaymentMethodSettings {
	title: string;
	description: string;
	level: Level;
}

/**
 * Shown under "Pay with crypto" in the block checkout: what happens next, and which of the
 * details already on the form travel with the charge — nothing is asked twice.
 */
export default function PaymentMethodContent( { settings }: { settings: PaymentMethodSettings } ) {
	const { asked } = fieldsFor( settings.level );
	const labels = fieldPresentation();
	return (
		<div className="ccb-wc-payment-method">
			{ settings.description && <p>{ settings.description }</p> }
			{ asked.length > 0 ? (
				<p>
					{ __( 'Sent with your payment, as the law and the shop require:', 'crypto-customer-bridge' ) }{ ' ' }
					{ asked.map( ( f ) => labels[ f ].label ).join( ', ' ) }.
				</p>
			) : (
				<p>{ __( 'No personal details are sent with this payment.', 'crypto-customer-bridge' ) }</p>
			) }
		</div>
	);
}

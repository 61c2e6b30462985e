import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

export interface PaymentMethodSettings {
	title: string;
	description: string;
	/** The labels of the details sent with the payment at the site's level (empty at `none`). */
	sentFields: string[];
	/** True where WooCommerce cannot collect the tax id itself (before its Additional Checkout Fields API). */
	collectTaxId?: boolean;
	taxIdMaxLength?: number;
}

/** What WooCommerce's block checkout passes a payment method's content (the parts used here). */
export interface CheckoutProps {
	eventRegistration?: {
		onPaymentSetup: ( callback: () => unknown ) => () => void;
	};
	emitResponse?: { responseTypes: { SUCCESS: string } };
}

/**
 * Shown under "Pay with crypto" in the block checkout: what happens next, which of the details
 * already on the form travel with the charge (nothing is asked twice), and — only where WooCommerce
 * cannot collect it — the tax id, handed to the order as payment data.
 * @param root0
 * @param root0.settings
 * @param root0.eventRegistration
 * @param root0.emitResponse
 */
export default function PaymentMethodContent( {
	settings,
	eventRegistration,
	emitResponse,
}: { settings: PaymentMethodSettings } & CheckoutProps ) {
	const [ taxId, setTaxId ] = useState( '' );
	const sent = settings.sentFields ?? [];

	useEffect( () => {
		if (
			! settings.collectTaxId ||
			! eventRegistration ||
			! emitResponse
		) {
			return undefined;
		}
		return eventRegistration.onPaymentSetup( () => ( {
			type: emitResponse.responseTypes.SUCCESS,
			meta: { paymentMethodData: { ccb_tax_id: taxId.trim() } },
		} ) );
	}, [ settings.collectTaxId, eventRegistration, emitResponse, taxId ] );

	return (
		<div className="ccb-wc-payment-method">
			{ settings.description && <p>{ settings.description }</p> }
			{ sent.length > 0 ? (
				<p>
					{ __(
						'Sent with your payment, as the law and the shop require:',
						'crypto-customer-bridge'
					) }{ ' ' }
					{ sent.join( ', ' ) }.
				</p>
			) : (
				<p>
					{ __(
						'No personal details are sent with this payment.',
						'crypto-customer-bridge'
					) }
				</p>
			) }
			{ settings.collectTaxId && (
				<p>
					<label htmlFor="ccb-tax-id">
						{ __(
							'Tax ID (VAT number), if you have one',
							'crypto-customer-bridge'
						) }
					</label>
					<input
						id="ccb-tax-id"
						type="text"
						maxLength={ settings.taxIdMaxLength }
						autoComplete="off"
						value={ taxId }
						onChange={ ( e ) => setTaxId( e.target.value ) }
					/>
				</p>
			) }
		</div>
	);
}

import { __ } from '@wordpress/i18n';
import type { CustomerField } from '@ccb/contract/levels';

export interface FieldPresentation {
	label: string;
	autocomplete: string;
	type: 'text' | 'email' | 'tel' | 'country';
}

/**
 * How each contract field is shown: the label a shopper reads and the autocomplete token that lets
 * the browser fill it. Which fields appear, and which are required, comes from the contract.
 */
export function fieldPresentation(): Record<
	CustomerField,
	FieldPresentation
> {
	return {
		firstName: {
			label: __( 'First name', 'crypto-customer-bridge' ),
			autocomplete: 'given-name',
			type: 'text',
		},
		lastName: {
			label: __( 'Last name', 'crypto-customer-bridge' ),
			autocomplete: 'family-name',
			type: 'text',
		},
		email: {
			label: __( 'Email address', 'crypto-customer-bridge' ),
			autocomplete: 'email',
			type: 'email',
		},
		company: {
			label: __( 'Company', 'crypto-customer-bridge' ),
			autocomplete: 'organization',
			type: 'text',
		},
		taxId: {
			label: __( 'Tax ID', 'crypto-customer-bridge' ),
			autocomplete: 'off',
			type: 'text',
		},
		addressLine1: {
			label: __( 'Address', 'crypto-customer-bridge' ),
			autocomplete: 'address-line1',
			type: 'text',
		},
		addressLine2: {
			label: __( 'Address line 2', 'crypto-customer-bridge' ),
			autocomplete: 'address-line2',
			type: 'text',
		},
		postalCode: {
			label: __( 'Postal code', 'crypto-customer-bridge' ),
			autocomplete: 'postal-code',
			type: 'text',
		},
		city: {
			label: __( 'City', 'crypto-customer-bridge' ),
			autocomplete: 'address-level2',
			type: 'text',
		},
		countryCode: {
			label: __( 'Country', 'crypto-customer-bridge' ),
			autocomplete: 'country',
			type: 'country',
		},
		phone: {
			label: __( 'Phone', 'crypto-customer-bridge' ),
			autocomplete: 'tel',
			type: 'tel',
		},
	};
}

import { __ } from '@wordpress/i18n';
import { CUSTOMER_FIELD_INPUT } from '@ccb/contract/customer';
import type { CustomerField } from '@ccb/contract/levels';

export interface FieldPresentation {
	label: string;
	autocomplete: string;
	type: 'text' | 'email' | 'tel' | 'country';
}

/**
 * How each contract field is shown: the label a person reads, with the input type and autocomplete
 * token the contract gives it. Which fields appear, and which are required, comes from the contract.
 */
export function fieldPresentation(): Record<
	CustomerField,
	FieldPresentation
> {
	const labels: Record< CustomerField, string > = {
		firstName: __( 'First name', 'crypto-customer-bridge' ),
		lastName: __( 'Last name', 'crypto-customer-bridge' ),
		email: __( 'Email address', 'crypto-customer-bridge' ),
		company: __( 'Company', 'crypto-customer-bridge' ),
		taxId: __( 'Tax ID', 'crypto-customer-bridge' ),
		addressLine1: __( 'Address', 'crypto-customer-bridge' ),
		addressLine2: __( 'Address line 2', 'crypto-customer-bridge' ),
		postalCode: __( 'Postal code', 'crypto-customer-bridge' ),
		city: __( 'City', 'crypto-customer-bridge' ),
		countryCode: __( 'Country', 'crypto-customer-bridge' ),
		phone: __( 'Phone', 'crypto-customer-bridge' ),
	};
	const presentation = {} as Record< CustomerField, FieldPresentation >;
	for ( const field of Object.keys( labels ) as CustomerField[] ) {
		presentation[ field ] = {
			label: labels[ field ],
			...CUSTOMER_FIELD_INPUT[ field ],
		};
	}
	return presentation;
}

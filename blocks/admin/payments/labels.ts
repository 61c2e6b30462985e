import { __ } from '@wordpress/i18n';
import type { CheckoutStatus } from '@ccb/contract/checkout';

export function statusLabel( status: CheckoutStatus ): string {
	return {
		open: __( 'Waiting for payment', 'crypto-customer-bridge' ),
		underpaid: __( 'Underpaid', 'crypto-customer-bridge' ),
		completed: __( 'Paid', 'crypto-customer-bridge' ),
		underpaid_accepted: __(
			'Paid (underpayment accepted)',
			'crypto-customer-bridge'
		),
		refunded: __( 'Refunded', 'crypto-customer-bridge' ),
		expired: __( 'Expired', 'crypto-customer-bridge' ),
	}[ status ];
}

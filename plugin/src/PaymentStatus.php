<?php
/**
 * A payment's status in words a merchant reads.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * The statuses themselves come from the contract (build/contract.json); this only names them.
 */
final class PaymentStatus {

	/**
	 * Translated label of a checkout status; the code itself for one this version does not know.
	 *
	 * @param string $status Checkout status.
	 */
	public static function label( string $status ): string {
		$labels = array(
			'open'               => __( 'Waiting for payment', 'crypto-customer-bridge' ),
			'underpaid'          => __( 'Underpaid', 'crypto-customer-bridge' ),
			'completed'          => __( 'Paid', 'crypto-customer-bridge' ),
			'underpaid_accepted' => __( 'Paid (underpayment accepted)', 'crypto-customer-bridge' ),
			'refunded'           => __( 'Refunded', 'crypto-customer-bridge' ),
			'expired'            => __( 'Expired', 'crypto-customer-bridge' ),
		);
		return $labels[ $status ] ?? $status;
	}
}

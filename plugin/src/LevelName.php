<?php
/**
 * The customer information levels' names, as people read them.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * One translated name per level, for every screen that shows a payment's or a customer's level.
 */
final class LevelName {

	/**
	 * A level's name; an unknown level is shown as it came.
	 *
	 * @param string $level The contract's level.
	 */
	public static function of( string $level ): string {
		$names = array(
			'none'      => __( 'None', 'crypto-customer-bridge' ),
			'minimal'   => __( 'Minimal', 'crypto-customer-bridge' ),
			'compliant' => __( 'Compliant', 'crypto-customer-bridge' ),
		);
		return $names[ $level ] ?? $level;
	}
}

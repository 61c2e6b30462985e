<?php
/**
 * The customer fields' names, as people read them.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * One label per contract field, translated: for the checkout block's form, the privacy export and
 * telling a shopper what travels with their payment. Which fields a level asks comes from the
 * contract, not from here.
 */
final class FieldLabels {

	/**
	 * Every field's label, keyed by its contract name.
	 *
	 * @return array<string, string>
	 */
	public static function all(): array {
		return array(
			'firstName'    => __( 'First name', 'crypto-customer-bridge' ),
			'lastName'     => __( 'Last name', 'crypto-customer-bridge' ),
			'email'        => __( 'Email address', 'crypto-customer-bridge' ),
			'company'      => __( 'Company', 'crypto-customer-bridge' ),
			'taxId'        => __( 'Tax ID', 'crypto-customer-bridge' ),
			'addressLine1' => __( 'Address', 'crypto-customer-bridge' ),
			'addressLine2' => __( 'Address line 2', 'crypto-customer-bridge' ),
			'postalCode'   => __( 'Postal code', 'crypto-customer-bridge' ),
			'city'         => __( 'City', 'crypto-customer-bridge' ),
			'countryCode'  => __( 'Country', 'crypto-customer-bridge' ),
			'phone'        => __( 'Phone', 'crypto-customer-bridge' ),
		);
	}

	/**
	 * The labels of the fields a level asks, in the contract's order.
	 *
	 * @param string $level Level.
	 * @return string[]
	 */
	public static function asked_by( string $level ): array {
		$labels = self::all();
		return array_values(
			array_filter(
				array_map(
					static function ( string $field ) use ( $labels ) {
						return $labels[ $field ] ?? '';
					},
					Contract::asked( $level )
				)
			)
		);
	}
}

<?php
/**
 * The bridge's refusals in the words of a WooCommerce checkout.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

defined( 'ABSPATH' ) || exit;

/**
 * Turns field errors into messages naming WooCommerce's own checkout fields ("Billing postcode is
 * required for crypto payments"), so the shopper knows what to fix before paying.
 */
final class FieldMessages {

	/**
	 * Messages for the shopper.
	 *
	 * @param \WP_Error $error From the bridge client.
	 * @return string[]
	 */
	public static function for_shopper( \WP_Error $error ): array {
		$data = (array) $error->get_error_data();
		if ( 'ccb_validation_failed' !== $error->get_error_code() || empty( $data['fields'] ) ) {
			$messages = array(
				'ccb_invalid_state'      => __( 'This order has already been paid.', 'crypto-customer-bridge' ),
				'ccb_bridge_unreachable' => __( 'Crypto payments are temporarily unavailable. Nothing was charged; please try again in a few minutes or choose another payment method.', 'crypto-customer-bridge' ),
			);
			return array( $messages[ $error->get_error_code() ] ?? __( 'The crypto payment could not be started. Nothing was charged. Please try again or choose another payment method.', 'crypto-customer-bridge' ) );
		}
		$labels   = array(
			'firstName'    => __( 'Billing first name', 'crypto-customer-bridge' ),
			'lastName'     => __( 'Billing last name', 'crypto-customer-bridge' ),
			'email'        => __( 'Billing email address', 'crypto-customer-bridge' ),
			'company'      => __( 'Billing company', 'crypto-customer-bridge' ),
			'taxId'        => __( 'Tax ID', 'crypto-customer-bridge' ),
			'addressLine1' => __( 'Billing street address', 'crypto-customer-bridge' ),
			'addressLine2' => __( 'Billing address line 2', 'crypto-customer-bridge' ),
			'postalCode'   => __( 'Billing postcode', 'crypto-customer-bridge' ),
			'city'         => __( 'Billing town / city', 'crypto-customer-bridge' ),
			'countryCode'  => __( 'Billing country', 'crypto-customer-bridge' ),
			'phone'        => __( 'Billing phone', 'crypto-customer-bridge' ),
		);
		$messages = array();
		foreach ( (array) $data['fields'] as $path => $field ) {
			$name  = preg_replace( '/^customer\./', '', (string) $path );
			$label = $labels[ $name ] ?? $name;
			/* translators: %s: checkout field label */
			$messages[] = 'required' === ( $field['code'] ?? '' ) ? sprintf( __( '%s is required for crypto payments.', 'crypto-customer-bridge' ), $label ) : sprintf( __( '%s is not valid.', 'crypto-customer-bridge' ), $label );
		}
		return $messages;
	}
}

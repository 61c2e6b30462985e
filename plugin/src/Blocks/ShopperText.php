<?php
/**
 * What the checkout block tells a shopper, in their language.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * The sentences for the contract's field codes and a payment's statuses. The same words the block's
 * scripts used, so their translations carry over; the browser now gets them from the HTML and the
 * REST answers, never from a translation file of its own.
 */
final class ShopperText {

	/**
	 * The message for a field code the contract or the bridge uses.
	 *
	 * @param string $code Field code, e.g. required.
	 */
	public static function field( string $code ): string {
		switch ( $code ) {
			case 'required':
				return __( 'This field is required.', 'crypto-customer-bridge' );
			case 'too_long':
				return __( 'This is too long.', 'crypto-customer-bridge' );
			case 'invalid_email':
				return __( 'Enter a valid email address, like name@example.com.', 'crypto-customer-bridge' );
			case 'invalid_country':
				return __( 'Choose a country.', 'crypto-customer-bridge' );
			case 'invalid_phone':
				return __( 'Enter a valid phone number: digits, with an optional leading +.', 'crypto-customer-bridge' );
			case 'not_allowed':
				return __( 'This field is not asked at this level.', 'crypto-customer-bridge' );
			case 'email_taken':
				return __( 'Another customer already uses this email address.', 'crypto-customer-bridge' );
			case 'invalid_characters':
				return __( 'This contains characters that cannot be saved (such as invisible control characters). Please retype it.', 'crypto-customer-bridge' );
			default:
				return __( 'This value is not valid.', 'crypto-customer-bridge' );
		}
	}

	/**
	 * Field errors from the bridge ({path: {code}}) keyed by contract field, with translated messages.
	 *
	 * @param array<string, mixed> $fields From the bridge's validation error.
	 * @return array<string, array{code: string, message: string}>
	 */
	public static function fields( array $fields ): array {
		$out = array();
		foreach ( $fields as $path => $error ) {
			$code         = (string) ( is_array( $error ) ? ( $error['code'] ?? '' ) : '' );
			$name         = (string) preg_replace( '/^customer\./', '', (string) $path );
			$out[ $name ] = array(
				'code'    => $code,
				'message' => self::field( $code ),
			);
		}
		return $out;
	}

	/**
	 * How a payment stands, in a sentence.
	 *
	 * @param string $status Checkout status.
	 */
	public static function status( string $status ): string {
		switch ( $status ) {
			case 'completed':
			case 'underpaid_accepted':
				return __( 'Payment received. Thank you!', 'crypto-customer-bridge' );
			case 'underpaid':
				return __( 'The payment was less than the amount due. The shop will contact you about the difference.', 'crypto-customer-bridge' );
			case 'refunded':
				return __( 'This payment was refunded.', 'crypto-customer-bridge' );
			case 'expired':
				return __( 'This payment expired before it was made. No money was taken.', 'crypto-customer-bridge' );
			default:
				return __( 'Waiting for the payment to be confirmed…', 'crypto-customer-bridge' );
		}
	}

	/**
	 * What happens next, in the shopper's words.
	 *
	 * @param string $status Checkout status.
	 */
	public static function next_step( string $status ): string {
		switch ( $status ) {
			case 'completed':
			case 'underpaid_accepted':
				return __( 'The shop has your payment and will take it from here. Keep the reference above for your records.', 'crypto-customer-bridge' );
			case 'underpaid':
				return __( 'Nothing more is needed from you right now: keep the reference above, the shop will be in touch.', 'crypto-customer-bridge' );
			case 'expired':
				return __( 'You can start again: your details are still filled in.', 'crypto-customer-bridge' );
			case 'refunded':
				return __( 'The money was sent back to the account it came from.', 'crypto-customer-bridge' );
			default:
				return __( 'Crypto payments take a few minutes to confirm. You can check again, or close this page.', 'crypto-customer-bridge' );
		}
	}
}

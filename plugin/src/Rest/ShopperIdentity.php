<?php
/**
 * Whether the shopper is someone this site knows.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * The bridge lets a checkout change a stored customer record only when the shop vouches for the
 * shopper: signed in to WordPress with the very email the checkout gives. Anyone else can only add
 * what the record lacks.
 */
final class ShopperIdentity {

	/**
	 * True when the current user is signed in with this email (case-insensitively).
	 *
	 * @param string $email Email given at the checkout.
	 */
	public static function is_signed_in_as( string $email ): bool {
		if ( ! is_user_logged_in() || '' === trim( $email ) ) {
			return false;
		}
		return strtolower( trim( wp_get_current_user()->user_email ) ) === strtolower( trim( $email ) );
	}
}

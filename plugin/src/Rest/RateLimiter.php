<?php
/**
 * A fixed-window request limit per client address.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * Counts requests per hashed client address in a transient; enough to blunt scripted abuse of the
 * public checkout route without a server-side store of its own.
 */
final class RateLimiter {

	/**
	 * True while the client is under `limit` requests in the current `window`.
	 *
	 * @param string $bucket Which limit.
	 * @param int    $limit  Requests allowed per window.
	 * @param int    $window Window in seconds.
	 */
	public static function allow( string $bucket, int $limit, int $window ): bool {
		$address = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : 'unknown';
		$key     = 'ccb_rl_' . $bucket . '_' . substr( hash( 'sha256', $address . wp_salt( 'nonce' ) ), 0, 20 ) . '_' . (int) floor( time() / $window );
		$count   = (int) get_transient( $key );
		if ( $count >= $limit ) {
			return false;
		}
		set_transient( $key, $count + 1, $window );
		return true;
	}
}

<?php
/**
 * The request signature shared with the bridge, both directions.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Bridge;

defined( 'ABSPATH' ) || exit;

/**
 * HMAC-SHA256 with the shop secret over "timestamp \n nonce \n METHOD \n path-with-query \n sha256(body)".
 */
final class Signature {

	const WINDOW_SECONDS = 300;

	/**
	 * The hex signature.
	 *
	 * @param string $secret          Shop secret.
	 * @param string $timestamp       Unix seconds.
	 * @param string $nonce           One-time value.
	 * @param string $method          HTTP method.
	 * @param string $path_with_query Path and query as sent.
	 * @param string $body            Exact body bytes.
	 */
	public static function compute( string $secret, string $timestamp, string $nonce, string $method, string $path_with_query, string $body ): string {
		$canonical = implode( "\n", array( $timestamp, $nonce, strtoupper( $method ), $path_with_query, hash( 'sha256', $body ) ) );
		return hash_hmac( 'sha256', $canonical, $secret );
	}

	/**
	 * Headers for a signed request.
	 *
	 * @param Connection $connection      Connection.
	 * @param string     $method          HTTP method.
	 * @param string     $path_with_query Path and query.
	 * @param string     $body            Body.
	 * @param int|null   $now             Unix time (tests).
	 * @return array<string, string>
	 */
	public static function headers( Connection $connection, string $method, string $path_with_query, string $body, ?int $now = null ): array {
		$timestamp = (string) ( $now ?? time() );
		$nonce     = bin2hex( random_bytes( 16 ) );
		return array(
			'X-CCB-Key-Id'    => $connection->key_id,
			'X-CCB-Timestamp' => $timestamp,
			'X-CCB-Nonce'     => $nonce,
			'X-CCB-Signature' => self::compute( $connection->secret, $timestamp, $nonce, $method, $path_with_query, $body ),
		);
	}

	/**
	 * Checks a signed request from the bridge.
	 *
	 * @param Connection           $connection      Expected shop.
	 * @param array<string,string> $headers         Header values by lower-case name.
	 * @param string               $method          HTTP method.
	 * @param string               $path_with_query Path and query as received.
	 * @param string               $body            Raw body.
	 * @param int|null             $now             Unix time (tests).
	 */
	public static function verify( Connection $connection, array $headers, string $method, string $path_with_query, string $body, ?int $now = null ): bool {
		$key_id    = $headers['x-ccb-key-id'] ?? '';
		$timestamp = $headers['x-ccb-timestamp'] ?? '';
		$nonce     = $headers['x-ccb-nonce'] ?? '';
		$signature = strtolower( $headers['x-ccb-signature'] ?? '' );
		if ( '' === $nonce || '' === $signature || ! ctype_digit( $timestamp ) || ! hash_equals( $connection->key_id, $key_id ) ) {
			return false;
		}
		if ( abs( ( $now ?? time() ) - (int) $timestamp ) > self::WINDOW_SECONDS ) {
			return false;
		}
		return hash_equals( self::compute( $connection->secret, $timestamp, $nonce, $method, $path_with_query, $body ), $signature );
	}
}

<?php
/**
 * Which address a request comes from, also behind a reverse proxy or CDN.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * REMOTE_ADDR, unless it is a trusted proxy: then the nearest address in X-Forwarded-For that is
 * not one. Trusted proxies (addresses or CIDR ranges, IPv4 or IPv6) come from the constant
 * `CCB_TRUSTED_PROXIES` (comma-separated, in wp-config.php) and the `ccb_trusted_proxies` filter;
 * with none, forwarded headers are ignored (anyone can send them).
 */
final class ClientAddress {

	/**
	 * The client's address for this request.
	 */
	public static function current(): string {
		$remote    = isset( $_SERVER['REMOTE_ADDR'] ) ? trim( sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) ) : '';
		$forwarded = isset( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ) : '';
		return self::resolve( $remote, $forwarded, self::trusted() );
	}

	/**
	 * The nearest untrusted hop, walking back from the connection through X-Forwarded-For.
	 *
	 * @param string   $remote    The connection's address.
	 * @param string   $forwarded The X-Forwarded-For header.
	 * @param string[] $trusted   Trusted proxy addresses and ranges.
	 */
	public static function resolve( string $remote, string $forwarded, array $trusted ): string {
		$hops   = array_reverse( array_filter( array_map( 'trim', explode( ',', $forwarded ) ) ) );
		$client = $remote;
		foreach ( $hops as $hop ) {
			if ( ! self::in_any( $client, $trusted ) ) {
				break;
			}
			if ( false === filter_var( $hop, FILTER_VALIDATE_IP ) ) {
				break;
			}
			$client = $hop;
		}
		return '' !== $client ? $client : 'unknown';
	}

	/**
	 * Trusted proxies from the constant and the filter.
	 *
	 * @return string[]
	 */
	private static function trusted(): array {
		$configured = defined( 'CCB_TRUSTED_PROXIES' ) ? (string) constant( 'CCB_TRUSTED_PROXIES' ) : '';
		/**
		 * Reverse proxies and CDN addresses (or CIDR ranges) whose X-Forwarded-For is believed.
		 *
		 * @param string[] $trusted Addresses or ranges.
		 */
		return (array) apply_filters( 'ccb_trusted_proxies', array_filter( array_map( 'trim', explode( ',', $configured ) ) ) );
	}

	/**
	 * Whether an address is one of, or inside one of, the given addresses or CIDR ranges.
	 *
	 * @param string   $address Address.
	 * @param string[] $ranges  Addresses or ranges.
	 */
	private static function in_any( string $address, array $ranges ): bool {
		$packed = @inet_pton( $address ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an invalid address is simply not trusted.
		if ( false === $packed ) {
			return false;
		}
		foreach ( $ranges as $range ) {
			list( $network, $bits ) = array_pad( explode( '/', (string) $range, 2 ), 2, null );
			$net                    = @inet_pton( (string) $network ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
			if ( false === $net || strlen( $net ) !== strlen( $packed ) ) {
				continue;
			}
			$bits  = null === $bits ? strlen( $net ) * 8 : max( 0, min( strlen( $net ) * 8, (int) $bits ) );
			$bytes = intdiv( $bits, 8 );
			$rest  = $bits % 8;
			if ( substr( $packed, 0, $bytes ) !== substr( $net, 0, $bytes ) ) {
				continue;
			}
			if ( 0 === $rest || ( ( ord( $packed[ $bytes ] ) ^ ord( $net[ $bytes ] ) ) & ( 0xFF << ( 8 - $rest ) ) & 0xFF ) === 0 ) {
				return true;
			}
		}
		return false;
	}
}

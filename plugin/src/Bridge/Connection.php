<?php
/**
 * A connection to the bridge: its URL, the shop's key id and secret.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Bridge;

defined( 'ABSPATH' ) || exit;

/**
 * Parsed from the one string the bridge's shop CLI prints: ccb+http(s)://KEY_ID:SECRET@host[:port][/path].
 */
final class Connection {

	/**
	 * Bridge base URL, without a trailing slash.
	 *
	 * @var string
	 */
	public $url;

	/**
	 * Shop key id.
	 *
	 * @var string
	 */
	public $key_id;

	/**
	 * Shop secret.
	 *
	 * @var string
	 */
	public $secret;

	/**
	 * Constructor.
	 *
	 * @param string $url    Bridge base URL.
	 * @param string $key_id Key id.
	 * @param string $secret Secret.
	 */
	public function __construct( string $url, string $key_id, string $secret ) {
		$this->url    = rtrim( $url, '/' );
		$this->key_id = $key_id;
		$this->secret = $secret;
	}

	/**
	 * Parses a connection string.
	 *
	 * @param string $value The pasted string.
	 * @return Connection|\WP_Error
	 */
	public static function parse( string $value ) {
		$value = trim( $value );
		if ( ! preg_match( '~^ccb\+(https?)://([^:@/\s]+):([^@/\s]+)@([^/\s?#]+)(/[^\s?#]*)?$~', $value, $m ) ) {
			return new \WP_Error( 'ccb_bad_connection_string', __( 'This is not a connection string. It looks like ccb+https://KEY_ID:SECRET@bridge.example.com and is printed by the bridge when a shop is created.', 'crypto-customer-bridge' ), array( 'status' => 400 ) );
		}
		$key_id = rawurldecode( $m[2] );
		$secret = rawurldecode( $m[3] );
		if ( ! preg_match( '/^ccb_[a-f0-9]{20}$/', $key_id ) || strlen( $secret ) < 32 ) {
			return new \WP_Error( 'ccb_bad_connection_string', __( 'The key id or secret in this connection string is incomplete. Copy the whole string again.', 'crypto-customer-bridge' ), array( 'status' => 400 ) );
		}
		return new self( $m[1] . '://' . $m[4] . ( isset( $m[5] ) ? rtrim( $m[5], '/' ) : '' ), $key_id, $secret );
	}

	/**
	 * From the stored option.
	 *
	 * @param array<string, mixed> $stored Stored option.
	 */
	public static function from_array( array $stored ): ?self {
		if ( empty( $stored['url'] ) || empty( $stored['key_id'] ) || empty( $stored['secret'] ) ) {
			return null;
		}
		return new self( (string) $stored['url'], (string) $stored['key_id'], (string) $stored['secret'] );
	}

	/**
	 * For storage.
	 *
	 * @return array{url: string, key_id: string, secret: string}
	 */
	public function to_array(): array {
		return array(
			'url'    => $this->url,
			'key_id' => $this->key_id,
			'secret' => $this->secret,
		);
	}

	/**
	 * The path prefix of the bridge URL ('' at the host's root): signatures cover the full path.
	 */
	public function base_path(): string {
		$path = wp_parse_url( $this->url, PHP_URL_PATH );
		return is_string( $path ) ? rtrim( $path, '/' ) : '';
	}
}

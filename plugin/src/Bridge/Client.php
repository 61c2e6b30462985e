<?php
/**
 * Signed HTTP calls to the bridge.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Bridge;

defined( 'ABSPATH' ) || exit;

/**
 * Sends signed requests with the WordPress HTTP API and turns failures into WP_Error values whose
 * code is the bridge's (prefixed `ccb_`) and whose data carries the HTTP status and field errors.
 */
final class Client {

	/**
	 * Connection.
	 *
	 * @var Connection
	 */
	private $connection;

	/**
	 * Constructor.
	 *
	 * @param Connection $connection Where and as whom.
	 */
	public function __construct( Connection $connection ) {
		$this->connection = $connection;
	}

	/**
	 * A signed GET whose body is written to a file (large exports), returning the response headers.
	 *
	 * @param string $path     Path with query.
	 * @param string $filename Where to write the body.
	 * @return array<string, string>|\WP_Error Lower-case header names.
	 */
	public function download( string $path, string $filename ) {
		$response = wp_remote_get(
			$this->connection->url . $path,
			array(
				'headers'     => array_merge( Signature::headers( $this->connection, 'GET', $this->connection->base_path() . $path, '' ), array( 'X-Request-Id' => self::request_id() ) ),
				'timeout'     => 600,
				'redirection' => 0,
				'stream'      => true,
				'filename'    => $filename,
			)
		);
		if ( is_wp_error( $response ) ) {
			return new \WP_Error( 'ccb_bridge_unreachable', __( 'The payment service cannot be reached right now.', 'crypto-customer-bridge' ), array( 'status' => 503 ) );
		}
		if ( 200 !== (int) wp_remote_retrieve_response_code( $response ) ) {
			return new \WP_Error( 'ccb_export_failed', __( 'The export could not be made. Try again in a moment.', 'crypto-customer-bridge' ), array( 'status' => 502 ) );
		}
		return array_change_key_case( wp_remote_retrieve_headers( $response )->getAll() );
	}

	/**
	 * A signed request.
	 *
	 * @param string                           $method  HTTP method.
	 * @param string                           $path    Path under the bridge, with query (e.g. /v1/checkouts?status=open).
	 * @param array<string, mixed>|string|null $body    JSON body: data to encode, or JSON text relayed as it is
	 *                                                  (PHP arrays cannot tell {} from []).
	 * @param array<string, string>            $headers Extra headers (Idempotency-Key).
	 * @return array<string, mixed>|\WP_Error Decoded JSON.
	 */
	public function request( string $method, string $path, $body = null, array $headers = array() ) {
		$payload  = null === $body ? '' : ( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		$signed   = Signature::headers( $this->connection, $method, $this->connection->base_path() . $path, $payload );
		$response = wp_remote_request(
			$this->connection->url . $path,
			array(
				'method'      => $method,
				'headers'     => array_merge( $signed, array( 'X-Request-Id' => self::request_id() ), self::acting_user(), $headers, '' === $payload ? array() : array( 'Content-Type' => 'application/json' ) ),
				'body'        => '' === $payload ? null : $payload,
				'timeout'     => 30,
				'redirection' => 0,
			)
		);
		if ( is_wp_error( $response ) ) {
			return new \WP_Error(
				'ccb_bridge_unreachable',
				__( 'The payment service cannot be reached right now. Nothing was charged; please try again in a few minutes.', 'crypto-customer-bridge' ),
				array(
					'status' => 503,
					'detail' => $response->get_error_message(),
				)
			);
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( $status >= 200 && $status < 300 && is_array( $decoded ) ) {
			return $decoded;
		}
		$error = is_array( $decoded ) && isset( $decoded['error'] ) && is_array( $decoded['error'] ) ? $decoded['error'] : array();
		return new \WP_Error(
			'ccb_' . sanitize_key( (string) ( $error['code'] ?? 'bad_response' ) ),
			(string) ( $error['message'] ?? __( 'The payment service gave an answer this plugin does not understand.', 'crypto-customer-bridge' ) ),
			array(
				'status'  => $status ? $status : 502,
				'fields'  => isset( $error['fields'] ) && is_array( $error['fields'] ) ? $error['fields'] : array(),
				'details' => isset( $error['details'] ) && is_array( $error['details'] ) ? $error['details'] : array(),
			)
		);
	}

	/**
	 * The staff member a change is made for, named to the bridge for its audit log (a shopper is
	 * never named: their own details are what the level asks, no more).
	 *
	 * @return array<string, string>
	 */
	public static function acting_user(): array {
		$user = wp_get_current_user();
		if ( ! $user->exists() || ! ( user_can( $user, 'manage_options' ) || user_can( $user, 'manage_woocommerce' ) ) ) {
			return array();
		}
		return array( 'X-CCB-Acting-User' => sprintf( 'WordPress user %s (#%d)', $user->user_login, $user->ID ) );
	}

	/**
	 * One id per WordPress request, sent with every bridge call it makes, so the bridge's log lines for
	 * them can be found from this site's side (and the other way round).
	 */
	public static function request_id(): string {
		static $id = null;
		if ( null === $id ) {
			$id = 'wp-' . str_replace( '-', '', wp_generate_uuid4() );
		}
		return $id;
	}
}

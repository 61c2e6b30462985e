<?php
/**
 * Receives the bridge's signed events.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Bridge\Signature;
use CryptoCustomerBridge\Events\EventLog;

defined( 'ABSPATH' ) || exit;

/**
 * POST /ccb/v1/events. The permission check is the signature: only the bridge holding this shop's
 * secret gets in. Each event id is acted on once; a redelivery is acknowledged and ignored.
 */
final class EventsController extends Controller {


	/**
	 * Base of the routes.
	 *
	 * @var string
	 */
	protected $rest_base = 'events';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'create_item' ),
				'permission_callback' => array( $this, 'create_item_permissions_check' ),
			)
		);
	}

	/**
	 * Checks the bridge's signature over the exact request.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		$connection = $this->settings->connection();
		$headers    = array();
		foreach ( array( 'x-ccb-key-id', 'x-ccb-timestamp', 'x-ccb-nonce', 'x-ccb-signature' ) as $name ) {
			$headers[ $name ] = (string) $request->get_header( str_replace( '-', '_', $name ) );
		}
		$path = isset( $_SERVER['REQUEST_URI'] ) ? wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared byte for byte inside an HMAC, never output.
		if ( ! $connection || ! Signature::verify( $connection, $headers, $request->get_method(), (string) $path, $request->get_body() ) ) {
			return new \WP_Error( 'ccb_bad_signature', __( 'The event signature is not valid.', 'crypto-customer-bridge' ), array( 'status' => 401 ) );
		}
		return true;
	}

	/**
	 * Records the event once and announces it to the rest of the site.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ) {
		$event = json_decode( $request->get_body(), true );
		if ( ! is_array( $event ) || empty( $event['id'] ) || empty( $event['type'] ) || ! is_string( $event['id'] ) || ! is_string( $event['type'] ) ) {
			return new \WP_Error( 'ccb_bad_event', __( 'The event is not readable.', 'crypto-customer-bridge' ), array( 'status' => 400 ) );
		}
		// Handled once, and only once it really was: the event is recorded after its handlers succeeded, so
		// a handler that fails (or a database that does) means a 500 and the bridge's retry, not a lost event.
		// Handlers are idempotent per order state, so a rare double delivery racing here changes nothing twice.
		try {
			if ( EventLog::handled( $event['id'] ) ) {
				return rest_ensure_response( array( 'duplicate' => true ) );
			}
			/**
			 * Fires once per bridge event (checkout.completed, customer.erased, ...).
			 *
			 * @param array $event The event: id, type, createdAt, data.
			 */
			do_action( 'ccb_event', $event );
			$type = sanitize_key( strtr( $event['type'], '.', '_' ) );
			/**
			 * Fires once per bridge event of one type: ccb_event_checkout_completed, ccb_event_customer_erased, ...
			 *
			 * @param array $event The event.
			 */
			do_action( "ccb_event_{$type}", $event );
			EventLog::record_handled( $event );
		} catch ( \Throwable $error ) {
			return new \WP_Error( 'ccb_event_not_handled', __( 'The event could not be handled; send it again later.', 'crypto-customer-bridge' ), array( 'status' => 500 ) );
		}
		return rest_ensure_response( array( 'duplicate' => false ) );
	}
}

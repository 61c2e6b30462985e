<?php
/**
 * Admin routes: save the connection string, test the connection.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Bridge\Connection;
use CryptoCustomerBridge\Settings;
use CryptoCustomerBridge\ShopSync;

defined( 'ABSPATH' ) || exit;

/**
 * GET /ccb/v1/connection, POST /ccb/v1/connection, POST /ccb/v1/connection/test.
 * The secret goes in and never comes out: reads report only whether one is set.
 */
final class ConnectionController extends Controller {


	/**
	 * Base of the routes.
	 *
	 * @var string
	 */
	protected $rest_base = 'connection';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'connectionString' => array(
							'type'     => 'string',
							'required' => true,
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/test',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test' ),
				'permission_callback' => array( $this, 'get_item_permissions_check' ),
			)
		);
	}

	/**
	 * Only administrators manage the connection.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return $this->require_manager( __( 'Sorry, you are not allowed to manage crypto payments.', 'crypto-customer-bridge' ) );
	}

	/**
	 * Same as reading.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * What is configured, without the secret.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		$connection = $this->settings->connection();
		return rest_ensure_response(
			array(
				'configured' => null !== $connection,
				'bridgeUrl'  => $connection ? $connection->url : null,
				'keyId'      => $connection ? $connection->key_id : null,
				'secretSet'  => null !== $connection,
				'sync'       => get_option( Settings::SYNC_STATUS, null ),
				// What the processor bills in (null until known): the threshold's currency picker offers these.
				'currencies' => $this->settings->billing_currencies(),
			)
		);
	}

	/**
	 * Saves a new connection string, takes or sends the shop settings, and tests the result.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item( $request ) {
		$connection = Connection::parse( (string) $request->get_param( 'connectionString' ) );
		if ( is_wp_error( $connection ) ) {
			return $connection;
		}
		$synced = ( new ShopSync( $this->settings ) )->connect( $connection );
		if ( is_wp_error( $synced ) ) {
			return $this->explain( $synced );
		}
		return $this->test( $request );
	}

	/**
	 * Asks the bridge who we are and whether the processor accepts the shop's credentials.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function test( $request ) {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$shop = $client->request( 'GET', '/v1/shop' );
		if ( is_wp_error( $shop ) ) {
			return $this->explain( $shop );
		}
		if ( is_array( $shop['shop'] ?? null ) ) {
			$this->settings->remember_billing_currencies( $shop['shop'] );
		}
		return rest_ensure_response(
			array(
				'bridge'    => array(
					'ok'  => true,
					'url' => $this->settings->connection()->url,
				),
				'shop'      => $shop['shop'] ?? null,
				'processor' => $shop['processorCheck'] ?? null,
			)
		);
	}

	/**
	 * Turns a bridge failure into advice for the administrator.
	 *
	 * @param \WP_Error $error From the client.
	 */
	private function explain( \WP_Error $error ): \WP_Error {
		$advice = array(
			'ccb_bridge_unreachable'      => __( 'The bridge cannot be reached at this address. Check that it is running and that this server can reach it.', 'crypto-customer-bridge' ),
			'ccb_signature_invalid'       => __( 'The bridge refused the key id or the secret: paste the connection string of a shop created on this bridge (the secret may have been rotated).', 'crypto-customer-bridge' ),
			'ccb_timestamp_out_of_window' => __( 'The bridge refused the request time: this server\'s clock is more than five minutes off.', 'crypto-customer-bridge' ),
		);
		$code   = $error->get_error_code();
		return new \WP_Error( $code, $advice[ $code ] ?? $error->get_error_message(), $error->get_error_data() );
	}
}

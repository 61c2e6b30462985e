<?php
/**
 * The public route a checkout block submits to, and the return page's status check.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Blocks\CheckoutService;

defined( 'ABSPATH' ) || exit;

/**
 * POST /ccb/v1/checkouts opens a hosted checkout for one block on one published post (the block's
 * script submits here; the plain form post without JavaScript goes through the same CheckoutService).
 * What is charged comes from the saved block on the server, never from the browser.
 */
final class CheckoutController extends Controller {

	/**
	 * Base of the routes.
	 *
	 * @var string
	 */
	protected $rest_base = 'checkouts';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'create_item' ),
				'permission_callback' => array( $this, 'create_item_permissions_check' ),
				'args'                => array(
					'postId'   => array(
						'type'     => 'integer',
						'required' => true,
						'minimum'  => 1,
					),
					'blockId'  => array(
						'type'     => 'string',
						'required' => true,
						'pattern'  => '^[A-Za-z0-9-]{8,64}$',
					),
					'attempt'  => array(
						'type'     => 'string',
						'required' => true,
						'pattern'  => '^[A-Za-z0-9-]{8,64}$',
					),
					'customer' => array(
						'type'                 => 'object',
						'default'              => array(),
						// Every value a string: an array or object is a clear 400, never the text "Array".
						'additionalProperties' => array(
							'type'      => 'string',
							'maxLength' => 2000,
						),
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/status',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_status' ),
				'permission_callback' => array( $this, 'status_permissions_check' ),
				'args'                => array(
					'order' => array(
						'type'     => 'string',
						'required' => true,
						'pattern'  => '^wp-[0-9]+-[a-f0-9]{20}$',
					),
				),
			)
		);
	}

	/**
	 * Anyone may pay, but only from a page this site served (REST nonce). The rate limit is counted in
	 * the callback: WordPress may run a permission check more than once per request.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		if ( ! wp_verify_nonce( (string) $request->get_header( 'x_wp_nonce' ), 'wp_rest' ) ) {
			return new \WP_Error( 'ccb_bad_nonce', __( 'This page has expired. Reload it and try again.', 'crypto-customer-bridge' ), array( 'status' => 403 ) );
		}
		return true;
	}

	/**
	 * The status check is public and read-only (rate limited in its callback, like the checkout).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true
	 */
	public function status_permissions_check( $request ) {
		return true;
	}

	/**
	 * Opens the hosted checkout and returns where to send the shopper.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ) {
		$result = ( new CheckoutService( $this->settings ) )->start(
			(int) $request->get_param( 'postId' ),
			(string) $request->get_param( 'blockId' ),
			(string) $request->get_param( 'attempt' ),
			(array) $request->get_param( 'customer' )
		);
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}

	/**
	 * The payment status for the return page: no personal data, only the state (with the receipt's
	 * sentences and amounts in the shopper's language).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_status( $request ) {
		$result = ( new CheckoutService( $this->settings ) )->status( (string) $request->get_param( 'order' ) );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}

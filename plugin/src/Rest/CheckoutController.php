<?php
/**
 * The public route a checkout block submits to, and the return page's status check.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Blocks\CheckoutBlock;
use CryptoCustomerBridge\Contract;

defined( 'ABSPATH' ) || exit;

/**
 * POST /ccb/v1/checkouts opens a hosted checkout for one block on one published post. What is
 * charged comes from the saved block on the server, never from the browser.
 */
final class CheckoutController extends Controller {

	const RATE_LIMIT  = 10;
	const RATE_WINDOW = 60;


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
		if ( ! RateLimiter::allow( 'checkout', self::RATE_LIMIT, self::RATE_WINDOW ) ) {
			return new \WP_Error( 'ccb_rate_limited', __( 'Too many payment attempts. Wait a minute and try again.', 'crypto-customer-bridge' ), array( 'status' => 429 ) );
		}
		$post_id = (int) $request->get_param( 'postId' );
		$block   = CheckoutBlock::find_in_post( $post_id, (string) $request->get_param( 'blockId' ) );
		if ( ! $block ) {
			return new \WP_Error( 'ccb_unknown_block', __( 'This payment form is no longer available. Reload the page.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $this->for_shopper( $client );
		}

		// One submission attempt (a double click, a retry) maps to one order reference and one key.
		$attempt   = (string) $request->get_param( 'attempt' );
		$token     = substr( hash( 'sha256', $post_id . '|' . $block['blockId'] . '|' . $attempt . '|' . wp_salt( 'nonce' ) ), 0, 20 );
		$order_ref = 'wp-' . $post_id . '-' . $token;
		$customer  = array_intersect_key( (array) $request->get_param( 'customer' ), array_flip( Contract::customer_fields() ) );

		$checkout = array(
			'level'         => '' !== $block['level'] ? $block['level'] : $this->settings->level(),
			'orderRef'      => $order_ref,
			'currency'      => $block['currency'],
			'lineItems'     => CheckoutBlock::line_items( $block ),
			'expectedTotal' => $block['total'],
			'returnUrl'     => add_query_arg( 'ccb_order', $order_ref, $this->settings->return_url( $post_id ) ),
			'cancelUrl'     => add_query_arg( 'ccb_cancelled', '1', $this->settings->cancel_url( $post_id ) ),
			'locale'        => substr( determine_locale(), 0, 2 ),
		);
		if ( ! empty( $customer ) ) {
			$checkout['customer']        = array_map( 'strval', $customer );
			$checkout['shopperVerified'] = ShopperIdentity::is_signed_in_as( (string) ( $customer['email'] ?? '' ) );
		}
		$result = $client->request( 'POST', '/v1/checkouts', $checkout, array( 'Idempotency-Key' => 'wp-' . $token ) );
		if ( is_wp_error( $result ) ) {
			return $this->for_shopper( $result );
		}
		return rest_ensure_response( array( 'redirectUrl' => esc_url_raw( (string) $result['checkout']['url'] ) ) );
	}

	/**
	 * The payment status for the return page: no personal data, only the state.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_status( $request ) {
		if ( ! RateLimiter::allow( 'status', 60, self::RATE_WINDOW ) ) {
			return new \WP_Error( 'ccb_rate_limited', __( 'Too many requests. Wait a minute and try again.', 'crypto-customer-bridge' ), array( 'status' => 429 ) );
		}
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $this->for_shopper( $client );
		}
		$found = $client->request( 'GET', '/v1/checkouts?limit=1&orderRef=' . rawurlencode( (string) $request->get_param( 'order' ) ) );
		if ( is_wp_error( $found ) ) {
			return $this->for_shopper( $found );
		}
		$checkout = $found['items'][0] ?? null;
		if ( ! $checkout ) {
			return new \WP_Error( 'ccb_unknown_order', __( 'No payment was found for this link.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response(
			array(
				'status'         => $checkout['status'],
				'total'          => $checkout['total'],
				'currency'       => $checkout['currency'],
				'amountReceived' => $checkout['amountReceived'] ?? null,
			)
		);
	}

	/**
	 * What a shopper may see of a failure: field errors as they are (codes and messages), anything
	 * else as a translated sentence without the bridge's or processor's internals.
	 *
	 * @param \WP_Error $error Failure.
	 */
	private function for_shopper( \WP_Error $error ): \WP_Error {
		$data = (array) $error->get_error_data();
		$code = $error->get_error_code();
		if ( 'ccb_validation_failed' === $code ) {
			return new \WP_Error(
				$code,
				__( 'Please check the highlighted fields.', 'crypto-customer-bridge' ),
				array(
					'status' => 400,
					'fields' => $data['fields'] ?? array(),
					'level'  => $data['details']['level'] ?? null,
				)
			);
		}
		$messages = array(
			'ccb_bridge_unreachable'    => __( 'Payments are temporarily unavailable. Nothing was charged; please try again in a few minutes.', 'crypto-customer-bridge' ),
			'ccb_processor_unavailable' => __( 'The payment processor is not answering. Nothing was charged; please try again in a few minutes.', 'crypto-customer-bridge' ),
			'ccb_not_connected'         => __( 'Crypto payments are not set up on this site yet.', 'crypto-customer-bridge' ),
			'ccb_unknown_order'         => $error->get_error_message(),
		);
		$message  = $messages[ $code ] ?? __( 'The payment could not be started. Nothing was charged. Please try again later or contact the shop.', 'crypto-customer-bridge' );
		$status   = isset( $data['status'] ) && (int) $data['status'] >= 500 ? 503 : (int) ( $data['status'] ?? 500 );
		if ( 'ccb_bridge_unreachable' !== $code ) {
			// The shopper gets a plain sentence; the site owner finds the bridge's words in the log.
			error_log( sprintf( 'Crypto Customer Bridge: %s: %s', $code, $error->get_error_message() ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
		return new \WP_Error( $code, $message, array( 'status' => $status ) );
	}
}

<?php
/**
 * Admin proxy to the bridge's read APIs for the Payments screen.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Events\EventLog;

defined( 'ABSPATH' ) || exit;

/**
 * GET /ccb/v1/admin/checkouts, /admin/checkouts/{id}, /admin/activity. The browser never talks to
 * the bridge and never sees the shop secret: WordPress checks the capability and signs for it.
 */
final class PaymentsController extends Controller {



	/**
	 * Base of the routes.
	 *
	 * @var string
	 */
	protected $rest_base = 'admin';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$permission = array( $this, 'get_items_permissions_check' );
		$filters    = array(
			'status'      => array(
				'type' => 'string',
				'enum' => array_merge( array( '' ), \CryptoCustomerBridge\Contract::checkout_statuses() ),
			),
			'search'      => array(
				'type'      => 'string',
				'maxLength' => 200,
			),
			// Checked by the bridge, which says which one is malformed.
			'createdFrom' => array( 'type' => 'string' ),
			'createdTo'   => array( 'type' => 'string' ),
		);
		register_rest_route(
			$this->namespace,
			'/admin/checkouts',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_items' ),
				'permission_callback' => $permission,
				'args'                => $filters + array(
					'cursor' => array(
						'type'    => 'string',
						'pattern' => '^[A-Za-z0-9_-]{0,200}$',
					),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/admin/checkouts/counts',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_counts' ),
				'permission_callback' => $permission,
				'args'                => $filters,
			)
		);
		register_rest_route(
			$this->namespace,
			'/admin/checkouts/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export_csv' ),
				'permission_callback' => $permission,
				'args'                => $filters,
			)
		);
		register_rest_route(
			$this->namespace,
			'/admin/checkouts/(?P<id>' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . ')',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_item' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			$this->namespace,
			'/admin/activity',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_activity' ),
				'permission_callback' => $permission,
				'args'                => array(
					'since' => array(
						'type'    => 'string',
						'pattern' => '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$',
					),
				),
			)
		);
	}

	/**
	 * Payments are the site owner's business.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return $this->require_manager( __( 'Sorry, you are not allowed to see payments.', 'crypto-customer-bridge' ) );
	}

	/**
	 * A page of checkouts, newest first.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ) {
		return $this->relay( 'GET', '/v1/checkouts' . $this->query( $request, array( 'limit' => '25' ) ) );
	}

	/**
	 * How many payments each status has under the other filters.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_counts( $request ) {
		return $this->relay( 'GET', '/v1/checkouts/counts' . $this->query( $request ) );
	}

	/**
	 * The filtered payments as a CSV download.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_Error Only on failure: the file ends the request.
	 */
	public function export_csv( $request ) {
		$client = $this->settings->client();
		return is_wp_error( $client ) ? $client : CsvDownload::send( $client, '/v1/checkouts/export.csv' . $this->query( $request ), 'payments-' . gmdate( 'Y-m-d' ) . '.csv' );
	}

	/**
	 * The bridge query for the filters the request gives.
	 *
	 * @param \WP_REST_Request      $request Request.
	 * @param array<string, string> $fixed   Parameters set here.
	 */
	private function query( $request, array $fixed = array() ): string {
		return $this->bridge_query( $request, array( 'status', 'search', 'createdFrom', 'createdTo', 'cursor' ), $fixed );
	}

	/**
	 * One checkout with its history, audit entries and customer.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ) {
		$id     = (string) $request->get_param( 'id' );
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$checkout = $client->request( 'GET', '/v1/checkouts/' . $id );
		if ( is_wp_error( $checkout ) ) {
			return $checkout;
		}
		$audit       = $client->request( 'GET', '/v1/checkouts/' . $id . '/audit' );
		$invoices    = $client->request( 'GET', '/v1/invoices?checkoutId=' . $id );
		$customer_id = $checkout['checkout']['customerId'] ?? null;
		$customer    = $customer_id ? $client->request( 'GET', '/v1/customers/' . $customer_id ) : null;
		return rest_ensure_response(
			array(
				'checkout' => $checkout['checkout'],
				'history'  => $checkout['history'],
				'audit'    => is_wp_error( $audit ) ? array() : $audit['entries'],
				'customer' => is_array( $customer ) ? $customer['customer'] : null,
				'invoices' => is_wp_error( $invoices ) ? array() : $invoices['items'],
				// How each document was sent: by mail, or attached to a WooCommerce email.
				'mails'    => \CryptoCustomerBridge\Invoices\MailLog::for_checkout( $id ),
			)
		);
	}

	/**
	 * Events received since a moment: lets the screen refresh only when something happened.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_activity( $request ) {
		$since = (string) $request->get_param( 'since' );
		return rest_ensure_response(
			array(
				'now'    => gmdate( 'Y-m-d H:i:s' ),
				'events' => '' === $since ? array() : EventLog::since( $since ),
			)
		);
	}

	/**
	 * Forwards a read to the bridge.
	 *
	 * @param string $method Method.
	 * @param string $path   Path.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private function relay( string $method, string $path ) {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$result = $client->request( $method, $path );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}

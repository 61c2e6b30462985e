<?php
/**
 * Admin proxy to the bridge's customer API for the Customers screens.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * /ccb/v1/admin/customers…: list, statistics, one customer, create, edit, erase, export. The browser
 * never talks to the bridge: WordPress checks the capability and signs for it. Validation happens at
 * the bridge (one set of rules); its field errors come back unchanged.
 */
final class CustomersController extends Controller {


	/**
	 * Base of the routes.
	 *
	 * @var string
	 */
	protected $rest_base = 'admin/customers';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$permission = array( $this, 'permissions_check' );
		$id         = '/(?P<id>' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . ')';
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => $permission,
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/statistics',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_statistics' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export_csv' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . $id,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => 'PATCH',
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => $permission,
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . $id . '/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export_item' ),
				'permission_callback' => $permission,
			)
		);
	}

	/**
	 * Customers are the site owner's business.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function permissions_check( $request ) {
		return $this->require_manager( __( 'Sorry, you are not allowed to manage customers.', 'crypto-customer-bridge' ) );
	}

	/**
	 * The bridge's list query, passed on with only the parameters it knows.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	private function query( $request ): string {
		return $this->bridge_query( $request, array( 'q', 'email', 'country', 'level', 'hasPayments', 'sort', 'order', 'limit', 'cursor', 'withTotal' ) );
	}

	/**
	 * A page of customers.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ) {
		return $this->relay( 'GET', '/v1/customers' . $this->query( $request ) );
	}

	/**
	 * The numbers above the list.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_statistics( $request ) {
		return $this->relay( 'GET', '/v1/customers/statistics' );
	}

	/**
	 * One customer with payments and accounts, and the audit log.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ) {
		$id     = (string) $request->get_param( 'id' );
		$detail = $this->relay( 'GET', '/v1/customers/' . $id );
		if ( is_wp_error( $detail ) ) {
			return $detail;
		}
		$audit            = $this->relay( 'GET', '/v1/customers/' . $id . '/audit' );
		$data             = $detail->get_data();
		$data['audit']    = is_wp_error( $audit ) ? array() : $audit->get_data()['entries'];
		$invoices         = $this->relay( 'GET', '/v1/invoices?customerId=' . $id );
		$data['invoices'] = is_wp_error( $invoices ) ? array() : $invoices->get_data()['items'];
		return rest_ensure_response( $data );
	}

	/**
	 * Creates a customer; one submission maps to one Idempotency-Key.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ) {
		$key = (string) $request->get_header( 'x_ccb_request_id' );
		$key = preg_match( '/^[A-Za-z0-9-]{8,64}$/', $key ) ? $key : wp_generate_uuid4();
		return $this->relay( 'POST', '/v1/customers', $this->json_body( $request ), array( 'Idempotency-Key' => 'wp-admin-' . $key ) );
	}

	/**
	 * Edits a customer.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item( $request ) {
		return $this->relay( 'PATCH', '/v1/customers/' . $request->get_param( 'id' ), $this->json_body( $request ) );
	}

	/**
	 * Erases a customer's personal data (the payments stay, anonymous).
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function delete_item( $request ) {
		return $this->relay( 'DELETE', '/v1/customers/' . $request->get_param( 'id' ) );
	}

	/**
	 * Everything held about one customer, as JSON.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function export_item( $request ) {
		return $this->relay( 'GET', '/v1/customers/' . $request->get_param( 'id' ) . '/export' );
	}

	/**
	 * All customers (or the current filter) as CSV. The bridge's stream goes to a temporary file and
	 * from there to the browser, so memory stays flat at any size; X-Total-Count lets the screen
	 * show progress.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_Error|never An error, or the file is sent and the request ends.
	 */
	public function export_csv( $request ) {
		$client = $this->settings->client();
		return is_wp_error( $client ) ? $client : CsvDownload::send( $client, '/v1/customers/export.csv' . $this->query( $request ), 'customers-' . gmdate( 'Y-m-d' ) . '.csv' );
	}

	/**
	 * The browser's JSON as sent: the bridge validates it, and relaying the text keeps {} an object.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	private function json_body( $request ): string {
		$body = (string) $request->get_body();
		return '' === trim( $body ) ? '{}' : $body;
	}

	/**
	 * Forwards a request to the bridge.
	 *
	 * @param string                           $method  Method.
	 * @param string                           $path    Path.
	 * @param array<string, mixed>|string|null $body Body (data, or JSON text).
	 * @param array<string, string>            $headers Headers.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private function relay( string $method, string $path, $body = null, array $headers = array() ) {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$result = $client->request( $method, $path, $body, $headers );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result );
	}
}

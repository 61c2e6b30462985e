<?php
/**
 * The invoices in wp-admin: download, export, send again.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Invoices\Delivery;
use CryptoCustomerBridge\Invoices\InvoicePdf;

defined( 'ABSPATH' ) || exit;

/**
 * For people who may manage the site: an invoice's PDF (streamed from the bridge, which keeps it), all
 * documents as CSV for the accountant, and a recorded mail sent again.
 */
final class InvoicesController extends Controller {

	/**
	 * Routes.
	 */
	public function register_routes(): void {
		$permission = array( $this, 'permissions_check' );
		register_rest_route(
			$this->namespace,
			'/admin/invoices/(?P<id>' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . ')/pdf',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'download' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			$this->namespace,
			'/admin/invoices/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export_csv' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			$this->namespace,
			'/admin/invoice-mails/(?P<id>\d+)/resend',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'resend' ),
				'permission_callback' => $permission,
			)
		);
	}

	/**
	 * Managers only.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function permissions_check( $request ) {
		return $this->require_manager( __( 'Sorry, you are not allowed to see invoices.', 'crypto-customer-bridge' ) );
	}

	/**
	 * Sends the PDF to the browser and ends the request; returns only an error.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_Error
	 */
	public function download( $request ) {
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $client;
		}
		$id    = (string) $request->get_param( 'id' );
		$found = $client->request( 'GET', '/v1/invoices/' . $id );
		if ( is_wp_error( $found ) ) {
			return $found;
		}
		$file = InvoicePdf::fetch( $client, $id, (string) $found['invoice']['number'] );
		if ( is_wp_error( $file ) ) {
			return $file;
		}
		InvoicePdf::stream( $file );
	}

	/**
	 * All documents as CSV.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_Error
	 */
	public function export_csv( $request ) {
		$client = $this->settings->client();
		return is_wp_error( $client ) ? $client : CsvDownload::send( $client, '/v1/invoices/export.csv', 'invoices-' . gmdate( 'Y-m-d' ) . '.csv' );
	}

	/**
	 * Sends a recorded mail again.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function resend( $request ) {
		$sent = ( new Delivery( $this->settings ) )->resend( (int) $request->get_param( 'id' ) );
		return is_wp_error( $sent ) ? $sent : rest_ensure_response( array( 'sent' => true ) );
	}
}

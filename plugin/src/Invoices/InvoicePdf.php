<?php
/**
 * An invoice's PDF, fetched from the bridge into a temporary file.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Invoices;

use CryptoCustomerBridge\Bridge\Client;

defined( 'ABSPATH' ) || exit;

/**
 * The bridge keeps every document and its PDF; the site only ever holds a copy for as long as a mail
 * or a download needs it.
 */
final class InvoicePdf {

	/**
	 * Fetches the PDF into a temporary file named after the document's number; the caller deletes it.
	 *
	 * @param Client $client     Bridge client.
	 * @param string $invoice_id Invoice id.
	 * @param string $number     Its number (the file's name, as the recipient sees it).
	 * @return string|\WP_Error The file's path.
	 */
	public static function fetch( Client $client, string $invoice_id, string $number ) {
		if ( ! preg_match( '/^' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . '$/', $invoice_id ) ) {
			return new \WP_Error( 'ccb_not_found', __( 'No such invoice.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		$dir = trailingslashit( get_temp_dir() ) . 'ccb-' . wp_generate_password( 12, false );
		if ( ! wp_mkdir_p( $dir ) ) {
			return new \WP_Error( 'ccb_invoice_unavailable', __( 'The invoice could not be prepared.', 'crypto-customer-bridge' ), array( 'status' => 500 ) );
		}
		$file = $dir . '/' . sanitize_file_name( $number . '.pdf' );
		$head = $client->download( '/v1/invoices/' . $invoice_id . '/pdf', $file );
		if ( is_wp_error( $head ) ) {
			self::delete( $file );
			return new \WP_Error( 'ccb_invoice_unavailable', __( 'The invoice could not be fetched from the payment service. Try again in a moment.', 'crypto-customer-bridge' ), array( 'status' => 502 ) );
		}
		return $file;
	}

	/**
	 * Sends a fetched file to the browser as a download, deletes it, and ends the request.
	 *
	 * @param string $file The path `fetch` returned.
	 * @return never
	 */
	public static function stream( string $file ): void {
		nocache_headers();
		header( 'Content-Type: application/pdf' );
		header( 'Content-Disposition: attachment; filename="' . basename( $file ) . '"' );
		header( 'Content-Length: ' . (int) filesize( $file ) );
		readfile( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_readfile -- streamed, not held in memory.
		self::delete( $file );
		exit;
	}

	/**
	 * Deletes a fetched file and its folder.
	 *
	 * @param string $file The path `fetch` returned.
	 */
	public static function delete( string $file ): void {
		wp_delete_file( $file );
		@rmdir( dirname( $file ) ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a folder of our own, empty by now.
	}
}

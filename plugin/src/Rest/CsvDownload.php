<?php
/**
 * Hands a CSV the bridge makes to the browser.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Bridge\Client;

defined( 'ABSPATH' ) || exit;

/**
 * The bridge streams the export into a temporary file, which is then streamed to the browser: the
 * whole file is never held in memory, whatever its size.
 */
final class CsvDownload {

	/**
	 * Sends the file and ends the request; returns only an error.
	 *
	 * @param Client $client   Bridge client.
	 * @param string $path     Bridge path with query.
	 * @param string $filename Name the browser saves it as.
	 * @return \WP_Error
	 */
	public static function send( Client $client, string $path, string $filename ) {
		require_once ABSPATH . 'wp-admin/includes/file.php'; // wp_tempnam(), not loaded for REST requests.
		$file = wp_tempnam( 'ccb-export' );
		$head = $client->download( $path, $file );
		if ( is_wp_error( $head ) ) {
			wp_delete_file( $file );
			return $head;
		}
		header( 'Content-Type: text/csv; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="' . sanitize_file_name( $filename ) . '"' );
		if ( isset( $head['x-total-count'] ) ) {
			header( 'X-Total-Count: ' . (int) $head['x-total-count'] );
		}
		header( 'Content-Length: ' . (int) filesize( $file ) );
		// WP_Filesystem can only read a whole file into memory, which a million-row export must not do.
		readfile( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_readfile
		wp_delete_file( $file );
		exit;
	}
}

<?php
/**
 * Enqueues one built admin entry with its dependencies and translations.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Admin;

use CryptoCustomerBridge\Plugin;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the *.asset.php file wp-scripts writes beside each entry, so dependencies and versions are
 * never listed by hand.
 */
final class ScriptAsset {

	/**
	 * Enqueues build/{entry}.js (+ .css if built) and its translations.
	 *
	 * @param string               $entry Entry name (admin-settings, admin-payments).
	 * @param array<string, mixed> $data  Data for the script, as window.ccbAdmin.
	 */
	public static function enqueue( string $entry, array $data = array() ): void {
		$asset_file = Plugin::path( "build/{$entry}.asset.php" );
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset  = require $asset_file;
		$handle = "ccb-{$entry}";
		wp_enqueue_script( $handle, Plugin::url( "build/{$entry}.js" ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( $handle, 'crypto-customer-bridge', Plugin::path( 'build/languages' ) );
		wp_add_inline_script( $handle, 'window.ccbAdmin = ' . wp_json_encode( $data ) . ';', 'before' );
		wp_enqueue_style( 'wp-components' );
		if ( is_readable( Plugin::path( "build/{$entry}.css" ) ) ) {
			wp_enqueue_style( $handle, Plugin::url( "build/{$entry}.css" ), array( 'wp-components' ), $asset['version'] );
		}
	}
}

<?php
/**
 * Removes everything the plugin stored: its options and its event log table.
 *
 * @package CryptoCustomerBridge
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/src/Settings.php';
require_once __DIR__ . '/src/Events/EventLog.php';
require_once __DIR__ . '/src/Rest/RateLimiter.php';
require_once __DIR__ . '/src/Schema.php';

foreach ( CryptoCustomerBridge\Settings::all_option_names() as $ccb_option ) {
	delete_option( $ccb_option );
}
CryptoCustomerBridge\Schema::uninstall();

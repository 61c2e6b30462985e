<?php
/**
 * Removes everything the plugin stored, on every site of a network: its options (the WooCommerce
 * gateway's settings included), its tables (event log, rate limits) and its scheduled reconciliation.
 *
 * @package CryptoCustomerBridge
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/src/Settings.php';
require_once __DIR__ . '/src/Events/EventLog.php';
require_once __DIR__ . '/src/Rest/RateLimiter.php';
require_once __DIR__ . '/src/Schema.php';

/**
 * Cleans one site.
 */
function ccb_uninstall_site(): void {
	foreach ( CryptoCustomerBridge\Settings::all_option_names() as $ccb_option ) {
		delete_option( $ccb_option );
	}
	delete_option( 'woocommerce_ccb_crypto_settings' );
	wp_clear_scheduled_hook( 'ccb_reconcile_orders' );
	if ( function_exists( 'as_unschedule_all_actions' ) ) {
		as_unschedule_all_actions( 'ccb_reconcile_orders' );
	}
	CryptoCustomerBridge\Schema::uninstall();
}

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $ccb_site_id ) {
		switch_to_blog( (int) $ccb_site_id );
		ccb_uninstall_site();
		restore_current_blog();
	}
} else {
	ccb_uninstall_site();
}

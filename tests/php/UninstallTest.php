<?php

use CryptoCustomerBridge\Schema;
use CryptoCustomerBridge\Settings;

/**
 * Uninstalling leaves nothing behind. Runs the real uninstall.php, then puts the site back as it was.
 */
final class UninstallTest extends WordPressTestCase {

	public function test_uninstall_removes_options_tables_gateway_settings_and_schedules(): void {
		global $wpdb;
		$names = array_merge( Settings::all_option_names(), array( 'woocommerce_ccb_crypto_settings', Schema::VERSION_OPTION ) );
		$saved = array();
		foreach ( $names as $name ) {
			$saved[ $name ] = get_option( $name, null );
		}
		update_option( 'woocommerce_ccb_crypto_settings', array( 'enabled' => 'yes' ) );
		update_option( Settings::BILLING_CURRENCIES, array( 'EUR' ) );
		wp_schedule_event( time() + 3600, 'hourly', 'ccb_reconcile_orders' );
		$wpdb->query( 'COMMIT' ); // uninstall drops tables (DDL), which commits anyway.
		try {
			if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
				define( 'WP_UNINSTALL_PLUGIN', 'crypto-customer-bridge/crypto-customer-bridge.php' );
			}
			include WP_PLUGIN_DIR . '/crypto-customer-bridge/uninstall.php';
			wp_cache_flush();
			foreach ( $names as $name ) {
				$this->assertNull( get_option( $name, null ), "option {$name} is left" );
			}
			$this->assertFalse( wp_next_scheduled( 'ccb_reconcile_orders' ) );
			$tables = $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'ccb_' ) . '%' ) );
			$this->assertSame( array(), $tables );
		} finally {
			Schema::install();
			foreach ( $saved as $name => $value ) {
				if ( null !== $value ) {
					update_option( $name, $value );
				}
			}
			$wpdb->query( 'START TRANSACTION' );
		}
	}
}

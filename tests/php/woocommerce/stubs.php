<?php
/**
 * Loads WooCommerce's API stubs (declarations only) into the test WordPress, for testing the
 * plugin's WooCommerce classes without WooCommerce. The stubs extend some WordPress admin classes,
 * and one class newer WordPress has (WP_Ability, 6.9): an empty one stands in.
 */
require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-importer.php';
require_once ABSPATH . 'wp-includes/class-wp-customize-control.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
// phpcs:disable Generic.Files.OneObjectStructurePerFile
if ( ! class_exists( 'WP_Ability' ) ) {
	class WP_Ability {}
}
require_once dirname( __DIR__ ) . '/vendor/php-stubs/woocommerce-stubs/woocommerce-stubs.php';

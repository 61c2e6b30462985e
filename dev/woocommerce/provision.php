<?php
/**
 * Provisions a real WooCommerce store for the store tests, one step per PHP process, in the order that
 * works without a browser (see ../shared/RUNTIME.md, "A real WooCommerce store"):
 *
 *   install      wp_install() with WP_INSTALLING; pretty permalinks.
 *   woocommerce  as user 1, activate WooCommerce (creates its tables and its block cart/checkout pages).
 *   store        with WooCommerce loaded: WC_Install::newly_installed() (what the first wp-admin view
 *                does), onboarding and "coming soon" skipped, the order storage (HPOS or posts), country,
 *                currency, shipping, products, a classic checkout page; then activate this plugin.
 *   connect      with every plugin loaded: this plugin's level, its connection to the bridge (pushed to
 *                the bridge), the gateway enabled; rewrite rules flushed; prints the store's summary.
 *
 * Usage: php provision.php STEP SITE_DIR JSON_OPTIONS. Each step prints one JSON line.
 *
 * @package CryptoCustomerBridge
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- a CLI script that boots WordPress.

$ccb_step    = $argv[1];
$ccb_site    = $argv[2];
$ccb_options = json_decode( $argv[3], true );

$_SERVER['HTTP_HOST']   = parse_url( $ccb_options['url'], PHP_URL_HOST ) . ':' . parse_url( $ccb_options['url'], PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = parse_url( $ccb_options['url'], PHP_URL_HOST );

/**
 * Stops with a message on stderr.
 *
 * @param string $message What went wrong.
 */
function ccb_fail( string $message ): void {
	fwrite( STDERR, "provision.php: $message\n" );
	exit( 1 );
}

if ( 'install' === $ccb_step ) {
	define( 'WP_INSTALLING', true );
	require $ccb_site . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	add_filter( 'pre_wp_mail', '__return_true' );
	if ( ! is_blog_installed() ) {
		wp_install( 'Crypto Customer Bridge test store', $ccb_options['adminUser'], 'admin@example.com', false, '', $ccb_options['adminPassword'] );
	}
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'blogdescription', 'A WooCommerce store for the end-to-end tests (sandbox payments)' );
	echo wp_json_encode( array( 'wordpress' => get_bloginfo( 'version' ) ) ), "\n";
	exit( 0 );
}

require $ccb_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( 1 );

if ( 'woocommerce' === $ccb_step ) {
	$ccb_result = activate_plugin( 'woocommerce/woocommerce.php' );
	if ( is_wp_error( $ccb_result ) ) {
		ccb_fail( 'WooCommerce did not activate: ' . $ccb_result->get_error_message() );
	}
	echo wp_json_encode( array( 'woocommerce' => get_option( 'woocommerce_version' ) ) ), "\n";
	exit( 0 );
}

if ( ! class_exists( 'WooCommerce' ) ) {
	ccb_fail( 'WooCommerce is not loaded (was the "woocommerce" step run?)' );
}

if ( 'store' === $ccb_step ) {
	// What the first wp-admin view would do for a new store (enables HPOS for a store without orders).
	WC_Install::newly_installed();
	update_option(
		'woocommerce_onboarding_profile',
		array(
			'skipped'   => true,
			'completed' => true,
		)
	);
	update_option( 'woocommerce_task_list_hidden', 'yes' );
	update_option( 'woocommerce_coming_soon', 'no' );
	update_option( 'woocommerce_store_pages_only', 'no' );
	update_option( 'woocommerce_allow_tracking', 'no' );
	update_option( 'woocommerce_show_marketplace_suggestions', 'no' );
	delete_transient( '_wc_activation_redirect' );

	// The order storage: HPOS (wp_wc_orders*) or the legacy posts, never both kept in sync, so each
	// order's meta lives in exactly one table.
	$ccb_hpos = ! empty( $ccb_options['hpos'] );
	if ( $ccb_hpos ) {
		$ccb_sync = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
		if ( ! $ccb_sync->check_orders_table_exists() ) {
			$ccb_sync->create_database_tables();
		}
	}
	update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );
	update_option( 'woocommerce_custom_orders_table_enabled', $ccb_hpos ? 'yes' : 'no' );

	// A German store selling in euros, without taxes; guests may check out.
	update_option( 'woocommerce_default_country', 'DE' );
	update_option( 'woocommerce_store_address', 'Teststraße 1' );
	update_option( 'woocommerce_store_city', 'Berlin' );
	update_option( 'woocommerce_store_postcode', '10115' );
	update_option( 'woocommerce_currency', 'EUR' );
	update_option( 'woocommerce_currency_pos', 'right_space' );
	update_option( 'woocommerce_price_thousand_sep', '.' );
	update_option( 'woocommerce_price_decimal_sep', ',' );
	update_option( 'woocommerce_price_num_decimals', '2' );
	update_option( 'woocommerce_calc_taxes', 'no' );
	update_option( 'woocommerce_allowed_countries', 'all' );
	update_option( 'woocommerce_ship_to_countries', '' );
	update_option( 'woocommerce_default_customer_address', 'base' );
	update_option( 'woocommerce_enable_guest_checkout', 'yes' );
	update_option( 'woocommerce_enable_checkout_login_reminder', 'no' );
	update_option( 'woocommerce_enable_signup_and_login_from_checkout', 'no' );
	update_option( 'woocommerce_registration_generate_password', 'yes' );

	// Shipping: a flat rate of 5.00 everywhere (zone 0, "the rest of the world").
	$ccb_zone = new WC_Shipping_Zone( 0 );
	if ( ! $ccb_zone->get_shipping_methods() ) {
		$ccb_instance = $ccb_zone->add_shipping_method( 'flat_rate' );
		update_option(
			'woocommerce_flat_rate_' . $ccb_instance . '_settings',
			array(
				'title'      => 'Flat rate',
				'tax_status' => 'none',
				'cost'       => '5.00',
			)
		);
	}

	// Two simple products.
	foreach ( array(
		array( 'test-mug', 'Test Mug', '10.00' ),
		array( 'test-poster', 'Test Poster', '19.99' ),
	) as $ccb_item ) {
		if ( ! wc_get_product_id_by_sku( $ccb_item[0] ) ) {
			$ccb_product = new WC_Product_Simple();
			$ccb_product->set_name( $ccb_item[1] );
			$ccb_product->set_slug( $ccb_item[0] );
			$ccb_product->set_sku( $ccb_item[0] );
			$ccb_product->set_regular_price( $ccb_item[2] );
			$ccb_product->set_status( 'publish' );
			$ccb_product->set_catalog_visibility( 'visible' );
			$ccb_product->save();
		}
	}

	// The classic checkout, beside the block checkout WooCommerce created.
	if ( ! get_page_by_path( 'classic-checkout' ) ) {
		wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => 'classic-checkout',
				'post_title'   => 'Classic checkout',
				'post_content' => "<!-- wp:shortcode -->\n[woocommerce_checkout]\n<!-- /wp:shortcode -->",
			)
		);
	}

	$ccb_result = activate_plugin( 'crypto-customer-bridge/crypto-customer-bridge.php' );
	if ( is_wp_error( $ccb_result ) ) {
		ccb_fail( 'the plugin did not activate: ' . $ccb_result->get_error_message() );
	}
	echo wp_json_encode( array( 'hpos' => $ccb_hpos ) ), "\n";
	exit( 0 );
}

if ( 'connect' === $ccb_step ) {
	if ( ! class_exists( 'CryptoCustomerBridge\Settings' ) ) {
		ccb_fail( 'the plugin is not loaded (was the "store" step run?)' );
	}
	$ccb_settings = new CryptoCustomerBridge\Settings();
	update_option( CryptoCustomerBridge\Settings::LEVEL, $ccb_options['level'] ?? 'minimal' );
	$ccb_connection = CryptoCustomerBridge\Bridge\Connection::parse( $ccb_options['connectionString'] );
	if ( is_wp_error( $ccb_connection ) ) {
		ccb_fail( $ccb_connection->get_error_message() );
	}
	$ccb_settings->save_connection( $ccb_connection );
	$ccb_sync = ( new CryptoCustomerBridge\ShopSync( $ccb_settings ) )->push();
	if ( is_wp_error( $ccb_sync ) ) {
		ccb_fail( 'could not reach the bridge: ' . $ccb_sync->get_error_message() );
	}
	update_option(
		'woocommerce_ccb_crypto_settings',
		array(
			'enabled'     => 'yes',
			'title'       => 'Pay with crypto',
			'description' => 'You will be taken to a secure page to pay with cryptocurrency.',
		)
	);
	flush_rewrite_rules();

	// What the tests need to know, and a check that the store is what was asked for.
	$ccb_gateways = WC()->payment_gateways()->payment_gateways();
	if ( ! isset( $ccb_gateways['ccb_crypto'] ) ) {
		ccb_fail( 'the gateway ccb_crypto is not registered with WooCommerce' );
	}
	$ccb_hpos = Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
	if ( $ccb_hpos !== ! empty( $ccb_options['hpos'] ) ) {
		ccb_fail( 'the order storage is ' . ( $ccb_hpos ? 'HPOS' : 'posts' ) . ', not what was asked for' );
	}
	$ccb_products = array();
	foreach ( array( 'test-mug', 'test-poster' ) as $ccb_sku ) {
		$ccb_product    = wc_get_product( wc_get_product_id_by_sku( $ccb_sku ) );
		$ccb_products[] = array(
			'id'    => $ccb_product->get_id(),
			'sku'   => $ccb_sku,
			'name'  => $ccb_product->get_name(),
			'price' => $ccb_product->get_price(),
			'url'   => get_permalink( $ccb_product->get_id() ),
		);
	}
	echo wp_json_encode(
		array(
			'wordpress'       => get_bloginfo( 'version' ),
			'woocommerce'     => WC()->version,
			'hpos'            => $ccb_hpos,
			'level'           => $ccb_settings->level(),
			'gatewayEnabled'  => 'yes' === $ccb_gateways['ccb_crypto']->enabled,
			'products'        => $ccb_products,
			'cart'            => wc_get_cart_url(),
			'blockCheckout'   => wc_get_checkout_url(),
			'classicCheckout' => get_permalink( get_page_by_path( 'classic-checkout' ) ),
			'shop'            => get_permalink( wc_get_page_id( 'shop' ) ),
		)
	), "\n";
	exit( 0 );
}

ccb_fail( "unknown step $ccb_step" );

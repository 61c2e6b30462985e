<?php
/**
 * Installs WordPress, activates the plugin, connects it to the bridge and adds a demo page.
 * Usage: php provision.php SITE_DIR JSON_OPTIONS. Prints a JSON summary.
 */

$ccb_site    = $argv[1];
$ccb_options = json_decode( $argv[2], true );

define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = parse_url( $ccb_options['url'], PHP_URL_HOST ) . ':' . parse_url( $ccb_options['url'], PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
require $ccb_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_true' );

if ( ! is_blog_installed() ) {
	wp_install( 'Crypto Customer Bridge demo', $ccb_options['adminUser'], 'admin@example.com', false, '', $ccb_options['adminPassword'], $ccb_options['locale'] ?? '' );
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'blogdescription', 'A local shop for trying crypto payments (sandbox)' );
if ( ! empty( $ccb_options['locale'] ) ) {
	update_option( 'WPLANG', $ccb_options['locale'] );
}

$ccb_result = activate_plugin( 'crypto-customer-bridge/crypto-customer-bridge.php' );
if ( is_wp_error( $ccb_result ) ) {
	fwrite( STDERR, $ccb_result->get_error_message() . "\n" );
	exit( 1 );
}
// While installing, WordPress loads no plugins; load this one's classes directly (activation
// included the file already on a first run, hence require_once).
require_once WP_PLUGIN_DIR . '/crypto-customer-bridge/crypto-customer-bridge.php';
flush_rewrite_rules();

$ccb_settings = new CryptoCustomerBridge\Settings();
update_option( CryptoCustomerBridge\Settings::LEVEL, $ccb_options['level'] ?? 'minimal' );
if ( ! empty( $ccb_options['connectionString'] ) ) {
	$ccb_connection = CryptoCustomerBridge\Bridge\Connection::parse( $ccb_options['connectionString'] );
	if ( is_wp_error( $ccb_connection ) ) {
		fwrite( STDERR, $ccb_connection->get_error_message() . "\n" );
		exit( 1 );
	}
	$ccb_settings->save_connection( $ccb_connection );
	$ccb_sync = ( new CryptoCustomerBridge\ShopSync( $ccb_settings ) )->push();
	if ( is_wp_error( $ccb_sync ) ) {
		fwrite( STDERR, 'Could not reach the bridge: ' . $ccb_sync->get_error_message() . "\n" );
		exit( 1 );
	}
}

$ccb_page = get_page_by_path( 'pay' );
if ( ! $ccb_page && ! empty( $ccb_options['demoPage'] ) ) {
	$ccb_attrs = array(
		'blockId'  => 'demo-block-0001',
		'currency' => 'EUR',
		'items'    => array(
			array( 'description' => 'Tea cup', 'amount' => '19.99', 'quantity' => 3 ),
			array( 'description' => 'Saucer', 'amount' => '5.00', 'quantity' => 1 ),
		),
		'total'    => '64.97',
	);
	wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_name'    => 'pay',
			'post_title'   => 'Pay with crypto',
			'post_content' => '<!-- wp:crypto-customer-bridge/checkout ' . wp_json_encode( $ccb_attrs ) . ' /-->',
		)
	);
}

echo wp_json_encode(
	array(
		'installed' => true,
		'demoPage'  => home_url( '/pay/' ),
		'admin'     => admin_url(),
	)
);

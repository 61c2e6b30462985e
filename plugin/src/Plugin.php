<?php
/**
 * Wires the plugin's parts to WordPress.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * The composition root: every hook the plugin adds is added here or by the class it names.
 */
final class Plugin {

	/**
	 * Called on plugins_loaded.
	 */
	public static function boot(): void {
		Schema::maybe_upgrade();
		$settings = new Settings();
		$settings->register();
		( new ShopSync( $settings ) )->register();
		( new Blocks\CheckoutBlock( $settings ) )->register();
		( new Admin\SettingsPage() )->register();
		( new Admin\PaymentsPage() )->register();
		( new Admin\CustomersPage() )->register();
		( new Privacy( $settings ) )->register();
		( new Invoices\Delivery( $settings ) )->register();
		( new Invoices\PublicLink( $settings ) )->register();
		WooCommerce\Integration::register();

		add_action( 'init', array( self::class, 'load_textdomain' ) );
		add_action(
			'rest_api_init',
			static function () use ( $settings ) {
				( new Rest\ConnectionController( $settings ) )->register_routes();
				( new Rest\CheckoutController( $settings ) )->register_routes();
				( new Rest\EventsController( $settings ) )->register_routes();
				( new Rest\PaymentsController( $settings ) )->register_routes();
				( new Rest\CustomersController( $settings ) )->register_routes();
				( new Rest\InvoicesController( $settings ) )->register_routes();
			}
		);
	}

	/**
	 * Loads the bundled translations (PHP side; scripts get theirs through wp_set_script_translations).
	 */
	public static function load_textdomain(): void {
		load_plugin_textdomain( TEXT_DOMAIN, false, dirname( plugin_basename( PLUGIN_FILE ) ) . '/build/languages' );
	}

	/**
	 * Absolute path inside the plugin.
	 *
	 * @param string $relative Path relative to the plugin folder.
	 */
	public static function path( string $relative ): string {
		return plugin_dir_path( PLUGIN_FILE ) . ltrim( $relative, '/' );
	}

	/**
	 * URL inside the plugin.
	 *
	 * @param string $relative Path relative to the plugin folder.
	 */
	public static function url( string $relative ): string {
		return plugins_url( ltrim( $relative, '/' ), PLUGIN_FILE );
	}
}

<?php
/**
 * Plugin Name:       Crypto Customer Bridge
 * Description:       Accept cryptocurrency payments through a Whalestack-compatible processor, with the customer attached to every charge.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      7.4
 * Author:            Crypto Customer Bridge
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       crypto-customer-bridge
 * Domain Path:       /build/languages
 *
 * WordPress 6.6 is the first with react-jsx-runtime, which the built scripts need. PHP 7.4 is
 * WooCommerce's own minimum, so every shop that can run WooCommerce can run this.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

const VERSION     = '0.1.0';
const PLUGIN_FILE = __FILE__;
const TEXT_DOMAIN = 'crypto-customer-bridge';

spl_autoload_register(
	static function ( $class ) {
		$prefix = __NAMESPACE__ . '\\';
		if ( 0 !== strpos( $class, $prefix ) ) {
			return;
		}
		$file = __DIR__ . '/src/' . str_replace( '\\', '/', substr( $class, strlen( $prefix ) ) ) . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);

register_activation_hook( __FILE__, array( Schema::class, 'activate' ) );
add_action( 'wp_initialize_site', array( Schema::class, 'install_new_site' ), 20 );
add_action( 'plugins_loaded', array( Plugin::class, 'boot' ) );

<?php
/**
 * Tells the shop owner when crypto payments are hidden because of the store currency.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The gateway hides itself in a store currency the processor does not bill in; this notice says so
 * to whoever can change it, so the payment method does not vanish without a word.
 */
final class CurrencyNotice {

	/**
	 * Hooks the notice.
	 */
	public static function register(): void {
		add_action( 'admin_notices', array( self::class, 'render' ) );
	}

	/**
	 * The notice, if the gateway is enabled and the store currency is not billable.
	 */
	public static function render(): void {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		$gateway  = get_option( 'woocommerce_' . Gateway::ID . '_settings', array() );
		$currency = get_woocommerce_currency();
		if ( 'yes' !== ( $gateway['enabled'] ?? 'no' ) || ( new Settings() )->bills_in( $currency ) ) {
			return;
		}
		printf(
			'<div class="notice notice-warning"><p>%s</p></div>',
			esc_html(
				sprintf(
					/* translators: %s: currency code */
					__( 'Crypto payments are hidden at checkout: the payment processor does not bill in %s, the store currency. Choose a currency it supports (WooCommerce → Settings → General) to offer them.', 'crypto-customer-bridge' ),
					$currency
				)
			)
		);
	}
}

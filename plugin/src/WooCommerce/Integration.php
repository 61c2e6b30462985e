<?php
/**
 * Everything the plugin adds to WooCommerce, when WooCommerce is active.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;


defined( 'ABSPATH' ) || exit;

/**
 * Registers the gateway (classic and block checkout), declares HPOS and block-checkout
 * compatibility, adds the tax id field, and turns bridge events into order statuses.
 */
final class Integration {

	/**
	 * Hooks, all of which are inert without WooCommerce.
	 */
	public static function register(): void {
		add_action(
			'before_woocommerce_init',
			static function () {
				if ( class_exists( '\Automattic\WooCommerce\Utilities\FeaturesUtil' ) ) {
					\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', \CryptoCustomerBridge\PLUGIN_FILE, true );
					\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', \CryptoCustomerBridge\PLUGIN_FILE, true );
				}
			}
		);
		add_action( 'woocommerce_init', array( TaxIdField::class, 'register' ) );
		add_filter(
			'woocommerce_payment_gateways',
			static function ( array $gateways ) {
				$gateways[] = Gateway::class;
				return $gateways;
			}
		);
		add_action(
			'woocommerce_blocks_payment_method_type_registration',
			static function ( $registry ) {
				$registry->register( new BlocksPaymentMethod() );
			}
		);
		add_action( 'ccb_event', array( self::class, 'on_event' ) );
		add_action(
			'woocommerce_init',
			static function () {
				Reconciliation::register();
				OrderPanel::register();
			}
		);
	}

	/**
	 * A checkout event from the bridge (already deduplicated by id) applied to its order, if any.
	 *
	 * @param array<string, mixed> $event Event.
	 */
	public static function on_event( array $event ): void {
		if ( ! function_exists( 'wc_get_orders' ) || empty( $event['data']['checkout']['id'] ) ) {
			return;
		}
		$orders = wc_get_orders(
			array(
				'limit'      => 1,
				'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- HPOS-safe lookup by our checkout id.
					array(
						'key'   => Gateway::META_CHECKOUT,
						'value' => (string) $event['data']['checkout']['id'],
					),
				),
			)
		);
		if ( $orders ) {
			OrderStatus::apply( $orders[0], (string) $event['data']['checkout']['status'] );
		}
	}
}

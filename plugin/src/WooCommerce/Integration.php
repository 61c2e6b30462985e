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
		// The block checkout's payment data (the tax id the payment method collected), kept on the
		// order before WooCommerce calls the gateway.
		add_action(
			'woocommerce_rest_checkout_process_payment_with_context',
			static function ( $context ) {
				if ( Gateway::ID === $context->payment_method && isset( $context->payment_data[ TaxIdField::INPUT ] ) ) {
					TaxIdField::store( $context->order, $context->payment_data[ TaxIdField::INPUT ] );
				}
			},
			5
		);
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
		self::apply_event(
			$event,
			static function ( string $checkout_id ) {
				$orders = wc_get_orders(
					array(
						'limit'      => 1,
						'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- HPOS-safe lookup by our checkout id.
							array(
								'key'   => Gateway::META_CHECKOUT,
								'value' => $checkout_id,
							),
						),
					)
				);
				return $orders ? $orders[0] : null;
			}
		);
	}

	/**
	 * Applies a checkout event to the order the finder returns for its checkout id.
	 *
	 * @param array<string, mixed>                   $event      Event.
	 * @param callable(string): (\WC_Order|null)     $find_order Order by our checkout id.
	 * @return bool Whether an order changed.
	 */
	public static function apply_event( array $event, callable $find_order ): bool {
		$checkout = $event['data']['checkout'] ?? null;
		if ( ! is_array( $checkout ) || empty( $checkout['id'] ) ) {
			return false;
		}
		$order = $find_order( (string) $checkout['id'] );
		return $order ? OrderStatus::apply( $order, (string) $checkout['status'] ) : false;
	}
}

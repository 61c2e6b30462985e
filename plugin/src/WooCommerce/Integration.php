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
				// Only with WooCommerce loaded: on a site without it, events reach the ccb_event hooks alone.
				add_action( 'ccb_event', array( self::class, 'on_event' ) );
				Reconciliation::register();
				OrderPanel::register();
				InvoiceAttachment::register();
				MyAccountInvoice::register();
				CurrencyNotice::register();
			}
		);
	}

	/**
	 * A checkout event from the bridge (already deduplicated by id) applied to its order, if any.
	 *
	 * @param array<string, mixed> $event Event.
	 */
	public static function on_event( array $event ): void {
		self::apply_event( $event, array( self::class, 'order_of' ) );
	}

	/**
	 * The order that holds a checkout: found by its reference (`wc-<order id>`), which works on HPOS and
	 * on the legacy post storage alike, and accepted only if that order really had this checkout (so a
	 * staging copy's order with the same number is never touched).
	 *
	 * @param array<string, mixed> $checkout The bridge's checkout.
	 */
	public static function order_of( array $checkout ): ?\WC_Order {
		if ( ! preg_match( '/^wc-(\d+)$/', (string) ( $checkout['orderRef'] ?? '' ), $match ) ) {
			return null;
		}
		$order = wc_get_order( (int) $match[1] );
		return $order instanceof \WC_Order && in_array( (string) $checkout['id'], Gateway::checkout_ids( $order ), true ) ? $order : null;
	}

	/**
	 * Applies a checkout event to the order the finder returns for its checkout.
	 *
	 * @param array<string, mixed>                             $event      Event.
	 * @param callable(array<string, mixed>): (\WC_Order|null) $find_order Order holding the checkout.
	 * @return bool Whether an order changed.
	 */
	public static function apply_event( array $event, callable $find_order ): bool {
		$checkout = $event['data']['checkout'] ?? null;
		if ( ! is_array( $checkout ) || empty( $checkout['id'] ) ) {
			return false;
		}
		$order = $find_order( $checkout );
		return $order ? OrderStatus::apply( $order, $checkout, ! empty( $event['data']['late'] ) ) : false;
	}
}

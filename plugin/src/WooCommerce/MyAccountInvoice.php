<?php
/**
 * The invoice in "My account → Orders".
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\Invoices\CheckoutInvoice;
use CryptoCustomerBridge\Invoices\PublicLink;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A signed-in customer's paid crypto orders get an "Invoice" action: a signed link that works for a
 * day (the list is made for the customer who owns the orders, so the link is theirs).
 */
final class MyAccountInvoice {

	/**
	 * Hooks registration (WooCommerce loaded).
	 */
	public static function register(): void {
		add_filter( 'woocommerce_my_account_my_orders_actions', array( self::class, 'actions' ), 10, 2 );
	}

	/**
	 * Adds the invoice to an order's actions.
	 *
	 * @param mixed $actions The order's actions.
	 * @param mixed $order   The order.
	 * @return mixed
	 */
	public static function actions( $actions, $order ) {
		if ( ! is_array( $actions ) || ! $order instanceof \WC_Order || Gateway::ID !== $order->get_payment_method() || ! $order->is_paid() ) {
			return $actions;
		}
		$checkout_id = (string) $order->get_meta( Gateway::META_CHECKOUT );
		$client      = ( new Settings() )->client();
		if ( '' === $checkout_id || is_wp_error( $client ) ) {
			return $actions;
		}
		$invoice = CheckoutInvoice::of( $client, $checkout_id );
		if ( $invoice ) {
			$actions['ccb-invoice'] = array(
				'url'  => PublicLink::url( (string) $invoice['id'] ),
				'name' => __( 'Invoice', 'crypto-customer-bridge' ),
			);
		}
		return $actions;
	}
}

<?php
/**
 * What each bridge event does to a WooCommerce order.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

defined( 'ABSPATH' ) || exit;

/**
 * One handler per payment event, as a table: which order statuses it may act on and what it does.
 * An expired checkout can never mark an order paid; every change leaves an order note.
 */
final class OrderStatus {

	/**
	 * Applies a checkout status (from an event or from reconciliation) to the order.
	 *
	 * @param \WC_Order $order  Order.
	 * @param string    $status Bridge checkout status.
	 * @return bool Whether the order changed.
	 */
	public static function apply( \WC_Order $order, string $status ): bool {
		$current = $order->get_status();
		switch ( $status ) {
			case 'completed':
				if ( ! in_array( $current, array( 'pending', 'on-hold', 'failed' ), true ) ) {
					return false;
				}
				$order->add_order_note( __( 'Crypto payment received in full.', 'crypto-customer-bridge' ) );
				$order->payment_complete();
				return true;
			case 'underpaid':
				if ( ! in_array( $current, array( 'pending', 'failed' ), true ) ) {
					return false;
				}
				$order->update_status( 'on-hold', __( 'The crypto payment was less than the order total. Accept the underpayment or refund it at the processor.', 'crypto-customer-bridge' ) );
				return true;
			case 'underpaid_accepted':
				if ( ! in_array( $current, array( 'pending', 'on-hold', 'failed' ), true ) ) {
					return false;
				}
				$order->add_order_note( __( 'The underpayment was accepted; the order is paid.', 'crypto-customer-bridge' ) );
				$order->payment_complete();
				return true;
			case 'refunded':
				if ( 'refunded' === $current ) {
					return false;
				}
				$order->update_status( 'refunded', __( 'The crypto payment was refunded by the processor.', 'crypto-customer-bridge' ) );
				return true;
			case 'expired':
				if ( 'pending' !== $current || $order->is_paid() ) {
					return false;
				}
				$order->update_status( 'cancelled', __( 'The crypto payment expired before it was made.', 'crypto-customer-bridge' ) );
				return true;
		}
		return false;
	}
}

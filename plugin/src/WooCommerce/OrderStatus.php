<?php
/**
 * What each bridge event does to a WooCommerce order.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

defined( 'ABSPATH' ) || exit;

/**
 * One rule per checkout status. The order is asked what it is now (its status, whether it is paid,
 * whether it is still paid with our method, which of its checkouts is the current one), so:
 * - a payment on any checkout the order ever had completes an order still waiting for it;
 * - money that arrives for an order no longer waiting (cancelled, paid another way) is never dropped
 *   and never silently booked: the order is held or annotated and the merchant is told;
 * - expiry cancels only an unpaid order whose current checkout expired and that is still ours.
 * Every change leaves an order note.
 */
final class OrderStatus {

	/**
	 * Applies a checkout (from an event or from reconciliation) to its order.
	 *
	 * @param \WC_Order            $order    Order that holds this checkout.
	 * @param array<string, mixed> $checkout The bridge's checkout: id, status, processorCheckoutId.
	 * @param bool                 $late     The bridge saw the payment arrive after the checkout had expired.
	 * @return bool Whether the order changed.
	 */
	public static function apply( \WC_Order $order, array $checkout, bool $late = false ): bool {
		$status  = (string) ( $checkout['status'] ?? '' );
		$current = $order->get_status();
		$ours    = Gateway::ID === $order->get_payment_method();
		$waiting = $ours && ! $order->is_paid() && in_array( $current, array( 'pending', 'on-hold', 'failed' ), true );
		$known   = self::already_handled( $order, $checkout );
		switch ( $status ) {
			case 'completed':
			case 'underpaid_accepted':
				if ( $known ) {
					return false;
				}
				if ( $waiting ) {
					$order->add_order_note(
						'completed' === $status
							? ( $late ? __( 'Crypto payment received in full, after its payment page had expired.', 'crypto-customer-bridge' ) : __( 'Crypto payment received in full.', 'crypto-customer-bridge' ) )
							: __( 'The underpayment was accepted; the order is paid.', 'crypto-customer-bridge' )
					);
					$order->payment_complete( (string) ( $checkout['processorCheckoutId'] ?? '' ) );
					return true;
				}
				return self::money_to_review( $order, $checkout );
			case 'underpaid':
				if ( $waiting && 'on-hold' !== $current ) {
					$order->update_status(
						'on-hold',
						isset( $checkout['amountReceived'] )
							? sprintf(
								/* translators: 1: amount received, 2: amount due, both with currency */
								__( 'The crypto payment was less than the order total: %1$s received of %2$s due. Accept the underpayment or refund it at the processor.', 'crypto-customer-bridge' ),
								MoneyText::of( (string) $checkout['amountReceived'], (string) $checkout['currency'], (string) $checkout['total'] ),
								MoneyText::of( (string) $checkout['total'], (string) $checkout['currency'] )
							)
							: __( 'The crypto payment was less than the order total. Accept the underpayment or refund it at the processor.', 'crypto-customer-bridge' )
					);
					return true;
				}
				return $waiting || $known ? false : self::money_to_review( $order, $checkout );
			case 'refunded':
				if ( ! $ours || 'refunded' === $current ) {
					return false;
				}
				$order->update_status( 'refunded', __( 'The crypto payment was refunded by the processor.', 'crypto-customer-bridge' ) );
				return true;
			case 'expired':
				$is_current = (string) $order->get_meta( Gateway::META_CHECKOUT ) === (string) ( $checkout['id'] ?? '' );
				if ( ! $is_current || ! $ours || 'pending' !== $current || $order->is_paid() ) {
					return false;
				}
				$order->update_status( 'cancelled', __( 'The crypto payment expired before it was made.', 'crypto-customer-bridge' ) );
				return true;
		}
		return false;
	}

	/**
	 * Money arrived for an order that was no longer waiting for it: a cancelled order goes on hold for
	 * the merchant to restock and accept, or refund; an order paid another way keeps its status (a
	 * second payment to refund). Either way a note and an email to the merchant.
	 *
	 * @param \WC_Order            $order    Order.
	 * @param array<string, mixed> $checkout Checkout.
	 * @return bool Whether the order changed.
	 */
	private static function money_to_review( \WC_Order $order, array $checkout ): bool {
		if ( in_array( $order->get_status(), array( 'refunded', 'trash' ), true ) ) {
			return false;
		}
		$note = sprintf(
			/* translators: %s: processor checkout id */
			__( 'A crypto payment (checkout %s) arrived for this order after it stopped waiting for one. Review it: restock and accept the order, or refund the payment at the processor.', 'crypto-customer-bridge' ),
			(string) ( $checkout['processorCheckoutId'] ?? '' )
		);
		$order->update_meta_data( Gateway::META_REVIEW, (string) ( $checkout['processorCheckoutId'] ?? '' ) );
		if ( $order->is_paid() ) {
			$order->add_order_note( $note );
			$order->save();
		} else {
			$order->update_status( 'on-hold', $note );
		}
		MerchantAlert::late_payment( $order, $note );
		return true;
	}

	/**
	 * This checkout's money is already booked on the order (it paid it) or already in front of the merchant.
	 *
	 * @param \WC_Order            $order    Order.
	 * @param array<string, mixed> $checkout Checkout.
	 */
	private static function already_handled( \WC_Order $order, array $checkout ): bool {
		$processor_id = (string) ( $checkout['processorCheckoutId'] ?? '' );
		if ( '' !== $processor_id && in_array( $processor_id, array( (string) $order->get_transaction_id(), (string) $order->get_meta( Gateway::META_REVIEW ) ), true ) ) {
			return true;
		}
		// Paid before transaction ids were recorded: the current checkout is the one that paid.
		return $order->is_paid() && '' === (string) $order->get_transaction_id() && (string) $order->get_meta( Gateway::META_CHECKOUT ) === (string) ( $checkout['id'] ?? '' );
	}
}

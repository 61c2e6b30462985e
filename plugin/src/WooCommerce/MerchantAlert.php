<?php
/**
 * Emails the merchant about a payment that needs a person.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

defined( 'ABSPATH' ) || exit;

/**
 * A payment the shop could not book by itself (after a cancellation, or twice for one order) is put
 * in front of the merchant by email, through the site's own mail setup.
 */
final class MerchantAlert {

	/**
	 * Sends the alert for one order.
	 *
	 * @param \WC_Order $order Order.
	 * @param string    $what  What happened, as written in the order note.
	 * @return bool Whether the mail was handed over.
	 */
	public static function late_payment( \WC_Order $order, string $what ): bool {
		/**
		 * Who is told about a payment to review; the site's admin email by default.
		 *
		 * @param string    $recipient Email address.
		 * @param \WC_Order $order     Order.
		 */
		$recipient = (string) apply_filters( 'ccb_merchant_alert_recipient', (string) get_option( 'admin_email' ), $order );
		$subject   = sprintf(
			/* translators: 1: site name, 2: order number */
			__( '[%1$s] A crypto payment for order #%2$s needs your review', 'crypto-customer-bridge' ),
			wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES ),
			$order->get_order_number()
		);
		return wp_mail( $recipient, $subject, $what . "\n\n" . $order->get_edit_order_url() );
	}
}

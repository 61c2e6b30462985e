<?php
/**
 * The invoice attached to WooCommerce's own order emails.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\Invoices\CheckoutInvoice;
use CryptoCustomerBridge\Invoices\InvoicePdf;
use CryptoCustomerBridge\Invoices\MailLog;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A WooCommerce order paid with crypto gets its invoice on the emails WooCommerce already sends when
 * the payment arrives (the customer's "processing" or "completed" mail, the shop's "new order" mail),
 * not in a mail of its own. The files are fetched for the sending and deleted when the request ends.
 */
final class InvoiceAttachment {

	/**
	 * WooCommerce email ids that carry the invoice, and who receives each.
	 */
	const EMAILS = array(
		'customer_processing_order' => 'customer',
		'customer_completed_order'  => 'customer',
		'new_order'                 => 'merchant',
	);

	/**
	 * Files fetched in this request.
	 *
	 * @var string[]
	 */
	private static $files = array();

	/**
	 * Hooks registration (WooCommerce loaded).
	 */
	public static function register(): void {
		add_filter( 'woocommerce_email_attachments', array( self::class, 'attach' ), 10, 4 );
		add_action(
			'shutdown',
			static function () {
				array_map( array( InvoicePdf::class, 'delete' ), self::$files );
			}
		);
	}

	/**
	 * Adds the order's invoice to an order email.
	 *
	 * @param mixed  $attachments Files so far.
	 * @param string $email_id    WooCommerce's email id.
	 * @param mixed  $order       The email's object.
	 * @param mixed  $email       The WC_Email.
	 * @return mixed
	 */
	public static function attach( $attachments, $email_id, $order, $email = null ) {
		if ( ! isset( self::EMAILS[ $email_id ] ) || ! $order instanceof \WC_Order || ! is_array( $attachments ) ) {
			return $attachments;
		}
		$checkout_id = (string) $order->get_meta( Gateway::META_CHECKOUT );
		$client      = ( new Settings() )->client();
		if ( '' === $checkout_id || is_wp_error( $client ) ) {
			return $attachments;
		}
		$invoice = CheckoutInvoice::of( $client, $checkout_id );
		if ( ! $invoice ) {
			return $attachments;
		}
		$mail = array(
			'invoice_id'  => (string) $invoice['id'],
			'number'      => (string) $invoice['number'],
			'checkout_id' => $checkout_id,
			'recipient'   => self::EMAILS[ $email_id ],
			'address'     => $email instanceof \WC_Email ? (string) $email->get_recipient() : '',
		);
		$file = InvoicePdf::fetch( $client, $mail['invoice_id'], $mail['number'] );
		if ( is_wp_error( $file ) ) {
			MailLog::record( $mail, 'failed', $file->get_error_message() );
			return $attachments;
		}
		self::$files[] = $file;
		MailLog::record( $mail, 'attached' );
		$attachments[] = $file;
		return $attachments;
	}
}

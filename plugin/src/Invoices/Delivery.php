<?php
/**
 * Sends the bridge's invoices by mail.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Invoices;

use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * When an event announces an invoice or credit note, it goes to the buyer (when the checkout's level
 * has an email) and to the merchant, through wp_mail so the site's own mail setup applies. An order
 * of WooCommerce gets it attached to WooCommerce's own emails instead (see WooCommerce\InvoiceAttachment).
 * Every sending is recorded (MailLog) and can be repeated from wp-admin.
 */
final class Delivery {

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param Settings $settings Settings.
	 */
	public function __construct( Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Hooks registration.
	 */
	public function register(): void {
		// After the WooCommerce integration (priority 10) has moved the order on.
		add_action( 'ccb_event', array( $this, 'on_event' ), 20 );
	}

	/**
	 * An event that issued a document: mail it, unless WooCommerce's emails carry it.
	 *
	 * @param array<string, mixed> $event The bridge's event.
	 */
	public function on_event( array $event ): void {
		$invoice  = $event['data']['invoice'] ?? null;
		$checkout = $event['data']['checkout'] ?? null;
		// A WooCommerce order's invoice travels on WooCommerce's own emails (its credit note by mail here:
		// WooCommerce sends no email when an order becomes refunded by status).
		if ( ! is_array( $invoice ) || ! is_array( $checkout ) || ( 'invoice' === ( $invoice['kind'] ?? '' ) && $this->is_woocommerce_order( $checkout ) ) ) {
			return;
		}
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return;
		}
		$found = $client->request( 'GET', '/v1/invoices/' . rawurlencode( (string) $invoice['id'] ) );
		$buyer = is_wp_error( $found ) ? null : ( $found['document']['buyer']['email'] ?? null );
		$base  = array(
			'invoice_id'  => (string) $invoice['id'],
			'number'      => (string) $invoice['number'],
			'checkout_id' => (string) $checkout['id'],
		);
		$mails = array(
			$base + array(
				'recipient' => 'merchant',
				'address'   => $this->merchant_address(),
			),
		);
		if ( is_string( $buyer ) && is_email( $buyer ) ) {
			array_unshift(
				$mails,
				$base + array(
					'recipient' => 'customer',
					'address'   => $buyer,
				)
			);
		}
		$this->send( $mails, (string) $invoice['kind'] );
	}

	/**
	 * Sends one document to its recipients (its PDF fetched once) and records how each went.
	 *
	 * @param array<int, array<string, string>> $mails Each: invoice_id, number, checkout_id, recipient, address.
	 * @param string                            $kind  invoice or credit_note.
	 * @return true|\WP_Error The last failure, if any.
	 */
	public function send( array $mails, string $kind ) {
		$first  = $mails[0];
		$client = $this->settings->client();
		$file   = is_wp_error( $client ) ? $client : InvoicePdf::fetch( $client, $first['invoice_id'], $first['number'] );
		if ( is_wp_error( $file ) ) {
			foreach ( $mails as $mail ) {
				MailLog::record( $mail, 'failed', $file->get_error_message() );
			}
			return $file;
		}
		$result = true;
		foreach ( $mails as $mail ) {
			$sent   = $this->mail( $mail, $kind, $file );
			$result = is_wp_error( $sent ) ? $sent : $result;
		}
		InvoicePdf::delete( $file );
		return $result;
	}

	/**
	 * One mail with the PDF attached, recorded.
	 *
	 * @param array<string, string> $mail invoice_id, number, checkout_id, recipient, address.
	 * @param string                $kind invoice or credit_note.
	 * @param string                $file The PDF.
	 * @return true|\WP_Error
	 */
	private function mail( array $mail, string $kind, string $file ) {
		$error    = null;
		$listener = static function ( \WP_Error $failure ) use ( &$error ) {
			$error = $failure->get_error_message();
		};
		add_action( 'wp_mail_failed', $listener );
		$site = wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );
		$sent = wp_mail(
			$mail['address'],
			'credit_note' === $kind
				/* translators: 1: the credit note's number, 2: the site's name */
				? sprintf( __( 'Credit note %1$s from %2$s', 'crypto-customer-bridge' ), $mail['number'], $site )
				/* translators: 1: the invoice's number, 2: the site's name */
				: sprintf( __( 'Invoice %1$s from %2$s', 'crypto-customer-bridge' ), $mail['number'], $site ),
			'credit_note' === $kind
				? __( 'Your payment was refunded. The credit note is attached.', 'crypto-customer-bridge' )
				: __( 'Thank you for your payment. The invoice is attached.', 'crypto-customer-bridge' ),
			array(),
			array( $file )
		);
		remove_action( 'wp_mail_failed', $listener );
		if ( ! $sent ) {
			$message = $error ?? __( 'The mail could not be sent.', 'crypto-customer-bridge' );
			MailLog::record( $mail, 'failed', $message );
			return new \WP_Error( 'ccb_mail_failed', $message, array( 'status' => 502 ) );
		}
		MailLog::record( $mail, 'sent' );
		return true;
	}

	/**
	 * Sends a recorded mail again (wp-admin's "Send again").
	 *
	 * @param int $id The MailLog row.
	 * @return true|\WP_Error
	 */
	public function resend( int $id ) {
		$row = MailLog::find( $id );
		if ( ! $row ) {
			return new \WP_Error( 'ccb_not_found', __( 'No such mail.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		$client = $this->settings->client();
		$found  = is_wp_error( $client ) ? $client : $client->request( 'GET', '/v1/invoices/' . rawurlencode( (string) $row['invoice_id'] ) );
		$kind   = is_wp_error( $found ) ? 'invoice' : (string) ( $found['invoice']['kind'] ?? 'invoice' );
		return $this->send(
			array(
				array(
					'invoice_id'  => (string) $row['invoice_id'],
					'number'      => (string) $row['number'],
					'checkout_id' => (string) $row['checkout_id'],
					'recipient'   => (string) $row['recipient'],
					'address'     => 'merchant' === $row['recipient'] ? $this->merchant_address() : (string) $row['address'],
				),
			),
			$kind
		);
	}

	/**
	 * Where the merchant's copies go: the address in the settings, else the site's admin email.
	 */
	private function merchant_address(): string {
		$address = (string) get_option( Settings::INVOICE_EMAIL, '' );
		return is_email( $address ) ? $address : (string) get_option( 'admin_email' );
	}

	/**
	 * Whether WooCommerce runs and an order of it holds this checkout.
	 *
	 * @param array<string, mixed> $checkout The bridge's checkout.
	 */
	private function is_woocommerce_order( array $checkout ): bool {
		return did_action( 'woocommerce_init' ) > 0 && null !== \CryptoCustomerBridge\WooCommerce\Integration::order_of( $checkout );
	}
}

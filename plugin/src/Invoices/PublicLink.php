<?php
/**
 * Signed, expiring links to an invoice, for people without a wp-admin account.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Invoices;

use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The shopper's receipt and "My account → Orders" offer the invoice through a link that names the
 * invoice and an expiry, signed with a key only this site knows (an HMAC over both): it works for
 * whoever holds it until it expires, and cannot be made for another invoice or a later time.
 */
final class PublicLink {

	/** How long a link works: a day. */
	const LIFETIME = 86400;

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
		add_action( 'template_redirect', array( $this, 'serve' ), 5 );
	}

	/**
	 * A link to one invoice that works until `$expires` (a day from now by default).
	 *
	 * @param string   $invoice_id Invoice id.
	 * @param int|null $expires    Unix time it stops working.
	 */
	public static function url( string $invoice_id, ?int $expires = null ): string {
		$expires = $expires ?? time() + self::LIFETIME;
		return add_query_arg(
			array(
				'ccb_invoice' => $invoice_id,
				'ccb_expires' => $expires,
				'ccb_sig'     => self::signature( $invoice_id, $expires ),
			),
			home_url( '/' )
		);
	}

	/**
	 * The signature of an invoice id and expiry.
	 *
	 * @param string $invoice_id Invoice id.
	 * @param int    $expires    Unix time.
	 */
	private static function signature( string $invoice_id, int $expires ): string {
		return hash_hmac( 'sha256', 'ccb-invoice|' . $invoice_id . '|' . $expires, wp_salt( 'auth' ) );
	}

	/**
	 * Answers a link, if this request is one: the PDF, or a page saying why not.
	 */
	public function serve(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- the link's own signature is checked below.
		if ( ! isset( $_GET['ccb_invoice'] ) ) {
			return;
		}
		$id      = sanitize_text_field( wp_unslash( $_GET['ccb_invoice'] ) );
		$expires = isset( $_GET['ccb_expires'] ) ? (int) $_GET['ccb_expires'] : 0;
		$sig     = isset( $_GET['ccb_sig'] ) ? sanitize_text_field( wp_unslash( $_GET['ccb_sig'] ) ) : '';
		// phpcs:enable
		$refusal = $this->refusal( $id, $expires, $sig );
		if ( $refusal ) {
			wp_die( esc_html( $refusal->get_error_message() ), esc_html__( 'Invoice', 'crypto-customer-bridge' ), array( 'response' => (int) $refusal->get_error_data()['status'] ) );
		}
		$client = $this->settings->client();
		$found  = is_wp_error( $client ) ? $client : $client->request( 'GET', '/v1/invoices/' . $id );
		$file   = is_wp_error( $found ) ? $found : InvoicePdf::fetch( $client, $id, (string) $found['invoice']['number'] );
		if ( is_wp_error( $file ) ) {
			wp_die( esc_html__( 'The invoice cannot be fetched right now. Try again in a moment.', 'crypto-customer-bridge' ), esc_html__( 'Invoice', 'crypto-customer-bridge' ), array( 'response' => 503 ) );
		}
		InvoicePdf::stream( $file );
	}

	/**
	 * Why a link is not honoured, or null when it is.
	 *
	 * @param string $id      Invoice id.
	 * @param int    $expires Unix time.
	 * @param string $sig     Signature.
	 */
	public function refusal( string $id, int $expires, string $sig ): ?\WP_Error {
		if ( ! preg_match( '/^' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . '$/', $id ) || ! hash_equals( self::signature( $id, $expires ), $sig ) ) {
			return new \WP_Error( 'ccb_bad_link', __( 'This invoice link is not valid.', 'crypto-customer-bridge' ), array( 'status' => 403 ) );
		}
		if ( $expires < time() ) {
			return new \WP_Error( 'ccb_link_expired', __( 'This invoice link has expired. Open your receipt or your account again for a new one.', 'crypto-customer-bridge' ), array( 'status' => 410 ) );
		}
		return null;
	}
}

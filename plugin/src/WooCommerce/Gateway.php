<?php
/**
 * The WooCommerce payment gateway.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * "Pay with crypto": sends the bridge a snapshot of the order and sends the shopper to the hosted
 * payment page. The bridge builds the charge, keeps one open checkout per order (a retry, a double
 * click or a second tab reuses it), and refuses an order already paid.
 */
class Gateway extends \WC_Payment_Gateway {

	const ID = 'ccb_crypto';

	/** Order meta, written through the order object (HPOS-safe). The current checkout, and every one the order had. */
	const META_CHECKOUT  = '_ccb_checkout_id';
	const META_CHECKOUTS = '_ccb_checkout_ids';
	/** The processor checkout whose late or second payment waits for the merchant's review. */
	const META_REVIEW   = '_ccb_payment_to_review';
	const META_CUSTOMER = '_ccb_customer_id';
	const META_LEVEL    = '_ccb_level';

	/**
	 * Constructor.
	 */
	public function __construct() {
		$this->id                 = self::ID;
		$this->has_fields         = true;
		$this->method_title       = __( 'Crypto (Crypto Customer Bridge)', 'crypto-customer-bridge' );
		$this->method_description = __( 'Cryptocurrency payments with the customer attached to every charge. The customer information level is set in Crypto Payments → Settings.', 'crypto-customer-bridge' );
		$this->supports           = array( 'products' );
		$this->init_form_fields();
		$this->init_settings();
		$this->title       = $this->get_option( 'title', __( 'Pay with crypto', 'crypto-customer-bridge' ) );
		$this->description = $this->get_option( 'description', '' );
		add_action( 'woocommerce_update_options_payment_gateways_' . $this->id, array( $this, 'process_admin_options' ) );
	}

	/**
	 * Offered only in a store currency the processor bills in: otherwise every payment would fail.
	 */
	public function is_available() {
		return parent::is_available() && ( new Settings() )->bills_in( get_woocommerce_currency() );
	}

	/**
	 * Gateway settings: only what WooCommerce shows the shopper; the rest lives in the plugin settings.
	 *
	 * @return void
	 */
	public function init_form_fields() {
		$this->form_fields = array(
			'enabled'     => array(
				'title'   => __( 'Enable', 'crypto-customer-bridge' ),
				'type'    => 'checkbox',
				'label'   => __( 'Accept crypto payments', 'crypto-customer-bridge' ),
				'default' => 'no',
			),
			'title'       => array(
				'title'   => __( 'Title', 'crypto-customer-bridge' ),
				'type'    => 'text',
				'default' => __( 'Pay with crypto', 'crypto-customer-bridge' ),
			),
			'description' => array(
				'title'   => __( 'Description', 'crypto-customer-bridge' ),
				'type'    => 'textarea',
				'default' => __( 'You will be taken to a secure page to pay with cryptocurrency.', 'crypto-customer-bridge' ),
			),
		);
	}

	/**
	 * The classic checkout's content under the method: its description and, when the level may ask
	 * for it, the tax id (WooCommerce's additional checkout fields appear only in the block checkout).
	 *
	 * @return void
	 */
	public function payment_fields() {
		if ( $this->description ) {
			echo wp_kses_post( wpautop( wptexturize( $this->description ) ) );
		}
		if ( TaxIdField::may_be_asked() ) {
			printf(
				'<p class="form-row form-row-wide"><label for="%1$s">%2$s</label><input type="text" class="input-text" id="%1$s" name="%1$s" autocomplete="off" maxlength="%3$d" /></p>',
				esc_attr( TaxIdField::INPUT ),
				esc_html__( 'Tax ID (VAT number), if you have one', 'crypto-customer-bridge' ),
				(int) \CryptoCustomerBridge\Contract::max_length( 'taxId' )
			);
		}
	}

	/**
	 * Opens (or reuses) the order's checkout and sends the shopper to it.
	 *
	 * @param int $order_id Order id.
	 * @return array{result: string, redirect?: string}
	 */
	public function process_payment( $order_id ) {
		$order = wc_get_order( $order_id );
		if ( ! $order ) {
			wc_add_notice( __( 'Crypto payments are not available right now. Please choose another payment method.', 'crypto-customer-bridge' ), 'error' );
			return array( 'result' => 'failure' );
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- WooCommerce verified the checkout nonce before calling the gateway.
		if ( isset( $_POST[ TaxIdField::INPUT ] ) ) {
			TaxIdField::store( $order, wp_unslash( $_POST[ TaxIdField::INPUT ] ) ); // phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitised in store().
		}
		return $this->pay( $order );
	}

	/**
	 * The payment for one order.
	 *
	 * @param \WC_Order $order Order.
	 * @return array{result: string, redirect?: string}
	 */
	public function pay( \WC_Order $order ): array {
		$settings = new Settings();
		$client   = $settings->client();
		if ( is_wp_error( $client ) ) {
			wc_add_notice( __( 'Crypto payments are not available right now. Please choose another payment method.', 'crypto-customer-bridge' ), 'error' );
			return array( 'result' => 'failure' );
		}
		$snapshot = OrderSnapshot::from_order( $order, $settings->level(), TaxIdField::value( $order ) );
		$result   = $client->request( 'POST', '/v1/checkouts/from-order', $snapshot, array( 'Idempotency-Key' => self::idempotency_key( $order, $settings->level() ) ) );
		if ( is_wp_error( $result ) ) {
			foreach ( FieldMessages::for_shopper( $result ) as $message ) {
				wc_add_notice( $message, 'error' );
			}
			return array( 'result' => 'failure' );
		}
		$checkout = $result['checkout'];
		$history  = self::checkout_ids( $order );
		$known    = in_array( $checkout['id'], $history, true );
		$order->update_meta_data( self::META_CHECKOUT, $checkout['id'] );
		$order->update_meta_data( self::META_CHECKOUTS, array_values( array_unique( array_merge( $history, array( $checkout['id'] ) ) ) ) );
		$order->update_meta_data( self::META_CUSTOMER, (string) ( $checkout['customerId'] ?? '' ) );
		$order->update_meta_data( self::META_LEVEL, $checkout['level'] );
		if ( ! $known ) {
			$order->add_order_note( sprintf( /* translators: %s: processor checkout id */ __( 'Crypto checkout %s opened; waiting for payment.', 'crypto-customer-bridge' ), $checkout['processorCheckoutId'] ) );
		}
		$order->save();
		return array(
			'result'   => 'success',
			'redirect' => esc_url_raw( $checkout['url'] ),
		);
	}

	/**
	 * The same for every attempt to pay this order as it stands (a retry, a second browser, another
	 * session): stable order facts only, never session data such as a nonce in the cancel link.
	 *
	 * @param \WC_Order $order Order.
	 * @param string    $level Collection level.
	 */
	public static function idempotency_key( \WC_Order $order, string $level ): string {
		$facts = array( (string) $order->get_id(), (string) $order->get_order_key(), (string) $order->get_total(), (string) $order->get_currency(), $level );
		return 'wc-' . $order->get_id() . '-' . substr( hash( 'sha256', implode( '|', $facts ) ), 0, 32 );
	}

	/**
	 * Every bridge checkout this order ever had (an order paid on an older checkout is still found).
	 *
	 * @param \WC_Order $order Order.
	 * @return string[]
	 */
	public static function checkout_ids( \WC_Order $order ): array {
		$ids     = $order->get_meta( self::META_CHECKOUTS );
		$ids     = is_array( $ids ) ? array_map( 'strval', $ids ) : array();
		$current = (string) $order->get_meta( self::META_CHECKOUT );
		if ( '' !== $current && ! in_array( $current, $ids, true ) ) {
			$ids[] = $current;
		}
		return $ids;
	}
}

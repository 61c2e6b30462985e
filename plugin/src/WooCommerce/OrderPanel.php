<?php
/**
 * The crypto payment panel on the order screen.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\LevelName;
use CryptoCustomerBridge\PaymentStatus;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A meta box on the order screen (classic and HPOS): the customer sent with the charge, the level
 * used, the checkout's status history and its audit entries, read from the bridge.
 */
final class OrderPanel {

	/**
	 * Hooks the meta box.
	 */
	public static function register(): void {
		add_action( 'add_meta_boxes', array( self::class, 'add' ) );
	}

	/**
	 * Adds the box to the order screen, whichever storage WooCommerce uses.
	 */
	public static function add(): void {
		$screen = function_exists( 'wc_get_page_screen_id' ) ? wc_get_page_screen_id( 'shop-order' ) : 'shop_order';
		add_meta_box( 'ccb-crypto-payment', __( 'Crypto payment', 'crypto-customer-bridge' ), array( self::class, 'render' ), $screen, 'normal', 'default' );
	}

	/**
	 * Prints the panel.
	 *
	 * @param \WP_Post|\WC_Order $post_or_order The screen's object.
	 */
	public static function render( $post_or_order ): void {
		$order = $post_or_order instanceof \WC_Order ? $post_or_order : wc_get_order( $post_or_order->ID );
		echo self::html( $order ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- html() escapes every value.
	}

	/**
	 * The panel's markup, every value escaped.
	 *
	 * @param \WC_Order|false $order Order.
	 */
	public static function html( $order ): string {
		$checkout_id = $order ? (string) $order->get_meta( Gateway::META_CHECKOUT ) : '';
		if ( ! preg_match( '/^' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . '$/', $checkout_id ) ) {
			return '<p>' . esc_html__( 'This order was not paid with crypto.', 'crypto-customer-bridge' ) . '</p>';
		}
		$client = ( new Settings() )->client();
		$detail = is_wp_error( $client ) ? $client : $client->request( 'GET', '/v1/checkouts/' . $checkout_id );
		if ( is_wp_error( $detail ) ) {
			return '<p>' . esc_html( $detail->get_error_message() ) . '</p>';
		}
		$checkout    = $detail['checkout'];
		$customer_id = (string) $checkout['customerId'];
		$customer    = $customer_id ? $client->request( 'GET', '/v1/customers/' . $customer_id ) : null;
		$audit       = $client->request( 'GET', '/v1/checkouts/' . $checkout_id . '/audit' );
		$out         = '<dl class="ccb-order-panel">';
		$row         = static function ( string $label, string $value ): string {
			return '<dt>' . esc_html( $label ) . '</dt><dd>' . esc_html( $value ) . '</dd>';
		};
		$out        .= $row( __( 'Status', 'crypto-customer-bridge' ), PaymentStatus::label( (string) $checkout['status'] ) );
		$out        .= $row( __( 'Amount due', 'crypto-customer-bridge' ), MoneyText::of( (string) $checkout['total'], (string) $checkout['currency'] ) );
		if ( isset( $checkout['amountReceived'] ) ) {
			$out .= $row( __( 'Amount received', 'crypto-customer-bridge' ), MoneyText::of( (string) $checkout['amountReceived'], (string) $checkout['currency'], (string) $checkout['total'] ) );
		}
		$out      .= $row( __( 'Customer information level', 'crypto-customer-bridge' ), LevelName::of( (string) $checkout['level'] ) );
		$out      .= $row( __( 'Processor checkout', 'crypto-customer-bridge' ), $checkout['processorCheckoutId'] . ( 'sandbox' === $checkout['processor'] ? ' (' . __( 'sandbox', 'crypto-customer-bridge' ) . ')' : '' ) );
		$documents = $client->request( 'GET', '/v1/invoices?checkoutId=' . rawurlencode( $checkout_id ) );
		foreach ( is_wp_error( $documents ) ? array() : (array) $documents['items'] as $document ) {
			$label = 'credit_note' === $document['kind'] ? __( 'Credit note', 'crypto-customer-bridge' ) : __( 'Invoice', 'crypto-customer-bridge' );
			$url   = wp_nonce_url( rest_url( 'ccb/v1/admin/invoices/' . $document['id'] . '/pdf' ), 'wp_rest' );
			$out  .= '<dt>' . esc_html( $label ) . '</dt><dd><a href="' . esc_url( $url ) . '">' . esc_html( sprintf( /* translators: %s: the document's number */ __( '%s (PDF)', 'crypto-customer-bridge' ), $document['number'] ) ) . '</a></dd>';
		}
		if ( is_array( $customer ) ) {
			// What this checkout was given (its billing details), over the customer record as it is now.
			$c    = array_merge( (array) $customer['customer'], is_array( $detail['billing'] ?? null ) ? $detail['billing'] : array() );
			$name = trim( ( $c['firstName'] ?? '' ) . ' ' . ( $c['lastName'] ?? '' ) );
			$out .= $row( __( 'Customer', 'crypto-customer-bridge' ), '' !== $name ? $name : __( '(erased)', 'crypto-customer-bridge' ) );
			$out .= $row( __( 'Email', 'crypto-customer-bridge' ), (string) ( $c['email'] ?? '' ) );
			$out .= $row( __( 'Company', 'crypto-customer-bridge' ), (string) ( $c['company'] ?? '' ) );
			$out .= $row( __( 'Tax ID', 'crypto-customer-bridge' ), (string) ( $c['taxId'] ?? '' ) );
			$out .= '<dt>' . esc_html__( 'Customer record', 'crypto-customer-bridge' ) . '</dt><dd><a href="' . esc_url( admin_url( 'admin.php?page=crypto-customer-bridge-customers#' . $customer_id ) ) . '">' . esc_html__( 'Open in Customers', 'crypto-customer-bridge' ) . '</a></dd>';
		} else {
			$out .= $row( __( 'Customer', 'crypto-customer-bridge' ), __( 'No customer (level none)', 'crypto-customer-bridge' ) );
		}
		$out .= '</dl><h4>' . esc_html__( 'Status history', 'crypto-customer-bridge' ) . '</h4><ol>';
		foreach ( (array) $detail['history'] as $change ) {
			$out .= '<li>' . esc_html( $change['at'] . ' — ' . PaymentStatus::label( (string) $change['status'] ) . ' (' . $change['source'] . ( $change['note'] ? ': ' . $change['note'] : '' ) . ')' ) . '</li>';
		}
		$out .= '</ol><h4>' . esc_html__( 'Audit log', 'crypto-customer-bridge' ) . '</h4><ul>';
		foreach ( is_array( $audit ) ? (array) $audit['entries'] : array() as $entry ) {
			$out .= '<li><details><summary>' . esc_html( $entry['createdAt'] . ' — ' . $entry['actor'] . ': ' . $entry['action'] ) . '</summary><pre>' . esc_html( (string) wp_json_encode( $entry['request'], JSON_PRETTY_PRINT ) ) . '</pre><pre>' . esc_html( (string) wp_json_encode( $entry['response'], JSON_PRETTY_PRINT ) ) . '</pre></details></li>';
		}
		return $out . '</ul>';
	}
}

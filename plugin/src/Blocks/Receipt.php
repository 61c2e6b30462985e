<?php
/**
 * The receipt a shopper sees on coming back from the payment page.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * The order reference, the amount (and what arrived, on an underpayment), the status as the bridge
 * has it, and what happens next. Without JavaScript "Check again" reloads it; view.js keeps it
 * current until the status is final.
 */
final class Receipt {

	/**
	 * The receipt's HTML.
	 *
	 * @param string                         $order_ref The order reference.
	 * @param array<string, mixed>|\WP_Error $state     From CheckoutService::status().
	 * @param string                         $page_url  The page without the return's query (to pay again).
	 */
	public static function html( string $order_ref, $state, string $page_url ): string {
		$error = is_wp_error( $state );
		if ( $error ) {
			$state = array(
				'status'   => '',
				'final'    => 'ccb_unknown_order' === $state->get_error_code(),
				'message'  => $state->get_error_message(),
				'next'     => '',
				'amount'   => '',
				'received' => null,
			);
		}
		$invoice = (string) ( $state['invoiceUrl'] ?? '' );
		$fact    = static function ( string $term, string $value, string $attributes = '' ): string {
			return '<div' . $attributes . '><dt>' . esc_html( $term ) . '</dt><dd>' . esc_html( $value ) . '</dd></div>';
		};
		$facts   = $fact( __( 'Order reference', 'crypto-customer-bridge' ), $order_ref );
		if ( ! $error ) {
			$facts .= $fact( __( 'Amount', 'crypto-customer-bridge' ), (string) $state['amount'] );
		}
		// Shown on an underpayment; there from the start so view.js only fills it in.
		$facts .= $fact( __( 'Received', 'crypto-customer-bridge' ), (string) $state['received'], ' class="ccb-receipt__received"' . ( null === $state['received'] ? ' hidden' : '' ) );
		return sprintf(
			'<section class="ccb-receipt" data-order="%1$s" data-rest="%2$s"><h2 class="ccb-receipt__title">%3$s</h2><p class="ccb-checkout__status" role="status" data-status="%4$s">%5$s</p><dl class="ccb-receipt__facts">%6$s</dl><p class="ccb-receipt__next">%7$s</p><p><a class="ccb-receipt__check" href="%8$s"%9$s>%10$s</a><a class="wp-element-button ccb-receipt__again" href="%11$s"%12$s>%13$s</a><a class="ccb-receipt__invoice" href="%14$s"%15$s>%16$s</a></p></section>',
			esc_attr( $order_ref ),
			esc_url( wp_make_link_relative( rest_url( 'ccb/v1/checkouts/status' ) ) ),
			esc_html__( 'Your payment', 'crypto-customer-bridge' ),
			esc_attr( (string) $state['status'] ),
			esc_html( (string) $state['message'] ),
			$facts,
			esc_html( (string) $state['next'] ),
			esc_url( add_query_arg( 'ccb_order', $order_ref, $page_url ) ),
			$state['final'] ? ' hidden' : '',
			esc_html__( 'Check again', 'crypto-customer-bridge' ),
			esc_url( $page_url ),
			'expired' === $state['status'] ? '' : ' hidden',
			esc_html__( 'Pay again', 'crypto-customer-bridge' ),
			esc_url( $invoice ),
			'' === $invoice ? ' hidden' : '',
			esc_html__( 'Download your invoice (PDF)', 'crypto-customer-bridge' )
		);
	}
}

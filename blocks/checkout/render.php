<?php
/**
 * Renders the checkout block: the lines and total, then the payment form (or, on the way back from
 * the payment page, the receipt). All of it works without JavaScript; view.js only enhances it.
 *
 * @package CryptoCustomerBridge
 *
 * @var array    $attributes Block attributes.
 * @var WP_Block $block      Block instance.
 */

use CryptoCustomerBridge\Blocks\CheckoutForm;
use CryptoCustomerBridge\Blocks\CheckoutPost;
use CryptoCustomerBridge\Blocks\CheckoutService;
use CryptoCustomerBridge\Blocks\Receipt;
use CryptoCustomerBridge\Contract;
use CryptoCustomerBridge\Money;

defined( 'ABSPATH' ) || exit;

$ccb_items = array_filter(
	(array) ( $attributes['items'] ?? array() ),
	static function ( $item ) {
		return '' !== (string) ( $item['description'] ?? '' ) && '' !== (string) ( $item['amount'] ?? '' );
	}
);
if ( empty( $attributes['blockId'] ) || empty( $ccb_items ) || empty( $attributes['total'] ) ) {
	return;
}

$ccb_settings = new CryptoCustomerBridge\Settings();
$ccb_post_id  = (int) ( $block->context['postId'] ?? get_the_ID() );
$ccb_block_id = (string) $attributes['blockId'];
$ccb_currency = (string) $attributes['currency'];
$ccb_page     = (string) get_permalink( $ccb_post_id );
// phpcs:disable WordPress.Security.NonceVerification.Recommended -- display-only query arguments set by our own return and cancel URLs.
$ccb_order     = isset( $_GET['ccb_order'] ) ? sanitize_text_field( wp_unslash( $_GET['ccb_order'] ) ) : '';
$ccb_cancelled = isset( $_GET['ccb_cancelled'] );
// phpcs:enable
$ccb_order = preg_match( '/^wp-[0-9]+-[a-f0-9]{20}$/', $ccb_order ) ? $ccb_order : '';

if ( $ccb_order ) {
	$ccb_body = Receipt::html( $ccb_order, ( new CheckoutService( $ccb_settings ) )->status( $ccb_order ), $ccb_page );
} else {
	$ccb_refused = CheckoutPost::refused( $ccb_block_id );
	$ccb_error   = $ccb_refused ? $ccb_refused['error'] : null;
	$ccb_data    = $ccb_error ? (array) $ccb_error->get_error_data() : array();
	$ccb_level   = Contract::level_for_block( $ccb_settings->level(), (string) ( $attributes['level'] ?? '' ), $ccb_settings->threshold(), (string) $attributes['total'], $ccb_currency );
	if ( ! empty( $ccb_data['level'] ) ) {
		// The bridge asked for more (its threshold): the fields it needs, with what was typed.
		$ccb_level = Contract::strictest( $ccb_level, (string) $ccb_data['level'] );
	}
	$ccb_notice = $ccb_error ? $ccb_error->get_error_message() : '';
	if ( ! $ccb_error && $ccb_cancelled ) {
		$ccb_notice = __( 'Payment cancelled. Nothing was charged.', 'crypto-customer-bridge' );
	}
	$ccb_body = CheckoutForm::html(
		array(
			'postId'      => $ccb_post_id,
			'blockId'     => $ccb_block_id,
			'level'       => $ccb_level,
			'buttonLabel' => (string) ( $attributes['buttonLabel'] ?? '' ),
			'action'      => '',
			'attempt'     => $ccb_refused ? $ccb_refused['attempt'] : wp_generate_uuid4(),
			'values'      => $ccb_refused ? $ccb_refused['values'] : array(),
			'errors'      => (array) ( $ccb_data['fields'] ?? array() ),
			'notice'      => $ccb_notice,
			'noticeKind'  => $ccb_error ? 'error' : 'info',
		)
	);
}
$ccb_lines = '';
foreach ( $ccb_items as $ccb_item ) {
	$ccb_quantity = max( 1, (int) ( $ccb_item['quantity'] ?? 1 ) );
	// The line's total, exact, in the page's language.
	$ccb_lines .= '<li><span>' . esc_html( (string) $ccb_item['description'] . ( $ccb_quantity > 1 ? ' × ' . $ccb_quantity : '' ) ) . '</span> <span>' . esc_html( Money::format( Money::times( (string) $ccb_item['amount'], $ccb_quantity ), $ccb_currency ) ) . '</span></li>';
}
/* translators: %s: the total with its currency */
$ccb_total = sprintf( __( 'Total: %s', 'crypto-customer-bridge' ), Money::format( (string) $attributes['total'], $ccb_currency ) );
// One line of markup: what the block adds to a page is counted in bytes (npm run bench:size).
printf(
	'<div %1$s data-block="%2$s"><ul class="ccb-checkout__items">%3$s</ul><p class="ccb-checkout__total">%4$s</p>%5$s</div>',
	get_block_wrapper_attributes( array( 'class' => 'ccb-checkout' ) ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by WordPress.
	esc_attr( $ccb_block_id ),
	$ccb_lines, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped above.
	esc_html( $ccb_total ),
	$ccb_body // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built escaped by CheckoutForm and Receipt.
);

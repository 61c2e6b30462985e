<?php
/**
 * Renders the checkout block. Only renders: the form is built and submitted by view.js.
 *
 * @package CryptoCustomerBridge
 *
 * @var array    $attributes Block attributes.
 * @var WP_Block $block      Block instance.
 */

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
// phpcs:disable WordPress.Security.NonceVerification.Recommended -- display-only query arguments set by our own return and cancel URLs.
$ccb_order     = isset( $_GET['ccb_order'] ) ? sanitize_text_field( wp_unslash( $_GET['ccb_order'] ) ) : '';
$ccb_cancelled = isset( $_GET['ccb_cancelled'] );
// phpcs:enable

$ccb_config = array(
	'postId'      => (int) ( $block->context['postId'] ?? get_the_ID() ),
	'blockId'     => (string) $attributes['blockId'],
	'siteLevel'   => $ccb_settings->level(),
	'blockLevel'  => (string) ( $attributes['level'] ?? '' ),
	'threshold'   => $ccb_settings->threshold(),
	'currency'    => (string) $attributes['currency'],
	'total'       => (string) $attributes['total'],
	'buttonLabel' => (string) ( $attributes['buttonLabel'] ?? '' ),
	'restUrl'     => esc_url_raw( rest_url( 'ccb/v1/' ) ),
	'nonce'       => wp_create_nonce( 'wp_rest' ),
	'order'       => preg_match( '/^wp-[0-9]+-[a-f0-9]{20}$/', $ccb_order ) ? $ccb_order : '',
	'cancelled'   => $ccb_cancelled,
);
?>
<div <?php echo get_block_wrapper_attributes( array( 'class' => 'ccb-checkout' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by WordPress. ?> data-ccb-checkout="<?php echo esc_attr( wp_json_encode( $ccb_config ) ); ?>">
	<ul class="ccb-checkout__items">
		<?php foreach ( $ccb_items as $ccb_item ) : ?>
			<?php $ccb_quantity = max( 1, (int) ( $ccb_item['quantity'] ?? 1 ) ); ?>
			<li>
				<span class="ccb-checkout__item"><?php echo esc_html( (string) $ccb_item['description'] ); ?><?php echo $ccb_quantity > 1 ? esc_html( ' × ' . $ccb_quantity ) : ''; ?></span>
				<?php // The line's total, written in the page's language by view.js; until then, what it is made of. ?>
				<span class="ccb-checkout__amount" data-ccb-amount="<?php echo esc_attr( (string) $ccb_item['amount'] ); ?>" data-ccb-quantity="<?php echo esc_attr( (string) $ccb_quantity ); ?>"><?php echo esc_html( ( $ccb_quantity > 1 ? $ccb_quantity . ' × ' : '' ) . $ccb_item['amount'] . ' ' . $attributes['currency'] ); ?></span>
			</li>
		<?php endforeach; ?>
	</ul>
	<p class="ccb-checkout__total">
		<?php
		printf(
			/* translators: %s: the total with its currency */
			esc_html__( 'Total: %s', 'crypto-customer-bridge' ),
			'<span data-ccb-amount="' . esc_attr( (string) $attributes['total'] ) . '" data-ccb-quantity="1">' . esc_html( $attributes['total'] . ' ' . $attributes['currency'] ) . '</span>'
		);
		?>
	</p>
	<div class="ccb-checkout__app"></div>
	<noscript><p><?php esc_html_e( 'Paying with crypto needs JavaScript. Please enable it to continue.', 'crypto-customer-bridge' ); ?></p></noscript>
</div>

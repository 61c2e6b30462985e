<?php
/**
 * The tax id, which WooCommerce does not collect itself.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

defined( 'ABSPATH' ) || exit;

/**
 * In the block checkout, registered through WooCommerce's Additional Checkout Fields API (WooCommerce
 * 8.9+), which stores it on the order. That API renders nothing in the classic `[woocommerce_checkout]`
 * form, so there (and in a block checkout without the API) the payment method asks for it itself.
 * Optional everywhere: the compliant level may need it, and the bridge says so precisely when it does.
 */
final class TaxIdField {

	const ID = 'crypto-customer-bridge/tax-id';

	/** Where the tax id is kept when the payment method itself collected it (older WooCommerce). */
	const META = '_ccb_tax_id';

	/** The request field the payment method's own input uses (classic form post, block payment data). */
	const INPUT = 'ccb_tax_id';

	/**
	 * Whether the shopper may be asked: the site's level asks for it, or a threshold may raise the
	 * level to one that does (the bridge decides that per order).
	 */
	public static function may_be_asked(): bool {
		$settings = new \CryptoCustomerBridge\Settings();
		if ( \CryptoCustomerBridge\Contract::asks( $settings->level(), 'taxId' ) ) {
			return true;
		}
		return null !== $settings->threshold() && \CryptoCustomerBridge\Contract::asks( 'compliant', 'taxId' );
	}

	/**
	 * True when the block checkout cannot collect the field itself, so the payment method must.
	 */
	public static function collected_by_payment_method(): bool {
		return ! function_exists( 'woocommerce_register_additional_checkout_field' );
	}

	/**
	 * Keeps a tax id the payment method collected, on the order, through the order object.
	 *
	 * @param \WC_Order $order Order.
	 * @param mixed     $value Submitted value.
	 */
	public static function store( \WC_Order $order, $value ): void {
		$value = sanitize_text_field( (string) $value );
		if ( '' !== $value ) {
			$order->update_meta_data( self::META, mb_substr( $value, 0, \CryptoCustomerBridge\Contract::max_length( 'taxId' ) ) );
		}
	}

	/**
	 * Registers the field when the API exists and the field may be asked.
	 */
	public static function register(): void {
		if ( ! function_exists( 'woocommerce_register_additional_checkout_field' ) || ! self::may_be_asked() ) {
			return;
		}
		woocommerce_register_additional_checkout_field(
			array(
				'id'       => self::ID,
				'label'    => __( 'Tax ID (VAT number)', 'crypto-customer-bridge' ),
				'location' => 'order',
				'type'     => 'text',
				'required' => false,
			)
		);
	}

	/**
	 * The value the shopper gave for this order, or ''.
	 *
	 * @param \WC_Order $order Order.
	 */
	public static function value( \WC_Order $order ): string {
		$container = class_exists( '\Automattic\WooCommerce\Blocks\Package' ) ? \Automattic\WooCommerce\Blocks\Package::container() : null;
		if ( $container && class_exists( '\Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields' ) ) {
			$value = (string) $container->get( \Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields::class )->get_field_from_object( self::ID, $order, 'other' );
		} else {
			// Where the API stores it on the order, read directly when the service is not available.
			$value = (string) $order->get_meta( '_wc_other/' . self::ID );
		}
		// Else the payment method's own input had it (the classic checkout).
		return '' !== $value ? $value : (string) $order->get_meta( self::META );
	}
}

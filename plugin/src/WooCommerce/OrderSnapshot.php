<?php
/**
 * A WooCommerce order in the bridge's neutral words.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\Rest\ShopperIdentity;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the order's own numbers — lines, coupons, shipping, fees, tax rates, total — and the billing
 * details; no arithmetic happens here: the bridge builds the charge and checks it adds up.
 */
final class OrderSnapshot {

	/**
	 * The snapshot for POST /v1/checkouts/from-order.
	 *
	 * @param \WC_Order $order  Order.
	 * @param string    $level  Collection level to ask for.
	 * @param string    $tax_id Tax id the shopper gave, if any.
	 * @return array<string, mixed>
	 */
	public static function from_order( \WC_Order $order, string $level, string $tax_id = '' ): array {
		$money = array( self::class, 'decimal' );
		$items = array();
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			/**
			 * The items of this type are of this class.
			 *
			 * @var \WC_Order_Item_Product $item
			 */
			$items[] = array_filter(
				array(
					'name'      => wp_strip_all_tags( $item->get_name() ),
					'quantity'  => max( 1, (int) $item->get_quantity() ),
					'lineNet'   => $money( $item->get_subtotal() ),
					'tax'       => $money( $item->get_subtotal_tax() ),
					'productId' => $item->get_product_id() ? (string) $item->get_product_id() : null,
				),
				static function ( $v ) {
					return null !== $v;
				}
			);
		}
		$coupons = array();
		foreach ( $order->get_items( 'coupon' ) as $coupon ) {
			/**
			 * The items of this type are of this class.
			 *
			 * @var \WC_Order_Item_Coupon $coupon
			 */
			$coupons[] = array(
				'code'        => $coupon->get_code(),
				'discount'    => $money( $coupon->get_discount() ),
				'discountTax' => $money( $coupon->get_discount_tax() ),
			);
		}
		$shipping = array();
		foreach ( $order->get_items( 'shipping' ) as $line ) {
			/**
			 * The items of this type are of this class.
			 *
			 * @var \WC_Order_Item_Shipping $line
			 */
			$shipping[] = array(
				'name' => wp_strip_all_tags( $line->get_name() ),
				'net'  => $money( $line->get_total() ),
				'tax'  => $money( $line->get_total_tax() ),
			);
		}
		$fees = array();
		foreach ( $order->get_items( 'fee' ) as $fee ) {
			/**
			 * The items of this type are of this class.
			 *
			 * @var \WC_Order_Item_Fee $fee
			 */
			$fees[] = array(
				'name' => wp_strip_all_tags( $fee->get_name() ),
				'net'  => $money( $fee->get_total() ),
				'tax'  => $money( $fee->get_total_tax() ),
			);
		}
		$rates = array();
		foreach ( $order->get_items( 'tax' ) as $tax ) {
			/**
			 * The items of this type are of this class.
			 *
			 * @var \WC_Order_Item_Tax $tax
			 */
			$rates[] = array(
				'label'   => wp_strip_all_tags( $tax->get_label() ),
				'percent' => self::decimal( (float) $tax->get_rate_percent() / 100 ),
			);
		}
		$customer = array(
			'firstName'    => $order->get_billing_first_name(),
			'lastName'     => $order->get_billing_last_name(),
			'email'        => $order->get_billing_email(),
			'company'      => $order->get_billing_company(),
			'addressLine1' => $order->get_billing_address_1(),
			'addressLine2' => $order->get_billing_address_2(),
			'postalCode'   => $order->get_billing_postcode(),
			'city'         => $order->get_billing_city(),
			'countryCode'  => $order->get_billing_country(),
			'phone'        => $order->get_billing_phone(),
			'taxId'        => $tax_id,
		);
		$snapshot = array(
			'orderId'   => (string) $order->get_id(),
			'orderKey'  => $order->get_order_key(),
			'level'     => $level,
			'currency'  => $order->get_currency(),
			'items'     => $items,
			'coupons'   => $coupons,
			'shipping'  => $shipping,
			'fees'      => $fees,
			'taxRates'  => $rates,
			'total'     => $money( $order->get_total() ),
			'returnUrl' => $order->get_checkout_order_received_url(),
			'cancelUrl' => $order->get_cancel_order_url_raw(),
			'locale'    => substr( determine_locale(), 0, 2 ),
		);
		if ( 'none' !== $level ) {
			$snapshot['shopperVerified'] = $order->get_customer_id() > 0 && get_current_user_id() === $order->get_customer_id() && ShopperIdentity::is_signed_in_as( (string) $order->get_billing_email() );
			$snapshot['customer']        = array_filter(
				$customer,
				static function ( $v ) {
					return '' !== (string) $v;
				}
			);
		}
		return $snapshot;
	}

	/**
	 * A WooCommerce amount (float or numeric string) as a plain decimal string: "19.99", "0.19", "5".
	 *
	 * @param mixed $value Amount.
	 */
	public static function decimal( $value ): string {
		$text = rtrim( rtrim( number_format( (float) $value, 8, '.', '' ), '0' ), '.' );
		return '' === $text || '-0' === $text ? '0' : $text;
	}
}

<?php
/**
 * Amounts from the bridge, written as the store writes its prices.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

defined( 'ABSPATH' ) || exit;

/**
 * The bridge sends amounts as the processor reports them ("13.5"); merchants read them in the store's
 * own format ("13,50 €"), at least as precise as the amount they are compared with.
 */
final class MoneyText {

	/**
	 * Plain text (for order notes as well as HTML that escapes it).
	 *
	 * @param string $amount   Decimal amount.
	 * @param string $currency Currency code.
	 * @param string $like     Another amount whose precision this one should show (the total due).
	 */
	public static function of( string $amount, string $currency, string $like = '' ): string {
		$decimals = max( self::decimals( $amount ), self::decimals( $like ), (int) wc_get_price_decimals() );
		$html     = wc_price(
			(float) $amount,
			array(
				'currency' => $currency,
				'decimals' => $decimals,
			)
		);
		return trim( html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES, 'UTF-8' ) );
	}

	/**
	 * Digits after the point.
	 *
	 * @param string $amount Decimal amount.
	 */
	private static function decimals( string $amount ): int {
		$point = strpos( $amount, '.' );
		return false === $point ? 0 : strlen( $amount ) - $point - 1;
	}
}

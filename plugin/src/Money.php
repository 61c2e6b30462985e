<?php
/**
 * Amounts as decimal strings: exact line totals and comparisons, and money in the page's language.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * The contract's amounts are decimal strings ("19.99"), never floats: a line total is computed digit
 * by digit, so "3 × 0.1" is exactly "0.3". Written for a shop without WooCommerce (its price
 * formatting is not there); the digits a currency has come from the contract.
 */
final class Money {

	/**
	 * An amount times a whole quantity, exactly ("19.99" × 3 = "59.97").
	 *
	 * @param string $amount   Decimal amount (the contract's pattern).
	 * @param int    $quantity Quantity, at least 1.
	 */
	public static function times( string $amount, int $quantity ): string {
		list( $whole, $fraction ) = self::parts( $amount );
		$digits                   = $whole . $fraction;
		$product                  = '';
		$carry                    = 0;
		for ( $i = strlen( $digits ) - 1; $i >= 0; $i-- ) {
			$step    = (int) $digits[ $i ] * $quantity + $carry;
			$product = ( $step % 10 ) . $product;
			$carry   = intdiv( $step, 10 );
		}
		$product = ( $carry ? (string) $carry : '' ) . $product;
		$scale   = strlen( $fraction );
		$whole   = ltrim( substr( $product, 0, strlen( $product ) - $scale ), '0' );
		return ( '' === $whole ? '0' : $whole ) . ( $scale ? '.' . substr( $product, -$scale ) : '' );
	}

	/**
	 * -1, 0 or 1 as the first amount is less than, equal to or more than the second.
	 *
	 * @param string $a Decimal amount.
	 * @param string $b Decimal amount.
	 */
	public static function compare( string $a, string $b ): int {
		list( $a_whole, $a_fraction ) = self::parts( $a );
		list( $b_whole, $b_fraction ) = self::parts( $b );
		$a_whole                      = ltrim( $a_whole, '0' );
		$b_whole                      = ltrim( $b_whole, '0' );
		if ( strlen( $a_whole ) !== strlen( $b_whole ) ) {
			return strlen( $a_whole ) <=> strlen( $b_whole );
		}
		$width = max( strlen( $a_fraction ), strlen( $b_fraction ) );
		return strcmp( $a_whole . str_pad( $a_fraction, $width, '0' ), $b_whole . str_pad( $b_fraction, $width, '0' ) ) <=> 0;
	}

	/**
	 * Money as the page's language writes it ("64,97 €" in German), with the currency's own decimals
	 * and every decimal the amount has (a crypto amount keeps its precision).
	 *
	 * @param string $amount   Decimal amount.
	 * @param string $currency Currency code.
	 * @param string $locale   Locale, e.g. de_DE; the page's by default.
	 */
	public static function format( string $amount, string $currency, string $locale = '' ): string {
		$locale   = '' !== $locale ? $locale : determine_locale();
		$decimals = min( 20, max( strlen( self::parts( $amount )[1] ), Contract::currency_decimals( $currency ) ) );
		if ( ! class_exists( \NumberFormatter::class ) ) {
			return number_format_i18n( (float) $amount, $decimals ) . ' ' . $currency;
		}
		// ICU knows three-letter codes only (it would read USDC as USD): longer ones follow the number.
		$iso       = 3 === strlen( $currency );
		$formatter = new \NumberFormatter( $locale, $iso ? \NumberFormatter::CURRENCY : \NumberFormatter::DECIMAL );
		if ( $iso ) {
			$formatter->setTextAttribute( \NumberFormatter::CURRENCY_CODE, $currency );
		}
		$formatter->setAttribute( \NumberFormatter::MIN_FRACTION_DIGITS, $decimals );
		$formatter->setAttribute( \NumberFormatter::MAX_FRACTION_DIGITS, $decimals );
		$text = $formatter->format( (float) $amount );
		if ( false === $text ) {
			return $amount . ' ' . $currency;
		}
		return $iso ? $text : $text . ' ' . $currency;
	}

	/**
	 * The digits before and after the point.
	 *
	 * @param string $amount Decimal amount.
	 * @return array{0: string, 1: string}
	 */
	private static function parts( string $amount ): array {
		$parts = explode( '.', trim( $amount ), 2 );
		return array( '' === $parts[0] ? '0' : $parts[0], $parts[1] ?? '' );
	}
}

<?php
/**
 * The collection levels and their fields, as the bridge's contract defines them.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge;

defined( 'ABSPATH' ) || exit;

/**
 * Reads build/contract.json, generated at build time from the bridge's zod contract, so PHP never
 * writes the field rules a second time.
 */
final class Contract {

	/**
	 * Decoded contract, once per request.
	 *
	 * @var array<string, mixed>|null
	 */
	private static $data = null;

	/**
	 * The whole contract file.
	 *
	 * @return array<string, mixed>
	 */
	private static function data(): array {
		if ( null === self::$data ) {
			$raw        = file_get_contents( Plugin::path( 'build/contract.json' ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
			self::$data = is_string( $raw ) ? (array) json_decode( $raw, true ) : array();
		}
		return self::$data;
	}

	/**
	 * The level names, least to most asked.
	 *
	 * @return string[]
	 */
	public static function levels(): array {
		return (array) ( self::data()['levels'] ?? array() );
	}

	/**
	 * Every customer field any level may ask, in form order.
	 *
	 * @return string[]
	 */
	public static function customer_fields(): array {
		return (array) ( self::data()['customerFields'] ?? array() );
	}

	/**
	 * The fields a level asks, in form order.
	 *
	 * @param string $level Level.
	 * @return string[]
	 */
	public static function asked( string $level ): array {
		return array_map( 'strval', (array) ( self::data()['levelFields'][ $level ]['asked'] ?? array() ) );
	}

	/**
	 * Whether a level asks the shopper for a field.
	 *
	 * @param string $level Level.
	 * @param string $field Contract field name, e.g. taxId.
	 */
	public static function asks( string $level, string $field ): bool {
		return in_array( $field, self::asked( $level ), true );
	}

	/**
	 * The longest value a customer field may hold (the processor's own form limits).
	 *
	 * @param string $field Contract field name, e.g. taxId.
	 */
	public static function max_length( string $field ): int {
		return (int) ( self::data()['fieldMaxLength'][ $field ] ?? 0 );
	}

	/**
	 * Every status a checkout can have.
	 *
	 * @return string[]
	 */
	public static function checkout_statuses(): array {
		return (array) ( self::data()['checkoutStatuses'] ?? array() );
	}

	/**
	 * The level a shop has until its owner chooses.
	 */
	public static function default_level(): string {
		return (string) ( self::data()['defaultLevel'] ?? '' );
	}

	/**
	 * A pattern the contract defines (`amount`, anchored; `uuid`, unanchored for use inside routes).
	 *
	 * @param string $name Pattern name.
	 */
	public static function pattern( string $name ): string {
		return (string) ( self::data()['patterns'][ $name ] ?? '' );
	}

	/**
	 * Whether a code is a currency the contract knows (ISO 4217 or a digital asset the processor bills in).
	 *
	 * @param string $code Currency code.
	 */
	public static function is_currency( string $code ): bool {
		return in_array( $code, (array) ( self::data()['currencyCodes'] ?? array() ), true );
	}

	/**
	 * The fields a level insists on, in form order.
	 *
	 * @param string $level Level.
	 * @return string[]
	 */
	public static function required( string $level ): array {
		return array_map( 'strval', (array) ( self::data()['levelFields'][ $level ]['required'] ?? array() ) );
	}

	/**
	 * How a form asks for a field: `type` (text, email, tel or country), `autocomplete`, `maxlength`,
	 * and where the contract has them `pattern` and `mismatch` (the field code a failed type or pattern
	 * check is).
	 *
	 * @param string $field Contract field name.
	 * @return array<string, string|int>
	 */
	public static function field_html( string $field ): array {
		return (array) ( self::data()['fieldHtml'][ $field ] ?? array() );
	}

	/**
	 * Every ISO 3166-1 alpha-2 code the contract accepts.
	 *
	 * @return string[]
	 */
	public static function country_codes(): array {
		return (array) ( self::data()['countryCodes'] ?? array() );
	}

	/**
	 * The countries whose addresses have no postcode (or an optional one).
	 *
	 * @return string[]
	 */
	public static function countries_without_postcodes(): array {
		return (array) ( self::data()['countriesWithoutPostcodes'] ?? array() );
	}

	/**
	 * The minor-unit digits a total in this currency is rounded to (2 for a code the contract lacks).
	 *
	 * @param string $currency Currency code.
	 */
	public static function currency_decimals( string $currency ): int {
		return (int) ( self::data()['currencyDecimals'][ $currency ] ?? 2 );
	}

	/**
	 * The strictest of two levels, by the contract's order (least to most asked).
	 *
	 * @param string $a Level.
	 * @param string $b Level, or '' for none given.
	 */
	public static function strictest( string $a, string $b ): string {
		$rank = array_flip( self::levels() );
		return ( $rank[ $b ] ?? -1 ) > ( $rank[ $a ] ?? -1 ) ? $b : $a;
	}

	/**
	 * The level a checkout block asks for: the site's, raised by the block's own setting and by the
	 * compliance threshold for its total, as the contract's `effectiveLevel` does (the level the
	 * threshold raises to, and whether another currency counts as reaching it, come from the contract).
	 *
	 * @param string                                       $site_level  Site level.
	 * @param string                                       $block_level Block level, or ''.
	 * @param array{amount: string, currency: string}|null $threshold   Threshold.
	 * @param string                                       $total       Block total.
	 * @param string                                       $currency    Block currency.
	 */
	public static function level_for_block( string $site_level, string $block_level, ?array $threshold, string $total, string $currency ): string {
		$level = self::strictest( $site_level, $block_level );
		if ( ! $threshold || '' === $total ) {
			return $level;
		}
		$rule    = (array) ( self::data()['threshold'] ?? array() );
		$reached = $threshold['currency'] !== $currency
			? (bool) ( $rule['otherCurrencyReaches'] ?? true )
			: Money::compare( $total, $threshold['amount'] ) >= 0;
		return $reached ? self::strictest( $level, (string) ( $rule['level'] ?? '' ) ) : $level;
	}
}

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
}

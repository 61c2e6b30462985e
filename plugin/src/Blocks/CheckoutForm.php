<?php
/**
 * The checkout block's payment form, rendered on the server.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Blocks;

use CryptoCustomerBridge\Contract;
use CryptoCustomerBridge\FieldLabels;

defined( 'ABSPATH' ) || exit;

/**
 * The fields a level asks, with the HTML constraint attributes the contract gives each (required,
 * maxlength, type, pattern, autocomplete), labels and messages in the shopper's language, and what
 * the shopper typed and the bridge said about it after a plain form post. It works without
 * JavaScript; view.js only enhances it.
 */
final class CheckoutForm {

	/**
	 * Forms rendered in this request: short ids, unique on the page.
	 *
	 * @var int
	 */
	private static $forms = 0;

	/**
	 * The form's HTML.
	 *
	 * @param array{postId: int, blockId: string, level: string, buttonLabel: string, action: string, attempt: string, values: array<string, string>, errors: array<string, array{code: string, message: string}>, notice: string, noticeKind: string} $form What to render.
	 */
	public static function html( array $form ): string {
		++self::$forms;
		$asked    = Contract::asked( $form['level'] );
		$required = Contract::required( $form['level'] );
		$html     = '';
		foreach ( $asked as $field ) {
			$html .= self::field( $field, in_array( $field, $required, true ), $form );
		}
		$hidden = array(
			'ccb_post'    => (string) $form['postId'],
			'ccb_block'   => $form['blockId'],
			'ccb_attempt' => $form['attempt'],
			'ccb_nonce'   => wp_create_nonce( 'wp_rest' ),
		);
		foreach ( $hidden as $name => $value ) {
			$html .= '<input type="hidden" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '">';
		}
		$label = '' !== $form['buttonLabel'] ? $form['buttonLabel'] : __( 'Pay with crypto', 'crypto-customer-bridge' );
		return sprintf(
			'<form method="post"%1$s data-rest="%2$s" data-required="%3$s" data-level="%4$s" data-offline="%5$s">%6$s<div class="is-%7$s" role="alert"%8$s>%9$s</div><button class="wp-element-button">%10$s</button></form>',
			// Without an action the form posts to the page it is on (CheckoutPost answers there).
			'' === $form['action'] ? '' : ' action="' . esc_url( $form['action'] ) . '"',
			esc_url( wp_make_link_relative( rest_url( 'ccb/v1/checkouts' ) ) ),
			esc_attr( ShopperText::field( 'required' ) ),
			esc_attr( $form['level'] ),
			esc_attr__( 'Your connection seems to be down. Nothing was charged; please try again.', 'crypto-customer-bridge' ),
			$html,
			esc_attr( $form['noticeKind'] ),
			'' === $form['notice'] ? ' hidden' : '',
			esc_html( $form['notice'] ),
			esc_html( $label )
		);
	}

	/**
	 * One field: label, input or country list, and its message.
	 *
	 * @param string                                                                                             $field    Contract field name.
	 * @param bool                                                                                               $required Whether the level insists on it.
	 * @param array{level: string, values: array<string, string>, errors: array<string, array{message: string}>} $form     The form.
	 */
	private static function field( string $field, bool $required, array $form ): string {
		$rules = Contract::field_html( $field );
		$id    = 'ccb' . self::$forms . '-' . $field;
		$value = (string) ( $form['values'][ $field ] ?? '' );
		$error = $form['errors'][ $field ]['message'] ?? '';
		$attrs = array(
			'id'           => $id,
			'name'         => 'ccb[' . $field . ']',
			'autocomplete' => (string) ( $rules['autocomplete'] ?? '' ),
		);
		if ( 'postalCode' === $field && $required ) {
			// Required only in a country that has postcodes (the contract's rule): view.js follows the
			// country; without JavaScript the bridge answers for the country chosen (a `required` here
			// would stop a shopper from Dubai who changed the country).
			$required               = false;
			$attrs['data-postcode'] = '';
		}
		if ( $required ) {
			// The label's star comes from style.css, following this attribute.
			$attrs['required'] = '';
		}
		if ( '' !== $error ) {
			// view.js adds these to a field when it first shows an error.
			$attrs['aria-invalid']     = 'true';
			$attrs['aria-describedby'] = $id . '-error';
		}
		$mismatch = (string) ( $rules['mismatch'] ?? '' );
		if ( '' !== $mismatch && 'country' !== ( $rules['type'] ?? '' ) ) {
			$attrs['data-invalid'] = ShopperText::field( $mismatch );
		}
		if ( 'country' === ( $rules['type'] ?? '' ) ) {
			$control = '<select' . self::attributes( $attrs ) . '>' . self::country_options( $value, in_array( 'postalCode', Contract::required( $form['level'] ), true ) ) . '</select>';
		} else {
			if ( 'text' !== ( $rules['type'] ?? 'text' ) ) {
				$attrs['type'] = (string) $rules['type'];
			}
			$attrs['maxlength'] = (string) ( $rules['maxlength'] ?? '' );
			if ( isset( $rules['pattern'] ) ) {
				$attrs['pattern'] = (string) $rules['pattern'];
			}
			if ( '' !== $value ) {
				$attrs['value'] = $value;
			}
			$control = '<input' . self::attributes( $attrs ) . '>';
		}
		$label = FieldLabels::all()[ $field ] ?? $field;
		return sprintf(
			'<div class="ccb-field"><label for="%1$s">%2$s</label>%3$s%4$s</div>',
			esc_attr( $id ),
			esc_html( $label ),
			$control,
			'' === $error ? '' : '<p id="' . esc_attr( $id ) . '-error">' . esc_html( $error ) . '</p>'
		);
	}

	/**
	 * Attributes, escaped; an empty `required` or `data-postcode` is written as a bare attribute.
	 *
	 * @param array<string, string> $attrs Attributes.
	 */
	private static function attributes( array $attrs ): string {
		$out = '';
		foreach ( $attrs as $name => $value ) {
			$out .= '' === $value && in_array( $name, array( 'required', 'data-postcode' ), true ) ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
		return $out;
	}

	/**
	 * The contract's countries, named and sorted in the page's language; where the form requires a
	 * postcode, those without postcodes (the contract's list) are marked for view.js to follow.
	 *
	 * @param string $selected The chosen code.
	 * @param bool   $mark     Whether to mark the countries without postcodes.
	 */
	private static function country_options( string $selected, bool $mark ): string {
		$without = $mark ? array_flip( Contract::countries_without_postcodes() ) : array();
		// 249 options: their closing tags (optional in HTML) and the quotes around two-letter codes are
		// worth leaving out.
		$html = '<option value="">' . esc_html__( 'Choose a country', 'crypto-customer-bridge' );
		foreach ( self::countries() as $code => $name ) {
			$html .= '<option value=' . esc_attr( $code ) . ( isset( $without[ $code ] ) ? ' data-no-postcode' : '' ) . ( $code === $selected ? ' selected' : '' ) . '>' . esc_html( $name );
		}
		return $html;
	}

	/**
	 * Country names by code, sorted as the page's language sorts ("Österreich" after "Oman" in German).
	 *
	 * @return array<string, string>
	 */
	public static function countries(): array {
		$locale = determine_locale();
		$names  = array();
		foreach ( Contract::country_codes() as $code ) {
			$name           = class_exists( \Locale::class ) ? \Locale::getDisplayRegion( 'und_' . $code, $locale ) : '';
			$names[ $code ] = '' !== $name && false !== $name ? $name : $code;
		}
		$collator = class_exists( \Collator::class ) ? new \Collator( $locale ) : null;
		uasort(
			$names,
			static function ( string $a, string $b ) use ( $collator ): int {
				return $collator ? (int) $collator->compare( $a, $b ) : strcmp( $a, $b );
			}
		);
		return $names;
	}
}

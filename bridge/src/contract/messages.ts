/**
 * Stable codes for field-level validation failures, with the English message a person reads.
 * The browser maps the same codes to translated strings; the bridge sends both.
 */
export const FIELD_MESSAGES = {
	required: 'This field is required.',
	too_long: 'This is too long.',
	invalid: 'This value is not valid.',
	invalid_email: 'Enter a valid email address, like name@example.com.',
	invalid_country: 'Choose a country (two-letter ISO code, like DE or US).',
	invalid_phone:
		'Enter a valid phone number, digits with an optional leading +.',
	invalid_amount:
		'Enter an amount like 19.99 (digits, at most one decimal point).',
	invalid_currency: 'Enter a known currency code, like EUR, USD or BTC.',
	invalid_percent:
		'Enter the tax rate as a fraction between 0 and 1, like 0.19.',
	invalid_quantity: 'Enter a whole quantity of at least 1.',
	invalid_url: 'Enter a full web address starting with http:// or https://.',
	invalid_level: 'Choose none, minimal or compliant.',
	not_allowed: 'This field is not asked at this collection level.',
	email_taken: 'Another customer already uses this email address.',
	level_lowered:
		"A customer's level can be raised, not lowered: they were asked for these details.",
	invalid_characters:
		'This contains characters that cannot be saved (such as invisible control characters). Please retype it.',
	too_precise:
		'This amount has more decimal places than the currency allows.',
	not_positive: 'The total must be more than zero.',
	unsupported_currency: 'Crypto payments are not available in this currency.',
} as const;

export type FieldCode = keyof typeof FIELD_MESSAGES;

export function isFieldCode( value: string ): value is FieldCode {
	return Object.prototype.hasOwnProperty.call( FIELD_MESSAGES, value );
}

/** A zod error function: absent input is `required`, anything else that fails the type check gets `code`. */
export const missingOr =
	( code: FieldCode ) => ( issue: { input?: unknown } ) =>
		issue.input === undefined ? 'required' : code;

/** NUL bytes and lone UTF-16 surrogates: text PostgreSQL (and any UTF-8 store) cannot hold. */
const UNSTORABLE =
	/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function hasUnstorableCharacters( value: string ): boolean {
	return UNSTORABLE.test( value );
}

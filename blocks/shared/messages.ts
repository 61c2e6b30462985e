import { __ } from '@wordpress/i18n';
import type { FieldCode } from '@ccb/contract/messages';

/**
 * The shopper's own-language message for each stable field code the contract and the bridge use.
 * @param code
 */
export function fieldMessage( code: FieldCode | string ): string {
	const messages: Record< FieldCode, string > = {
		required: __( 'This field is required.', 'crypto-customer-bridge' ),
		too_long: __( 'This is too long.', 'crypto-customer-bridge' ),
		invalid: __( 'This value is not valid.', 'crypto-customer-bridge' ),
		invalid_email: __(
			'Enter a valid email address, like name@example.com.',
			'crypto-customer-bridge'
		),
		invalid_country: __( 'Choose a country.', 'crypto-customer-bridge' ),
		invalid_phone: __(
			'Enter a valid phone number: digits, with an optional leading +.',
			'crypto-customer-bridge'
		),
		invalid_amount: __(
			'Enter an amount like 19.99.',
			'crypto-customer-bridge'
		),
		invalid_currency: __(
			'Enter a currency code like EUR, USD or BTC.',
			'crypto-customer-bridge'
		),
		invalid_percent: __(
			'Enter a rate between 0 and 1, like 0.19.',
			'crypto-customer-bridge'
		),
		invalid_quantity: __(
			'Enter a whole quantity of at least 1.',
			'crypto-customer-bridge'
		),
		invalid_url: __(
			'Enter a full web address.',
			'crypto-customer-bridge'
		),
		invalid_level: __(
			'Choose none, minimal or compliant.',
			'crypto-customer-bridge'
		),
		not_allowed: __(
			'This field is not asked at this level.',
			'crypto-customer-bridge'
		),
		email_taken: __(
			'Another customer already uses this email address.',
			'crypto-customer-bridge'
		),
		level_lowered: __(
			"A customer's level can be raised, not lowered: they were asked for these details.",
			'crypto-customer-bridge'
		),
		invalid_characters: __(
			'This contains characters that cannot be saved (such as invisible control characters). Please retype it.',
			'crypto-customer-bridge'
		),
		too_precise: __(
			'This amount has more decimal places than the currency allows.',
			'crypto-customer-bridge'
		),
		not_positive: __(
			'The total must be more than zero.',
			'crypto-customer-bridge'
		),
		unsupported_currency: __(
			'Crypto payments are not available in this currency.',
			'crypto-customer-bridge'
		),
	};
	return messages[ code as FieldCode ] ?? messages.invalid;
}

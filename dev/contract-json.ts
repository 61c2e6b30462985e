/**
 * Writes plugin/build/contract.json from the zod contract, for the PHP side: the levels, the
 * customer fields any level may ask, what each level asks and requires, how the threshold raises a
 * level, each field's HTML constraints (type, maxlength, pattern, autocomplete, and the field code a
 * mismatch is), the countries and those without postcodes, and each currency's decimals. PHP reads
 * this file instead of repeating the rules; the shopper's server-rendered form takes its HTML
 * constraint attributes from it.
 */
import { writeFileSync } from 'node:fs';
import { CHECKOUT_STATUSES } from '../bridge/src/contract/checkout';
import {
	COUNTRIES_WITHOUT_POSTCODES,
	COUNTRY_CODES,
} from '../bridge/src/contract/countries';
import {
	CUSTOMER_FIELD_INPUT,
	CUSTOMER_FIELD_MAX_LENGTH,
	PHONE_PATTERN,
} from '../bridge/src/contract/customer';
import {
	ASSET_CODES,
	currencyDecimals,
	isCurrencyCode,
} from '../bridge/src/contract/currencies';
import { UUID_PATTERN } from '../bridge/src/contract/ids';
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	DEFAULT_LEVEL,
	LEVEL_FIELDS,
	LEVELS,
} from '../bridge/src/contract/levels';
import type { FieldCode } from '../bridge/src/contract/messages';
import { AMOUNT_PATTERN } from '../bridge/src/contract/money';
import {
	OTHER_CURRENCY_REACHES,
	THRESHOLD_LEVEL,
} from '../bridge/src/contract/threshold';

const currencyCodes = [
	...new Set( [ ...Intl.supportedValuesOf( 'currency' ), ...ASSET_CODES ] ),
]
	.filter( isCurrencyCode )
	.sort();

/** What an input's own check (type or pattern) failing means, as the contract's field code. */
const MISMATCH: Partial< Record< CustomerField, FieldCode > > = {
	email: 'invalid_email',
	phone: 'invalid_phone',
	countryCode: 'invalid_country',
};

const fieldHtml = Object.fromEntries(
	CUSTOMER_FIELDS.map( ( field ) => [
		field,
		{
			...CUSTOMER_FIELD_INPUT[ field ],
			maxlength: CUSTOMER_FIELD_MAX_LENGTH[ field ],
			...( field === 'phone' ? { pattern: PHONE_PATTERN } : {} ),
			...( MISMATCH[ field ] ? { mismatch: MISMATCH[ field ] } : {} ),
		},
	] )
);

writeFileSync(
	'plugin/build/contract.json',
	JSON.stringify(
		{
			levels: LEVELS,
			defaultLevel: DEFAULT_LEVEL,
			customerFields: CUSTOMER_FIELDS,
			levelFields: LEVEL_FIELDS,
			fieldMaxLength: CUSTOMER_FIELD_MAX_LENGTH,
			checkoutStatuses: CHECKOUT_STATUSES,
			patterns: { amount: AMOUNT_PATTERN, uuid: UUID_PATTERN },
			currencyCodes,
			currencyDecimals: Object.fromEntries(
				currencyCodes.map( ( code ) => [
					code,
					currencyDecimals( code ),
				] )
			),
			threshold: {
				level: THRESHOLD_LEVEL,
				otherCurrencyReaches: OTHER_CURRENCY_REACHES,
			},
			fieldHtml,
			countryCodes: [ ...COUNTRY_CODES ].sort(),
			countriesWithoutPostcodes: [
				...COUNTRIES_WITHOUT_POSTCODES,
			].sort(),
		},
		null,
		2
	) + '\n'
);

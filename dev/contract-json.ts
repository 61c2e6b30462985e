/**
 * Writes plugin/build/contract.json from the zod contract, for the PHP side: the levels, the
 * customer fields any level may ask, and what each level asks. PHP reads this file instead of
 * repeating the rules.
 */
import { writeFileSync } from 'node:fs';
import { CHECKOUT_STATUSES } from '../bridge/src/contract/checkout';
import { CUSTOMER_FIELD_MAX_LENGTH } from '../bridge/src/contract/customer';
import { ASSET_CODES, isCurrencyCode } from '../bridge/src/contract/currencies';
import { UUID_PATTERN } from '../bridge/src/contract/ids';
import {
	CUSTOMER_FIELDS,
	DEFAULT_LEVEL,
	LEVEL_FIELDS,
	LEVELS,
} from '../bridge/src/contract/levels';
import { AMOUNT_PATTERN } from '../bridge/src/contract/money';

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
			currencyCodes: [
				...new Set( [
					...Intl.supportedValuesOf( 'currency' ),
					...ASSET_CODES,
				] ),
			]
				.filter( isCurrencyCode )
				.sort(),
		},
		null,
		2
	) + '\n'
);

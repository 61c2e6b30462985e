/**
 * Writes plugin/build/contract.json from the zod contract, for the PHP side: the levels, the
 * customer fields any level may ask, and what each level asks. PHP reads this file instead of
 * repeating the rules.
 */
import { writeFileSync } from 'node:fs';
import { CHECKOUT_STATUSES } from '../bridge/src/contract/checkout';
import { CUSTOMER_FIELD_MAX_LENGTH } from '../bridge/src/contract/customer';
import { CUSTOMER_FIELDS, LEVEL_FIELDS, LEVELS } from '../bridge/src/contract/levels';

writeFileSync(
  'plugin/build/contract.json',
  JSON.stringify({ levels: LEVELS, customerFields: CUSTOMER_FIELDS, levelFields: LEVEL_FIELDS, fieldMaxLength: CUSTOMER_FIELD_MAX_LENGTH, checkoutStatuses: CHECKOUT_STATUSES }, null, 2) + '\n',
);

/** The contract shared by the bridge and the browser code: levels, fields, money, requests. */
export * from './levels';
export * from './ids';
export * from './customer';
export * from './checkout';
export * from './money';
export * from './threshold';
export * from './totals';
export * from './orderSnapshot';
export * from './reports';
export * from './messages';
export * from './errors';
export * from './events';
export * from './invoices';
export { isCountryCode, COUNTRY_CODES } from './countries';
export { isCurrencyCode, currencyDecimals } from './currencies';

import Big from 'big.js';
import * as z from 'zod/mini';
import { strictestLevel, type Level } from './levels';
import { amountSchema, currencySchema } from './money';

/** At or above this total, the shopper must give everything `compliant` asks (travel-rule style). */
export const thresholdSchema = z.object( {
	amount: amountSchema,
	currency: currencySchema,
} );
export type Threshold = z.infer< typeof thresholdSchema >;

/** The level a total at or above the threshold raises a checkout to. */
export const THRESHOLD_LEVEL = 'compliant' satisfies Level;
/** A total in another currency than the threshold's counts as reaching it (no rate to compare with). */
export const OTHER_CURRENCY_REACHES = true;

/**
 * The level a checkout must use. A total in another currency than the threshold's cannot be compared
 * without a rate, so it is treated as reaching the threshold: compliance errs on the side of asking.
 */
export function effectiveLevel(
	requested: Level,
	threshold: Threshold | null,
	total: string,
	currency: string
): Level {
	if ( ! threshold ) return requested;
	const reached =
		threshold.currency !== currency
			? OTHER_CURRENCY_REACHES
			: new Big( total ).gte( threshold.amount );
	return reached ? strictestLevel( requested, THRESHOLD_LEVEL ) : requested;
}

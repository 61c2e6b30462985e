// zod/mini: this module reaches the shopper's browser, where every kilobyte counts.
import * as z from 'zod/mini';
import { isCurrencyCode } from './currencies';
import { missingOr } from './messages';

/** A non-negative decimal as text (PHP and the browser read this pattern from contract.json). */
export const AMOUNT_PATTERN = '^\\d{1,15}(\\.\\d{1,18})?$';

/** Non-negative decimal as a string: never a float, so 0.1 + 0.2 stays 0.3. */
export const amountSchema = z
	.string( { error: missingOr( 'invalid_amount' ) } )
	.check(
		z.trim(),
		z.regex( new RegExp( AMOUNT_PATTERN ), { error: 'invalid_amount' } ),
		// The processor takes JSON numbers; 15 significant digits survive a double unchanged.
		z.refine(
			( v ) =>
				v.replace( '.', '' ).replace( /^0+/, '' ).replace( /0+$/, '' )
					.length <= 15,
			{ error: 'invalid_amount' }
		)
	);

export const currencySchema = z
	.string( { error: missingOr( 'invalid_currency' ) } )
	.check(
		z.trim(),
		z.toUpperCase(),
		z.refine( isCurrencyCode, { error: 'invalid_currency' } )
	);

/** A tax rate as a fraction of one ("0.19" for 19 %), as the processor expects. */
export const percentSchema = z
	.string( { error: missingOr( 'invalid_percent' ) } )
	.check(
		z.trim(),
		z.regex( /^(0(\.\d{1,8})?|1(\.0{1,8})?)$/, {
			error: 'invalid_percent',
		} )
	);

export type Amount = z.infer< typeof amountSchema >;

/** Significant decimal places of a plain decimal ("19.90" has 1, "0.005" has 3). */
export function decimalPlaces( amount: string ): number {
	return ( amount.split( '.' )[ 1 ] ?? '' ).replace( /0+$/, '' ).length;
}

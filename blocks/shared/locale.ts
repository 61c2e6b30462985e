import { currencyDecimals } from '@ccb/contract/currencies';

/** The language the page is in (WordPress sets it on <html>), for numbers, money and country names. */
export function pageLocale(): string {
	return document.documentElement.lang || 'en';
}

/**
 * An amount as the page's language writes money ("64,97 €" in German), with at least the currency's
 * own decimals and every decimal the amount has (a crypto amount keeps its precision).
 * @param amount   Decimal string.
 * @param currency Currency code.
 */
export function formatMoney( amount: string, currency: string ): string {
	let decimals = ( amount.split( '.' )[ 1 ] ?? '' ).length;
	try {
		decimals = Math.max( decimals, currencyDecimals( currency ) );
	} catch {
		// Not a code Intl can describe: the amount's own decimals.
	}
	const number = Number( amount );
	try {
		return new Intl.NumberFormat( pageLocale(), {
			style: 'currency',
			currency,
			minimumFractionDigits: decimals,
			maximumFractionDigits: Math.min( decimals, 20 ),
		} ).format( number );
	} catch {
		// Not a code Intl knows as a currency.
		return `${ new Intl.NumberFormat( pageLocale(), {
			minimumFractionDigits: decimals,
			maximumFractionDigits: Math.min( decimals, 20 ),
		} ).format( number ) } ${ currency }`;
	}
}

/**
 * A country's name in the page's language ("Deutschland"), or its code if unknown.
 * @param code ISO 3166-1 alpha-2 code.
 */
export function countryName( code: string ): string {
	try {
		return (
			new Intl.DisplayNames( [ pageLocale() ], { type: 'region' } ).of(
				code
			) ?? code
		);
	} catch {
		return code;
	}
}

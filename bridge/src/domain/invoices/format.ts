import Big from 'big.js';
import { currencyDecimals, type InvoiceLanguage } from '../../contract';

const LOCALE: Record< InvoiceLanguage, string > = { en: 'en-GB', de: 'de-DE' };

let fiat: ReadonlySet< string > | undefined;

/** An exact amount as the document's language writes money: "1.234,50 €", "0.00150000 BTC". */
export function formatMoney(
	amount: string,
	currency: string,
	language: InvoiceLanguage
): string {
	fiat ??= new Set( Intl.supportedValuesOf( 'currency' ) );
	const places = Math.max(
		currencyDecimals( currency ),
		( amount.split( '.' )[ 1 ] ?? '' ).length
	);
	const options: Intl.NumberFormatOptions = {
		minimumFractionDigits: currencyDecimals( currency ),
		maximumFractionDigits: Math.min( places, 20 ),
	};
	// A decimal string is formatted exactly (no float on the way).
	const value = amount as unknown as number;
	return fiat.has( currency )
		? new Intl.NumberFormat( LOCALE[ language ], {
				...options,
				style: 'currency',
				currency,
			} ).format( value )
		: `${ new Intl.NumberFormat( LOCALE[ language ], options ).format( value ) } ${ currency }`;
}

/** A rate ("0.19") as a percentage ("19 %" in German, "19%" in English). */
export function formatPercent(
	percent: string,
	language: InvoiceLanguage
): string {
	const value = new Big( percent ).times( 100 ).toFixed();
	return `${ new Intl.NumberFormat( LOCALE[ language ], { maximumFractionDigits: 4 } ).format( value as unknown as number ) }${ language === 'de' ? ' %' : '%' }`;
}

/** A day as the document's language writes it (UTC). */
export function formatDay( iso: string, language: InvoiceLanguage ): string {
	return new Intl.DateTimeFormat( LOCALE[ language ], {
		dateStyle: 'long',
		timeZone: 'UTC',
	} ).format( new Date( iso ) );
}

export function countryName( code: string, language: InvoiceLanguage ): string {
	return (
		new Intl.DisplayNames( [ LOCALE[ language ] ], { type: 'region' } ).of(
			code
		) ?? code
	);
}

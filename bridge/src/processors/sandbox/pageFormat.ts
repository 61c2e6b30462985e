import type Big from 'big.js';

/**
 * Intl reads a decimal string exactly (ECMA-402 since 2023, Node 20 included), so money is formatted
 * from its digits and never passes through a float. The ES2022 typings only admit numbers.
 */
const formatDecimal = ( format: Intl.NumberFormat, value: Big ) =>
	( format as unknown as { format: ( v: string ) => string } ).format(
		value.toFixed()
	);

/** Decimal places a value has ("19.990" has three, "5" none). */
const placesOf = ( value: Big ) => Math.max( 0, value.c.length - value.e - 1 );

/**
 * An amount as the language writes money ("64,97 €" in German, "€64.97" in English): at least the
 * currency's digits and every digit the amount has, so nothing shown is rounded away. A code Intl
 * cannot name as a currency is written after the number.
 */
export function formatMoney(
	locale: string,
	amount: Big,
	currency: string,
	decimals: number
): string {
	const digits = {
		minimumFractionDigits: Math.min( decimals, 20 ),
		maximumFractionDigits: Math.min(
			Math.max( decimals, placesOf( amount ) ),
			20
		),
	};
	try {
		return formatDecimal(
			new Intl.NumberFormat( locale, {
				style: 'currency',
				currency,
				...digits,
			} ),
			amount
		);
	} catch {
		return `${ formatDecimal(
			new Intl.NumberFormat( locale, digits ),
			amount
		) } ${ currency }`;
	}
}

/** A tax rate given as a fraction, as the language writes percentages ("19 %" in German, "19%" in English). */
export function formatPercent( locale: string, fraction: Big ): string {
	return formatDecimal(
		new Intl.NumberFormat( locale, {
			style: 'percent',
			maximumFractionDigits: Math.min(
				Math.max( placesOf( fraction ) - 2, 0 ),
				20
			),
		} ),
		fraction
	);
}

export function formatQuantity( locale: string, quantity: number ): string {
	return new Intl.NumberFormat( locale ).format( quantity );
}

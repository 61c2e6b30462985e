/**
 * Billing currencies: every ISO 4217 code the JavaScript runtime knows, plus the digital assets the
 * processor accepts as a billing currency. Decimals come from Intl for fiat so no table drifts.
 */
const ASSET_DECIMALS: Record< string, number > = {
	BTC: 8,
	BCH: 8,
	LTC: 8,
	ETH: 8,
	XLM: 7,
	XRP: 6,
	USDC: 7,
	EURC: 7,
};

/** The digital assets the processor accepts as a billing currency. */
export const ASSET_CODES: readonly string[] = Object.keys( ASSET_DECIMALS );

let fiat: ReadonlySet< string > | undefined;
function fiatCodes(): ReadonlySet< string > {
	fiat ??= new Set( Intl.supportedValuesOf( 'currency' ) );
	return fiat;
}

export function isCurrencyCode( code: string ): boolean {
	return code in ASSET_DECIMALS || fiatCodes().has( code );
}

/** Decimals per code, found once: building an Intl.NumberFormat costs more than the whole lookup. */
const decimalsOf = new Map< string, number >();

/** Number of minor-unit digits a total in this currency is rounded to. */
export function currencyDecimals( code: string ): number {
	const asset = ASSET_DECIMALS[ code ];
	if ( asset !== undefined ) return asset;
	let decimals = decimalsOf.get( code );
	if ( decimals === undefined ) {
		decimals =
			new Intl.NumberFormat( 'en', {
				style: 'currency',
				currency: code,
			} ).resolvedOptions().maximumFractionDigits ?? 2;
		decimalsOf.set( code, decimals );
	}
	return decimals;
}

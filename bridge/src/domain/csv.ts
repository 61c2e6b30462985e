/** CSV as spreadsheets read it safely: the exports of customers and payments. */

/** Spreadsheets open a UTF-8 file as UTF-8 only with a byte order mark ("Łukasz" stays "Łukasz"). */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS_NUMBER = /^[+\-]?[0-9 ().\/-]+$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. A phone
 * number or a signed amount ("+49 30 1234567") starts like one but can call nothing: it stays as it is.
 */
export function csvCell( value: unknown ): string {
	let text = '';
	if ( value !== null && value !== undefined )
		text =
			typeof value === 'object'
				? JSON.stringify( value )
				: String( value );
	if ( FORMULA_START.test( text ) && ! HARMLESS_NUMBER.test( text ) )
		text = `'${ text }`;
	return NEEDS_QUOTES.test( text )
		? `"${ text.replace( /"/g, '""' ) }"`
		: text;
}

/** One line; a loop rather than map and join, as exports write a million of them. */
export function csvRow( values: unknown[] ): string {
	let line = values.length ? csvCell( values[ 0 ] ) : '';
	for ( let i = 1; i < values.length; i++ )
		line += ',' + csvCell( values[ i ] );
	return line + '\r\n';
}

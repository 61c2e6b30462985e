/** CSV as spreadsheets read it safely: the exports of customers and payments. */

/** Spreadsheets open a UTF-8 file as UTF-8 only with a byte order mark ("Łukasz" stays "Łukasz"). */
export const CSV_BOM = '\uFEFF';

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
	if ( /^[=+\-@\t\r]/.test( text ) && ! /^[+\-]?[0-9 ().\/-]+$/.test( text ) )
		text = `'${ text }`;
	return /[",\r\n]/.test( text ) ? `"${ text.replace( /"/g, '""' ) }"` : text;
}

export function csvRow( values: unknown[] ): string {
	return values.map( csvCell ).join( ',' ) + '\r\n';
}

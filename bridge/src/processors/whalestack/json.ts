import Big from 'big.js';

/**
 * JSON as the processor reads it: like `JSON.stringify`, except that numbers are always written in
 * plain decimal notation (`0.00000001`, never `1e-8`), which a PHP or Java JSON reader on the other
 * side might take as a float in exponent form or refuse.
 */
export function toProcessorJson( value: unknown ): string {
	if ( typeof value === 'number' ) {
		if ( ! Number.isFinite( value ) ) return 'null';
		const text = String( value );
		return /e/i.test( text ) ? new Big( value ).toFixed() : text;
	}
	if ( Array.isArray( value ) )
		return `[${ value.map( ( v ) => ( v === undefined ? 'null' : toProcessorJson( v ) ) ).join( ',' ) }]`;
	if ( value !== null && typeof value === 'object' ) {
		const entries = Object.entries( value ).filter(
			( [ , v ] ) => v !== undefined && typeof v !== 'function'
		);
		return `{${ entries.map( ( [ k, v ] ) => `${ JSON.stringify( k ) }:${ toProcessorJson( v ) }` ).join( ',' ) }}`;
	}
	return JSON.stringify( value ) ?? 'null';
}

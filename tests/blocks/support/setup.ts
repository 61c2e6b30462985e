import '@testing-library/jest-dom';

// jsdom lacks these browser APIs the code relies on.
if ( ! globalThis.crypto?.randomUUID ) {
	Object.defineProperty( globalThis, 'crypto', {
		value: require( 'node:crypto' ).webcrypto,
	} );
}
if ( ! ( globalThis as { CSS?: unknown } ).CSS ) {
	( globalThis as { CSS?: unknown } ).CSS = {
		escape: ( s: string ) =>
			s.replace( /[^a-zA-Z0-9_-]/g, ( c ) => `\\${ c }` ),
	};
}

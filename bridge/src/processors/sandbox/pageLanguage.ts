import { isPageLanguage, type PageLanguage } from './pageText';

/** The first subtag, lower case: "de-CH" and "de_DE" are German. */
const primary = ( tag: string ) =>
	tag.trim().toLowerCase().split( /[-_]/ )[ 0 ] ?? '';

/** The page languages a browser's Accept-Language asks for, best first (RFC 9110 quality values). */
function acceptedLanguages( header: string ): string[] {
	return header
		.split( ',' )
		.map( ( part, index ) => {
			const [ range = '', ...params ] = part.split( ';' );
			const q = params
				.map( ( p ) => p.trim() )
				.find( ( p ) => /^q=/i.test( p ) );
			const quality = q === undefined ? 1 : Number( q.slice( 2 ) );
			return {
				code: primary( range ),
				quality: Number.isFinite( quality ) ? quality : 0,
				index,
			};
		} )
		.filter( ( r ) => r.quality > 0 )
		.sort( ( a, b ) => b.quality - a.quality || a.index - b.index )
		.map( ( r ) => r.code );
}

/**
 * The language the hosted page speaks: the checkout's `checkoutLanguage` when the page has it; for
 * "auto" (or none), what the payer's browser prefers, as the processor's own page does; English when
 * neither is a language the page has.
 */
export function pageLanguage(
	checkoutLanguage: unknown,
	acceptLanguage: string | undefined
): PageLanguage {
	const chosen =
		typeof checkoutLanguage === 'string' ? primary( checkoutLanguage ) : '';
	if ( chosen && chosen !== 'auto' )
		return isPageLanguage( chosen ) ? chosen : 'en';
	return (
		acceptedLanguages( acceptLanguage ?? '' ).find( isPageLanguage ) ?? 'en'
	);
}

/** Text made safe for HTML content and quoted attribute values. */
export const escapeHtml = ( value: unknown ): string =>
	String( value ?? '' ).replace(
		/[&<>"']/g,
		( c ) =>
			( {
				'&': '&amp;',
				'<': '&lt;',
				'>': '&gt;',
				'"': '&quot;',
				"'": '&#39;',
			} )[ c ]!
	);

/**
 * A shop's URL, if it is one a payer may be sent to: absolute http(s) only, so a `javascript:` or
 * `data:` URL in a charge can never become a link or a redirect. Normalised by the URL parser, so what
 * is linked is what a browser would open.
 */
export function httpUrl( value: unknown ): string | null {
	if ( typeof value !== 'string' ) return null;
	let url: URL;
	try {
		url = new URL( value.trim() );
	} catch {
		return null;
	}
	return url.protocol === 'http:' || url.protocol === 'https:'
		? url.href
		: null;
}

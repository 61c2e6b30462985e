import { signatureHeaders } from '../../../bridge/src/security/requestSigning';

export interface ApiResponse< T = any > {
	status: number;
	body: T;
	headers: Headers;
	/** The body as it came (a PDF, say). */
	bytes: Buffer;
}

/** Calls the bridge as a shop would: every request signed with the shop's key id and secret. */
export function signedClient( baseUrl: string, keyId: string, secret: string ) {
	return async function request< T = any >(
		method: string,
		pathWithQuery: string,
		body?: unknown,
		headers: Record< string, string > = {}
	): Promise< ApiResponse< T > > {
		let raw = typeof body === 'string' ? body : JSON.stringify( body );
		if ( body === undefined ) raw = '';
		const res = await fetch( baseUrl + pathWithQuery, {
			method,
			headers: {
				...( raw ? { 'content-type': 'application/json' } : {} ),
				...signatureHeaders(
					keyId,
					secret,
					method,
					pathWithQuery,
					raw
				),
				...headers,
			},
			body: raw || undefined,
		} );
		const bytes = Buffer.from( await res.arrayBuffer() );
		// Byte for byte: res.text() would hide a byte order mark.
		const text = new TextDecoder( 'utf-8', { ignoreBOM: true } ).decode(
			bytes
		);
		let parsed: unknown = text;
		try {
			parsed = JSON.parse( text );
		} catch {
			/* CSV and HTML stay text */
		}
		return {
			status: res.status,
			body: parsed as T,
			headers: res.headers,
			bytes,
		};
	};
}

export type SignedRequest = ReturnType< typeof signedClient >;

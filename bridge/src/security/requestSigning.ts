import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The signature both directions between a shop and the bridge use (WordPress → bridge requests,
 * bridge → WordPress events): HMAC-SHA256 with the shop's secret over
 * `timestamp \n nonce \n METHOD \n path-with-query \n sha256-hex(body)`.
 */
export const SIGNATURE_HEADERS = {
	keyId: 'x-ccb-key-id',
	timestamp: 'x-ccb-timestamp',
	nonce: 'x-ccb-nonce',
	signature: 'x-ccb-signature',
} as const;

/** How far a request's clock may be from ours, either way. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export interface SignedParts {
	timestamp: string;
	nonce: string;
	method: string;
	pathWithQuery: string;
	body: Buffer | string;
}

export function bodyHash( body: Buffer | string ): string {
	return createHash( 'sha256' ).update( body ).digest( 'hex' );
}

export function canonicalString( parts: SignedParts ): string {
	return [
		parts.timestamp,
		parts.nonce,
		parts.method.toUpperCase(),
		parts.pathWithQuery,
		bodyHash( parts.body ),
	].join( '\n' );
}

export function computeSignature( secret: string, parts: SignedParts ): string {
	return createHmac( 'sha256', secret )
		.update( canonicalString( parts ) )
		.digest( 'hex' );
}

export function signatureHeaders(
	keyId: string,
	secret: string,
	method: string,
	pathWithQuery: string,
	body: Buffer | string,
	now = Date.now()
): Record< string, string > {
	const timestamp = String( Math.floor( now / 1000 ) );
	const nonce = randomBytes( 16 ).toString( 'hex' );
	return {
		[ SIGNATURE_HEADERS.keyId ]: keyId,
		[ SIGNATURE_HEADERS.timestamp ]: timestamp,
		[ SIGNATURE_HEADERS.nonce ]: nonce,
		[ SIGNATURE_HEADERS.signature ]: computeSignature( secret, {
			timestamp,
			nonce,
			method,
			pathWithQuery,
			body,
		} ),
	};
}

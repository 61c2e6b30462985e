import { createHash, createHmac } from 'node:crypto';

/**
 * The processor's request signature, as its public SDKs compute it: lowercase hex HMAC-SHA256, keyed
 * with the API secret, of `path + timestamp + METHOD + body`; path relative to /api/v1, no query string.
 */
export function digestSignature(
	apiSecret: string,
	path: string,
	timestamp: string,
	method: string,
	body: string
): string {
	return createHmac( 'sha256', apiSecret )
		.update( path + timestamp + method.toUpperCase() + body )
		.digest( 'hex' );
}

/** The processor's webhook header: a plain SHA-256 (not an HMAC) of the secret followed by the raw body. */
export function webhookAuth(
	apiSecret: string,
	rawBody: Buffer | string
): string {
	return createHash( 'sha256' )
		.update(
			Buffer.concat( [
				Buffer.from( apiSecret, 'utf8' ),
				Buffer.isBuffer( rawBody )
					? rawBody
					: Buffer.from( rawBody, 'utf8' ),
			] )
		)
		.digest( 'hex' );
}

export const DIGEST_HEADERS = {
	key: 'x-digest-key',
	timestamp: 'x-digest-timestamp',
	signature: 'x-digest-signature',
} as const;

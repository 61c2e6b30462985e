import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The processor's own checks, written from its SDKs' documentation rather than taken from the bridge's
 * client: X-Digest-Signature is the hex HMAC-SHA256 of `endpoint + timestamp + METHOD + body`, keyed
 * with the API secret (endpoint relative to /api/v1, no query); X-Webhook-Auth is the hex SHA-256 of
 * `secret + body`.
 */
export function expectedDigest(
	secret: string,
	endpoint: string,
	timestamp: string,
	method: string,
	body: string
): string {
	return createHmac( 'sha256', secret )
		.update(
			`${ endpoint }${ timestamp }${ method.toUpperCase() }${ body }`
		)
		.digest( 'hex' );
}

export function webhookHash( secret: string, body: string ): string {
	return createHash( 'sha256' )
		.update( secret + body )
		.digest( 'hex' );
}

export function sameText( a: string, b: string ): boolean {
	const x = Buffer.from( a );
	const y = Buffer.from( b );
	return x.length === y.length && timingSafeEqual( x, y );
}

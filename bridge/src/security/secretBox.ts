import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets at rest (shop signing secrets, processor API secrets) with AES-256-GCM under the
 * bridge's master key, so a database dump alone does not let anyone sign as a shop.
 */
export class SecretBox {
	private readonly key: Buffer;

	constructor( masterKey: Buffer ) {
		if ( masterKey.length !== 32 )
			throw new Error( 'The master key must be 32 bytes' );
		this.key = masterKey;
	}

	seal( plain: string ): string {
		const iv = randomBytes( 12 );
		const cipher = createCipheriv( 'aes-256-gcm', this.key, iv );
		const body = Buffer.concat( [
			cipher.update( plain, 'utf8' ),
			cipher.final(),
		] );
		return [
			'v1',
			iv.toString( 'base64' ),
			cipher.getAuthTag().toString( 'base64' ),
			body.toString( 'base64' ),
		].join( ':' );
	}

	open( sealed: string ): string {
		const [ version, iv, tag, body ] = sealed.split( ':' );
		if ( version !== 'v1' || ! iv || ! tag || body === undefined )
			throw new Error( 'Unreadable sealed secret' );
		const decipher = createDecipheriv(
			'aes-256-gcm',
			this.key,
			Buffer.from( iv, 'base64' )
		);
		decipher.setAuthTag( Buffer.from( tag, 'base64' ) );
		return Buffer.concat( [
			decipher.update( Buffer.from( body, 'base64' ) ),
			decipher.final(),
		] ).toString( 'utf8' );
	}
}

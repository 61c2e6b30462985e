import { createHash, createHmac } from 'node:crypto';
import { transition } from '../../../bridge/src/domain/checkouts/status';
import { retryDelayMs } from '../../../bridge/src/domain/events/sender';
import { redactSecrets } from '../../../bridge/src/domain/audit';
import { csvCell } from '../../../bridge/src/domain/csv';
import {
	digestSignature,
	webhookAuth,
} from '../../../bridge/src/processors/whalestack/signing';
import { safeEqual } from '../../../bridge/src/security/compare';
import {
	canonicalString,
	computeSignature,
} from '../../../bridge/src/security/requestSigning';
import { SecretBox } from '../../../bridge/src/security/secretBox';

describe( 'processor signatures', () => {
	it( 'match the SDK formula: hex HMAC-SHA256 of path + timestamp + METHOD + body', () => {
		const body = '{"charge":{"billingCurrency":"EUR"}}';
		const expected = createHmac( 'sha256', 'S'.repeat( 29 ) )
			.update( `/checkout/hosted1700000000POST${ body }` )
			.digest( 'hex' );
		expect(
			digestSignature(
				'S'.repeat( 29 ),
				'/checkout/hosted',
				'1700000000',
				'post',
				body
			)
		).toBe( expected );
	} );

	it( 'webhook auth is a plain SHA-256 of secret + raw body', () => {
		expect( webhookAuth( 'secret', '{"a":1}' ) ).toBe(
			createHash( 'sha256' ).update( 'secret{"a":1}' ).digest( 'hex' )
		);
	} );
} );

describe( 'shop request signatures', () => {
	it( 'cover timestamp, nonce, method, path with query and the body hash', () => {
		const parts = {
			timestamp: '1',
			nonce: 'n'.repeat( 16 ),
			method: 'get',
			pathWithQuery: '/v1/x?a=1',
			body: '',
		};
		expect( canonicalString( parts ) ).toBe(
			`1\n${ 'n'.repeat( 16 ) }\nGET\n/v1/x?a=1\n${ createHash( 'sha256' ).update( '' ).digest( 'hex' ) }`
		);
		const sig = computeSignature( 'k', parts );
		expect(
			computeSignature( 'k', { ...parts, pathWithQuery: '/v1/x?a=2' } )
		).not.toBe( sig );
		expect( computeSignature( 'k', { ...parts, body: 'x' } ) ).not.toBe(
			sig
		);
		expect( computeSignature( 'other', parts ) ).not.toBe( sig );
	} );

	it( 'compares in constant time and refuses different lengths', () => {
		expect( safeEqual( 'abc', 'abc' ) ).toBe( true );
		expect( safeEqual( 'abc', 'abd' ) ).toBe( false );
		expect( safeEqual( 'abc', 'abcd' ) ).toBe( false );
	} );
} );

describe( 'secret box', () => {
	const box = new SecretBox( Buffer.alloc( 32, 1 ) );
	it( 'round-trips and uses a fresh IV each time', () => {
		const a = box.seal( 'top secret' );
		expect( a ).not.toContain( 'top secret' );
		expect( box.seal( 'top secret' ) ).not.toBe( a );
		expect( box.open( a ) ).toBe( 'top secret' );
	} );
	it( 'refuses tampered ciphertext and the wrong key', () => {
		const sealed = box.seal( 'x' );
		const parts = sealed.split( ':' );
		parts[ 3 ] = Buffer.from( 'y' ).toString( 'base64' );
		expect( () => box.open( parts.join( ':' ) ) ).toThrow();
		expect( () =>
			new SecretBox( Buffer.alloc( 32, 2 ) ).open( sealed )
		).toThrow();
	} );
} );

describe( 'checkout lifecycle', () => {
	it( 'moves forward only', () => {
		expect( transition( 'open', 'completed' ).apply ).toBe( true );
		expect( transition( 'open', 'underpaid' ).apply ).toBe( true );
		expect( transition( 'underpaid', 'underpaid_accepted' ).apply ).toBe(
			true
		);
		expect( transition( 'completed', 'refunded' ).apply ).toBe( true );
		expect( transition( 'completed', 'underpaid' ).apply ).toBe( false );
		expect( transition( 'refunded', 'completed' ).apply ).toBe( false );
		expect( transition( 'completed', 'completed' ).apply ).toBe( false );
	} );
	it( 'expires only from open; money after expiry is applied as late, never dropped', () => {
		expect( transition( 'open', 'expired' ) ).toEqual( {
			apply: true,
			late: false,
		} );
		expect( transition( 'completed', 'expired' ).apply ).toBe( false );
		expect( transition( 'expired', 'completed' ) ).toEqual( {
			apply: true,
			late: true,
		} );
		expect( transition( 'expired', 'underpaid' ) ).toEqual( {
			apply: true,
			late: true,
		} );
		expect( transition( 'expired', 'refunded' ).apply ).toBe( false );
		expect( transition( 'open', 'completed' ) ).toEqual( {
			apply: true,
			late: false,
		} );
	} );
} );

describe( 'small rules', () => {
	it( 'backs off exponentially with jitter, capped', () => {
		expect( retryDelayMs( 1, 100, 10_000, () => 0.5 ) ).toBe( 100 );
		expect( retryDelayMs( 4, 100, 10_000, () => 0.5 ) ).toBe( 800 );
		expect( retryDelayMs( 30, 100, 10_000, () => 0.5 ) ).toBe( 10_000 );
		expect( retryDelayMs( 1, 100, 10_000, () => 0 ) ).toBe( 80 );
	} );
	it( 'redacts secret-looking keys at any depth', () => {
		expect(
			redactSecrets( {
				a: 1,
				apiSecret: 'x',
				nested: [ { api_key: 'y', token: 'z', ok: 'v' } ],
			} )
		).toEqual( {
			a: 1,
			apiSecret: '[redacted]',
			nested: [ { api_key: '[redacted]', token: '[redacted]', ok: 'v' } ],
		} );
	} );
	it( 'quotes CSV cells and defuses spreadsheet formulas', () => {
		expect( csvCell( 'plain' ) ).toBe( 'plain' );
		expect( csvCell( 'a,b' ) ).toBe( '"a,b"' );
		expect( csvCell( 'say "hi"' ) ).toBe( '"say ""hi"""' );
		expect( csvCell( '=SUM(A1)' ) ).toBe( "'=SUM(A1)" );
		expect( csvCell( '+HYPERLINK("x")' ) ).toBe( `"'+HYPERLINK(""x"")"` );
		expect( csvCell( '-1+cmd|x' ) ).toBe( "'-1+cmd|x" );
		expect( csvCell( '@SUM(1)' ) ).toBe( "'@SUM(1)" );
		// Phone numbers and signed amounts can call nothing: kept as typed.
		expect( csvCell( '+49 30 1234567' ) ).toBe( '+49 30 1234567' );
		expect( csvCell( '+1 (555) 010-9999' ) ).toBe( '+1 (555) 010-9999' );
		expect( csvCell( '-12.50' ) ).toBe( '-12.50' );
		expect( csvCell( { vip: 'yes' } ) ).toBe( '"{""vip"":""yes""}"' );
		expect( csvCell( null ) ).toBe( '' );
	} );
} );

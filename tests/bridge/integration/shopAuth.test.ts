import { createHash, createHmac, randomBytes } from 'node:crypto';
import { rotateSecret } from '../../../bridge/src/domain/shops/shops';
import { findShopById } from '../../../bridge/src/store/shops';
import { checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';
import { signedClient } from '../support/signedClient';

let t: TestBridge;
let shop: TestShop;

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
} );
afterAll( () => t.close() );

/** Signs by hand, as the PHP plugin will: no shared code with the bridge. */
function handSigned(
	secret: string,
	method: string,
	path: string,
	body: string,
	opts: { timestamp?: number; nonce?: string; keyId?: string } = {}
) {
	const timestamp = String(
		opts.timestamp ?? Math.floor( Date.now() / 1000 )
	);
	const nonce = opts.nonce ?? randomBytes( 16 ).toString( 'hex' );
	const bodyHash = createHash( 'sha256' ).update( body ).digest( 'hex' );
	const signature = createHmac( 'sha256', secret )
		.update(
			`${ timestamp }\n${ nonce }\n${ method }\n${ path }\n${ bodyHash }`
		)
		.digest( 'hex' );
	return {
		'x-ccb-key-id': opts.keyId ?? shop.keyId,
		'x-ccb-timestamp': timestamp,
		'x-ccb-nonce': nonce,
		'x-ccb-signature': signature,
	};
}

const send = (
	method: string,
	path: string,
	headers: Record< string, string >,
	body = ''
) =>
	fetch( t.url + path, {
		method,
		headers: {
			...( body ? { 'content-type': 'application/json' } : {} ),
			...headers,
		},
		body: body || undefined,
	} ).then( async ( r ) => ( {
		status: r.status,
		body: ( await r.json() ) as any,
	} ) );

const checkoutCount = async () =>
	Number(
		(
			await t.bridge.ctx.db.query< { n: string } >(
				'select count(*)::text as n from checkouts'
			)
		)[ 0 ]!.n
	);

it( 'accepts a request signed by hand with the documented algorithm', async () => {
	const res = await send(
		'GET',
		'/v1/shop?probe=1',
		handSigned( shop.secret, 'GET', '/v1/shop?probe=1', '' )
	);
	expect( res.status ).toBe( 200 );
	expect( res.body.shop ).toMatchObject( {
		keyId: shop.keyId,
		processor: { kind: 'sandbox', sandbox: true },
	} );
	expect( res.body.processorCheck.ok ).toBe( true );
	expect( JSON.stringify( res.body ) ).not.toContain( shop.secret );
} );

describe( 'refuses, with 401 and nothing stored', () => {
	const body = JSON.stringify( checkoutRequest() );
	const cases: Array< [ string, () => Record< string, string >, string ] > = [
		[ 'no signature headers', () => ( {} ), 'signature_missing' ],
		[
			'a wrong signature',
			() => handSigned( 'not-the-secret', 'POST', '/v1/checkouts', body ),
			'signature_invalid',
		],
		[
			'a signature over another body',
			() =>
				handSigned( shop.secret, 'POST', '/v1/checkouts', body + ' ' ),
			'signature_invalid',
		],
		[
			'a signature over another path',
			() => handSigned( shop.secret, 'POST', '/v1/checkouts?x=1', body ),
			'signature_invalid',
		],
		[
			'an unknown key id',
			() =>
				handSigned( shop.secret, 'POST', '/v1/checkouts', body, {
					keyId: 'ccb_unknown',
				} ),
			'signature_invalid',
		],
		[
			'a timestamp six minutes old',
			() =>
				handSigned( shop.secret, 'POST', '/v1/checkouts', body, {
					timestamp: Math.floor( Date.now() / 1000 ) - 360,
				} ),
			'timestamp_out_of_window',
		],
		[
			'a timestamp six minutes ahead',
			() =>
				handSigned( shop.secret, 'POST', '/v1/checkouts', body, {
					timestamp: Math.floor( Date.now() / 1000 ) + 360,
				} ),
			'timestamp_out_of_window',
		],
	];
	it.each( cases )( '%s', async ( _name, headers, code ) => {
		const before = await checkoutCount();
		const res = await send(
			'POST',
			'/v1/checkouts',
			{ ...headers(), ...idem() },
			body
		);
		expect( [ res.status, res.body.error.code ] ).toEqual( [ 401, code ] );
		expect( await checkoutCount() ).toBe( before );
	} );

	it( 'a replayed request (same nonce and signature)', async () => {
		const headers = {
			...handSigned( shop.secret, 'POST', '/v1/checkouts', body ),
			...idem(),
		};
		expect(
			( await send( 'POST', '/v1/checkouts', headers, body ) ).status
		).toBe( 201 );
		const before = await checkoutCount();
		const replay = await send( 'POST', '/v1/checkouts', headers, body );
		expect( [ replay.status, replay.body.error.code ] ).toEqual( [
			401,
			'replayed_request',
		] );
		expect( await checkoutCount() ).toBe( before );
	} );
} );

it( 'rotating the secret keeps the old one valid only through the grace period', async () => {
	const row = ( await findShopById( t.bridge.ctx.db, shop.id ) )!;
	const rotated = await rotateSecret( t.bridge.ctx, row, 60 );
	expect( rotated.secret ).not.toBe( shop.secret );
	expect(
		(
			await signedClient(
				t.url,
				shop.keyId,
				rotated.secret
			)( 'GET', '/v1/customers' )
		).status
	).toBe( 200 );
	expect(
		(
			await signedClient(
				t.url,
				shop.keyId,
				shop.secret
			)( 'GET', '/v1/customers' )
		).status
	).toBe( 200 );
	const again = await rotateSecret( t.bridge.ctx, rotated.shop, 0 );
	expect(
		(
			await signedClient(
				t.url,
				shop.keyId,
				shop.secret
			)( 'GET', '/v1/customers' )
		).status
	).toBe( 401 );
	expect(
		(
			await signedClient(
				t.url,
				shop.keyId,
				again.secret
			)( 'GET', '/v1/customers' )
		).status
	).toBe( 200 );
	shop = {
		...shop,
		secret: again.secret,
		api: signedClient( t.url, shop.keyId, again.secret ),
	};
} );

it( 'stores shop secrets and processor secrets encrypted', async () => {
	const rows = await t.bridge.ctx.db.query< Record< string, string > >(
		'select secret_enc, processor_api_secret_enc from shops where id = $1',
		[ shop.id ]
	);
	expect( rows[ 0 ]!.secret_enc ).toMatch( /^v1:/ );
	expect( rows[ 0 ]!.secret_enc ).not.toContain( shop.secret );
} );

it( 'updates shop settings (level, threshold, event URL) and validates them', async () => {
	const ok = await shop.api( 'PATCH', '/v1/shop', {
		level: 'compliant',
		threshold: { amount: '1000', currency: 'eur' },
		eventUrl: 'https://shop.example/wp-json/ccb/v1/events',
	} );
	expect( ok.status ).toBe( 200 );
	expect( ok.body.shop ).toMatchObject( {
		level: 'compliant',
		threshold: { amount: '1000', currency: 'EUR' },
		eventUrl: 'https://shop.example/wp-json/ccb/v1/events',
	} );
	const bad = await shop.api( 'PATCH', '/v1/shop', {
		level: 'everything',
		eventUrl: 'ftp://x',
	} );
	expect( bad.status ).toBe( 400 );
	expect( Object.keys( bad.body.error.fields ).sort() ).toEqual( [
		'eventUrl',
		'level',
	] );
	const cleared = await shop.api( 'PATCH', '/v1/shop', {
		threshold: null,
		level: 'minimal',
	} );
	expect( cleared.body.shop.threshold ).toBeNull();
} );

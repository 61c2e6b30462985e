// Hostile input, case by case: each is refused with a clear 4xx before anything is stored or sent
// to the processor; what is stored is only what was validated.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { serializeError, createLogger } from '../../../bridge/src/logger';
import { registerSandboxAccount } from '../../../bridge/src/processors/sandbox/accounts';
import { toProcessorJson } from '../../../bridge/src/processors/whalestack/json';
import { signatureHeaders } from '../../../bridge/src/security/requestSigning';
import { startFaultProxy } from '../support/faultProxy';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let proxy: Awaited< ReturnType< typeof startFaultProxy > >;
let shop: TestShop;
let customerId: string;

beforeAll( async () => {
	proxy = await startFaultProxy();
	t = await startTestBridge( { WHALESTACK_API_URL: proxy.url } );
	proxy.setTarget( `${ t.url }/sandbox/api/v1` );
	const account = await registerSandboxAccount( t.bridge.ctx.db );
	shop = await t.addShop( {
		processor: { kind: 'whalestack', ...account },
		level: 'minimal',
	} );
	customerId = (
		await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: { ...alice, email: 'seed@example.com' },
			} ),
			idem()
		)
	).body.checkout.customerId;
} );
afterAll( async () => {
	await t.close();
	await proxy.close();
} );

const rows = async () =>
	(
		await t.bridge.ctx.db.query< { n: string } >(
			`select (select count(*) from customers) + (select count(*) from checkouts) + (select count(*) from audit_log) + (select count(*) from idempotency_keys) as n`
		)
	)[ 0 ]!.n;

/** Sends a request and checks it was refused with `status` and `code`, leaving no trace anywhere. */
async function refused(
	send: () => Promise< { status: number; body: any } >,
	status: number,
	code: string
) {
	const before = await rows();
	const calls = proxy.calls.length;
	const res = await send();
	expect( [ res.status, res.body?.error?.code ] ).toEqual( [ status, code ] );
	expect( await rows() ).toBe( before );
	expect( proxy.calls.length ).toBe( calls );
	return res.body.error;
}

describe( 'text PostgreSQL cannot store', () => {
	it.each( [
		[
			'a NUL byte in a name',
			{ customer: { ...alice, firstName: 'Al\u0000ice' } },
			'customer.firstName',
		],
		[
			'a lone surrogate in an email',
			{ customer: { ...alice, email: 'a\ud800@example.com' } },
			'customer.email',
		],
		[
			'a NUL in a field the level drops',
			{ customer: { ...alice, phone: '+49\u0000' } },
			'customer.phone',
		],
		[
			'a NUL in a line description',
			{
				lineItems: [
					{
						description: 'Cup\u0000',
						netAmount: '64.97',
						quantity: 1,
					},
				],
			},
			'lineItems.0.description',
		],
		[
			'a NUL in a key',
			{ customer: { ...alice, 'x\u0000': 'y' } },
			'customer._key',
		],
	] )(
		'%s: a field message, nothing stored, no processor call',
		async ( _what, over, field ) => {
			const error = await refused(
				() =>
					shop.api(
						'POST',
						'/v1/checkouts',
						checkoutRequest( over as never ),
						idem()
					),
				400,
				'validation_failed'
			);
			expect( error.fields[ field ] ).toEqual( {
				code: 'invalid_characters',
				message: expect.stringMatching( /cannot be saved/ ),
			} );
		}
	);

	it( 'a PATCH with a NUL in the note changes neither the processor nor our record', async () => {
		await refused(
			() =>
				shop.api( 'PATCH', `/v1/customers/${ customerId }`, {
					note: 'bad\u0000note',
				} ),
			400,
			'validation_failed'
		);
	} );

	it( 'JSON nested thousands of levels deep is refused', async () => {
		const deep = `{"level":"minimal","customer":${ '['.repeat( 5000 ) }${ ']'.repeat( 5000 ) }}`;
		await refused(
			() => shop.api( 'POST', '/v1/checkouts', deep, idem() ),
			400,
			'invalid_json'
		);
	} );

	it( 'a NUL in a search or an email filter is a 400, not a database error', async () => {
		await refused(
			() => shop.api( 'GET', '/v1/customers?q=a%00b' ),
			400,
			'validation_failed'
		);
		await refused(
			() => shop.api( 'GET', '/v1/customers?email=x%00%40example.com' ),
			400,
			'validation_failed'
		);
	} );
} );

describe( 'addresses and cursors', () => {
	it( 'malformed percent-encoding in a path is a 400 everywhere, even unauthenticated', async () => {
		await refused(
			() => shop.api( 'GET', '/v1/customers/%ZZ' ),
			400,
			'malformed_url'
		);
		const webhook = await fetch( `${ t.url }/processor-webhooks/%E0%A4%A`, {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' },
		} );
		expect( [
			webhook.status,
			( await webhook.json() ).error.code,
		] ).toEqual( [ 400, 'malformed_url' ] );
		const sandbox = await fetch( `${ t.url }/sandbox/checkout/%ZZ` );
		expect( sandbox.status ).toBe( 400 );
	} );

	it( 'a cursor is checked completely: malformed, tampered values, or from another sort', async () => {
		await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				customer: { ...alice, email: 'second@example.com' },
			} ),
			idem()
		);
		const byName = (
			await shop.api( 'GET', '/v1/customers?sort=name&limit=1' )
		).body.nextCursor;
		const byDate = ( await shop.api( 'GET', '/v1/customers?limit=1' ) ).body
			.nextCursor;
		expect( byName && byDate ).toBeTruthy();
		expect(
			(
				await shop.api(
					'GET',
					`/v1/customers?sort=name&limit=1&cursor=${ byName }`
				)
			).status
		).toBe( 200 );
		const forge = ( value: unknown ) =>
			Buffer.from( JSON.stringify( value ) ).toString( 'base64url' );
		const tag = JSON.parse(
			Buffer.from( byDate, 'base64url' ).toString()
		).s;
		for ( const cursor of [
			'not-a-cursor',
			forge( {
				s: tag,
				v: [
					'2026-13-45T00:00:00Z',
					'00000000-0000-0000-0000-000000000000',
				],
			} ),
			forge( {
				s: tag,
				v: [ '2026-01-01T00:00:00.000Z', 'not-a-uuid' ],
			} ),
			forge( {
				s: tag,
				v: [
					'2026-01-01T00:00:00.000Z\u0000',
					'00000000-0000-0000-0000-000000000000',
				],
			} ),
			byName,
		] ) {
			await refused(
				() =>
					shop.api(
						'GET',
						`/v1/customers?limit=1&cursor=${ cursor }`
					),
				400,
				'invalid_cursor'
			);
		}
		await refused(
			() => shop.api( 'GET', `/v1/checkouts?cursor=${ byName }` ),
			400,
			'invalid_cursor'
		);
	} );
} );

describe( 'money follows the currency', () => {
	it( 'an amount finer than the currency allows is refused with a field message', async () => {
		const error = await refused(
			() =>
				shop.api(
					'POST',
					'/v1/checkouts',
					checkoutRequest( {
						currency: 'USD',
						lineItems: [
							{
								description: 'Gum',
								netAmount: '0.005',
								quantity: 2,
							},
						],
						expectedTotal: '0.01',
					} ),
					idem()
				),
			400,
			'validation_failed'
		);
		expect( error.fields[ 'lineItems.0.netAmount' ].code ).toBe(
			'too_precise'
		);
	} );

	it( 'a zero total is refused', async () => {
		const error = await refused(
			() =>
				shop.api(
					'POST',
					'/v1/checkouts',
					checkoutRequest( {
						lineItems: [
							{
								description: 'Free',
								netAmount: '0.00',
								quantity: 1,
							},
						],
						expectedTotal: '0.00',
					} ),
					idem()
				),
			400,
			'validation_failed'
		);
		expect( error.fields.expectedTotal.code ).toBe( 'not_positive' );
	} );

	it( 'amounts leave in plain decimal notation, never in exponent form', async () => {
		expect(
			toProcessorJson( {
				a: 1e-8,
				b: [ 0.00000001, 19.99, 1e21 ],
				c: 'x',
				d: null,
				e: undefined,
			} )
		).toBe(
			'{"a":0.00000001,"b":[0.00000001,19.99,1000000000000000000000],"c":"x","d":null}'
		);
		const calls = proxy.calls.length;
		const res = await shop.api(
			'POST',
			'/v1/checkouts',
			checkoutRequest( {
				currency: 'BTC',
				lineItems: [
					{
						description: 'Sat',
						netAmount: '0.00000001',
						quantity: 3,
					},
				],
				expectedTotal: '0.00000003',
			} ),
			idem()
		);
		expect( res.status ).toBe( 201 );
		const sent = proxy.calls
			.slice( calls )
			.find( ( c ) => c.path === '/checkout/hosted' )!.body;
		expect( sent ).toContain( '"netAmount":0.00000001' );
		expect( sent ).not.toMatch( /"netAmount":[^,}]*e/i );
	} );
} );

describe( 'logs and authentication', () => {
	it( 'database errors are logged without the data they quote', async () => {
		const email = `dup-${ Date.now() }@example.com`;
		const insert = `insert into customers (id, shop_id, email, email_key, level) values (gen_random_uuid(), $1, $2, $2, 'minimal')`;
		await t.bridge.ctx.db.query( insert, [ shop.id, email ] );
		const error = await t.bridge.ctx.db
			.query( insert, [ shop.id, email ] )
			.catch( ( e: unknown ) => e );
		expect( String( ( error as { detail?: string } ).detail ) ).toContain(
			email
		);
		expect( JSON.stringify( serializeError( error ) ) ).not.toContain(
			email
		);
		const lines: string[] = [];
		const log = createLogger(
			'info',
			new Writable( {
				write: ( chunk, _enc, done ) => (
					lines.push( String( chunk ) ),
					done()
				 ),
			} )
		);
		log.error( { err: error }, 'unhandled error' );
		expect( lines.join( '' ) ).toContain( 'customers_shop_email' );
		expect( lines.join( '' ) ).not.toContain( email );
	} );

	it( 'an unknown key id and a wrong secret get the same answer', async () => {
		const path = '/v1/shop';
		const unknown = await fetch( t.url + path, {
			headers: signatureHeaders(
				'ccb_nosuchkey01',
				shop.secret,
				'GET',
				path,
				''
			),
		} );
		const wrong = await fetch( t.url + path, {
			headers: signatureHeaders(
				shop.keyId,
				`${ shop.secret }x`,
				'GET',
				path,
				''
			),
		} );
		const [ a, b ] = [ await unknown.json(), await wrong.json() ];
		expect( [ unknown.status, wrong.status ] ).toEqual( [ 401, 401 ] );
		expect( a ).toEqual( b );
		expect(
			createHash( 'sha256' ).update( JSON.stringify( a ) ).digest( 'hex' )
		).toBe(
			createHash( 'sha256' ).update( JSON.stringify( b ) ).digest( 'hex' )
		);
	} );
} );

// Property-based fuzzing over every route of the bridge: random and mutated requests, signed and
// unsigned. Whatever arrives, the bridge answers without a 5xx; a refused request (4xx) stores
// nothing and calls the processor not once. Seeded and bounded, so it is repeatable and quick.
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { registerSandboxAccount } from '../../../bridge/src/processors/sandbox/accounts';
import { signatureHeaders } from '../../../bridge/src/security/requestSigning';
import { startFaultProxy } from '../support/faultProxy';
import { aliceCompliant, checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let proxy: Awaited< ReturnType< typeof startFaultProxy > >;
let shop: TestShop;
let processorSecret: string;
const known: {
	customerId: string;
	checkoutId: string;
	processorCheckoutId: string;
	cursor: string;
} = {
	customerId: '',
	checkoutId: '',
	processorCheckoutId: '',
	cursor: '',
};

beforeAll( async () => {
	proxy = await startFaultProxy();
	t = await startTestBridge( { WHALESTACK_API_URL: proxy.url } );
	proxy.setTarget( `${ t.url }/sandbox/api/v1` );
	const account = await registerSandboxAccount( t.bridge.ctx.db );
	processorSecret = account.apiSecret;
	shop = await t.addShop( {
		processor: { kind: 'whalestack', ...account },
		level: 'minimal',
	} );
	const created = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( { level: 'compliant', customer: aliceCompliant } ),
		idem()
	);
	await shop.api( 'POST', '/v1/checkouts', checkoutRequest(), idem() );
	known.customerId = created.body.checkout.customerId;
	known.checkoutId = created.body.checkout.id;
	known.processorCheckoutId = created.body.checkout.processorCheckoutId;
	known.cursor =
		( await shop.api( 'GET', '/v1/customers?limit=1' ) ).body.nextCursor ??
		'';
}, 60_000 );
afterAll( async () => {
	await t.close();
	await proxy.close();
} );

const TABLES = [
	'customers',
	'checkouts',
	'audit_log',
	'idempotency_keys',
	'outbox',
	'checkout_status_history',
	'processor_events',
	'sandbox_customers',
	'sandbox_checkouts',
];
async function snapshot(): Promise< string > {
	const counts = await t.bridge.ctx.db.query< { n: string } >(
		TABLES.map(
			( table ) => `select count(*)::text as n from ${ table }`
		).join( ' union all ' )
	);
	const customers = await t.bridge.ctx.db.query< { h: string } >(
		`select md5(coalesce(string_agg(c::text, '|' order by id), '')) as h from customers c`
	);
	return `${ counts.map( ( c ) => c.n ).join( ',' ) }:${ customers[ 0 ]!.h }`;
}

/** Values that have broken bridges: unstorable text, wrong types, extreme numbers, deep nesting. */
const nasty = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			'\u0000',
			'a\u0000b',
			'\ud800',
			'x\udc00y',
			'ok\ud83d'
		),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'',
			' ',
			'null',
			'0',
			'0.00',
			'-1',
			'0.005',
			'1e-18',
			'1e21',
			'10.000000000000000001',
			'Łukasz Øster',
			'%ZZ',
			"'; drop table customers; --"
		),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom< unknown >(
			null,
			true,
			0,
			-1,
			1e308,
			0.1,
			[ 'x' ],
			{ a: 1 },
			[],
			{}
		),
	},
	{
		weight: 1,
		arbitrary: fc
			.integer( { min: 33, max: 60 } )
			.map( ( depth ) =>
				JSON.parse( '['.repeat( depth ) + ']'.repeat( depth ) )
			),
	},
	{ weight: 1, arbitrary: fc.string( { maxLength: 40 } ) },
	{ weight: 1, arbitrary: fc.string( { unit: 'binary', maxLength: 20 } ) }
);

/** A valid body with one value (at any depth) replaced by something nasty, or a field added. */
function mutate( valid: unknown ): fc.Arbitrary< unknown > {
	const paths: string[][] = [];
	const walk = ( v: unknown, path: string[] ) => {
		paths.push( path );
		if ( v && typeof v === 'object' )
			for ( const [ k, c ] of Object.entries( v ) )
				walk( c, [ ...path, k ] );
	};
	walk( valid, [] );
	const one = fc.tuple( fc.constantFrom( ...paths ), nasty, fc.boolean() );
	return fc.array( one, { minLength: 1, maxLength: 3 } ).map( ( changes ) => {
		const copy = structuredClone( valid ) as Record< string, unknown >;
		for ( const [ path, value, add ] of changes ) {
			if ( ! path.length ) return value;
			let node = copy as Record< string, unknown >;
			for ( const key of path.slice( 0, -1 ) ) {
				if ( ! node[ key ] || typeof node[ key ] !== 'object' )
					node[ key ] = {};
				node = node[ key ] as Record< string, unknown >;
			}
			node[ add ? `${ path.at( -1 ) }_extra` : path.at( -1 )! ] = value;
		}
		return copy;
	} );
}

const order = () => ( {
	orderId: String( Math.floor( Math.random() * 1e6 ) ),
	orderKey: `wc_order_${ randomUUID().slice( 0, 8 ) }`,
	level: 'minimal',
	customer: {
		firstName: 'Fuzz',
		lastName: 'Order',
		email: `fuzz-${ randomUUID().slice( 0, 6 ) }@example.com`,
	},
	currency: 'EUR',
	items: [ { name: 'Mug', quantity: 1, lineNet: '10.00', tax: '1.90' } ],
	taxRates: [ { label: 'VAT', percent: '0.19' } ],
	total: '11.90',
	returnUrl: 'https://shop.example/r',
	cancelUrl: 'https://shop.example/c',
} );

const idArb = fc.oneof(
	fc.constant( 'KNOWN' ),
	fc.uuid().map( String ),
	fc.constantFrom(
		'%ZZ',
		'%',
		'%E0%A4%A',
		'%00',
		'..%2F..%2Fetc',
		'%F0%9F%98%80',
		'a%20b',
		'x'.repeat( 300 )
	),
	fc.string( { maxLength: 20 } ).map( encodeURIComponent )
);

const queryArb = fc
	.dictionary(
		fc.constantFrom(
			'limit',
			'cursor',
			'q',
			'email',
			'status',
			'sort',
			'order',
			'country',
			'level',
			'hasPayments',
			'orderRef',
			'customerId',
			'refresh',
			'search',
			'createdFrom',
			'createdTo'
		),
		fc.oneof(
			{
				weight: 3,
				arbitrary: fc.constantFrom(
					'%00',
					'a%00b',
					'%ED%A0%80',
					'%ZZ',
					'KNOWNCURSOR',
					'W10',
					'eyJzIjoiMSIsInYiOlsieCJdfQ',
					'eyJzIjoiMTIzIiwidiI6WyIyMDI2LTEzLTQ1VDAwOjAwOjAwWiIsIm5vdC1hLXV1aWQiXX0'
				),
			},
			{
				weight: 2,
				arbitrary: fc.constantFrom(
					'-1',
					'0',
					'999999',
					'name',
					'email',
					'createdAt',
					'asc',
					'desc',
					'DE',
					'compliant',
					'true',
					'open',
					'1'
				),
			},
			{
				weight: 1,
				arbitrary: fc
					.string( { maxLength: 20 } )
					.map( encodeURIComponent ),
			}
		),
		{ maxKeys: 3 }
	)
	.map( ( q ) => {
		const entries = Object.entries( q ).map(
			( [ k, v ] ) => `${ k }=${ v === 'KNOWNCURSOR' ? known.cursor : v }`
		);
		return entries.length ? `?${ entries.join( '&' ) }` : '';
	} );

type Route = {
	method: string;
	path: string;
	body?: () => unknown;
	kind: 'shop' | 'webhook' | 'public';
};
const ROUTES: Route[] = [
	{ method: 'GET', path: '/v1/shop', kind: 'shop' },
	{
		method: 'PATCH',
		path: '/v1/shop',
		kind: 'shop',
		body: () => ( {
			name: 'Fuzz shop',
			level: 'minimal',
			threshold: { amount: '1000', currency: 'EUR' },
		} ),
	},
	{
		method: 'POST',
		path: '/v1/checkouts',
		kind: 'shop',
		body: () =>
			checkoutRequest( {
				customer: {
					...aliceCompliant,
					email: `f-${ randomUUID().slice( 0, 6 ) }@example.com`,
				},
			} ),
	},
	{
		method: 'POST',
		path: '/v1/checkouts/from-order',
		kind: 'shop',
		body: order,
	},
	{ method: 'GET', path: '/v1/checkouts', kind: 'shop' },
	{ method: 'GET', path: '/v1/checkouts/:checkout', kind: 'shop' },
	{ method: 'GET', path: '/v1/checkouts/:checkout/audit', kind: 'shop' },
	{ method: 'GET', path: '/v1/customers', kind: 'shop' },
	{
		method: 'POST',
		path: '/v1/customers',
		kind: 'shop',
		body: () => ( {
			level: 'minimal',
			customer: {
				firstName: 'New',
				lastName: 'Person',
				email: `n-${ randomUUID().slice( 0, 6 ) }@example.com`,
			},
		} ),
	},
	{ method: 'GET', path: '/v1/checkouts/counts', kind: 'shop' },
	{ method: 'GET', path: '/v1/checkouts/export.csv', kind: 'shop' },
	{ method: 'GET', path: '/v1/customers/statistics', kind: 'shop' },
	{ method: 'GET', path: '/v1/customers/export.csv', kind: 'shop' },
	{ method: 'GET', path: '/v1/customers/:customer', kind: 'shop' },
	{ method: 'GET', path: '/v1/customers/:customer/export', kind: 'shop' },
	{ method: 'GET', path: '/v1/customers/:customer/audit', kind: 'shop' },
	{
		method: 'PATCH',
		path: '/v1/customers/:customer',
		kind: 'shop',
		body: () => ( { note: 'A note', city: 'Hamburg' } ),
	},
	{
		method: 'POST',
		path: '/processor-webhooks/:shop',
		kind: 'webhook',
		body: () => ( {
			eventType: 'CHECKOUT_COMPLETED',
			data: { checkout: { id: known.processorCheckoutId } },
		} ),
	},
	{ method: 'GET', path: '/health/ready', kind: 'public' },
	{ method: 'GET', path: '/sandbox/checkout/:id', kind: 'public' },
	{ method: 'GET', path: '/nowhere/:id', kind: 'public' },
];

const requestArb = fc.record( {
	route: fc.constantFrom( ...ROUTES ),
	id: idArb,
	query: queryArb,
	signing: fc.constantFrom(
		'valid',
		'valid',
		'valid',
		'none',
		'wrong-secret',
		'unknown-key'
	),
	body: fc.constantFrom(
		'valid',
		'mutated',
		'mutated',
		'random',
		'not-json'
	),
	seed: fc.integer(),
} );

function pathOf( route: Route, id: string ): string {
	const pick = ( knownId: string ) => ( id === 'KNOWN' ? knownId : id );
	return route.path
		.replace( ':checkout', pick( known.checkoutId ) )
		.replace( ':customer', pick( known.customerId ) )
		.replace( ':shop', pick( shop.id ) )
		.replace( ':id', pick( known.processorCheckoutId ) );
}

it( 'answers every hostile request without a 5xx; a refused one stores nothing and calls no processor', async () => {
	const statuses: Record< string, number > = {};
	await fc.assert(
		fc.asyncProperty( requestArb, async ( r ) => {
			const valid = r.route.body?.() ?? {};
			let raw = '';
			if (
				r.route.method !== 'GET' &&
				( r.route.body || r.body !== 'valid' )
			) {
				if ( r.body === 'valid' ) raw = JSON.stringify( valid );
				else if ( r.body === 'mutated' )
					raw =
						JSON.stringify(
							fc.sample( mutate( valid ), {
								numRuns: 1,
								seed: r.seed,
							} )[ 0 ]
						) ?? '';
				else if ( r.body === 'random' )
					raw =
						JSON.stringify(
							fc.sample( fc.jsonValue(), {
								numRuns: 1,
								seed: r.seed,
							} )[ 0 ]
						) ?? '';
				else raw = '{"unterminated": ';
			}
			const pathWithQuery = pathOf( r.route, r.id ) + r.query;
			const headers: Record< string, string > = {
				...( raw ? { 'content-type': 'application/json' } : {} ),
				...idem(),
			};
			if ( r.route.kind === 'shop' && r.signing !== 'none' ) {
				const secret =
					r.signing === 'wrong-secret'
						? `${ shop.secret }x`
						: shop.secret;
				Object.assign(
					headers,
					signatureHeaders(
						r.signing === 'unknown-key'
							? 'ccb_unknownkey1'
							: shop.keyId,
						secret,
						r.route.method,
						pathWithQuery,
						raw
					)
				);
			}
			if ( r.route.kind === 'webhook' && r.signing === 'valid' )
				headers[ 'x-webhook-auth' ] = createHash( 'sha256' )
					.update( processorSecret + raw )
					.digest( 'hex' );

			const before = await snapshot();
			const callsBefore = proxy.calls.length;
			const res = await fetch( t.url + pathWithQuery, {
				method: r.route.method,
				headers,
				body: raw || undefined,
			} );
			const text = await res.text();
			statuses[ res.status ] = ( statuses[ res.status ] ?? 0 ) + 1;
			if ( res.status >= 500 )
				throw new Error(
					`${ r.route.method } ${ pathWithQuery } → ${ res.status } ${ text.slice( 0, 300 ) } (body ${ raw.slice( 0, 200 ) })`
				);
			if ( res.status >= 400 ) {
				if ( proxy.calls.length !== callsBefore )
					throw new Error(
						`${ r.route.method } ${ pathWithQuery } → ${ res.status } but the processor was called (body ${ raw.slice( 0, 200 ) })`
					);
				if ( ( await snapshot() ) !== before )
					throw new Error(
						`${ r.route.method } ${ pathWithQuery } → ${ res.status } but something was stored (body ${ raw.slice( 0, 200 ) })`
					);
				if ( r.route.kind !== 'public' ) {
					const error = JSON.parse( text ).error;
					if ( ! error?.code || ! error?.message )
						throw new Error(
							`${ res.status } without a JSON error: ${ text.slice( 0, 200 ) }`
						);
				}
			}
		} ),
		{
			numRuns: Number( process.env.FUZZ_RUNS ?? 1000 ),
			seed: Number( process.env.FUZZ_SEED ?? 20261125 ),
			endOnFailure: true,
		}
	);
	console.log(
		`fuzz: ${ Object.values( statuses ).reduce( ( a, b ) => a + b, 0 ) } requests, statuses ${ JSON.stringify( statuses ) }`
	);
}, 120_000 );

// The API description: generated from the zod schemas, committed, served, complete, and true of real answers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type express from 'express';
import { createApp } from '../../../bridge/src/app';
import { openApiDocument } from '../../../bridge/src/http/openapi';
import { alice, checkoutRequest, idem } from '../support/fixtures';
import {
	startTestBridge,
	type TestBridge,
	type TestShop,
} from '../support/harness';

let t: TestBridge;
let shop: TestShop;
const doc = openApiDocument() as {
	paths: Record<
		string,
		Record<
			string,
			{
				responses: Record<
					string,
					{ content?: Record< string, { schema: object } > }
				>;
			}
		>
	>;
	components: { schemas: { Error: object } };
};

beforeAll( async () => {
	t = await startTestBridge();
	shop = await t.addShop();
} );
afterAll( () => t.close() );

it( 'is committed as generated (run `npm run openapi` after changing a schema) and served at /openapi.json', async () => {
	const committed = JSON.parse(
		readFileSync(
			path.resolve( __dirname, '../../../bridge/openapi.json' ),
			'utf8'
		)
	);
	expect( committed ).toEqual( doc );
	expect( await ( await fetch( `${ t.url }/openapi.json` ) ).json() ).toEqual(
		doc
	);
} );

/** Every method and path the app routes, from Express's own route table (the sandbox, a processor stand-in, aside). */
function routesOf(
	stack: Array< {
		route?: { path: string; methods: Record< string, boolean > };
		handle: { stack?: unknown[] };
		rawPath?: string;
	} >,
	prefix = ''
): string[] {
	return stack.flatMap( ( layer ) => {
		if ( layer.route )
			return Object.keys( layer.route.methods ).map(
				( m ) =>
					`${ m } ${ ( prefix + layer.route!.path ).replace( /\/$/, '' ) || '/' }`
			);
		if ( layer.handle.stack && typeof layer.rawPath === 'string' )
			return routesOf(
				layer.handle.stack as never,
				prefix + layer.rawPath
			);
		return [];
	} );
}

it( 'describes every route the bridge serves', () => {
	const app = createApp( t.bridge.ctx ) as express.Express & {
		router: { stack: never[] };
	};
	const served = routesOf( app.router.stack )
		.filter( ( r ) => ! r.includes( ' /sandbox' ) )
		.map( ( r ) => r.replace( /:(\w+)/g, '{$1}' ) );
	const described = Object.entries( doc.paths ).flatMap( ( [ p, methods ] ) =>
		Object.keys( methods ).map( ( m ) => `${ m } ${ p }` )
	);
	expect( served.length ).toBeGreaterThan( 15 );
	expect( [ ...new Set( served ) ].sort() ).toEqual(
		[ ...new Set( described ) ].sort()
	);
} );

it( 'real answers validate against it', async () => {
	const ajv = new Ajv2020( { strict: false, validateFormats: false } );
	const check = (
		method: string,
		template: string,
		res: { status: number; body: unknown }
	) => {
		const described =
			doc.paths[ template ]![ method ]!.responses[ String( res.status ) ]
				?.content?.[ 'application/json' ]?.schema;
		const validate = ajv.compile(
			described ?? doc.components.schemas.Error
		);
		if ( ! validate( res.body ) )
			throw new Error(
				`${ method } ${ template } → ${ res.status }: ${ ajv.errorsText( validate.errors ) }\n${ JSON.stringify( res.body ).slice( 0, 500 ) }`
			);
	};
	const created = await shop.api(
		'POST',
		'/v1/checkouts',
		checkoutRequest( {
			customer: { ...alice, email: 'openapi@example.com' },
		} ),
		idem()
	);
	check( 'post', '/v1/checkouts', created );
	const { id, customerId } = created.body.checkout;
	check(
		'post',
		'/v1/checkouts',
		await shop.api( 'POST', '/v1/checkouts', { level: 'minimal' }, idem() )
	);
	const order = {
		orderId: '77',
		orderKey: 'wc_order_x',
		level: 'minimal',
		customer: alice,
		currency: 'EUR',
		items: [ { name: 'Mug', quantity: 1, lineNet: '10.00', tax: '0' } ],
		total: '10.00',
		returnUrl: 'https://s.example/r',
		cancelUrl: 'https://s.example/c',
	};
	check(
		'post',
		'/v1/checkouts/from-order',
		await shop.api( 'POST', '/v1/checkouts/from-order', order, idem() )
	);
	check(
		'post',
		'/v1/checkouts/from-order',
		await shop.api( 'POST', '/v1/checkouts/from-order', order, idem() )
	);
	check(
		'get',
		'/v1/checkouts',
		await shop.api( 'GET', '/v1/checkouts?limit=1' )
	);
	check(
		'get',
		'/v1/checkouts/{id}',
		await shop.api( 'GET', `/v1/checkouts/${ id }` )
	);
	check(
		'get',
		'/v1/checkouts/{id}/audit',
		await shop.api( 'GET', `/v1/checkouts/${ id }/audit` )
	);
	check(
		'get',
		'/v1/customers',
		await shop.api( 'GET', '/v1/customers?withTotal=true' )
	);
	check(
		'post',
		'/v1/customers',
		await shop.api(
			'POST',
			'/v1/customers',
			{
				level: 'minimal',
				customer: { ...alice, email: 'openapi2@example.com' },
			},
			idem()
		)
	);
	check(
		'get',
		'/v1/customers/statistics',
		await shop.api( 'GET', '/v1/customers/statistics' )
	);
	check(
		'get',
		'/v1/customers/{id}',
		await shop.api( 'GET', `/v1/customers/${ customerId }` )
	);
	check(
		'get',
		'/v1/customers/{id}/audit',
		await shop.api( 'GET', `/v1/customers/${ customerId }/audit` )
	);
	check(
		'patch',
		'/v1/customers/{id}',
		await shop.api( 'PATCH', `/v1/customers/${ customerId }`, {
			city: 'Hamburg',
		} )
	);
	check( 'get', '/v1/shop', await shop.api( 'GET', '/v1/shop' ) );
	check(
		'patch',
		'/v1/shop',
		await shop.api( 'PATCH', '/v1/shop', { name: 'Renamed' } )
	);
	check(
		'delete',
		'/v1/customers/{id}',
		await shop.api( 'DELETE', `/v1/customers/${ customerId }` )
	);
	check(
		'get',
		'/v1/customers/{id}',
		await shop.api(
			'GET',
			`/v1/customers/${ '0'.repeat( 8 ) }-0000-0000-0000-000000000000`
		)
	);
	const raw = JSON.stringify( { eventType: 'DEPOSIT_COMPLETED', data: {} } );
	const secret = (
		await t.bridge.ctx.db.query< { s: string } >(
			'select a.api_secret as s from sandbox_accounts a join shops s on s.processor_api_key = a.api_key where s.id = $1',
			[ shop.id ]
		)
	)[ 0 ]!.s;
	const hook = await fetch( `${ t.url }/processor-webhooks/${ shop.id }`, {
		method: 'POST',
		body: raw,
		headers: {
			'x-webhook-auth': createHash( 'sha256' )
				.update( secret + raw )
				.digest( 'hex' ),
		},
	} );
	check( 'post', '/processor-webhooks/{shopId}', {
		status: hook.status,
		body: await hook.json(),
	} );
	const ready = await fetch( `${ t.url }/health/ready` );
	check( 'get', '/health/ready', {
		status: ready.status,
		body: await ready.json(),
	} );
} );

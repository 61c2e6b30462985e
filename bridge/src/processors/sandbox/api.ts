import express, {
	type NextFunction,
	type Request,
	type Response,
} from 'express';
import type { Logger } from 'pino';
import { sandboxAccount } from './accounts';
import { readCharge, totalOf } from './charge';
import type { SandboxDb } from './db';
import { resourceId } from './ids';
import {
	BILLING_CURRENCIES,
	CHECKOUT_LANGUAGES,
	SETTLEMENT_ASSETS,
} from './reference';
import { expectedDigest, sameText } from './signing';
import {
	deleteSandboxCustomer,
	findSandboxCheckout,
	findSandboxCustomer,
	insertSandboxCheckout,
	insertSandboxCustomer,
	listSandboxCustomers,
	updateSandboxCustomer,
} from './store';
import type { Vintage } from './vintages';

export interface SandboxDeps {
	db: SandboxDb;
	log: Logger;
	publicUrl: () => string;
}

/** How far a request's X-Digest-Timestamp may be from the processor's clock. */
const WINDOW_SECONDS = 300;

/** Customer fields and the longest value the processor's own forms allow (its WordPress checkout form). */
const CUSTOMER_FIELDS: Record< string, number > = {
	email: 64,
	firstname: 32,
	lastname: 32,
	company: 64,
	adr1: 32,
	adr2: 32,
	zip: 12,
	city: 64,
	countrycode: 2,
	phonenumber: 16,
	taxid: 32,
};

function fail( res: Response, status: number, ...errors: string[] ) {
	res.status( status ).json( { errors } );
}

type Json = Record< string, unknown >;
/** Text as PHP's JSON reading gives it: strings as they are, numbers written out, anything else none. */
function asText( v: unknown ): string | null {
	if ( typeof v === 'string' ) return v;
	return typeof v === 'number' ? String( v ) : null;
}
const obj = ( v: unknown ): Json | null =>
	v && typeof v === 'object' && ! Array.isArray( v ) ? ( v as Json ) : null;

/** A customer as the processor reads it: `null` and absent are the same, numbers are text, email is required. */
function readCustomer(
	input: unknown,
	requireEmail: boolean
): { data: Json; errors: string[] } {
	const c = obj( input ) ?? {};
	const data: Json = {};
	const errors: string[] = [];
	for ( const [ field, max ] of Object.entries( CUSTOMER_FIELDS ) ) {
		const v = c[ field ];
		if ( v === null || v === undefined || v === '' ) continue;
		const value = asText( v );
		if ( value === null )
			errors.push( `customer.${ field } must be text.` );
		else if ( value.length > max )
			errors.push(
				`customer.${ field } is longer than ${ max } characters.`
			);
		else data[ field ] = value;
	}
	if ( obj( c.meta ) ) data.meta = c.meta;
	if (
		requireEmail &&
		! (
			typeof data.email === 'string' &&
			/^[^@\s]+@[^@\s]+$/.test( data.email )
		)
	)
		errors.push(
			'customer.email is required and must be an email address.'
		);
	return { data, errors };
}

/**
 * The processor's API, served locally and labelled SANDBOX: same paths, the X-Digest-* signature over
 * `endpoint + timestamp + METHOD + body` (`GET /time` needs none, as the PHP SDK calls it unsigned),
 * `{errors: [...]}` on failure, and the behaviour of the vintage the calling account plays.
 */
export function sandboxApi( deps: SandboxDeps ): express.Router {
	const router = express.Router();
	router.use( express.raw( { type: () => true, limit: '1mb' } ) );

	// Unsigned, as the PHP SDK calls it; an X-Digest-Key, if sent, picks the account's (vintage's) clock.
	router.get( '/time', async ( req, res ) => {
		const key = req.get( 'x-digest-key' );
		const account = key ? await sandboxAccount( deps.db, key ) : null;
		res.json( {
			time: Math.floor(
				Date.now() / 1000 + ( account?.vintage.clockAheadSeconds ?? 0 )
			),
		} );
	} );

	router.use( async ( req: Request, res: Response, next: NextFunction ) => {
		const key = req.get( 'x-digest-key' );
		const timestamp = req.get( 'x-digest-timestamp' );
		const signature = req.get( 'x-digest-signature' );
		if ( ! key || ! timestamp || ! signature )
			return fail(
				res,
				401,
				'Missing X-Digest-Key, X-Digest-Timestamp or X-Digest-Signature header.'
			);
		const account = await sandboxAccount( deps.db, key );
		const now =
			Date.now() / 1000 + ( account?.vintage.clockAheadSeconds ?? 0 );
		if (
			! /^\d+$/.test( timestamp ) ||
			Math.abs( now - Number( timestamp ) ) > WINDOW_SECONDS
		)
			return fail(
				res,
				401,
				'X-Digest-Timestamp is stale or malformed.'
			);
		const raw = Buffer.isBuffer( req.body )
			? req.body.toString( 'utf8' )
			: '';
		if (
			! account ||
			! sameText(
				signature.toLowerCase(),
				expectedDigest(
					account.secret,
					req.path,
					timestamp,
					req.method,
					raw
				)
			)
		) {
			return fail( res, 401, 'Invalid API key or signature.' );
		}
		let json: unknown;
		try {
			json = raw === '' ? {} : JSON.parse( raw );
		} catch {
			return fail( res, 400, 'The request body is not JSON.' );
		}
		res.locals.apiKey = key;
		res.locals.vintage = account.vintage;
		res.locals.json = json;
		next();
	} );

	router.get( '/auth-test', ( _req, res ) => {
		res.json( { result: 'success', sandbox: true } );
	} );

	router.get( '/currencies', ( _req, res ) => {
		res.json( {
			currencies: Object.entries( BILLING_CURRENCIES ).map(
				( [ currencyCode, c ] ) => ( { currencyCode, name: c.name } )
			),
		} );
	} );
	router.get( '/assets', ( _req, res ) => {
		res.json( { assets: SETTLEMENT_ASSETS } );
	} );
	router.get( '/languages', ( _req, res ) => {
		res.json( { languages: CHECKOUT_LANGUAGES } );
	} );

	router.post( '/customer', async ( _req, res ) => {
		const { data, errors } = readCustomer(
			obj( res.locals.json )?.customer,
			true
		);
		if ( errors.length ) return fail( res, 400, ...errors );
		const id = resourceId();
		await insertSandboxCustomer( deps.db, id, res.locals.apiKey, data );
		res.json( { customerId: id } );
	} );

	router.put( '/customer', async ( _req, res ) => {
		const customer = obj( obj( res.locals.json )?.customer );
		const id = typeof customer?.id === 'string' ? customer.id : '';
		const { data, errors } = readCustomer( customer, false );
		if ( ! id ) errors.push( 'customer.id is required.' );
		if ( errors.length ) return fail( res, 400, ...errors );
		if (
			! ( await updateSandboxCustomer(
				deps.db,
				id,
				res.locals.apiKey,
				data
			) )
		)
			return fail( res, 404, `Customer ${ id } not found.` );
		res.json( { result: 'success' } );
	} );

	// Both documented shapes: `{id}` (Node and Ruby SDKs) and `{customer: {id}}` (PHP SDK).
	router.delete( '/customer', async ( _req, res ) => {
		const body = obj( res.locals.json ) ?? {};
		const id =
			asText( body.id ) ?? asText( obj( body.customer )?.id ) ?? '';
		if ( ! id ) return fail( res, 400, 'id is required.' );
		if (
			! ( await deleteSandboxCustomer( deps.db, id, res.locals.apiKey ) )
		)
			return fail( res, 404, `Customer ${ id } not found.` );
		res.json( { result: 'success' } );
	} );

	router.get( '/customers', async ( _req, res ) => {
		res.json( {
			customers: await listSandboxCustomers( deps.db, res.locals.apiKey ),
		} );
	} );

	router.post( '/checkout/validate-checkout-charge', ( _req, res ) => {
		const { charge, errors } = readCharge( obj( res.locals.json )?.charge );
		if ( ! charge ) return fail( res, 400, ...errors );
		const { total, decimals } = totalOf(
			charge,
			( res.locals.vintage as Vintage ).roundingDifferenceCents
		);
		res.json( { total: Number( total ), decimals } );
	} );

	router.post( '/checkout/hosted', async ( _req, res ) => {
		const body = obj( res.locals.json ) ?? {};
		const { charge, errors } = readCharge( body.charge );
		if ( ! charge ) return fail( res, 400, ...errors );
		if (
			charge.customerId &&
			! ( await findSandboxCustomer( deps.db, charge.customerId ) )
		)
			return fail(
				res,
				400,
				`Customer ${ charge.customerId } not found.`
			);
		const { total } = totalOf(
			charge,
			( res.locals.vintage as Vintage ).roundingDifferenceCents
		);
		if ( Number( total ) <= 0 )
			return fail(
				res,
				400,
				'The charge total must be greater than zero.'
			);
		if (
			typeof body.settlementAsset === 'string' &&
			! SETTLEMENT_ASSETS.some( ( a ) => a.id === body.settlementAsset )
		)
			return fail(
				res,
				400,
				`settlementAsset ${ body.settlementAsset } is not supported.`
			);
		if (
			typeof body.checkoutLanguage === 'string' &&
			! CHECKOUT_LANGUAGES.some(
				( l ) => l.languageCode === body.checkoutLanguage
			)
		)
			return fail(
				res,
				400,
				`checkoutLanguage ${ body.checkoutLanguage } is not supported.`
			);
		const id = resourceId();
		await insertSandboxCheckout( deps.db, {
			id,
			api_key: res.locals.apiKey,
			body,
			total,
		} );
		res.json( {
			id,
			url: `${ deps.publicUrl() }/sandbox/checkout/${ id }`,
		} );
	} );

	router.get( '/checkout', async ( req, res ) => {
		const id = typeof req.query.id === 'string' ? req.query.id : '';
		const checkout = await findSandboxCheckout( deps.db, id );
		if ( ! checkout || checkout.api_key !== res.locals.apiKey )
			return fail( res, 404, `Checkout ${ id } not found.` );
		const vintage = res.locals.vintage as Vintage;
		res.json( {
			checkout: {
				id: checkout.id,
				state: vintage.states[ checkout.state ],
				billingCurrency:
					checkout.body.charge?.billingCurrency ??
					checkout.body.charge?.currency,
				total: checkout.total,
				...( checkout.received
					? { settlementAmountReceived: checkout.received }
					: {} ),
			},
		} );
	} );

	router.use( ( _req, res ) => fail( res, 404, 'Unknown endpoint.' ) );
	return router;
}

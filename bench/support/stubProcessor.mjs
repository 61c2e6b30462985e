// A stand-in processor for the checkout benchmark: answers the Whalestack endpoints the checkout path
// calls, at once, so the bridge's own CPU can be measured. It checks nothing and is never used by
// tests or `npm start` (those use the sandbox). Prints its port on stdout.
import { randomBytes } from 'node:crypto';
import http from 'node:http';

const id = () => randomBytes( 6 ).toString( 'hex' );

/** The charge's total as a processor would write it: lines, then the tax percentages on their sum. */
function totalOf( charge ) {
	const net = ( charge?.lineItems ?? [] ).reduce(
		( sum, line ) =>
			sum + Number( line.netAmount ) * Number( line.quantity ?? 1 ),
		0
	);
	const taxes = ( charge?.taxItems ?? [] ).reduce(
		( sum, tax ) => sum + Number( tax.percent ),
		0
	);
	return Math.round( net * ( 1 + taxes ) * 100 ) / 100;
}

const answers = {
	'GET /time': () => ( { time: Math.floor( Date.now() / 1000 ) } ),
	'GET /auth-test': () => ( { result: 'success' } ),
	'GET /currencies': () => ( {
		currencies: [ { currencyCode: 'EUR' }, { currencyCode: 'USD' } ],
	} ),
	'GET /assets': () => ( { assets: [ { id: 'BTC:GAX' } ] } ),
	'GET /languages': () => ( { languages: [ { languageCode: 'en' } ] } ),
	'POST /customer': () => ( { customerId: id() } ),
	'PUT /customer': () => ( { result: 'success' } ),
	'DELETE /customer': () => ( { result: 'success' } ),
	'POST /checkout/validate-checkout-charge': ( body ) => ( {
		total: totalOf( body.charge ),
		decimals: 2,
	} ),
	'POST /checkout/hosted': () => {
		const checkoutId = id();
		return {
			id: checkoutId,
			url: `https://stub.invalid/checkout/${ checkoutId }`,
		};
	},
};

const server = http.createServer( ( req, res ) => {
	const chunks = [];
	req.on( 'data', ( c ) => chunks.push( c ) );
	req.on( 'end', () => {
		const path = new URL( req.url, 'http://stub' ).pathname.replace(
			/^\/api\/v1/,
			''
		);
		const answer = answers[ `${ req.method } ${ path }` ];
		const body = chunks.length
			? JSON.parse( Buffer.concat( chunks ).toString() )
			: {};
		res.writeHead( answer ? 200 : 404, {
			'content-type': 'application/json',
		} );
		res.end(
			JSON.stringify(
				answer ? answer( body ) : { errors: [ 'not found' ] }
			)
		);
	} );
} );
server.keepAliveTimeout = 65_000;
server.listen( 0, '127.0.0.1', () =>
	console.log( JSON.stringify( { port: server.address().port } ) )
);
process.on( 'SIGTERM', () => process.exit( 0 ) );

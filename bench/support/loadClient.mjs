// The checkout benchmark's load client, in a process of its own so its work is not the server's:
// sends signed checkout requests at a given concurrency and prints the latencies as JSON.
//   node loadClient.mjs '{"url": …, "keyId": …, "secret": …, "requests": 400, "concurrency": 16, "warmup": 20}'
import { randomUUID } from 'node:crypto';
import { signatureHeaders } from '../../bridge/dist/security/requestSigning.js';

const { url, keyId, secret, requests, concurrency, warmup } = JSON.parse(
	process.argv[ 2 ]
);
const target = new URL( '/v1/checkouts', url );

function checkoutBody( i ) {
	return JSON.stringify( {
		level: 'minimal',
		customer: {
			firstName: 'Bench',
			lastName: `Mark ${ i }`,
			email: `bench-${ randomUUID() }@example.com`,
		},
		orderRef: `bench-${ i }-${ randomUUID().slice( 0, 8 ) }`,
		currency: 'EUR',
		lineItems: [
			{ description: 'Tea cup', netAmount: '19.99', quantity: 3 },
			{ description: 'Saucer', netAmount: '5.00', quantity: 1 },
		],
		taxItems: [ { name: 'VAT', percent: '0.19' } ],
		expectedTotal: '77.31',
		returnUrl: 'https://shop.example/return',
		cancelUrl: 'https://shop.example/cancel',
	} );
}

async function send( i ) {
	const body = checkoutBody( i );
	const res = await fetch( target, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'idempotency-key': randomUUID(),
			...( keyId
				? signatureHeaders(
						keyId,
						secret,
						'POST',
						'/v1/checkouts',
						body
					)
				: {} ),
		},
		body,
	} );
	await res.arrayBuffer();
	return res.status;
}

for ( let i = 0; i < warmup; i++ ) await send( -1 - i );
process.send?.( 'warm' );
await new Promise( ( resolve ) => process.once( 'message', resolve ) );

const latencies = [];
let errors = 0;
let next = 0;
const started = performance.now();
await Promise.all(
	Array.from( { length: concurrency }, async () => {
		while ( next < requests ) {
			const i = next++;
			const t0 = performance.now();
			const status = await send( i );
			latencies.push( performance.now() - t0 );
			if ( status >= 300 ) errors++;
		}
	} )
);
const seconds = ( performance.now() - started ) / 1000;
process.send?.( { latencies, errors, seconds } );

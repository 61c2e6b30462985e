import http from 'node:http';
import https from 'node:https';

/**
 * One keep-alive connection pool per protocol for every processor call of this process: a checkout
 * makes three calls in a row, and a new TLS connection for each would cost more than the call. Idle
 * connections are closed after 4 s, before a server is likely to close them under a request.
 * node:http rather than fetch: a third of the CPU for the same exchange. Redirects are not followed
 * (a signed request is for the URL it was signed for): a 3xx is the processor refusing the request.
 */
const agents = {
	'http:': new http.Agent( { keepAlive: true, timeout: 4000 } ),
	'https:': new https.Agent( { keepAlive: true, timeout: 4000 } ),
};

/** Some firewalls in front of APIs refuse a request that names no client. */
const USER_AGENT = 'crypto-customer-bridge';
/** No processor answer is near this; a larger one is cut off rather than held in memory. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export interface Exchange {
	status: number;
	text: string;
}

/** Thrown when no answer came in time (the whole exchange, body included). */
export class ExchangeTimeout extends Error {
	constructor() {
		super( 'no answer in time' );
		this.name = 'TimeoutError';
	}
}

/** An HTTP request and its whole answer as text; rejects on a network failure or after `timeoutMs`. */
export function exchange(
	url: string,
	init: {
		method: string;
		headers: Record< string, string >;
		body?: string;
		timeoutMs: number;
	}
): Promise< Exchange > {
	const target = new URL( url );
	const protocol = target.protocol as keyof typeof agents;
	if ( ! ( protocol in agents ) )
		return Promise.reject(
			new Error( `unsupported protocol ${ target.protocol }` )
		);
	return new Promise( ( resolve, reject ) => {
		const headers: Record< string, string > = {
			'user-agent': USER_AGENT,
			...init.headers,
		};
		if ( init.body !== undefined )
			headers[ 'content-length' ] = String(
				Buffer.byteLength( init.body )
			);
		const request = ( protocol === 'https:' ? https : http ).request(
			target,
			{ method: init.method, agent: agents[ protocol ], headers },
			( response ) => {
				const chunks: Buffer[] = [];
				let size = 0;
				response.on( 'data', ( chunk: Buffer ) => {
					size += chunk.length;
					if ( size > MAX_ANSWER_BYTES )
						request.destroy(
							new Error( 'the answer is too large' )
						);
					else chunks.push( chunk );
				} );
				response.on( 'end', () => {
					clearTimeout( timer );
					resolve( {
						status: response.statusCode ?? 0,
						// A byte order mark before the JSON is not part of it.
						text: Buffer.concat( chunks )
							.toString( 'utf8' )
							.replace( /^\uFEFF/, '' ),
					} );
				} );
				response.on( 'error', fail );
				response.on( 'aborted', () =>
					fail( new Error( 'the answer was cut off' ) )
				);
			}
		);
		function fail( error: Error ) {
			clearTimeout( timer );
			reject( error );
		}
		const timer = setTimeout( () => {
			request.destroy( new ExchangeTimeout() );
		}, init.timeoutMs );
		request.on( 'error', fail );
		request.end( init.body );
	} );
}

import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
	'pass' | 'down' | 'slow' | '500' | 'errors' | 'garbage' | 'fail-checkout';

/**
 * A network fault between the bridge and a processor: forwards requests untouched to `target`
 * (the sandbox API) in mode `pass`, or fails the way real networks and APIs do.
 */
export async function startFaultProxy() {
	let target = '';
	let mode: FaultMode = 'pass';
	const calls: Array< { method: string; path: string; body: string } > = [];
	const server = createServer(
		async ( req: IncomingMessage, res: ServerResponse ) => {
			const chunks: Buffer[] = [];
			for await ( const c of req ) chunks.push( c as Buffer );
			calls.push( {
				method: req.method ?? '',
				path: req.url ?? '',
				body: Buffer.concat( chunks ).toString( 'utf8' ),
			} );
			if ( mode === 'down' ) return void req.socket.destroy();
			if (
				mode === 'fail-checkout' &&
				req.url?.startsWith( '/checkout/hosted' )
			)
				return void res.writeHead( 503 ).end();
			if ( mode === 'slow' )
				return void setTimeout(
					() => res.writeHead( 200 ).end( '{}' ),
					5000
				).unref();
			if ( mode === '500' )
				return void res
					.writeHead( 500, { 'content-type': 'text/html' } )
					.end( '<h1>Internal Server Error</h1>' );
			if ( mode === 'errors' )
				return void res
					.writeHead( 400, { 'content-type': 'application/json' } )
					.end( '{"errors":["settlementAsset is not supported"]}' );
			if ( mode === 'garbage' )
				return void res
					.writeHead( 200, { 'content-type': 'application/json' } )
					.end( '{"unexpected":true}' );
			const headers: Record< string, string > = {};
			for ( const [ k, v ] of Object.entries( req.headers ) )
				if (
					typeof v === 'string' &&
					k !== 'host' &&
					k !== 'content-length'
				)
					headers[ k ] = v;
			const upstream = await fetch( target + ( req.url ?? '' ), {
				method: req.method,
				headers,
				body: chunks.length ? Buffer.concat( chunks ) : undefined,
			} );
			res.writeHead( upstream.status, {
				'content-type':
					upstream.headers.get( 'content-type' ) ??
					'application/json',
			} ).end( Buffer.from( await upstream.arrayBuffer() ) );
		}
	);
	let connections = 0;
	server.on( 'connection', () => connections++ );
	await new Promise< void >( ( r ) =>
		server.listen( 0, '127.0.0.1', () => r() )
	);
	return {
		url: `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }`,
		calls,
		/** TCP connections the bridge opened to the proxy so far. */
		connections: () => connections,
		setTarget( url: string ) {
			target = url;
		},
		setMode( m: FaultMode ) {
			mode = m;
		},
		close: () => {
			server.closeAllConnections();
			return new Promise< void >( ( r ) => server.close( () => r() ) );
		},
	};
}

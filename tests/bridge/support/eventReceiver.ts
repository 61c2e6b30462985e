import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { safeEqual } from '../../../bridge/src/security/compare';
import {
	computeSignature,
	SIGNATURE_HEADERS,
} from '../../../bridge/src/security/requestSigning';

export interface ReceivedEvent {
	id: string;
	type: string;
	data: any;
	signatureValid: boolean;
}

/** A shop's event endpoint: records what arrives, checks each signature, and can be told to fail. */
export async function startEventReceiver( secret: () => string, port = 0 ) {
	const events: ReceivedEvent[] = [];
	let failWith: number | null = null;
	const server: Server = createServer( ( req, res ) => {
		const chunks: Buffer[] = [];
		req.on( 'data', ( c ) => chunks.push( c ) );
		req.on( 'end', () => {
			if ( failWith ) {
				res.writeHead( failWith ).end();
				return;
			}
			const body = Buffer.concat( chunks );
			const header = ( name: string ) =>
				String( req.headers[ name ] ?? '' );
			const expected = computeSignature( secret(), {
				timestamp: header( SIGNATURE_HEADERS.timestamp ),
				nonce: header( SIGNATURE_HEADERS.nonce ),
				method: req.method ?? 'POST',
				pathWithQuery: req.url ?? '/',
				body,
			} );
			const event = JSON.parse( body.toString( 'utf8' ) );
			events.push( {
				...event,
				signatureValid: safeEqual(
					header( SIGNATURE_HEADERS.signature ),
					expected
				),
			} );
			res.writeHead( 200, { 'content-type': 'application/json' } ).end(
				'{"ok":true}'
			);
		} );
	} );
	await new Promise< void >( ( r ) =>
		server.listen( port, '127.0.0.1', () => r() )
	);
	const address = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${ address.port }/events`,
		port: address.port,
		events,
		fail( status: number | null ) {
			failWith = status;
		},
		close: () => new Promise< void >( ( r ) => server.close( () => r() ) ),
	};
}

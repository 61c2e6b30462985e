import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { metrics } from '../metrics';
import { runInRequest } from '../requestContext';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Ties a shop's request to the bridge's log lines: the caller's X-Request-Id (the WordPress plugin sends
 * one per PHP request) is kept if it looks like an id, otherwise one is made; it is returned, and
 * every log line written while the request runs carries it. Also times the request for /metrics.
 */
export function requestId(
	req: Request,
	res: Response,
	next: NextFunction
): void {
	const given = req.get( 'x-request-id' );
	const id = given && ACCEPTABLE.test( given ) ? given : randomUUID();
	res.set( 'X-Request-Id', id );
	const stop = metrics.httpRequests.startTimer( { method: req.method } );
	res.on( 'finish', () =>
		stop( { route: routeOf( req ), status: String( res.statusCode ) } )
	);
	runInRequest( id, next );
}

/** The path with its ids replaced (`/v1/customers/:id`): raw ids would explode the label set. */
function routeOf( req: Request ): string {
	if ( res404( req ) ) return 'unmatched';
	return req.originalUrl
		.split( '?' )[ 0 ]!
		.split( '/' )
		.map( ( segment ) =>
			/^[0-9a-f-]{36}$/i.test( segment ) ||
			( /\d/.test( segment ) && segment.length >= 8 )
				? ':id'
				: segment
		)
		.join( '/' );
}

const res404 = ( req: Request ) => req.res?.statusCode === 404 && ! req.route;

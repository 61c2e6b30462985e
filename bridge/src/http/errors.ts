import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';
import { CursorError } from '../store/paging';

/** Errors that are the request's fault, whoever raised them, as our codes (400s, never a 500). */
function knownError( err: unknown ): AppError | null {
	if ( err instanceof AppError ) return err;
	if ( err instanceof CursorError )
		return new AppError(
			'invalid_cursor',
			'This page cursor is not valid for this list. Start again from the first page.'
		);
	// The router decodes path parameters; a malformed percent-encoding ("%ZZ") is the client's mistake.
	if ( err instanceof URIError )
		return new AppError(
			'malformed_url',
			'The address contains a malformed percent-encoding.'
		);
	const type = ( err as { type?: string } | null )?.type;
	if ( type === 'entity.parse.failed' )
		return new AppError(
			'invalid_json',
			'The request body is not valid JSON.'
		);
	if ( type === 'entity.too.large' )
		return new AppError(
			'payload_too_large',
			'The request body is too large.'
		);
	if (
		type === 'request.aborted' ||
		type === 'encoding.unsupported' ||
		type === 'charset.unsupported'
	)
		return new AppError(
			'invalid_json',
			'The request body could not be read.'
		);
	return null;
}

export function notFound( req: Request, _res: Response, next: NextFunction ) {
	next(
		new AppError(
			'not_found',
			`No route for ${ req.method } ${ req.path }.`
		)
	);
}

/** Every error leaves as JSON with a stable code; unexpected ones are logged and never show their stack. */
export function errorHandler( log: Logger ) {
	return (
		err: unknown,
		req: Request,
		res: Response,
		_next: NextFunction
	) => {
		const error = knownError( err );
		if ( ! error ) {
			log.error(
				{ err, method: req.method, path: req.path },
				'unhandled error'
			);
			res.status( 500 ).json(
				new AppError(
					'internal_error',
					'Something went wrong in the bridge. It has been logged.'
				).toBody()
			);
			return;
		}
		if ( error.status >= 500 )
			log.warn( { code: error.code, path: req.path }, error.message );
		res.status( error.status ).json( error.toBody() );
	};
}

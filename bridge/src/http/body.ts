import express, {
	type NextFunction,
	type Request,
	type Response,
} from 'express';
import { AppError } from '../domain/errors';

/**
 * Keeps the exact bytes of every request body (signatures are over bytes, not parsed JSON) and
 * parses JSON bodies, answering 413/415/400 with our error codes instead of Express's HTML.
 */
export function jsonBody( limitBytes: number ) {
	const raw = express.raw( { type: () => true, limit: limitBytes } );
	return [
		( req: Request, res: Response, next: NextFunction ) =>
			raw( req, res, ( err?: unknown ) => {
				if ( ! err ) return next();
				const type = ( err as { type?: string } ).type;
				if ( type === 'entity.too.large' )
					return next(
						new AppError(
							'payload_too_large',
							`The request body is larger than ${ limitBytes } bytes.`
						)
					);
				if (
					type === 'encoding.unsupported' ||
					type === 'charset.unsupported'
				) {
					return next(
						new AppError(
							'unsupported_media_type',
							'Send the body as UTF-8 JSON.'
						)
					);
				}
				next(
					new AppError(
						'invalid_json',
						'The request body could not be read.'
					)
				);
			} ),
		( req: Request, res: Response, next: NextFunction ) => {
			const bytes: Buffer = Buffer.isBuffer( req.body )
				? req.body
				: Buffer.alloc( 0 );
			res.locals.rawBody = bytes;
			res.locals.json = undefined;
			if ( bytes.length === 0 ) return next();
			if ( ! req.is( 'application/json' ) ) {
				return next(
					new AppError(
						'unsupported_media_type',
						'Send the body as application/json.'
					)
				);
			}
			try {
				res.locals.json = JSON.parse( bytes.toString( 'utf8' ) );
			} catch {
				return next(
					new AppError(
						'invalid_json',
						'The request body is not valid JSON.'
					)
				);
			}
			next();
		},
	];
}

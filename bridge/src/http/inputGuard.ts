import type { NextFunction, Request, Response } from 'express';
import { FIELD_MESSAGES, hasUnstorableCharacters } from '../contract';
import { AppError } from '../domain/errors';

/** JSON deeper than this is not a request any client of ours sends. */
export const MAX_DEPTH = 32;

type Problem = { path: string; kind: 'characters' | 'depth' };

/**
 * Finds the first string (value or key) PostgreSQL cannot store — a NUL byte or a lone UTF-16
 * surrogate — or nesting beyond `MAX_DEPTH`, anywhere in the input, including fields a level
 * later drops. Iterative, so a hostile depth cannot overflow the stack.
 */
function firstProblem( root: unknown ): Problem | null {
	const stack: Array< { value: unknown; path: string[] } > = [
		{ value: root, path: [] },
	];
	while ( stack.length ) {
		const { value, path } = stack.pop()!;
		if ( typeof value === 'string' ) {
			if ( hasUnstorableCharacters( value ) )
				return { path: path.join( '.' ) || '_', kind: 'characters' };
			continue;
		}
		if ( value === null || typeof value !== 'object' ) continue;
		if ( path.length >= MAX_DEPTH )
			return { path: path.join( '.' ), kind: 'depth' };
		for ( const [ key, child ] of Object.entries( value ) ) {
			if ( hasUnstorableCharacters( key ) )
				return {
					path: [ ...path, '_key' ].join( '.' ),
					kind: 'characters',
				};
			stack.push( { value: child, path: [ ...path, key ] } );
		}
	}
	return null;
}

/** Throws the 400 for input PostgreSQL could not store or that nests too deeply. */
export function checkStorable( input: unknown ): void {
	const problem = firstProblem( input );
	if ( ! problem ) return;
	if ( problem.kind === 'depth' )
		throw new AppError(
			'invalid_json',
			`The request is nested too deeply (at most ${ MAX_DEPTH } levels).`
		);
	throw new AppError(
		'validation_failed',
		'Some fields contain characters that cannot be stored.',
		{
			fields: {
				[ problem.path ]: {
					code: 'invalid_characters',
					message: FIELD_MESSAGES.invalid_characters,
				},
			},
		}
	);
}

/** Refuses such input in the query and the JSON body before any route sees it. */
export function inputGuard(
	req: Request,
	res: Response,
	next: NextFunction
): void {
	checkStorable( req.query );
	checkStorable( res.locals.json );
	next();
}

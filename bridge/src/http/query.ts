import { z } from 'zod';
import { fieldErrorsFrom, UUID_PATTERN } from '../contract';
import { AppError } from '../domain/errors';

/** Parses query or body input with a schema; failures become a 400 with per-field messages. */
export function parseInput< T >(
	schema: z.ZodType< T >,
	input: unknown,
	prefix = ''
): T {
	const parsed = schema.safeParse( input ?? {} );
	if ( ! parsed.success )
		throw new AppError(
			'validation_failed',
			'Some fields are missing or not valid.',
			{ fields: fieldErrorsFrom( parsed.error, prefix ) }
		);
	return parsed.data;
}

export const pageQuerySchema = z.object( {
	limit: z.coerce.number().int().min( 1 ).max( 200 ).default( 50 ),
	// Checked completely (shape, sort, every value's type) where the page is read: a bad one is 400 invalid_cursor.
	cursor: z.string().max( 1000 ).optional(),
} );

export const uuidSchema = z
	.string()
	.regex( new RegExp( `^${ UUID_PATTERN }$` ) );

/** Empty query values mean "no filter", as a form sends them (`?q=&country=`). */
export function withoutBlanks( query: unknown ): Record< string, unknown > {
	return Object.fromEntries(
		Object.entries( ( query ?? {} ) as Record< string, unknown > ).filter(
			( [ , v ] ) => v !== ''
		)
	);
}

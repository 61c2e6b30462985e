import type { Request, Response } from 'express';
import type { StoredResponse } from '../domain/idempotency';
import { z } from 'zod';
import { AppError } from '../domain/errors';

const keySchema = z.string().regex( /^[\x21-\x7e]{1,255}$/ );

/** The Idempotency-Key every creating request must carry, so a retry never creates a second thing. */
export function idempotencyKeyOf( req: Request ): string {
	const key = req.get( 'idempotency-key' );
	if ( ! key || ! keySchema.safeParse( key ).success ) {
		throw new AppError(
			'idempotency_key_required',
			'Send an Idempotency-Key header (1–255 visible characters) so a retry never creates a second charge or customer.'
		);
	}
	return key;
}

/** Answers with a creating request's result; a replay says so in `Idempotent-Replayed`. */
export function sendOnce(
	res: Response,
	result: StoredResponse & { replayed: boolean }
): void {
	if ( result.replayed ) res.set( 'idempotent-replayed', 'true' );
	res.status( result.status ).json( result.body );
}

import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../domain/errors';

const keySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/);

/** The Idempotency-Key every creating request must carry, so a retry never creates a second thing. */
export function idempotencyKeyOf(req: Request): string {
  const key = req.get('idempotency-key');
  if (!key || !keySchema.safeParse(key).success) {
    throw new AppError('idempotency_key_required', 'Send an Idempotency-Key header (1–255 visible characters) so a retry never creates a second charge or customer.');
  }
  return key;
}

import type { Queryable } from './db';

export interface IdempotencyRow {
  request_hash: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
  locked_at: string;
  stale: boolean;
}

/** Claims the key for this request; returns null when claimed, else the existing record. */
export async function claimIdempotencyKey(db: Queryable, shopId: string, key: string, requestHash: string): Promise<IdempotencyRow | null> {
  const inserted = await db.query(
    `insert into idempotency_keys (shop_id, key, request_hash, state) values ($1, $2, $3, 'in_progress')
     on conflict do nothing returning 1`,
    [shopId, key, requestHash],
  );
  if (inserted.length) return null;
  return findIdempotencyKey(db, shopId, key);
}

export async function findIdempotencyKey(db: Queryable, shopId: string, key: string, staleAfterSeconds = 60): Promise<IdempotencyRow | null> {
  const rows = await db.query<IdempotencyRow>(
    `select request_hash, state, response_status, response_body, locked_at,
            locked_at < now() - make_interval(secs => $3) as stale
       from idempotency_keys where shop_id = $1 and key = $2`,
    [shopId, key, staleAfterSeconds],
  );
  return rows[0] ?? null;
}

/** Takes over a claim whose holder died mid-request; only one taker wins. */
export async function takeOverStaleKey(db: Queryable, shopId: string, key: string, staleAfterSeconds = 60): Promise<boolean> {
  const rows = await db.query(
    `update idempotency_keys set locked_at = now()
      where shop_id = $1 and key = $2 and state = 'in_progress' and locked_at < now() - make_interval(secs => $3) returning 1`,
    [shopId, key, staleAfterSeconds],
  );
  return rows.length === 1;
}

export async function completeIdempotencyKey(db: Queryable, shopId: string, key: string, status: number, body: unknown): Promise<void> {
  await db.query(
    `update idempotency_keys set state = 'completed', response_status = $3, response_body = $4::jsonb where shop_id = $1 and key = $2`,
    [shopId, key, status, JSON.stringify(body)],
  );
}

/** A failed attempt leaves no trace, so a retry with the same key runs the work again. */
export async function releaseIdempotencyKey(db: Queryable, shopId: string, key: string): Promise<void> {
  await db.query(`delete from idempotency_keys where shop_id = $1 and key = $2 and state = 'in_progress'`, [shopId, key]);
}

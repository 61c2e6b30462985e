import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import { claimIdempotencyKey, releaseIdempotencyKey, takeOverStaleKey } from '../store/idempotency';
import { AppError } from './errors';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(method: string, path: string, body: Buffer): string {
  return createHash('sha256').update(method).update('\n').update(path).update('\n').update(body).digest('hex');
}

const POLL_MS = 25;

/**
 * Runs a creating request at most once per (shop, key). The states are explicit:
 * - first: this call claims the key, runs `work`, and `work` stores its response in the same
 *   transaction as its records (see `completeIdempotencyKey`);
 * - replay: the key is complete with the same request, so the stored response is returned;
 * - reused: the key was used for a different request → 409;
 * - in progress: another call holds the key, so this one waits for its response (up to `waitMs`);
 * - abandoned: the holder died (its claim is stale), so this call takes the key over.
 * A failed `work` releases the key, so the client's retry with the same key does the work once.
 */
export async function runOnce(
  db: Db,
  scope: { shopId: string; key: string; requestHash: string; waitMs: number },
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const deadline = Date.now() + scope.waitMs;
  for (;;) {
    const existing = await claimIdempotencyKey(db, scope.shopId, scope.key, scope.requestHash);
    if (existing === null) return { ...(await runClaimed(db, scope, work)), replayed: false };
    if (existing.request_hash !== scope.requestHash) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    }
    if (existing.state === 'completed') {
      return { status: existing.response_status ?? 200, body: existing.response_body, replayed: true };
    }
    if (existing.stale && (await takeOverStaleKey(db, scope.shopId, scope.key))) {
      return { ...(await runClaimed(db, scope, work)), replayed: false };
    }
    if (Date.now() >= deadline) {
      throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed. Retry in a moment.');
    }
    // The holder either completes the key (replayed next round) or releases it (claimed next round).
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function runClaimed(db: Db, scope: { shopId: string; key: string }, work: () => Promise<StoredResponse>): Promise<StoredResponse> {
  try {
    return await work();
  } catch (error) {
    await releaseIdempotencyKey(db, scope.shopId, scope.key);
    throw error;
  }
}

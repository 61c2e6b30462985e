import type { Queryable } from '../../store/db';
import { processorId } from './ids';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Signs a shop up with the sandbox: API credentials of the real lengths (key 12, secret 29). */
export async function registerSandboxAccount(db: Queryable): Promise<{ apiKey: string; apiSecret: string }> {
  const apiKey = processorId(12);
  const apiSecret = processorId(29, SECRET_ALPHABET);
  await db.query('insert into sandbox_accounts (api_key, api_secret) values ($1, $2)', [apiKey, apiSecret]);
  return { apiKey, apiSecret };
}

export async function sandboxSecret(db: Queryable, apiKey: string): Promise<string | null> {
  const rows = await db.query<{ api_secret: string }>('select api_secret from sandbox_accounts where api_key = $1', [apiKey]);
  return rows[0]?.api_secret ?? null;
}

import type { Queryable } from '../../store/db';
import type { HostedCheckoutBody, ProcessorCheckoutState } from '../whalestack/protocol';

export interface SandboxCheckout {
  id: string;
  api_key: string;
  body: HostedCheckoutBody;
  state: ProcessorCheckoutState;
  total: string;
  refund_id: string | null;
  created_at: string;
}

export async function insertSandboxCheckout(db: Queryable, c: Pick<SandboxCheckout, 'id' | 'api_key' | 'body' | 'total'>): Promise<void> {
  await db.query(`insert into sandbox_checkouts (id, api_key, body, state, total) values ($1, $2, $3::jsonb, 'OPEN', $4)`, [
    c.id,
    c.api_key,
    JSON.stringify(c.body),
    c.total,
  ]);
}

/** The processor's ids are 12 of [A-Z0-9]; anything else names nothing (and never reaches a query). */
const isId = (id: string) => /^[A-Z0-9]{12}$/.test(id);

export async function findSandboxCheckout(db: Queryable, id: string): Promise<SandboxCheckout | null> {
  if (!isId(id)) return null;
  return (await db.query<SandboxCheckout>('select * from sandbox_checkouts where id = $1', [id]))[0] ?? null;
}

/** Moves a checkout from one state to another; false when it was no longer in `from` (a double click). */
export async function moveSandboxCheckout(db: Queryable, id: string, from: ProcessorCheckoutState[], to: ProcessorCheckoutState, refundId?: string): Promise<boolean> {
  const rows = await db.query(
    `update sandbox_checkouts set state = $3, refund_id = coalesce($4, refund_id), updated_at = now()
      where id = $1 and state = any($2::text[]) returning 1`,
    [id, from, to, refundId ?? null],
  );
  return rows.length === 1;
}

export async function insertSandboxCustomer(db: Queryable, id: string, apiKey: string, data: unknown): Promise<void> {
  await db.query('insert into sandbox_customers (id, api_key, data) values ($1, $2, $3::jsonb)', [id, apiKey, JSON.stringify(data)]);
}

export async function updateSandboxCustomer(db: Queryable, id: string, apiKey: string, data: Record<string, unknown>): Promise<boolean> {
  if (!isId(id)) return false;
  const rows = await db.query(
    `update sandbox_customers set data = data || $3::jsonb, updated_at = now() where id = $1 and api_key = $2 and deleted_at is null returning 1`,
    [id, apiKey, JSON.stringify(data)],
  );
  return rows.length === 1;
}

export async function deleteSandboxCustomer(db: Queryable, id: string, apiKey: string): Promise<boolean> {
  if (!isId(id)) return false;
  const rows = await db.query(
    `update sandbox_customers set data = '{}'::jsonb, deleted_at = now() where id = $1 and api_key = $2 and deleted_at is null returning 1`,
    [id, apiKey],
  );
  return rows.length === 1;
}

export async function findSandboxCustomer(db: Queryable, id: string): Promise<Record<string, string> | null> {
  if (!isId(id)) return null;
  const rows = await db.query<{ data: Record<string, string> }>('select data from sandbox_customers where id = $1 and deleted_at is null', [id]);
  return rows[0]?.data ?? null;
}

export async function listSandboxCustomers(db: Queryable, apiKey: string): Promise<Array<Record<string, unknown>>> {
  const rows = await db.query<{ id: string; data: Record<string, unknown> }>(
    'select id, data from sandbox_customers where api_key = $1 and deleted_at is null order by created_at limit 1000',
    [apiKey],
  );
  return rows.map((r) => ({ id: r.id, ...r.data }));
}

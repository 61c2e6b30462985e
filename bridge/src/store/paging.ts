import type { Queryable } from './db';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new RangeError('bad cursor');
  return [createdAt, id];
}

/**
 * Newest first by (created_at, id), keyset-paged so a deep page costs what the first does.
 * `where` holds conditions over `values` ($1…); the cursor condition and limit are added here.
 * Tables paged this way keep created_at at millisecond precision, so cursors round-trip exactly.
 */
export async function newestFirst<Row, T extends { createdAt: string; id: string }>(
  db: Queryable,
  query: { table: string; where: string[]; values: unknown[]; limit: number; cursor?: string },
  map: (row: Row) => T,
): Promise<Page<T>> {
  const where = [...query.where];
  const values = [...query.values];
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor);
    values.push(createdAt, id);
    where.push(`(created_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  values.push(query.limit + 1);
  const rows = await db.query<Row>(`select * from ${query.table} where ${where.join(' and ')} order by created_at desc, id desc limit $${values.length}`, values);
  const items = rows.slice(0, query.limit).map(map);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

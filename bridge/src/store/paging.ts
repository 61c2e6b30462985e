import type { Queryable } from './db';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One column (or expression) a list is ordered by; the row's id always breaks ties. */
export interface SortKey<Row> {
  expr: string;
  cast: string;
  value: (row: Row) => string;
}

export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length?: number): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw new RangeError('bad cursor');
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string') || (length !== undefined && values.length !== length) || !/^[0-9a-f-]{36}$/.test(values.at(-1) ?? '')) {
    throw new RangeError('bad cursor');
  }
  return values as string[];
}

/**
 * Keyset paging over any sort: rows after the cursor's (keys…, id) in the sort direction, so a deep
 * page costs what the first does when an index matches (shop_id, keys…, id).
 */
export async function keysetPage<Row extends { id: string }, T>(
  db: Queryable,
  query: { table: string; where: string[]; values: unknown[]; keys: SortKey<Row>[]; direction: 'asc' | 'desc'; limit: number; cursor?: string },
  map: (row: Row) => T,
): Promise<Page<T>> {
  const where = [...query.where];
  const values = [...query.values];
  const exprs = [...query.keys.map((k) => k.expr), 'id'];
  if (query.cursor) {
    const after = decodeCursor(query.cursor, exprs.length);
    const casts = [...query.keys.map((k) => k.cast), 'uuid'];
    const params = after.map((v, i) => {
      values.push(v);
      return `$${values.length}::${casts[i]}`;
    });
    where.push(`(${exprs.join(', ')}) ${query.direction === 'asc' ? '>' : '<'} (${params.join(', ')})`);
  }
  values.push(query.limit + 1);
  const order = exprs.map((e) => `${e} ${query.direction}`).join(', ');
  const rows = await db.query<Row>(`select * from ${query.table} where ${where.join(' and ')} order by ${order} limit $${values.length}`, values);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > query.limit && last ? encodeCursor([...query.keys.map((k) => k.value(last)), last.id]) : null,
  };
}

/** How many rows match, counted up to `cap` (a list of a million needs "10,000+", not a full count). */
export async function countUpTo(db: Queryable, table: string, where: string[], values: unknown[], cap: number): Promise<{ count: number; capped: boolean }> {
  const rows = await db.query<{ n: string }>(`select count(*)::text as n from (select 1 from ${table} where ${where.join(' and ')} limit ${cap + 1}) as capped`, values);
  const n = Number(rows[0]?.n ?? 0);
  return { count: Math.min(n, cap), capped: n > cap };
}

export const createdAtKey = <Row extends { created_at: string }>(): SortKey<Row> => ({ expr: 'created_at', cast: 'timestamptz', value: (r) => r.created_at });

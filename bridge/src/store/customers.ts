import type { Customer, CustomerInput, Level } from '../contract';
import type { Queryable } from './db';
import { newestFirst, type Page } from './paging';

interface CustomerRow {
  id: string;
  shop_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  tax_id: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country_code: string | null;
  phone: string | null;
  note: string | null;
  meta: Record<string, string>;
  level: 'minimal' | 'compliant';
  processor_customer_id: string | null;
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Contract field → column. The one place the two vocabularies meet. */
const COLUMNS = {
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  taxId: 'tax_id',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  postalCode: 'postal_code',
  city: 'city',
  countryCode: 'country_code',
  phone: 'phone',
  note: 'note',
} as const satisfies Partial<Record<keyof CustomerInput, keyof CustomerRow>>;
type ColumnField = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as ColumnField[];

function toCustomer(row: CustomerRow): Customer {
  const customer: Customer = {
    id: row.id,
    email: row.email,
    level: row.level,
    processorCustomerId: row.processor_customer_id,
    meta: row.meta,
    erasedAt: row.erased_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  for (const field of FIELDS) {
    const value = row[COLUMNS[field]];
    if (field !== 'email' && value !== null) customer[field] = value;
  }
  return customer;
}

export async function findCustomerByEmail(db: Queryable, shopId: string, emailKey: string): Promise<Customer | null> {
  const rows = await db.query<CustomerRow>('select * from customers where shop_id = $1 and email_key = $2', [shopId, emailKey]);
  return rows[0] ? toCustomer(rows[0]) : null;
}

export async function findCustomer(db: Queryable, shopId: string, id: string): Promise<Customer | null> {
  const rows = await db.query<CustomerRow>('select * from customers where shop_id = $1 and id = $2', [shopId, id]);
  return rows[0] ? toCustomer(rows[0]) : null;
}

export interface NewCustomer {
  id: string;
  shopId: string;
  level: 'minimal' | 'compliant';
  processorCustomerId: string;
  fields: CustomerInput & { email: string };
  emailKey: string;
}

export async function insertCustomer(db: Queryable, c: NewCustomer): Promise<Customer> {
  const present = FIELDS.filter((f) => c.fields[f] !== undefined);
  const columns = ['id', 'shop_id', 'email_key', 'level', 'processor_customer_id', 'meta', ...present.map((f) => COLUMNS[f])];
  const values = [c.id, c.shopId, c.emailKey, c.level, c.processorCustomerId, JSON.stringify(c.fields.meta ?? {}), ...present.map((f) => c.fields[f])];
  const rows = await db.query<CustomerRow>(
    `insert into customers (${columns.join(', ')}) values (${columns.map((col, i) => (col === 'meta' ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ')}) returning *`,
    values,
  );
  return toCustomer(rows[0]!);
}

/** Overwrites the given fields (undefined leaves a field as it is, null clears it) and raises the level if asked. */
export async function updateCustomer(
  db: Queryable,
  shopId: string,
  id: string,
  changes: { [K in ColumnField]?: string | null } & { meta?: Record<string, string>; level?: Level; emailKey?: string },
): Promise<Customer | null> {
  const sets: string[] = [];
  const values: unknown[] = [shopId, id];
  for (const field of FIELDS) {
    if (changes[field] === undefined) continue;
    values.push(changes[field]);
    sets.push(`${COLUMNS[field]} = $${values.length}`);
  }
  if (changes.emailKey !== undefined) {
    values.push(changes.emailKey);
    sets.push(`email_key = $${values.length}`);
  }
  if (changes.meta !== undefined) {
    values.push(JSON.stringify(changes.meta));
    sets.push(`meta = $${values.length}::jsonb`);
  }
  if (changes.level === 'compliant') sets.push(`level = 'compliant'`);
  const rows = await db.query<CustomerRow>(
    `update customers set ${[...sets, 'updated_at = now()'].join(', ')} where shop_id = $1 and id = $2 returning *`,
    values,
  );
  return rows[0] ? toCustomer(rows[0]) : null;
}

/** Clears every personal field; the row stays so payments keep their (now anonymous) customer. */
export async function eraseCustomerRow(db: Queryable, shopId: string, id: string): Promise<Customer | null> {
  const rows = await db.query<CustomerRow>(
    `update customers set ${FIELDS.map((f) => `${COLUMNS[f]} = null`).join(', ')}, email_key = null, meta = '{}',
       erased_at = now(), updated_at = now() where shop_id = $1 and id = $2 and erased_at is null returning *`,
    [shopId, id],
  );
  return rows[0] ? toCustomer(rows[0]) : null;
}

/** Newest first, keyset-paged. `q` matches name, email, company, tax id. */
export async function listCustomers(db: Queryable, shopId: string, opts: { q?: string; limit: number; cursor?: string }): Promise<Page<Customer>> {
  const where = ['shop_id = $1'];
  const values: unknown[] = [shopId];
  if (opts.q) {
    values.push(`%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(
      `(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(company, '') || ' ' || coalesce(tax_id, '')) ilike $${values.length}`,
    );
  }
  return newestFirst(db, { table: 'customers', where, values, limit: opts.limit, cursor: opts.cursor }, toCustomer);
}

/** All of a shop's customers in pages of `batch`, oldest first: for streaming exports with flat memory. */
export async function* iterateCustomers(db: Queryable, shopId: string, batch = 500): AsyncGenerator<Customer> {
  let after: [string, string] | null = null;
  for (;;) {
    const rows: CustomerRow[] = await db.query<CustomerRow>(
      after
        ? `select * from customers where shop_id = $1 and (created_at, id) > ($2::timestamptz, $3::uuid) order by created_at, id limit $4`
        : `select * from customers where shop_id = $1 order by created_at, id limit $2`,
      after ? [shopId, after[0], after[1], batch] : [shopId, batch],
    );
    for (const row of rows) yield toCustomer(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) return;
    after = [last.created_at, last.id];
  }
}

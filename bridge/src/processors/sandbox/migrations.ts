import type { Migration } from '../../store/migrate';

/** The sandbox keeps its own tables, apart from the bridge's, as the real processor would. */
export const SANDBOX_MIGRATIONS: readonly Migration[] = [
  {
    id: 'sandbox_001_initial',
    sql: `
      create table sandbox_accounts (
        api_key text primary key,
        api_secret text not null,
        created_at timestamptz not null default now()
      );
      create table sandbox_customers (
        id text primary key,
        api_key text not null references sandbox_accounts(api_key),
        data jsonb not null,
        deleted_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table sandbox_checkouts (
        id text primary key,
        api_key text not null references sandbox_accounts(api_key),
        body jsonb not null,
        state text not null,
        total text not null,
        refund_id text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
    `,
  },
];

import type { SandboxMigration } from './db';

/** The sandbox keeps its own tables, apart from the bridge's, as the real processor would. */
export const SANDBOX_MIGRATIONS: readonly SandboxMigration[] = [
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
	{
		// Each account plays a vintage of the processor; a checkout's state is the sandbox's own stage word,
		// shown in the vintage's vocabulary; what arrived is kept.
		id: 'sandbox_002_vintages',
		sql: `
      alter table sandbox_accounts add column vintage text;
      alter table sandbox_checkouts add column received text;
      update sandbox_checkouts set state = case state when 'OPEN' then 'open' when 'COMPLETED' then 'paid' when 'UNRESOLVED_UNDERPAID' then 'underpaid'
        when 'UNDERPAID_ACCEPTED' then 'accepted' when 'REFUNDED' then 'refunded' when 'EXPIRED' then 'expired' else state end
    `,
	},
];

import { customerSummaryMigration } from './customerSummary';
import type { Migration } from './migrate';

export const BRIDGE_MIGRATIONS: readonly Migration[] = [
	{
		id: '001_initial',
		sql: `
      create extension if not exists pg_trgm;

      create table shops (
        id uuid primary key,
        name text not null,
        key_id text not null unique,
        secret_enc text not null,
        previous_secret_enc text,
        previous_secret_expires_at timestamptz,
        event_url text,
        collection_level text not null default 'minimal',
        threshold_amount numeric,
        threshold_currency text,
        processor_kind text not null,
        processor_api_key text not null,
        processor_api_secret_enc text not null,
        settlement_asset text,
        checkout_language text not null default 'auto',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table request_nonces (
        shop_id uuid not null references shops(id) on delete cascade,
        nonce text not null,
        seen_at timestamptz not null default now(),
        primary key (shop_id, nonce)
      );
      create index request_nonces_seen on request_nonces (seen_at);

      create table idempotency_keys (
        shop_id uuid not null references shops(id) on delete cascade,
        key text not null,
        request_hash text not null,
        state text not null,
        response_status integer,
        response_body jsonb,
        locked_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        primary key (shop_id, key)
      );

      create table customers (
        id uuid primary key,
        shop_id uuid not null references shops(id) on delete cascade,
        email text,
        email_key text,
        first_name text,
        last_name text,
        company text,
        tax_id text,
        address_line1 text,
        address_line2 text,
        postal_code text,
        city text,
        country_code text,
        phone text,
        note text,
        meta jsonb not null default '{}',
        level text not null,
        processor_customer_id text,
        erased_at timestamptz,
        created_at timestamptz not null default date_trunc('milliseconds', now()),
        updated_at timestamptz not null default now()
      );
      create unique index customers_shop_email on customers (shop_id, email_key) where email_key is not null;
      create index customers_shop_created on customers (shop_id, created_at desc, id desc);
      create index customers_search on customers using gin (
        (coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' ||
         coalesce(company, '') || ' ' || coalesce(tax_id, '')) gin_trgm_ops
      );

      create table checkouts (
        id uuid primary key,
        shop_id uuid not null references shops(id) on delete cascade,
        customer_id uuid references customers(id),
        processor text not null,
        processor_checkout_id text not null,
        url text not null,
        status text not null,
        level text not null,
        order_ref text not null,
        currency text not null,
        total numeric not null,
        charge jsonb not null,
        last_polled_at timestamptz,
        created_at timestamptz not null default date_trunc('milliseconds', now()),
        updated_at timestamptz not null default now()
      );
      create unique index checkouts_processor_id on checkouts (processor, processor_checkout_id);
      create index checkouts_shop_created on checkouts (shop_id, created_at desc, id desc);
      create index checkouts_shop_status on checkouts (shop_id, status, created_at desc);
      create index checkouts_customer on checkouts (customer_id, created_at desc);
      create index checkouts_open on checkouts (created_at) where status = 'open';

      create table checkout_status_history (
        id bigserial primary key,
        checkout_id uuid not null references checkouts(id) on delete cascade,
        status text not null,
        source text not null,
        note text,
        created_at timestamptz not null default now()
      );
      create index checkout_status_history_checkout on checkout_status_history (checkout_id, id);

      create table processor_events (
        shop_id uuid not null references shops(id) on delete cascade,
        event_key text not null,
        event_type text not null,
        checkout_id uuid references checkouts(id),
        applied boolean not null,
        received_at timestamptz not null default now(),
        primary key (shop_id, event_key)
      );

      create table audit_log (
        id bigserial primary key,
        shop_id uuid not null references shops(id) on delete cascade,
        customer_id uuid,
        checkout_id uuid,
        action text not null,
        actor text not null,
        request jsonb,
        response_status integer,
        response jsonb,
        created_at timestamptz not null default now()
      );
      create index audit_log_customer on audit_log (customer_id, id) where customer_id is not null;
      create index audit_log_checkout on audit_log (checkout_id, id) where checkout_id is not null;

      create table outbox (
        id uuid primary key,
        shop_id uuid not null references shops(id) on delete cascade,
        type text not null,
        payload jsonb not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        delivered_at timestamptz,
        last_error text,
        created_at timestamptz not null default now()
      );
      create index outbox_due on outbox (next_attempt_at) where delivered_at is null;
    `,
	},
	{
		id: '002_checkouts_by_order_ref',
		sql: `create index checkouts_shop_order_ref on checkouts (shop_id, order_ref)`,
	},
	{
		// Customer management at scale: an index per list sort, filters, and the accounts payers used.
		id: '003_customer_management',
		sql: `
      create index customers_shop_name on customers (shop_id, lower(coalesce(last_name, '')), lower(coalesce(first_name, '')), id);
      create index customers_shop_email_sort on customers (shop_id, coalesce(email_key, ''), id);
      create index customers_shop_country on customers (shop_id, country_code);
      alter table checkouts add column payer_accounts jsonb not null default '[]'
    `,
	},
	{
		// An order is (shop, reference, order key): a copy of a store never meets another site's checkout.
		// At most one open checkout per order and amount: the last line behind the order lock.
		id: '004_order_identity',
		sql: `
      alter table checkouts add column order_key text;
      create index checkouts_shop_order on checkouts (shop_id, order_ref, order_key);
      create unique index checkouts_one_open_per_order on checkouts (shop_id, order_ref, order_key, currency, total) where status = 'open' and order_key is not null
    `,
	},
	{
		// Each checkout keeps the billing details it was given: what its invoice and order panel show,
		// whatever later happens to the shop's customer record.
		id: '005_checkout_billing',
		sql: `
      alter table checkouts add column billing jsonb;
      alter table audit_log add column on_behalf_of text
    `,
	},
	{
		// What actually arrived (the processor's settlementAmountReceived), and per-checkout polling backoff
		// so one checkout the processor cannot answer for never blocks the others.
		id: '006_processor_tolerance',
		sql: `
      alter table checkouts add column amount_received numeric;
      alter table checkouts add column poll_failures integer not null default 0;
      alter table checkouts add column next_poll_at timestamptz
    `,
	},
	{
		// What the processor bills in, per shop (fetched from GET /currencies, refreshed daily).
		id: '007_shop_billing_currencies',
		sql: `
      alter table shops add column billing_currencies text[];
      alter table shops add column reference_checked_at timestamptz
    `,
	},
	{
		// Statistics and filtered totals from summaries the triggers keep exact (see customerSummary.ts).
		id: '008_customer_summaries',
		sql: customerSummaryMigration(),
	},
	{
		// Search by the start of each field (see customerSearch.ts): one left-anchored index per field,
		// which also serves a one-letter term; the trigram index over the fields together goes. Each
		// index carries the field's columns and the id, so a search is counted from the index alone. The
		// country filter, and country + level + has paid, walk their own rows newest first. The planner
		// learns the new expressions at once.
		id: '009_customer_prefix_search',
		sql: `
      drop index customers_search;
      create index customers_prefix_name on customers (shop_id, lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) text_pattern_ops) include (first_name, last_name, id);
      create index customers_prefix_last_name on customers (shop_id, lower(last_name) text_pattern_ops) include (last_name, id);
      create index customers_prefix_email on customers (shop_id, email_key text_pattern_ops) include (id);
      create index customers_prefix_email_domain on customers (shop_id, split_part(email_key, '@', 2) text_pattern_ops) include (email_key, id);
      create index customers_prefix_company on customers (shop_id, lower(company) text_pattern_ops) include (company, id);
      create index customers_prefix_tax_id on customers (shop_id, lower(tax_id) text_pattern_ops) include (tax_id, id);
      drop index customers_shop_country;
      create index customers_shop_country on customers (shop_id, country_code, created_at desc, id desc);
      create index customers_shop_filters on customers (shop_id, country_code, level, (paid_checkouts > 0), created_at desc, id desc);
      analyze customers
    `,
	},
	{
		// Invoices and credit notes (see domain/invoices): one gap-free series per shop, numbered in the
		// transaction that records the payment (the shop's counter row is locked until it commits, so a
		// rolled-back number is never used). What the checkout was asked to charge, exactly (the charge
		// sent to the processor carries JSON numbers), for its invoice lines. The seller per shop.
		id: '010_invoices',
		sql: `
      alter table checkouts add column lines jsonb;
      alter table shops add column seller jsonb;
      alter table shops add column invoice_prefix text not null default 'INV-';
      create table invoice_counters (
        shop_id uuid primary key references shops(id) on delete cascade,
        last_sequence bigint not null
      );
      create table invoices (
        id uuid primary key,
        shop_id uuid not null references shops(id) on delete cascade,
        checkout_id uuid not null references checkouts(id),
        kind text not null check (kind in ('invoice', 'credit_note')),
        sequence bigint not null,
        number text not null,
        issued_at timestamptz not null,
        document jsonb not null,
        pdf bytea,
        unique (shop_id, sequence),
        unique (checkout_id, kind)
      );
      create index invoices_shop_sequence on invoices (shop_id, sequence desc)
    `,
	},
];

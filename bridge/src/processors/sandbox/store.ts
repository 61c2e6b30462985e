import type { SandboxDb } from './db';
import { isResourceId } from './ids';
import type { Stage } from './vintages';

export interface SandboxCheckout {
	id: string;
	api_key: string;
	/** The request as received. */
	body: Record< string, any >;
	state: Stage;
	total: string;
	received: string | null;
	refund_id: string | null;
	created_at: string;
}

export async function insertSandboxCheckout(
	db: SandboxDb,
	c: Pick< SandboxCheckout, 'id' | 'api_key' | 'body' | 'total' >
): Promise< void > {
	await db.query(
		`insert into sandbox_checkouts (id, api_key, body, state, total) values ($1, $2, $3::jsonb, 'open', $4)`,
		[ c.id, c.api_key, JSON.stringify( c.body ), c.total ]
	);
}

export async function findSandboxCheckout(
	db: SandboxDb,
	id: string
): Promise< SandboxCheckout | null > {
	if ( ! isResourceId( id ) ) return null;
	return (
		(
			await db.query< SandboxCheckout >(
				'select * from sandbox_checkouts where id = $1',
				[ id ]
			)
		)[ 0 ] ?? null
	);
}

/** Moves a checkout from one stage to another; false when it was no longer in `from` (a double click). */
export async function moveSandboxCheckout(
	db: SandboxDb,
	id: string,
	from: Stage[],
	to: Stage,
	extra: { refundId?: string; received?: string } = {}
): Promise< boolean > {
	const rows = await db.query(
		`update sandbox_checkouts set state = $3, refund_id = coalesce($4, refund_id), received = coalesce($5, received), updated_at = now()
      where id = $1 and state = any($2::text[]) returning 1`,
		[ id, from, to, extra.refundId ?? null, extra.received ?? null ]
	);
	return rows.length === 1;
}

export async function insertSandboxCustomer(
	db: SandboxDb,
	id: string,
	apiKey: string,
	data: unknown
): Promise< void > {
	await db.query(
		'insert into sandbox_customers (id, api_key, data) values ($1, $2, $3::jsonb)',
		[ id, apiKey, JSON.stringify( data ) ]
	);
}

export async function updateSandboxCustomer(
	db: SandboxDb,
	id: string,
	apiKey: string,
	data: Record< string, unknown >
): Promise< boolean > {
	if ( ! isResourceId( id ) ) return false;
	const rows = await db.query(
		`update sandbox_customers set data = data || $3::jsonb, updated_at = now() where id = $1 and api_key = $2 and deleted_at is null returning 1`,
		[ id, apiKey, JSON.stringify( data ) ]
	);
	return rows.length === 1;
}

export async function deleteSandboxCustomer(
	db: SandboxDb,
	id: string,
	apiKey: string
): Promise< boolean > {
	if ( ! isResourceId( id ) ) return false;
	const rows = await db.query(
		`update sandbox_customers set data = '{}'::jsonb, deleted_at = now() where id = $1 and api_key = $2 and deleted_at is null returning 1`,
		[ id, apiKey ]
	);
	return rows.length === 1;
}

export async function findSandboxCustomer(
	db: SandboxDb,
	id: string
): Promise< Record< string, string > | null > {
	if ( ! isResourceId( id ) ) return null;
	const rows = await db.query< { data: Record< string, string > } >(
		'select data from sandbox_customers where id = $1 and deleted_at is null',
		[ id ]
	);
	return rows[ 0 ]?.data ?? null;
}

export async function listSandboxCustomers(
	db: SandboxDb,
	apiKey: string
): Promise< Array< Record< string, unknown > > > {
	const rows = await db.query< {
		id: string;
		data: Record< string, unknown >;
	} >(
		'select id, data from sandbox_customers where api_key = $1 and deleted_at is null order by created_at limit 1000',
		[ apiKey ]
	);
	return rows.map( ( r ) => ( { id: r.id, ...r.data } ) );
}

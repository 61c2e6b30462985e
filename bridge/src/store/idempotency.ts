import type { Queryable } from './db';
import type { Statement } from './oneStatement';

export interface IdempotencyRow {
	request_hash: string;
	state: 'in_progress' | 'completed';
	response_status: number | null;
	response_body: unknown;
}

export async function findIdempotencyKey(
	db: Queryable,
	shopId: string,
	key: string
): Promise< IdempotencyRow | null > {
	const rows = await db.query< IdempotencyRow >(
		'select request_hash, state, response_status, response_body from idempotency_keys where shop_id = $1 and key = $2',
		[ shopId, key ]
	);
	return rows[ 0 ] ?? null;
}

/** Stores a request's response, with the writes that store its records (the caller holds the key's lock). */
export function idempotencyCompletion(
	shopId: string,
	key: string,
	requestHash: string,
	status: number,
	body: unknown
): Statement {
	return {
		sql: `insert into idempotency_keys (shop_id, key, request_hash, state, response_status, response_body) values ($1, $2, $3, 'completed', $4, $5::jsonb)
     on conflict (shop_id, key) do update set request_hash = excluded.request_hash, state = 'completed', response_status = excluded.response_status, response_body = excluded.response_body`,
		params: [ shopId, key, requestHash, status, JSON.stringify( body ) ],
	};
}

export async function completeIdempotencyKey(
	db: Queryable,
	shopId: string,
	key: string,
	requestHash: string,
	status: number,
	body: unknown
): Promise< void > {
	const { sql, params } = idempotencyCompletion(
		shopId,
		key,
		requestHash,
		status,
		body
	);
	await db.query( sql, params );
}

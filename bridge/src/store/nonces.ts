import type { Queryable } from './db';

/** Records a request nonce; false when the shop already used it (a replay). */
export async function claimNonce(
	db: Queryable,
	shopId: string,
	nonce: string
): Promise< boolean > {
	const rows = await db.query(
		'insert into request_nonces (shop_id, nonce) values ($1, $2) on conflict do nothing returning 1',
		[ shopId, nonce ]
	);
	return rows.length === 1;
}

/** Nonces older than the signature window can never be replayed (the timestamp check refuses them). */
export async function forgetOldNonces(
	db: Queryable,
	olderThanSeconds: number
): Promise< void > {
	await db.query(
		`delete from request_nonces where seen_at < now() - make_interval(secs => $1)`,
		[ olderThanSeconds ]
	);
}

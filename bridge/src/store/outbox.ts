import type { EventType, ShopEvent } from '../contract';
import type { Queryable } from './db';

export interface OutboxRow {
	id: string;
	shop_id: string;
	type: EventType;
	payload: ShopEvent;
	attempts: number;
}

export async function enqueueEvent(
	db: Queryable,
	shopId: string,
	event: ShopEvent
): Promise< void > {
	await db.query(
		'insert into outbox (id, shop_id, type, payload) values ($1, $2, $3, $4::jsonb)',
		[ event.id, shopId, event.type, JSON.stringify( event ) ]
	);
}

/**
 * Claims due events for delivery, except those of `exceptShops` (being served already): each claimed row
 * is leased for `leaseSeconds`, so a crashed sender's rows come back and two senders never deliver the
 * same row at once.
 */
export async function claimDueEvents(
	db: Queryable,
	limit: number,
	leaseSeconds: number,
	exceptShops: string[] = []
): Promise< OutboxRow[] > {
	return db.query< OutboxRow >(
		`update outbox set locked_until = now() + make_interval(secs => $2), attempts = attempts + 1
      where id in (
        select o.id from outbox o join shops s on s.id = o.shop_id
         where o.delivered_at is null and o.next_attempt_at <= now() and s.event_url is not null
           and (o.locked_until is null or o.locked_until < now())
           and not (o.shop_id = any($3::uuid[]))
         order by o.created_at limit $1 for update of o skip locked)
      returning id, shop_id, type, payload, attempts`,
		[ limit, leaseSeconds, exceptShops ]
	);
}

/** Marks a row delivered; returns how long it waited in the outbox, in seconds (for the delivery-latency metric). */
export async function markDelivered(
	db: Queryable,
	id: string
): Promise< number > {
	const rows = await db.query< { waited: string } >(
		`update outbox set delivered_at = now(), locked_until = null, last_error = null where id = $1
     returning extract(epoch from (now() - created_at))::text as waited`,
		[ id ]
	);
	return Number( rows[ 0 ]?.waited ?? 0 );
}

export async function markFailed(
	db: Queryable,
	id: string,
	error: string,
	retryInMs: number
): Promise< void > {
	await db.query(
		`update outbox set locked_until = null, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1`,
		[ id, error.slice( 0, 500 ), retryInMs / 1000 ]
	);
}

/** Puts claimed rows back unattempted, due after `retryInMs` (their shop just failed another delivery). */
export async function releaseEvents(
	db: Queryable,
	ids: string[],
	retryInMs: number
): Promise< void > {
	if ( ! ids.length ) return;
	await db.query(
		`update outbox set locked_until = null, attempts = attempts - 1, next_attempt_at = now() + make_interval(secs => $2) where id = any($1::uuid[])`,
		[ ids, retryInMs / 1000 ]
	);
}

export async function pendingEventCount( db: Queryable ): Promise< number > {
	const rows = await db.query< { n: string } >(
		'select count(*)::text as n from outbox where delivered_at is null'
	);
	return Number( rows[ 0 ]?.n ?? 0 );
}

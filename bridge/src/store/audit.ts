import type { AuditEntry } from '../contract';
import { currentActingUser } from '../requestContext';
import type { Queryable } from './db';
import type { Statement } from './oneStatement';

export type NewAuditEntry = Omit< AuditEntry, 'id' | 'createdAt' > & {
	shopId: string;
};

/**
 * Records what happened, in the order given, in one statement. Within a shop's request that named
 * the person it acts for (a WordPress user), that person is recorded too, after any authority the
 * entry already gives.
 */
export function auditInsert( entries: readonly NewAuditEntry[] ): Statement {
	const actingUser = currentActingUser();
	const columns = entries.map( ( e ) => [
		e.shopId,
		e.customerId,
		e.checkoutId,
		e.action,
		e.actor,
		JSON.stringify( e.request ?? null ),
		e.responseStatus,
		JSON.stringify( e.response ?? null ),
		[ e.onBehalfOf, e.actor === 'processor' ? undefined : actingUser ]
			.filter( Boolean )
			.join( ' · ' ) || null,
	] );
	// One array per column; unnest keeps the rows in order, so ids follow the entries' order.
	return {
		sql: `insert into audit_log (shop_id, customer_id, checkout_id, action, actor, request, response_status, response, on_behalf_of)
     select shop_id::uuid, customer_id::uuid, checkout_id::uuid, action, actor, request::jsonb, response_status, response::jsonb, on_behalf_of
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[])
         with ordinality as e(shop_id, customer_id, checkout_id, action, actor, request, response_status, response, on_behalf_of, n)
      order by n`,
		// Per column, so no entries is an insert of nothing rather than an error.
		params: Array.from( { length: 9 }, ( _, i ) =>
			columns.map( ( row ) => row[ i ] )
		),
	};
}

export async function addAuditEntries(
	db: Queryable,
	entries: readonly NewAuditEntry[]
): Promise< void > {
	const { sql, params } = auditInsert( entries );
	await db.query( sql, params );
}

export function addAuditEntry(
	db: Queryable,
	entry: NewAuditEntry
): Promise< void > {
	return addAuditEntries( db, [ entry ] );
}

export async function auditFor(
	db: Queryable,
	shopId: string,
	by: { customerId: string } | { checkoutId: string }
): Promise< AuditEntry[] > {
	const [ column, value ] =
		'customerId' in by
			? [ 'customer_id', by.customerId ]
			: [ 'checkout_id', by.checkoutId ];
	return db.query< AuditEntry >(
		`select id::text as id, action, actor, customer_id as "customerId", checkout_id as "checkoutId", request,
            response_status as "responseStatus", response, on_behalf_of as "onBehalfOf", created_at as "createdAt"
       from audit_log where shop_id = $1 and ${ column } = $2 order by id`,
		[ shopId, value ]
	);
}

/** Replaces the audit bodies of an erased customer with a marker: who did what stays, personal data goes. */
export async function redactAuditFor(
	db: Queryable,
	shopId: string,
	customerId: string
): Promise< void > {
	await db.query(
		`update audit_log set request = '{"redacted":"customer erased"}'::jsonb, response = '{"redacted":"customer erased"}'::jsonb
      where shop_id = $1 and customer_id = $2`,
		[ shopId, customerId ]
	);
}

/**
 * Removes an erased customer's personal data from what was stored to be sent or replayed: the
 * email in queued and delivered events, and stored responses that carried the customer.
 */
export async function scrubCustomerCopies(
	db: Queryable,
	shopId: string,
	customerId: string
): Promise< void > {
	await db.query(
		`update outbox set payload = jsonb_set(payload, '{data,customer,email}', 'null'::jsonb)
      where shop_id = $1 and payload->'data'->'customer'->>'id' = $2`,
		[ shopId, customerId ]
	);
	await db.query(
		`delete from idempotency_keys where shop_id = $1 and response_body->'customer'->>'id' = $2`,
		[ shopId, customerId ]
	);
}

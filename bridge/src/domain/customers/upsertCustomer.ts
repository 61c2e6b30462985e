import { randomUUID } from 'node:crypto';
import {
	emailKey,
	strictestLevel,
	type Customer,
	type CustomerInput,
} from '../../contract';
import type { BridgeContext } from '../../context';
import type { WhalestackClient } from '../../processors/whalestack/client';
import { addAuditEntries, type NewAuditEntry } from '../../store/audit';
import {
	customerInsert,
	customerUpdate,
	findCustomerByEmail,
	insertCustomer,
} from '../../store/customers';
import type { Queryable } from '../../store/db';
import type { Statement } from '../../store/oneStatement';
import type { ShopRow } from '../../store/shops';
import { redactSecrets } from '../audit';
import { toProcessorCustomer } from './processorCustomer';

export type CustomerFields = CustomerInput & { email: string };

/**
 * What a request will do to the shop's customer with this email (found case-insensitively): create
 * it, update the fields that changed (and raise its level), or nothing. Decided before anything is
 * sent, by a caller holding the customer's lock (`lockOf.customer`).
 */
export interface CustomerPlan {
	/**
	 * Who the details come from: the merchant or a shopper the shop vouches for may change the record;
	 * an unverified shopper (anyone can type any email at a public checkout) may only add what is missing.
	 */
	authority: 'merchant' | 'verified shopper' | 'unverified shopper';
	existing: Customer | null;
	fields: CustomerFields;
	level: 'minimal' | 'compliant';
	changed: ( keyof CustomerFields )[];
	raise: boolean;
}

/** What the processor said: its customer id, and the request made (none when nothing changed). */
export interface PushedCustomer {
	processorCustomerId: string;
	created: boolean;
	request: { method: 'POST' | 'PUT'; body: unknown } | null;
}

export async function planCustomer(
	db: Queryable,
	shop: ShopRow,
	fields: CustomerFields,
	level: 'minimal' | 'compliant',
	authority: CustomerPlan[ 'authority' ]
): Promise< CustomerPlan > {
	const existing = await findCustomerByEmail(
		db,
		shop.id,
		emailKey( fields.email )
	);
	if ( ! existing )
		return {
			authority,
			existing,
			fields,
			level,
			changed: [],
			raise: false,
		};
	const differs = ( f: keyof CustomerFields ) =>
		f !== 'meta' &&
		fields[ f ] !== undefined &&
		fields[ f ] !== existing[ f ];
	const missing = ( f: keyof CustomerFields ) =>
		existing[ f ] === undefined ||
		existing[ f ] === null ||
		existing[ f ] === '';
	const changed = (
		Object.keys( fields ) as ( keyof CustomerFields )[]
	 ).filter(
		( f ) =>
			differs( f ) &&
			( authority !== 'unverified shopper' || missing( f ) )
	);
	// What is applied, and nothing else: the rest stays on the checkout's own billing details.
	const applied = {
		...( existing as CustomerInput ),
		...Object.fromEntries( changed.map( ( f ) => [ f, fields[ f ] ] ) ),
	} as CustomerFields;
	return {
		authority,
		existing,
		fields: applied,
		level,
		changed,
		raise: strictestLevel( existing.level, level ) !== existing.level,
	};
}

/** Makes the processor's copy match: `POST /customer` the first time, `PUT /customer` when ours changed. */
export async function pushCustomer(
	processor: WhalestackClient,
	plan: CustomerPlan
): Promise< PushedCustomer > {
	const { existing } = plan;
	if ( existing?.processorCustomerId ) {
		if ( ! plan.changed.length && ! plan.raise )
			return {
				processorCustomerId: existing.processorCustomerId,
				created: false,
				request: null,
			};
		const update = toProcessorCustomer( plan.fields );
		await processor.updateCustomer( existing.processorCustomerId, update );
		return {
			processorCustomerId: existing.processorCustomerId,
			created: false,
			request: {
				method: 'PUT',
				body: {
					customer: { id: existing.processorCustomerId, ...update },
				},
			},
		};
	}
	const body = { customer: toProcessorCustomer( plan.fields ) };
	return {
		processorCustomerId: await processor.createCustomer( body.customer ),
		created: true,
		request: { method: 'POST', body },
	};
}

function newCustomerOf(
	shop: ShopRow,
	plan: CustomerPlan,
	pushed: PushedCustomer,
	id: string
) {
	return {
		id,
		shopId: shop.id,
		level: plan.level,
		processorCustomerId: pushed.processorCustomerId,
		fields: plan.fields,
		emailKey: emailKey( plan.fields.email ),
	};
}

function changesOf(
	existing: Customer,
	plan: CustomerPlan,
	pushed: PushedCustomer
) {
	return {
		...Object.fromEntries(
			plan.changed.map( ( f ) => [ f, plan.fields[ f ] ] )
		),
		level: strictestLevel( existing.level, plan.level ),
		processorCustomerId: pushed.processorCustomerId,
	};
}

function auditOf(
	shop: ShopRow,
	plan: CustomerPlan,
	pushed: PushedCustomer,
	customerId: string
): NewAuditEntry[] {
	return pushed.request
		? [
				{
					shopId: shop.id,
					customerId,
					checkoutId: null,
					action: `${ pushed.request.method } /customer`,
					actor: 'bridge',
					onBehalfOf: plan.authority,
					request: redactSecrets( pushed.request.body ),
					responseStatus: 200,
					response: pushed.created
						? { customerId: pushed.processorCustomerId }
						: null,
				},
			]
		: [];
}

/** A new customer's record and its audit entry, in the caller's transaction. */
async function storeNewCustomer(
	tx: Queryable,
	shop: ShopRow,
	plan: CustomerPlan,
	pushed: PushedCustomer
): Promise< Customer > {
	const customer = await insertCustomer(
		tx,
		newCustomerOf( shop, plan, pushed, randomUUID() )
	);
	await addAuditEntries( tx, auditOf( shop, plan, pushed, customer.id ) );
	return customer;
}

/**
 * What storing a pushed customer writes, for the caller to send with its own (`writeAsOne`): the
 * customer's id, the row's INSERT or UPDATE (none when nothing changed) and its audit entry.
 */
export function customerWrites(
	shop: ShopRow,
	plan: CustomerPlan,
	pushed: PushedCustomer
): { customerId: string; statements: Statement[]; audit: NewAuditEntry[] } {
	const { existing } = plan;
	if ( existing && ! pushed.request )
		return { customerId: existing.id, statements: [], audit: [] };
	const customerId = existing?.id ?? randomUUID();
	return {
		customerId,
		statements: [
			existing
				? customerUpdate(
						shop.id,
						existing.id,
						changesOf( existing, plan, pushed )
					)
				: customerInsert(
						newCustomerOf( shop, plan, pushed, customerId )
					),
		],
		audit: auditOf( shop, plan, pushed, customerId ),
	};
}

/**
 * Undoes what the processor created for a request whose local write then failed (Medusa's
 * compensation), so a retry does not leave a second processor customer behind. Best effort: a
 * failure is logged with the processor's id (no personal data) for the operator.
 */
export async function compensateCustomer(
	ctx: BridgeContext,
	processor: WhalestackClient,
	pushed: PushedCustomer | null
): Promise< void > {
	if ( ! pushed?.created ) return;
	await processor
		.deleteCustomer( pushed.processorCustomerId )
		.catch( ( err ) =>
			ctx.log.error(
				{ err, processorCustomerId: pushed.processorCustomerId },
				'could not delete the processor customer of a failed request'
			)
		);
}

/**
 * A new customer made by hand: `POST /customer` at the processor, then our record and its audit
 * entry in one transaction with whatever else the caller commits (`alsoInTransaction`); the
 * processor's customer is deleted again if that transaction fails.
 */
export async function createAtProcessorThenStore(
	ctx: BridgeContext,
	shop: ShopRow,
	processor: WhalestackClient,
	fields: CustomerFields,
	level: 'minimal' | 'compliant',
	alsoInTransaction: ( tx: Queryable, customer: Customer ) => Promise< void >
): Promise< Customer > {
	const plan: CustomerPlan = {
		authority: 'merchant',
		existing: null,
		fields,
		level,
		changed: [],
		raise: false,
	};
	const pushed = await pushCustomer( processor, plan );
	try {
		return await ctx.db.transaction( async ( tx ) => {
			const customer = await storeNewCustomer( tx, shop, plan, pushed );
			await alsoInTransaction( tx, customer );
			return customer;
		} );
	} catch ( error ) {
		await compensateCustomer( ctx, processor, pushed );
		throw error;
	}
}

import { randomUUID } from 'node:crypto';
import { emailKey, strictestLevel, type Customer, type CustomerInput } from '../../contract';
import type { BridgeContext } from '../../context';
import type { WhalestackClient } from '../../processors/whalestack/client';
import { addAuditEntry } from '../../store/audit';
import { findCustomerByEmail, insertCustomer, updateCustomer } from '../../store/customers';
import type { Queryable } from '../../store/db';
import type { ShopRow } from '../../store/shops';
import { redactSecrets } from '../audit';
import { withKeyedLock } from '../keyedLock';
import { toProcessorCustomer } from './processorCustomer';

type Fields = CustomerInput & { email: string };

/**
 * Finds the shop's customer by email (case-insensitively) or creates it, and makes the processor's
 * copy match: `POST /customer` the first time, `PUT /customer` with the processor's id after.
 * The processor is asked first; our record is written only once it agreed, so a processor failure
 * leaves nothing half-made here.
 */
export async function upsertCustomer(
  ctx: BridgeContext,
  shop: ShopRow,
  processor: WhalestackClient,
  fields: Fields,
  level: 'minimal' | 'compliant',
): Promise<Customer> {
  const key = emailKey(fields.email);
  return withKeyedLock(`${shop.id}:${key}`, async () => {
    const existing = await findCustomerByEmail(ctx.db, shop.id, key);
    if (existing?.processorCustomerId) return refreshExisting(ctx, shop, processor, existing, fields, level);
    return createAtProcessorThenStore(ctx, shop, processor, fields, level, async () => undefined);
  });
}

/**
 * A new customer: `POST /customer` at the processor, then our record and its audit entry in one
 * transaction, with whatever else the caller commits alongside (`alsoInTransaction`).
 */
export async function createAtProcessorThenStore(
  ctx: BridgeContext,
  shop: ShopRow,
  processor: WhalestackClient,
  fields: Fields,
  level: 'minimal' | 'compliant',
  alsoInTransaction: (tx: Queryable, customer: Customer) => Promise<void>,
): Promise<Customer> {
  const body = { customer: toProcessorCustomer(fields) };
  const processorCustomerId = await processor.createCustomer(body.customer);
  return ctx.db.transaction(async (tx) => {
    const customer = await insertCustomer(tx, { id: randomUUID(), shopId: shop.id, level, processorCustomerId, fields, emailKey: emailKey(fields.email) });
    await addAuditEntry(tx, {
      shopId: shop.id,
      customerId: customer.id,
      checkoutId: null,
      action: 'POST /customer',
      actor: 'bridge',
      request: redactSecrets(body),
      responseStatus: 200,
      response: { customerId: processorCustomerId },
    });
    await alsoInTransaction(tx, customer);
    return customer;
  });
}

async function refreshExisting(
  ctx: BridgeContext,
  shop: ShopRow,
  processor: WhalestackClient,
  existing: Customer,
  fields: Fields,
  level: 'minimal' | 'compliant',
): Promise<Customer> {
  const changed = (Object.keys(fields) as (keyof Fields)[]).filter((f) => f !== 'meta' && fields[f] !== undefined && fields[f] !== existing[f]);
  const raised = strictestLevel(existing.level, level) !== existing.level;
  if (!changed.length && !raised) return existing;

  const merged: Fields = { ...(existing as CustomerInput), ...fields };
  const update = toProcessorCustomer(merged);
  await processor.updateCustomer(existing.processorCustomerId!, update);
  const body = { customer: { id: existing.processorCustomerId!, ...update } };
  return ctx.db.transaction(async (tx) => {
    const changes = Object.fromEntries(changed.map((f) => [f, fields[f]]));
    const updated = await updateCustomer(tx, shop.id, existing.id, { ...changes, level: strictestLevel(existing.level, level) });
    await addAuditEntry(tx, {
      shopId: shop.id,
      customerId: existing.id,
      checkoutId: null,
      action: 'PUT /customer',
      actor: 'bridge',
      request: redactSecrets(body),
      responseStatus: 200,
      response: null,
    });
    return updated!;
  });
}

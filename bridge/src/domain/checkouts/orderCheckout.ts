import { fieldErrorsFrom, orderSnapshotSchema, PAID_STATUSES, type Checkout, type CheckoutRequest } from '../../contract';
import type { BridgeContext } from '../../context';
import { listCheckouts } from '../../store/checkouts';
import type { ShopRow } from '../../store/shops';
import { AppError } from '../errors';
import { withKeyedLock } from '../keyedLock';
import type { StoredResponse } from '../idempotency';
import { createCheckout } from './createCheckout';
import { chargeFromOrder } from './orderCharge';

/** Money arrived for the order (even if short, or since refunded): it must not be charged again. */
const MONEY_RECEIVED: readonly string[] = [...PAID_STATUSES, 'underpaid', 'refunded'];

/**
 * The checkout for a shop order. An order has at most one open processor checkout: a retry, a
 * double click or a second tab gets the open one back (same total and currency), an order already
 * paid is refused, and only an order with no open checkout (or an expired one) gets a new charge.
 */
export async function checkoutForOrder(
  ctx: BridgeContext,
  shop: ShopRow,
  input: unknown,
  idempotency: { key: string; requestHash: string },
): Promise<StoredResponse & { replayed: boolean }> {
  const parsed = orderSnapshotSchema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', 'Some fields of the order are missing or not valid.', { fields: fieldErrorsFrom(parsed.error) });
  const request = chargeFromOrder(parsed.data);
  return withKeyedLock(`order:${shop.id}:${request.orderRef}`, () => openOrReuse(ctx, shop, request, idempotency));
}

async function openOrReuse(ctx: BridgeContext, shop: ShopRow, request: CheckoutRequest, idempotency: { key: string; requestHash: string }) {
  const existing = (await listCheckouts(ctx.db, shop.id, { orderRef: request.orderRef, limit: 20 })).items;
  if (existing.some((c) => MONEY_RECEIVED.includes(c.status))) {
    throw new AppError('invalid_state', 'This order already has a payment. Nothing new was charged.', { details: { checkouts: existing.map((c) => ({ id: c.id, status: c.status })) } });
  }
  const open = existing.find((c) => c.status === 'open' && c.currency === request.currency && c.total === request.expectedTotal);
  if (open) {
    const { customer: _customer, ...checkout } = open;
    return { status: 200, body: { checkout: checkout satisfies Checkout, reused: true }, replayed: true };
  }
  return createCheckout(ctx, shop, request, idempotency);
}

import type { CheckoutStatus, EventType } from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import type { ProcessorCheckoutState } from '../../processors/whalestack/protocol';
import { addStatusChange, findCheckout, lockCheckoutByProcessorId, markPolled, openCheckoutsToPoll, setCheckoutStatus } from '../../store/checkouts';
import { enqueueEvent } from '../../store/outbox';
import { findShopById } from '../../store/shops';
import { checkoutEvent } from '../events/newEvent';
import { changeNote, transition } from './status';

const FROM_PROCESSOR: Partial<Record<ProcessorCheckoutState, [CheckoutStatus, EventType]>> = {
  COMPLETED: ['completed', 'checkout.completed'],
  UNRESOLVED_UNDERPAID: ['underpaid', 'checkout.underpaid'],
  UNDERPAID_ACCEPTED: ['underpaid_accepted', 'checkout.underpaid_accepted'],
  REFUNDED: ['refunded', 'checkout.refunded'],
  EXPIRED: ['expired', 'checkout.expired'],
};

/**
 * Asks the processor about one checkout and applies what it says, by the same lifecycle rules as
 * webhooks. This is how expiry is learned (the processor sends no webhook for it) and how a lost
 * webhook is made good.
 */
export async function refreshCheckout(ctx: BridgeContext, shopId: string, checkoutId: string): Promise<boolean> {
  const shop = await findShopById(ctx.db, shopId);
  const checkout = await findCheckout(ctx.db, shopId, checkoutId);
  if (!shop || !checkout) return false;
  const remote = await processorFor(ctx, shop).getCheckout(checkout.processorCheckoutId);
  const mapped = FROM_PROCESSOR[remote.state];
  const changed = await ctx.db.transaction(async (tx) => {
    await markPolled(tx, checkout.id);
    const current = await lockCheckoutByProcessorId(tx, shopId, checkout.processorCheckoutId);
    if (!mapped || !current) return false;
    const step = transition(current.status, mapped[0]);
    if (!step.apply) return false;
    const updated = await setCheckoutStatus(tx, current.id, mapped[0]);
    await addStatusChange(tx, current.id, mapped[0], 'reconciliation', changeNote(step, `processor reports ${remote.state}`));
    await enqueueEvent(tx, shopId, checkoutEvent(mapped[1], updated, step.late));
    return true;
  });
  if (changed) ctx.eventsQueued();
  return changed;
}

/** One pass over open checkouts old enough to have expired or lost a webhook. */
export async function reconcileOpenCheckouts(ctx: BridgeContext, batch = 50): Promise<number> {
  let changed = 0;
  for (const checkout of await openCheckoutsToPoll(ctx.db, ctx.config.RECONCILE_MIN_AGE_S, batch)) {
    try {
      if (await refreshCheckout(ctx, checkout.shopId, checkout.id)) changed++;
    } catch (error) {
      ctx.log.warn({ err: error, checkout: checkout.id }, 'could not reconcile checkout');
    }
  }
  return changed;
}

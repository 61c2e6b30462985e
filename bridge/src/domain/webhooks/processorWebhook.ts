import type { CheckoutStatus, EventType } from '../../contract';
import type { BridgeContext } from '../../context';
import { webhookAuth } from '../../processors/whalestack/signing';
import { webhookPayloadSchema, type WebhookPayload } from '../../processors/whalestack/protocol';
import { safeEqual } from '../../security/compare';
import { addAuditEntry } from '../../store/audit';
import { addStatusChange, lockCheckoutByProcessorId, recordProcessorEvent, setCheckoutStatus, setPayerAccounts, type PayerAccount } from '../../store/checkouts';
import { enqueueEvent } from '../../store/outbox';
import type { ShopRow } from '../../store/shops';
import { changeNote, transition } from '../checkouts/status';
import { AppError } from '../errors';
import { checkoutEvent } from '../events/newEvent';

/** One handler per processor event type: what it means for our checkout. */
const HANDLERS: Record<WebhookPayload['eventType'], { status: CheckoutStatus; event: EventType; checkoutId: (p: WebhookPayload) => string | undefined }> = {
  CHECKOUT_COMPLETED: { status: 'completed', event: 'checkout.completed', checkoutId: (p) => p.data.checkout?.id },
  CHECKOUT_UNDERPAID: { status: 'underpaid', event: 'checkout.underpaid', checkoutId: (p) => p.data.checkout?.id },
  UNDERPAID_ACCEPTED: { status: 'underpaid_accepted', event: 'checkout.underpaid_accepted', checkoutId: (p) => p.data.checkout?.id },
  REFUND_COMPLETED: { status: 'refunded', event: 'checkout.refunded', checkoutId: (p) => p.data.refund?.checkoutId },
};

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown_checkout';

/** Verifies the processor's X-Webhook-Auth over the exact bytes received, in constant time. */
export function verifyWebhook(ctx: BridgeContext, shop: ShopRow, rawBody: Buffer, header: string | undefined): void {
  const expected = webhookAuth(ctx.secrets.open(shop.processor_api_secret_enc), rawBody);
  if (!header || !safeEqual(header.toLowerCase(), expected)) {
    throw new AppError('webhook_signature_invalid', 'The webhook signature does not match.');
  }
}

/**
 * Applies one processor webhook. The event is recorded, the checkout moved (if the lifecycle allows)
 * and our own event queued for the shop, all in one transaction; a repeated delivery of the same
 * event is recognised by its key and changes nothing.
 */
export async function handleProcessorWebhook(ctx: BridgeContext, shop: ShopRow, rawBody: Buffer): Promise<WebhookOutcome> {
  let payload: WebhookPayload;
  try {
    payload = webhookPayloadSchema.parse(JSON.parse(rawBody.toString('utf8')));
  } catch {
    throw new AppError('validation_failed', 'The webhook body is not a processor event this bridge knows.');
  }
  const handler = HANDLERS[payload.eventType];
  const processorCheckoutId = handler.checkoutId(payload);
  if (!processorCheckoutId) throw new AppError('validation_failed', `A ${payload.eventType} event must name its checkout.`);
  const eventKey = [payload.eventType, processorCheckoutId, payload.data.refund?.id].filter(Boolean).join(':');

  const outcome = await ctx.db.transaction(async (tx): Promise<WebhookOutcome> => {
    const checkout = await lockCheckoutByProcessorId(tx, shop.id, processorCheckoutId);
    if (!checkout) return 'unknown_checkout';
    const step = transition(checkout.status, handler.status);
    const fresh = await recordProcessorEvent(tx, shop.id, eventKey, payload.eventType, checkout.id, step.apply);
    if (!fresh) return 'duplicate';
    await addAuditEntry(tx, {
      shopId: shop.id,
      customerId: checkout.customerId,
      checkoutId: checkout.id,
      action: `webhook ${payload.eventType}`,
      actor: 'processor',
      request: payload,
      responseStatus: 200,
      response: step.apply ? { status: handler.status, ...(step.late ? { late: true } : {}) } : { ignored: step.reason },
    });
    if (!step.apply) {
      ctx.log.info({ checkout: checkout.id, event: payload.eventType, reason: step.reason }, 'processor event not applied');
      return 'ignored';
    }
    const updated = await setCheckoutStatus(tx, checkout.id, handler.status);
    const accounts = payerAccounts(payload);
    if (accounts.length) await setPayerAccounts(tx, checkout.id, accounts);
    await addStatusChange(tx, checkout.id, handler.status, 'processor', changeNote(step, payload.eventType));
    if (step.late) ctx.log.warn({ checkout: checkout.id, event: payload.eventType }, 'payment arrived after the checkout expired');
    await enqueueEvent(tx, shop.id, checkoutEvent(handler.event, updated, step.late));
    return 'applied';
  });
  if (outcome === 'applied') ctx.eventsQueued();
  return outcome;
}

/** The accounts a payment came from, where the processor reports them (`data.checkout.payments[]`). */
function payerAccounts(payload: WebhookPayload): PayerAccount[] {
  const payments = (payload.data.checkout as { payments?: unknown } | undefined)?.payments;
  if (!Array.isArray(payments)) return [];
  return payments
    .filter((p): p is { network?: unknown; account: string } => typeof p?.account === 'string' && p.account.length > 0 && p.account.length <= 200)
    .map((p) => ({ network: typeof p.network === 'string' ? p.network.slice(0, 50) : '', account: p.account }));
}

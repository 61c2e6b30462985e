import { randomUUID } from 'node:crypto';
import {
  checkoutRequestSchema,
  computeTotals,
  customerSchemaFor,
  effectiveLevel,
  fieldErrorsFrom,
  sameAmount,
  strictestLevel,
  type Checkout,
  type CheckoutRequest,
  type CustomerInput,
  type Level,
} from '../../contract';
import { processorFor, type BridgeContext } from '../../context';
import { addAuditEntry } from '../../store/audit';
import { insertCheckout } from '../../store/checkouts';
import { completeIdempotencyKey } from '../../store/idempotency';
import { thresholdOf, type ShopRow } from '../../store/shops';
import { redactSecrets } from '../audit';
import { upsertCustomer } from '../customers/upsertCustomer';
import { AppError } from '../errors';
import { runOnce, type StoredResponse } from '../idempotency';
import { fromProcessorError } from '../processorErrors';
import { buildHostedCheckout } from './charge';

export interface CheckoutCreated {
  checkout: Checkout;
}

interface Validated {
  request: CheckoutRequest;
  level: Level;
  total: string;
  customer: (CustomerInput & { email: string }) | null;
}

/** Checks a checkout request completely before anything is stored or sent: fields, totals, level, customer. */
export function validateCheckoutRequest(shop: ShopRow, input: unknown): Validated {
  const parsed = checkoutRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'Some fields are missing or not valid.', { fields: fieldErrorsFrom(parsed.error) });
  }
  const request = parsed.data;
  const totals = computeTotals(request);
  if (!sameAmount(totals.total, request.expectedTotal)) {
    throw new AppError('totals_mismatch', `The items add up to ${totals.total} ${request.currency}, not the expected ${request.expectedTotal}.`, {
      details: { expectedTotal: request.expectedTotal, computed: totals },
    });
  }
  const level = effectiveLevel(strictestLevel(request.level, shop.collection_level), thresholdOf(shop), totals.total, request.currency);
  if (level === 'none') return { request, level, total: totals.total, customer: null };

  const customer = customerSchemaFor(level).safeParse(request.customer ?? {});
  if (!customer.success) {
    throw new AppError('validation_failed', 'Please check the highlighted fields.', {
      fields: fieldErrorsFrom(customer.error, 'customer'),
      details: { level },
    });
  }
  return { request, level, total: totals.total, customer: customer.data as Validated['customer'] };
}

/**
 * Opens a hosted checkout for a shop: the customer is upserted and pushed to the processor, then
 * the charge is created with the processor's customer id. Runs once per Idempotency-Key; the
 * checkout row, its audit entries and the stored response commit together.
 */
export async function createCheckout(
  ctx: BridgeContext,
  shop: ShopRow,
  input: unknown,
  idempotency: { key: string; requestHash: string },
): Promise<StoredResponse & { replayed: boolean }> {
  const valid = validateCheckoutRequest(shop, input);
  return runOnce(ctx.db, { shopId: shop.id, ...idempotency, waitMs: ctx.config.PROCESSOR_TIMEOUT_MS * 3 }, async () => {
    const processor = processorFor(ctx, shop);
    try {
      const customer = valid.customer && valid.level !== 'none' ? await upsertCustomer(ctx, shop, processor, valid.customer, valid.level) : null;
      const checkoutId = randomUUID();
      const body = buildHostedCheckout(valid.request, {
        checkoutId,
        processorCustomerId: customer?.processorCustomerId ?? null,
        shopName: shop.name,
        settlementAsset: shop.settlement_asset,
        checkoutLanguage: shop.checkout_language,
        webhookUrl: `${ctx.publicUrl()}/processor-webhooks/${shop.id}`,
      });
      const hosted = await processor.createHostedCheckout(body);
      return await ctx.db.transaction(async (tx) => {
        const checkout = await insertCheckout(tx, {
          id: checkoutId,
          shopId: shop.id,
          customerId: customer?.id ?? null,
          processor: shop.processor_kind,
          processorCheckoutId: hosted.id,
          url: hosted.url,
          level: valid.level,
          orderRef: valid.request.orderRef,
          currency: valid.request.currency,
          total: valid.total,
          charge: body,
        });
        const response: CheckoutCreated = { checkout };
        await addAuditEntry(tx, {
          shopId: shop.id,
          customerId: customer?.id ?? null,
          checkoutId,
          action: 'POST /checkout/hosted',
          actor: 'bridge',
          request: redactSecrets(body),
          responseStatus: 200,
          response: hosted,
        });
        await addAuditEntry(tx, {
          shopId: shop.id,
          customerId: customer?.id ?? null,
          checkoutId,
          action: 'POST /v1/checkouts',
          actor: 'shop',
          request: redactSecrets(input),
          responseStatus: 201,
          response,
        });
        await completeIdempotencyKey(tx, shop.id, idempotency.key, 201, response);
        return { status: 201, body: response };
      });
    } catch (error) {
      ctx.log.warn({ err: error, shop: shop.id, orderRef: valid.request.orderRef }, 'checkout creation failed');
      throw fromProcessorError(error);
    }
  });
}

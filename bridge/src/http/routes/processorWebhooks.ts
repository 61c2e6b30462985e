import express from 'express';
import type { BridgeContext } from '../../context';
import { AppError } from '../../domain/errors';
import { handleProcessorWebhook, verifyWebhook } from '../../domain/webhooks/processorWebhook';
import { findShopById } from '../../store/shops';
import { uuidSchema } from '../query';

export function processorWebhookRoutes(ctx: BridgeContext): express.Router {
  const router = express.Router();

  router.post('/:shopId', async (req, res) => {
    const shop = uuidSchema.safeParse(req.params.shopId).success ? await findShopById(ctx.db, req.params.shopId) : null;
    if (!shop) throw new AppError('not_found', 'Unknown shop.');
    verifyWebhook(ctx, shop, res.locals.rawBody, req.get('x-webhook-auth'));
    const outcome = await handleProcessorWebhook(ctx, shop, res.locals.rawBody);
    // Unknown checkouts answer 404 so the processor retries: the webhook may have overtaken our commit.
    if (outcome === 'unknown_checkout') throw new AppError('not_found', 'No checkout with this id for this shop.');
    res.json({ outcome });
  });

  return router;
}

import express, { type NextFunction, type Request, type Response } from 'express';
import Big from 'big.js';
import type { Logger } from 'pino';
import { computeTotals } from '../../contract';
import { safeEqual } from '../../security/compare';
import type { Db } from '../../store/db';
import { DIGEST_HEADERS, digestSignature } from '../whalestack/signing';
import {
  createCustomerBodySchema,
  deleteCustomerBodySchema,
  hostedCheckoutBodySchema,
  updateCustomerBodySchema,
} from '../whalestack/protocol';
import { sandboxSecret } from './accounts';
import { processorId } from './ids';
import {
  deleteSandboxCustomer,
  findSandboxCheckout,
  findSandboxCustomer,
  insertSandboxCheckout,
  insertSandboxCustomer,
  listSandboxCustomers,
  updateSandboxCustomer,
} from './store';

export interface SandboxDeps {
  db: Db;
  log: Logger;
  publicUrl: () => string;
}

const CLOCK_SKEW_SECONDS = 300;

function fail(res: Response, status: number, ...errors: string[]) {
  res.status(status).json({ errors });
}

/**
 * The processor's API, served locally: same paths, same X-Digest-* signature check over
 * `path + timestamp + METHOD + body`, same `{errors: [...]}` failures.
 */
export function sandboxApi(deps: SandboxDeps): express.Router {
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: '1mb' }));

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const key = req.get(DIGEST_HEADERS.key);
    const timestamp = req.get(DIGEST_HEADERS.timestamp);
    const signature = req.get(DIGEST_HEADERS.signature);
    if (!key || !timestamp || !signature) return fail(res, 401, 'Missing X-Digest-Key, X-Digest-Timestamp or X-Digest-Signature header.');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > CLOCK_SKEW_SECONDS) {
      return fail(res, 401, 'X-Digest-Timestamp is stale or malformed.');
    }
    const secret = await sandboxSecret(deps.db, key);
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    if (!secret || !safeEqual(signature, digestSignature(secret, req.path, timestamp, req.method, raw))) {
      return fail(res, 401, 'Invalid API key or signature.');
    }
    res.locals.apiKey = key;
    res.locals.json = raw === '' ? undefined : safeJson(raw);
    next();
  });

  router.get('/auth-test', (_req, res) => {
    res.json({ result: 'success', sandbox: true });
  });

  router.post('/customer', async (_req, res) => {
    const body = createCustomerBodySchema.safeParse(res.locals.json);
    if (!body.success) return fail(res, 400, ...issues(body.error));
    const id = processorId(12);
    await insertSandboxCustomer(deps.db, id, res.locals.apiKey, body.data.customer);
    res.json({ customerId: id });
  });

  router.put('/customer', async (_req, res) => {
    const body = updateCustomerBodySchema.safeParse(res.locals.json);
    if (!body.success) return fail(res, 400, ...issues(body.error));
    const { id, ...data } = body.data.customer;
    if (!(await updateSandboxCustomer(deps.db, id, res.locals.apiKey, data))) return fail(res, 404, `Customer ${id} not found.`);
    res.json({ result: 'success' });
  });

  router.delete('/customer', async (_req, res) => {
    const body = deleteCustomerBodySchema.safeParse(res.locals.json);
    if (!body.success) return fail(res, 400, ...issues(body.error));
    if (!(await deleteSandboxCustomer(deps.db, body.data.id, res.locals.apiKey))) return fail(res, 404, `Customer ${body.data.id} not found.`);
    res.json({ result: 'success' });
  });

  router.get('/customers', async (_req, res) => {
    res.json({ customers: await listSandboxCustomers(deps.db, res.locals.apiKey) });
  });

  router.post('/checkout/hosted', async (_req, res) => {
    const body = hostedCheckoutBodySchema.safeParse(res.locals.json);
    if (!body.success) return fail(res, 400, ...issues(body.error));
    const { charge } = body.data;
    if (charge.customerId && !(await findSandboxCustomer(deps.db, charge.customerId))) {
      return fail(res, 400, `Customer ${charge.customerId} not found.`);
    }
    let total: string;
    try {
      total = computeTotals({
        currency: charge.billingCurrency,
        lineItems: charge.lineItems.map((i) => ({ netAmount: new Big(i.netAmount).toFixed(), quantity: i.quantity })),
        discountItems: (charge.discountItems ?? []).map((d) => ({ netAmount: new Big(d.netAmount).toFixed() })),
        shippingItems: (charge.shippingCostItems ?? []).map((s) => ({ netAmount: new Big(s.netAmount).toFixed(), taxable: s.taxable })),
        taxItems: (charge.taxItems ?? []).map((t) => ({ percent: new Big(t.percent).toFixed() })),
      }).total;
    } catch {
      return fail(res, 400, `Unsupported billing currency ${charge.billingCurrency}.`);
    }
    const id = processorId(12);
    await insertSandboxCheckout(deps.db, { id, api_key: res.locals.apiKey, body: body.data, total });
    res.json({ id, url: `${deps.publicUrl()}/sandbox/checkout/${id}` });
  });

  router.get('/checkout', async (req, res) => {
    const id = typeof req.query.id === 'string' ? req.query.id : '';
    const checkout = id ? await findSandboxCheckout(deps.db, id) : null;
    if (!checkout || checkout.api_key !== res.locals.apiKey) return fail(res, 404, `Checkout ${id} not found.`);
    res.json({ checkout: { id: checkout.id, state: checkout.state, billingCurrency: checkout.body.charge.billingCurrency, total: checkout.total } });
  });

  router.use((_req, res) => fail(res, 404, 'Unknown endpoint.'));
  return router;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function issues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`);
}

import express, { type Response } from 'express';
import Big from 'big.js';
import { sandboxSecret } from './accounts';
import type { SandboxDeps } from './api';
import { processorId } from './ids';
import { findSandboxCheckout, findSandboxCustomer, moveSandboxCheckout, type SandboxCheckout } from './store';
import { sendSandboxWebhook } from './webhooks';
import type { ProcessorCheckoutState, WebhookPayload } from '../whalestack/protocol';

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Action {
  from: ProcessorCheckoutState[];
  to: ProcessorCheckoutState;
  label: string;
  webhook: WebhookPayload['eventType'] | null;
  then: 'return' | 'cancel' | 'page';
}

/** What a payer (or, for the last two, the merchant) can do on the test checkout page. */
const ACTIONS: Record<string, Action> = {
  pay: { from: ['OPEN'], to: 'COMPLETED', label: 'Pay in full', webhook: 'CHECKOUT_COMPLETED', then: 'return' },
  underpay: { from: ['OPEN'], to: 'UNRESOLVED_UNDERPAID', label: 'Underpay (send 90 %)', webhook: 'CHECKOUT_UNDERPAID', then: 'return' },
  expire: { from: ['OPEN'], to: 'EXPIRED', label: 'Let it expire', webhook: null, then: 'cancel' },
  'accept-underpayment': { from: ['UNRESOLVED_UNDERPAID'], to: 'UNDERPAID_ACCEPTED', label: 'Merchant: accept the underpayment', webhook: 'UNDERPAID_ACCEPTED', then: 'page' },
  refund: { from: ['COMPLETED', 'UNRESOLVED_UNDERPAID', 'UNDERPAID_ACCEPTED'], to: 'REFUNDED', label: 'Merchant: refund', webhook: 'REFUND_COMPLETED', then: 'page' },
};

/** The hosted test-checkout page: clearly a sandbox, with the payer's three outcomes. */
export function sandboxPages(deps: SandboxDeps): express.Router {
  const router = express.Router();

  router.get('/checkout/:id', async (req, res) => {
    const checkout = await findSandboxCheckout(deps.db, req.params.id);
    if (!checkout) return void res.status(404).type('html').send(layout('Checkout not found', '<p>This sandbox checkout does not exist.</p>'));
    const customer = checkout.body.charge.customerId ? await findSandboxCustomer(deps.db, checkout.body.charge.customerId) : null;
    res.type('html').send(renderCheckout(checkout, customer));
  });

  router.post('/checkout/:id/:action', async (req, res) => {
    const action = ACTIONS[req.params.action];
    const checkout = await findSandboxCheckout(deps.db, req.params.id);
    if (!action || !checkout) return void res.status(404).type('html').send(layout('Not found', '<p>Unknown checkout or action.</p>'));
    const refundId = action.to === 'REFUNDED' ? processorId(12) : undefined;
    if (await moveSandboxCheckout(deps.db, checkout.id, action.from, action.to, refundId)) {
      if (action.webhook && checkout.body.webhook) {
        const secret = (await sandboxSecret(deps.db, checkout.api_key))!;
        void sendSandboxWebhook(deps.log, checkout.body.webhook, secret, webhookPayload(action.webhook, checkout, refundId));
      }
    }
    redirectAfter(res, action, checkout);
  });

  return router;
}

function redirectAfter(res: Response, action: Action, checkout: SandboxCheckout) {
  const pages = checkout.body.pageSettings ?? {};
  const target = action.then === 'return' ? pages.returnUrl : action.then === 'cancel' ? pages.cancelUrl : undefined;
  res.redirect(303, target ?? `/sandbox/checkout/${checkout.id}`);
}

function webhookPayload(type: WebhookPayload['eventType'], checkout: SandboxCheckout, refundId?: string): WebhookPayload {
  const timestamp = new Date().toISOString();
  if (type === 'REFUND_COMPLETED') {
    const context = checkout.state === 'UNRESOLVED_UNDERPAID' ? 'UNDERPAID_CHECKOUT' : 'COMPLETED_CHECKOUT';
    return { eventType: type, timestamp, data: { refund: { id: refundId!, context, checkoutId: checkout.id } } };
  }
  const received = type === 'CHECKOUT_UNDERPAID' ? new Big(checkout.total).times('0.9').toFixed(2) : checkout.total;
  return {
    eventType: type,
    timestamp,
    data: {
      checkout: {
        id: checkout.id,
        state: type === 'CHECKOUT_COMPLETED' ? 'COMPLETED' : type === 'CHECKOUT_UNDERPAID' ? 'UNRESOLVED_UNDERPAID' : 'UNDERPAID_ACCEPTED',
        billingCurrency: checkout.body.charge.billingCurrency,
        settlementAmountReceived: received,
        payments: [{ network: 'SANDBOX', account: `SANDBOX-${checkout.id}`, amount: received }],
      },
    },
  };
}

function renderCheckout(checkout: SandboxCheckout, customer: Record<string, string> | null): string {
  const { charge, pageSettings } = checkout.body;
  const items = charge.lineItems
    .map((i) => `<tr><td>${escapeHtml(i.description)}</td><td>${escapeHtml(i.quantity)}</td><td>${escapeHtml(i.netAmount)}</td></tr>`)
    .join('');
  const buttons = Object.entries(ACTIONS)
    .filter(([, a]) => a.from.includes(checkout.state))
    .map(([name, a]) => `<form method="post" action="/sandbox/checkout/${escapeHtml(checkout.id)}/${name}"><button type="submit" name="action" value="${name}">${escapeHtml(a.label)}</button></form>`)
    .join('');
  const who = customer
    ? `<p>Customer: ${escapeHtml([customer.firstname, customer.lastname].filter(Boolean).join(' '))} &lt;${escapeHtml(customer.email)}&gt;</p>`
    : '<p>No customer attached to this charge.</p>';
  return layout(
    `Pay ${checkout.total} ${charge.billingCurrency}`,
    `<p class="shop">${escapeHtml(pageSettings?.shopName ?? '')}</p>
     <table><thead><tr><th>Item</th><th>Qty</th><th>Net</th></tr></thead><tbody>${items}</tbody></table>
     <p class="total">Total: <strong data-testid="total">${escapeHtml(checkout.total)} ${escapeHtml(charge.billingCurrency)}</strong></p>
     ${who}
     <p>State: <strong data-testid="state">${escapeHtml(checkout.state)}</strong></p>
     <div class="actions">${buttons}</div>`,
  );
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>SANDBOX · ${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}
.banner{background:#fff3cd;border:2px dashed #b58100;padding:.75rem;font-weight:700}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem;text-align:left}
.actions form{display:inline-block;margin:.25rem}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><div class="banner" role="note">SANDBOX — a test checkout. No real payment is made and no money moves.</div>
<h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

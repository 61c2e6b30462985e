import type { CheckoutStatus } from '../../contract';

/**
 * The checkout lifecycle. Payment states only move forward (open < underpaid < paid < refunded), so a
 * late or repeated event never undoes a later one; `expired` is reachable only from `open` and is
 * final, so an expired checkout can never become paid.
 */
const RANK: Record<CheckoutStatus, number> = {
  open: 0,
  underpaid: 1,
  completed: 2,
  underpaid_accepted: 2,
  refunded: 3,
  expired: 0,
};

export type Transition = { apply: true } | { apply: false; reason: string };

export function transition(from: CheckoutStatus, to: CheckoutStatus): Transition {
  if (from === to) return { apply: false, reason: `already ${to}` };
  if (from === 'expired') return { apply: false, reason: 'the checkout expired; a later payment event needs the merchant to review it' };
  if (to === 'expired') return from === 'open' ? { apply: true } : { apply: false, reason: `a ${from} checkout cannot expire` };
  if (RANK[to] <= RANK[from]) return { apply: false, reason: `${to} arrived after ${from}` };
  return { apply: true };
}

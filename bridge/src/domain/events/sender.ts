import type { BridgeContext } from '../../context';
import { signatureHeaders } from '../../security/requestSigning';
import { claimDueEvents, markDelivered, markFailed, type OutboxRow } from '../../store/outbox';
import { findShopById } from '../../store/shops';

const LEASE_SECONDS = 60;
const BATCH = 20;

/** Exponential backoff with jitter, capped: attempt 1 waits ~base, attempt 2 ~2×base, ... */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/**
 * Delivers queued events to each shop's event URL, signed with the shop's secret, until the shop
 * answers 2xx. Rows live in the database, so delivery resumes after a restart.
 */
export class EventSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly ctx: BridgeContext) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers now instead of at the next poll; called after a commit that queued events. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** One pass: deliver everything due. Returns how many were delivered. */
  async deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = await claimDueEvents(this.ctx.db, BATCH, LEASE_SECONDS);
      for (const row of rows) if (await this.deliver(row)) delivered++;
      if (rows.length < BATCH) return delivered;
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .then(() => undefined)
        .catch((err) => this.ctx.log.error({ err }, 'event delivery pass failed'))
        .finally(() => {
          this.running = null;
          if (this.stopped) return;
          const next = this.again ? 0 : this.ctx.config.EVENT_POLL_MS;
          this.again = false;
          this.schedule(next);
        });
    }, ms);
  }

  private async deliver(row: OutboxRow): Promise<boolean> {
    const shop = await findShopById(this.ctx.db, row.shop_id);
    if (!shop?.event_url) return false;
    const body = JSON.stringify(row.payload);
    const url = new URL(shop.event_url);
    let failure: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signatureHeaders(shop.key_id, this.ctx.secrets.open(shop.secret_enc), 'POST', url.pathname + url.search, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        await markDelivered(this.ctx.db, row.id);
        return true;
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const delay = retryDelayMs(row.attempts, this.ctx.config.EVENT_RETRY_BASE_MS, this.ctx.config.EVENT_RETRY_MAX_MS);
    await markFailed(this.ctx.db, row.id, failure, delay);
    this.ctx.log.warn({ event: row.id, type: row.type, attempts: row.attempts, failure, retryInMs: delay }, 'event delivery failed');
    return false;
  }
}

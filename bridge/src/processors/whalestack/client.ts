import { z } from 'zod';
import { toProcessorJson } from './json';
import { DIGEST_HEADERS, digestSignature } from './signing';
import {
  checkoutStateResponseSchema,
  customerResponseSchema,
  errorResponseSchema,
  hostedCheckoutResponseSchema,
  type HostedCheckoutBody,
  type ProcessorCustomer,
} from './protocol';

export const WHALESTACK_API_URL = 'https://www.whalestack.com/api/v1';

export interface ProcessorCredentials {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
}

export type ProcessorFailure = 'unavailable' | 'rejected' | 'auth_failed';

/** A processor call that did not succeed; `kind` says whether retrying later can help. */
export class ProcessorError extends Error {
  constructor(
    readonly kind: ProcessorFailure,
    message: string,
    readonly status: number | null,
    readonly processorErrors: string[] = [],
  ) {
    super(message);
    this.name = 'ProcessorError';
  }
}

interface CallOptions {
  query?: Record<string, string>;
  /** Only for requests the processor treats as safe to repeat. */
  retry?: boolean;
}

const RETRY_DELAYS_MS = [200, 800];

/** The one Whalestack API client. The embedded sandbox is reached through this same client by base URL. */
export class WhalestackClient {
  constructor(
    private readonly credentials: ProcessorCredentials,
    private readonly timeoutMs: number,
  ) {}

  async createCustomer(customer: ProcessorCustomer): Promise<string> {
    const body = await this.call('POST', '/customer', { customer }, customerResponseSchema);
    return body.customerId;
  }

  async updateCustomer(id: string, customer: Partial<ProcessorCustomer>): Promise<void> {
    await this.call('PUT', '/customer', { customer: { id, ...customer } }, z.unknown(), { retry: true });
  }

  async deleteCustomer(id: string): Promise<void> {
    await this.call('DELETE', '/customer', { id }, z.unknown(), { retry: true });
  }

  createHostedCheckout(body: HostedCheckoutBody) {
    return this.call('POST', '/checkout/hosted', body, hostedCheckoutResponseSchema);
  }

  async getCheckout(id: string) {
    return (await this.call('GET', '/checkout', undefined, checkoutStateResponseSchema, { query: { id }, retry: true })).checkout;
  }

  async authTest(): Promise<void> {
    await this.call('GET', '/auth-test', undefined, z.unknown(), { retry: true });
  }

  private async call<T>(method: string, path: string, payload: unknown, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T> {
    const attempts = options.retry ? RETRY_DELAYS_MS.length + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, path, payload, schema, options.query);
      } catch (error) {
        const retriable = error instanceof ProcessorError && error.kind === 'unavailable';
        if (!retriable || attempt >= attempts) throw error;
        await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt - 1]));
      }
    }
  }

  private async once<T>(method: string, path: string, payload: unknown, schema: z.ZodType<T>, query?: Record<string, string>): Promise<T> {
    const body = payload === undefined ? '' : toProcessorJson(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = this.credentials.baseUrl.replace(/\/+$/, '') + path + (query ? `?${new URLSearchParams(query)}` : '');
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          [DIGEST_HEADERS.key]: this.credentials.apiKey,
          [DIGEST_HEADERS.timestamp]: timestamp,
          [DIGEST_HEADERS.signature]: digestSignature(this.credentials.apiSecret, path, timestamp, method, body),
        },
        body: body === '' ? undefined : body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new ProcessorError('unavailable', timedOut ? `The payment processor did not answer within ${this.timeoutMs} ms.` : 'The payment processor could not be reached.', null);
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) {
      const errors = errorResponseSchema.safeParse(json);
      const messages = errors.success ? errors.data.errors : [];
      if (response.status === 401 || response.status === 403) {
        throw new ProcessorError('auth_failed', 'The payment processor refused the API credentials.', response.status, messages);
      }
      if (response.status >= 500 || response.status === 429) {
        throw new ProcessorError('unavailable', `The payment processor answered with an error (HTTP ${response.status}).`, response.status, messages);
      }
      throw new ProcessorError('rejected', 'The payment processor refused the request.', response.status, messages);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ProcessorError('unavailable', 'The payment processor sent an answer the bridge does not understand.', response.status);
    }
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

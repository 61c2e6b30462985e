import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a piece of work belongs to, without passing it down every call: the logger adds its id
 * to every line written while the request is handled, whatever module writes it.
 */
const storage = new AsyncLocalStorage< { requestId: string } >();

export const runInRequest = < T >( requestId: string, fn: () => T ): T =>
	storage.run( { requestId }, fn );

export const currentRequestId = (): string | undefined =>
	storage.getStore()?.requestId;

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a piece of work belongs to, without passing it down every call: the logger adds its id
 * to every line written while the request is handled, whatever module writes it, and the audit log
 * names the person a shop acted for.
 */
const storage = new AsyncLocalStorage< {
	requestId: string;
	actingUser?: string;
} >();

export const runInRequest = < T >( requestId: string, fn: () => T ): T =>
	storage.run( { requestId }, fn );

export const currentRequestId = (): string | undefined =>
	storage.getStore()?.requestId;

/** Set once the shop's signature is verified: only an authenticated shop may name its user. */
export const setActingUser = ( user: string ): void => {
	const store = storage.getStore();
	if ( store ) store.actingUser = user;
};

export const currentActingUser = (): string | undefined =>
	storage.getStore()?.actingUser;

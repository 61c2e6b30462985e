/**
 * Serialises work on one customer (shop + email) inside this process, so two checkouts for a new
 * customer arriving together create one processor customer, not two. The database's unique index
 * is the last line across processes.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withCustomerLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}

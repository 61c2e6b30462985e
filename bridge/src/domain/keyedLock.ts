/**
 * Serialises work on one key inside this process: one customer (shop + email), so two checkouts
 * for a new customer arriving together create one processor customer; one order, so two tabs
 * paying the same order create one charge. Database constraints are the last line across processes.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withKeyedLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
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

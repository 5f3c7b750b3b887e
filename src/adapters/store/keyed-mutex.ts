import type { Exclusive } from '../../app/store.js';

/**
 * Work queued by name within this process: each caller starts once the previous caller of the same
 * name has finished, whether it succeeded or threw. This is the whole lock of a store only this
 * process uses, and the queue in front of a shared store's lock.
 */
export function keyedMutex(): Exclusive {
  const tails = new Map<string, Promise<void>>();
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    let done = (): void => undefined;
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(name, tail);
    await previous;
    try {
      return await work();
    } finally {
      done();
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}

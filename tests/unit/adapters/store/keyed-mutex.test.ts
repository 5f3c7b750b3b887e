import { describe, expect, it } from 'vitest';
import { keyedMutex } from '../../../../src/adapters/store/keyed-mutex.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('keyedMutex', () => {
  it('runs work of one name one at a time, in the order asked, and other names alongside', async () => {
    const exclusive = keyedMutex();
    const events: string[] = [];
    const gates = new Map<string, () => void>();
    const work = (id: string) => () =>
      new Promise<string>((resolve) => {
        events.push(`${id} start`);
        gates.set(id, () => {
          events.push(`${id} end`);
          resolve(id);
        });
      });
    const results = Promise.all([exclusive('a', work('a1')), exclusive('a', work('a2')), exclusive('b', work('b1'))]);
    await tick();
    expect(events).toEqual(['a1 start', 'b1 start']);
    gates.get('a1')?.();
    await tick();
    expect(events).toEqual(['a1 start', 'b1 start', 'a1 end', 'a2 start']);
    gates.get('a2')?.();
    gates.get('b1')?.();
    expect(await results).toEqual(['a1', 'a2', 'b1']);
  });

  it('lets the next caller in after work that threw', async () => {
    const exclusive = keyedMutex();
    const failed = exclusive('a', async () => {
      throw new Error('store down');
    });
    const next = exclusive('a', async () => 'ran');
    await expect(failed).rejects.toThrow('store down');
    expect(await next).toBe('ran');
  });
});

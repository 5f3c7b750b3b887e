import { describe, expect, it } from 'vitest';
import { runShutdown } from '../../../src/app/shutdown.js';

/** Virtual time: sleeping resolves when the test advances the clock past the wake-up time. */
function virtualTimers() {
  let now = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
    advance(ms: number) {
      now += ms;
      for (const s of sleepers.filter((x) => x.at <= now)) s.wake();
    },
  };
}

describe('runShutdown', () => {
  it('runs the steps in order and reports failures without stopping', async () => {
    const order: string[] = [];
    const timers = virtualTimers();
    const report = await runShutdown(
      [
        { name: 'scheduler', run: async () => void order.push('scheduler') },
        { name: 'discord', run: async () => { order.push('discord'); throw new Error('socket gone'); } },
        { name: 'store', run: async () => void order.push('store') },
      ],
      1000,
      timers,
    );
    expect(order).toEqual(['scheduler', 'discord', 'store']);
    expect(report.completed).toEqual(['scheduler', 'store']);
    expect(report.failed).toEqual([{ name: 'discord', error: 'socket gone' }]);
  });

  it('gives up on a hanging step when the budget runs out and skips what is left', async () => {
    const timers = virtualTimers();
    const pending = runShutdown(
      [
        { name: 'hang', run: () => new Promise<void>(() => undefined) },
        { name: 'store', run: async () => undefined },
      ],
      500,
      timers,
    );
    await Promise.resolve();
    timers.advance(500);
    const report = await pending;
    expect(report.timedOut).toEqual(['hang', 'store']);
    expect(report.completed).toEqual([]);
  });
});

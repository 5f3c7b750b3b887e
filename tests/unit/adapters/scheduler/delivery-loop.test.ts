import { describe, expect, it } from 'vitest';
import { DeliveryLoop } from '../../../../src/adapters/scheduler/delivery-loop.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('DeliveryLoop', () => {
  it('never overlaps runs and runs once more after a kick during a run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const gates = [deferred(), deferred(), deferred()];
    const loop = new DeliveryLoop(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await gates[runs]?.promise;
      runs++;
      active--;
    }, 60_000, () => undefined);
    loop.start();
    loop.kick();
    loop.kick();
    gates[0]?.resolve();
    gates[1]?.resolve();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    await loop.stop();
    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
  });

  it('reports errors and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new DeliveryLoop(async () => {
      calls++;
      if (calls === 1) throw new Error('store busy');
    }, 60_000, (e) => errors.push(e));
    loop.start();
    await new Promise((r) => setImmediate(r));
    loop.kick();
    await new Promise((r) => setImmediate(r));
    await loop.stop();
    expect(calls).toBe(2);
    expect((errors[0] as Error).message).toBe('store busy');
  });

  it('waits for the run in progress when stopped', async () => {
    const gate = deferred();
    let finished = false;
    const loop = new DeliveryLoop(async () => {
      await gate.promise;
      finished = true;
    }, 60_000, () => undefined);
    loop.start();
    const stopping = loop.stop();
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
  });
});

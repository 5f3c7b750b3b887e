import { describe, expect, it } from 'vitest';
import type { DeliverySink } from '../../../../../src/app/delivery/ports.js';
import { deliverDue } from '../../../../../src/app/delivery/worker.js';
import { ManualClock } from '../../../../../src/domain/shared/clock.js';
import { outboxEntry, subscriptionFixture } from '../../../../support/store-fixtures.js';
import { FakeRemote, RecordingNotifier } from '../../../app/delivery/fakes.js';
import { openOnEngine, sharedEngine } from './harness.js';

const engine = sharedEngine();
const T0 = '2025-07-02T08:00:00.000Z';
const LEASE_MS = 60_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe('postgres outbox: leases of claimed items', () => {
  it('extends a lease only for the claim that holds it', async () => {
    const store = await openOnEngine(engine());
    try {
      await store.outbox.enqueue(outboxEntry('inc-1:1:sub-1', T0));
      const [first] = await store.outbox.claimDue(T0, at(LEASE_MS), 10);
      expect(first?.leaseUntil).toBe(at(LEASE_MS));
      expect(await store.outbox.extendLease('inc-1:1:sub-1', at(LEASE_MS), at(2 * LEASE_MS))).toBe(true);
      expect((await store.outbox.get('inc-1:1:sub-1'))?.leaseUntil).toBe(at(2 * LEASE_MS));
      // The old lease no longer names the claim.
      expect(await store.outbox.extendLease('inc-1:1:sub-1', at(LEASE_MS), at(3 * LEASE_MS))).toBe(false);
      // Once the lease ran out, another claim takes the item and the first claim cannot get it back.
      const [second] = await store.outbox.claimDue(at(2 * LEASE_MS), at(3 * LEASE_MS + 1), 10);
      expect(second?.key).toBe('inc-1:1:sub-1');
      expect(await store.outbox.extendLease('inc-1:1:sub-1', at(2 * LEASE_MS), at(4 * LEASE_MS))).toBe(false);
      await store.outbox.markSent('inc-1:1:sub-1', 'm-1', at(2 * LEASE_MS));
      expect(await store.outbox.extendLease('inc-1:1:sub-1', at(3 * LEASE_MS + 1), at(4 * LEASE_MS))).toBe(false);
      expect(await store.outbox.extendLease('no-such-key', at(0), at(1))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('sends each item once when a slow batch outlives its leases and another worker takes over', async () => {
    const store = await openOnEngine(engine());
    try {
      const clock = new ManualClock(T0);
      // Duplicates are not hidden by the remote: every create posts.
      const remote = new FakeRemote(clock, 0);
      const posted: { worker: string; key: string }[] = [];
      await store.subscriptions.put(subscriptionFixture('sub-1'));
      for (const n of [1, 2, 3]) await store.outbox.enqueue(outboxEntry(`inc-${n}:1:sub-1`, T0, { incidentId: `inc-${n}` }));
      const worker = (name: string, onSend: () => Promise<void>) => {
        const sink: DeliverySink = {
          send: async (target, message, options) => {
            posted.push({ worker: name, key: options.idempotencyKey });
            await onSend();
            return remote.sink().send(target, message, options);
          },
        };
        return () =>
          deliverDue({
            outbox: store.outbox,
            subscriptions: store.subscriptions,
            messageRefs: store.messageRefs,
            sink,
            notifier: new RecordingNotifier(),
            clock,
            random: () => 0.5,
            policy: { leaseMs: LEASE_MS },
          });
      };
      const b = worker('b', async () => undefined);
      let sends = 0;
      // Each of a's sends takes 60% of a lease; during its second one, b runs.
      const a = worker('a', async () => {
        clock.advance(0.6 * LEASE_MS);
        sends += 1;
        if (sends === 2) await b();
      });
      const report = await a();
      expect(report.claimed).toBe(3);
      expect(posted).toEqual([
        { worker: 'a', key: 'inc-1:1:sub-1' },
        { worker: 'a', key: 'inc-2:1:sub-1' },
        { worker: 'b', key: 'inc-3:1:sub-1' },
      ]);
      expect(remote.posted.map((p) => p.nonce).sort()).toEqual(['inc-1:1:sub-1', 'inc-2:1:sub-1', 'inc-3:1:sub-1']);
      expect(await store.outbox.counts()).toEqual({ pending: 0, sent: 3, failed: 0 });
    } finally {
      await store.close();
    }
  });
});

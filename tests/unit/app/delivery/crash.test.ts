import { describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { targetKey } from '../../../../src/domain/subscriptions/types.js';
import { ok } from '../../../../src/domain/shared/result.js';
import { fanOutAdvisory } from '../../../../src/app/delivery/fanout.js';
import { MemoryDigestRepository, MemoryMessageRefRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../../src/app/delivery/memory.js';
import type { DeliverySink } from '../../../../src/app/delivery/ports.js';
import { deliverDue, DEFAULT_RETRY_POLICY } from '../../../../src/app/delivery/worker.js';
import { CATALOG, CLAIM_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim } from '../../domain/advisory/fixtures.js';
import { channel, FakeRemote, RecordingNotifier, subscription } from './fakes.js';

const KAYES = 'inc-20250701-kayes-kidnapping';
const CHANNELS = 6;

function advisories(): Advisory[] {
  const context = { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-03T12:00:00Z') };
  const first = composeAdvisory(kayesBeforeClaim(), decision('new', WIRE, KAYES), context);
  if (!first.ok) throw new Error();
  const update = composeAdvisory(kayesAfterClaim(), decision('update', CLAIM_REPORT, KAYES), { ...context, previous: snapshotOf(first.value, undefined) });
  if (!update.ok) throw new Error();
  return [first.value, update.value];
}

/**
 * The process dies during the (n+1)-th send: the send never completes. With `delivered`, the
 * remote got the message before the process died (the answer was lost); without, it did not.
 */
function dyingSink(remote: FakeRemote, sendsBeforeCrash: number, delivered: boolean): DeliverySink {
  let sends = 0;
  return {
    send(target, message, options) {
      sends += 1;
      if (sends <= sendsBeforeCrash) return Promise.resolve(ok({ messageId: remote.accept(target, message, options) }));
      if (delivered) remote.accept(target, message, options);
      return new Promise(() => undefined);
    },
  };
}

async function scenario(delivered: boolean, restartAfterMs: number) {
  const clock = new ManualClock('2025-07-03T12:00:00Z');
  const remote = new FakeRemote(clock);
  // The store outlives the process: the same repositories serve both runs.
  const store = {
    subscriptions: new MemorySubscriptionRepository(),
    outbox: new MemoryOutboxRepository(),
    digests: new MemoryDigestRepository(),
    messageRefs: new MemoryMessageRefRepository(),
  };
  for (let i = 1; i <= CHANNELS; i++) await store.subscriptions.put(subscription(`s${i}`, channel(i)));
  for (const a of advisories()) await fanOutAdvisory({ ...store, clock }, a);
  const common = { ...store, notifier: new RecordingNotifier(), clock, random: () => 0.5 };

  void deliverDue({ ...common, sink: dyingSink(remote, 4, delivered) });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const afterCrash = await store.outbox.counts();

  clock.advance(restartAfterMs);
  for (let round = 0; round < 5; round++) {
    await deliverDue({ ...common, sink: remote.sink() });
    clock.advance(DEFAULT_RETRY_POLICY.leaseMs);
  }
  return { remote, store, afterCrash };
}

describe('a crash in the middle of delivery, then a restart', () => {
  for (const delivered of [true, false]) {
    it(`loses nothing and posts nothing twice (${delivered ? 'remote got the message' : 'remote never got it'})`, async () => {
      const { remote, store, afterCrash } = await scenario(delivered, DEFAULT_RETRY_POLICY.leaseMs);
      expect(afterCrash).toEqual({ pending: 2 * CHANNELS - 4, sent: 4, failed: 0 });
      expect(await store.outbox.counts()).toEqual({ pending: 0, sent: 2 * CHANNELS, failed: 0 });
      expect(remote.posted).toHaveLength(2 * CHANNELS);
      expect(new Set(remote.posted.map((p) => p.nonce)).size).toBe(2 * CHANNELS);
      for (let i = 1; i <= CHANNELS; i++) {
        const posts = remote.posted.filter((p) => p.target === targetKey(channel(i)));
        expect(posts.map((p) => p.message.tag)).toEqual(['NEW', 'UPDATE 1']);
        expect(posts[1]?.replyTo).toBe(posts[0]?.id);
      }
    });
  }

  it('items sent before the crash are never sent again, however late the restart', async () => {
    const { remote } = await scenario(false, 24 * 3600_000);
    expect(remote.posted).toHaveLength(2 * CHANNELS);
    // remote.calls holds only what the restarted process sent: the four early deliveries are absent.
    const firstFour = new Set(remote.posted.slice(0, 4).map((p) => p.nonce));
    expect(remote.calls.filter((c) => firstFour.has(c))).toEqual([]);
    expect(remote.calls).toHaveLength(2 * CHANNELS - 4);
  });

  it('the item in flight is not retried before its lease ends', async () => {
    const clock = new ManualClock('2025-07-03T12:00:00Z');
    const remote = new FakeRemote(clock);
    const store = { subscriptions: new MemorySubscriptionRepository(), outbox: new MemoryOutboxRepository(), digests: new MemoryDigestRepository(), messageRefs: new MemoryMessageRefRepository() };
    await store.subscriptions.put(subscription('s1', channel(1)));
    await fanOutAdvisory({ ...store, clock }, advisories()[0] as Advisory);
    const common = { ...store, notifier: new RecordingNotifier(), clock, random: () => 0.5 };
    void deliverDue({ ...common, sink: dyingSink(remote, 0, true) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.advance(DEFAULT_RETRY_POLICY.leaseMs - 1);
    expect((await deliverDue({ ...common, sink: remote.sink() })).claimed).toBe(0);
    clock.advance(1);
    expect((await deliverDue({ ...common, sink: remote.sink() })).sent).toBe(1);
    expect(remote.posted).toHaveLength(1);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { composeAdvisory } from '../../../../src/domain/advisory/compose.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { nextDigestDue, runDueDigests } from '../../../../src/app/delivery/digest.js';
import { fanOutAdvisory } from '../../../../src/app/delivery/fanout.js';
import { MemoryDigestRepository, MemoryMessageRefRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../../src/app/delivery/memory.js';
import { deliverDue } from '../../../../src/app/delivery/worker.js';
import { CATALOG, EMBASSY_REPORT, OFFICIAL, WIRE, decision, kayesBeforeClaim, novemberFive } from '../../domain/advisory/fixtures.js';
import { channel, FakeRemote, RecordingNotifier, subscription } from './fakes.js';

function advisory(which: 'kayes' | 'november', at: Date): Advisory {
  const incident = which === 'kayes' ? kayesBeforeClaim() : novemberFive();
  const r = composeAdvisory(incident, decision('new', which === 'kayes' ? WIRE : EMBASSY_REPORT, incident.id), { officialAdvice: OFFICIAL, assistance: CATALOG, now: at });
  if (!r.ok) throw new Error();
  return r.value;
}

describe('digests on a schedule (fake clock)', () => {
  let clock: ManualClock;
  let remote: FakeRemote;
  let store: { subscriptions: MemorySubscriptionRepository; outbox: MemoryOutboxRepository; digests: MemoryDigestRepository; messageRefs: MemoryMessageRefRepository };
  const deps = () => ({ ...store, clock });
  const deliver = () => deliverDue({ ...store, clock, sink: remote.sink(), notifier: new RecordingNotifier(), random: () => 0.5 });

  beforeEach(async () => {
    clock = new ManualClock('2025-07-01T06:00:00Z');
    remote = new FakeRemote(clock);
    store = { subscriptions: new MemorySubscriptionRepository(), outbox: new MemoryOutboxRepository(), digests: new MemoryDigestRepository(), messageRefs: new MemoryMessageRefRepository() };
    // 08:00 in Kolkata is 02:30 UTC.
    await store.subscriptions.put(subscription('daily', channel(1), {
      mode: { kind: 'digest', cron: '0 8 * * *', timezone: 'Asia/Kolkata' }, lang: 'fr', createdAt: '2025-07-01T03:00:00.000Z',
    }));
    await store.subscriptions.put(subscription('live', channel(2)));
  });

  it('collects advisories and posts one summary when the period ends, in the zone of the subscription', async () => {
    clock.set('2025-07-01T10:00:00Z');
    expect(await fanOutAdvisory(deps(), advisory('kayes', clock.now()))).toMatchObject({ enqueued: 1, digested: 1 });
    clock.set('2025-07-01T20:00:00Z');
    await fanOutAdvisory(deps(), advisory('november', clock.now()));

    expect((await nextDigestDue(deps()))?.toISOString()).toBe('2025-07-02T02:30:00.000Z');
    expect(await runDueDigests(deps())).toEqual({ enqueued: 0, empty: 0, errors: [] });

    clock.set('2025-07-02T02:30:00Z');
    expect(await runDueDigests(deps())).toEqual({ enqueued: 1, empty: 0, errors: [] });
    expect(await runDueDigests(deps())).toEqual({ enqueued: 0, empty: 0, errors: [] });
    await deliver();

    const digests = remote.posted.filter((p) => p.message.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.target).toBe('discord:200000000000000001');
    expect(digests[0]?.message.title).toBe('[RÉSUMÉ] 2 incidents sur la période');
    expect(digests[0]?.message.text).toContain('Du 1 juillet 2025 à 08:30 au 2 juillet 2025 à 08:00 (Asia/Kolkata)');
    expect(remote.posted.filter((p) => p.message.kind === 'advisory').map((p) => p.target)).toEqual(['discord:200000000000000002', 'discord:200000000000000002']);
    expect((await nextDigestDue(deps()))?.toISOString()).toBe('2025-07-03T02:30:00.000Z');
  });

  it('sends nothing for an empty period and moves on', async () => {
    clock.set('2025-07-02T03:00:00Z');
    expect(await runDueDigests(deps())).toEqual({ enqueued: 0, empty: 1, errors: [] });
    expect(await store.digests.lastRun('daily')).toBe('2025-07-02T02:30:00.000Z');
  });

  it('after an outage of several days, one digest covers the missed periods', async () => {
    clock.set('2025-07-01T10:00:00Z');
    await fanOutAdvisory(deps(), advisory('kayes', clock.now()));
    clock.set('2025-07-05T12:00:00Z');
    expect(await runDueDigests(deps())).toEqual({ enqueued: 1, empty: 0, errors: [] });
    const [item] = await store.outbox.list({ subscriptionId: 'daily', limit: 5 });
    expect(item?.key).toBe('digest:daily:2025-07-05T02:30:00.000Z');
    expect(item?.message.text).toContain('Du 1 juillet 2025 à 08:30 au 5 juillet 2025 à 08:00');
  });

  it('an entry added after the scheduled end waits for the next period', async () => {
    clock.set('2025-07-02T02:31:00Z');
    await fanOutAdvisory(deps(), advisory('kayes', new Date('2025-07-02T02:31:00Z')));
    expect(await runDueDigests(deps())).toEqual({ enqueued: 0, empty: 1, errors: [] });
    clock.set('2025-07-03T02:30:00Z');
    expect(await runDueDigests(deps())).toEqual({ enqueued: 1, empty: 0, errors: [] });
  });

  it('a crash after the digest was queued but before the period was closed does not queue it twice', async () => {
    clock.set('2025-07-01T10:00:00Z');
    await fanOutAdvisory(deps(), advisory('kayes', clock.now()));
    clock.set('2025-07-02T02:30:00Z');
    const crashing = { ...deps(), digests: Object.assign(Object.create(store.digests) as MemoryDigestRepository, {
      setLastRun: () => Promise.reject(new Error('killed')),
      remove: () => Promise.reject(new Error('killed')),
    }) };
    await expect(runDueDigests(crashing)).rejects.toThrow('killed');
    expect(await runDueDigests(deps())).toEqual({ enqueued: 0, empty: 0, errors: [] });
    expect(await store.outbox.list({ subscriptionId: 'daily', limit: 5 })).toHaveLength(1);
    expect(await store.digests.pending('daily', '2025-07-02T02:30:00.000Z')).toEqual([]);
  });
});

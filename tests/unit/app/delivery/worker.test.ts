import { beforeEach, describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { fanOutAdvisory } from '../../../../src/app/delivery/fanout.js';
import { MemoryDigestRepository, MemoryMessageRefRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../../src/app/delivery/memory.js';
import { backoffMs, deliverDue, DEFAULT_RETRY_POLICY, type WorkerDeps } from '../../../../src/app/delivery/worker.js';
import { CATALOG, CLAIM_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim } from '../../domain/advisory/fixtures.js';
import { channel, FakeRemote, RecordingNotifier, subscription } from './fakes.js';

const KAYES = 'inc-20250701-kayes-kidnapping';

function advisories(): [Advisory, Advisory] {
  const context = { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-03T12:00:00Z') };
  const first = composeAdvisory(kayesBeforeClaim(), decision('new', WIRE, KAYES), context);
  if (!first.ok) throw new Error();
  const update = composeAdvisory(kayesAfterClaim(), decision('update', CLAIM_REPORT, KAYES), { ...context, previous: snapshotOf(first.value, undefined) });
  if (!update.ok) throw new Error();
  return [first.value, update.value];
}

describe('deliverDue', () => {
  let clock: ManualClock;
  let remote: FakeRemote;
  let notifier: RecordingNotifier;
  let stores: { subscriptions: MemorySubscriptionRepository; outbox: MemoryOutboxRepository; digests: MemoryDigestRepository; messageRefs: MemoryMessageRefRepository };
  let deps: WorkerDeps;

  beforeEach(async () => {
    clock = new ManualClock('2025-07-03T12:00:00Z');
    remote = new FakeRemote(clock);
    notifier = new RecordingNotifier();
    stores = {
      subscriptions: new MemorySubscriptionRepository(),
      outbox: new MemoryOutboxRepository(),
      digests: new MemoryDigestRepository(),
      messageRefs: new MemoryMessageRefRepository(),
    };
    for (let i = 1; i <= 3; i++) await stores.subscriptions.put(subscription(`s${i}`, channel(i)));
    deps = { ...stores, sink: remote.sink(), notifier, clock, random: () => 0.5 };
  });

  const fanOut = (a: Advisory) => fanOutAdvisory({ ...stores, clock }, a);

  it('sends every delivery once and replies updates to the first alert in each channel', async () => {
    const [first, update] = advisories();
    await fanOut(first);
    await fanOut(update);
    const report = await deliverDue(deps);
    expect(report).toMatchObject({ claimed: 3, sent: 3 });
    expect(remote.posted.map((p) => p.message.tag)).toEqual(['NEW', 'NEW', 'NEW']);
    const second = await deliverDue(deps);
    expect(second.sent).toBe(3);
    const byTarget = new Map(remote.posted.filter((p) => p.message.tag === 'NEW').map((p) => [p.target, p.id]));
    for (const p of remote.posted.filter((p) => p.message.tag === 'UPDATE 1')) expect(p.replyTo).toBe(byTarget.get(p.target));
    expect(await stores.outbox.counts()).toEqual({ pending: 0, sent: 6, failed: 0 });
    expect((await deliverDue(deps)).claimed).toBe(0);
  });

  it('429: waits as long as asked without counting an attempt; a global one puts the batch back', async () => {
    const [first] = advisories();
    await fanOut(first);
    remote.fail(channel(1), { code: 'rate_limited', detail: { retryAfterMs: 1500, global: true } });
    const report = await deliverDue(deps);
    expect(report).toMatchObject({ claimed: 3, sent: 0, retried: 1, deferred: 2 });
    const items = await stores.outbox.list({ limit: 10 });
    expect(items.map((i) => [i.attempts, i.nextAttemptAt])).toEqual([
      [0, '2025-07-03T12:00:01.500Z'], [0, '2025-07-03T12:00:01.500Z'], [0, '2025-07-03T12:00:01.500Z'],
    ]);
    expect(await stores.outbox.nextDueAt()).toBe('2025-07-03T12:00:01.500Z');
    expect((await deliverDue(deps)).claimed).toBe(0);
    clock.advance(1500);
    expect((await deliverDue(deps)).sent).toBe(3);
    expect(remote.posted).toHaveLength(3);
  });

  it('429 on one channel only delays that channel', async () => {
    const [first] = advisories();
    await fanOut(first);
    remote.fail(channel(2), { code: 'rate_limited', detail: { retryAfterMs: 200 } });
    expect(await deliverDue(deps)).toMatchObject({ sent: 2, retried: 1, deferred: 0 });
  });

  it('5xx and network errors back off with jitter, then give up with the reason kept', async () => {
    const [first] = advisories();
    await fanOut(first);
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    deps = { ...deps, policy };
    remote.fail(channel(1), { code: 'server_error', detail: { status: 502 } }, 'throw', { code: 'server_error', detail: { status: 503 } });
    await deliverDue(deps);
    let item = (await stores.outbox.list({ subscriptionId: 's1', limit: 1 }))[0];
    expect(item?.attempts).toBe(1);
    expect(item?.nextAttemptAt).toBe(new Date(clock.now().getTime() + backoffMs(1, policy, () => 0.5)).toISOString());
    expect(backoffMs(1, policy, () => 0.5)).toBe(3750);
    expect(backoffMs(2, policy, () => 0)).toBe(5000);
    expect(backoffMs(40, policy, () => 0.999)).toBeLessThanOrEqual(policy.maxDelayMs);

    clock.advance(60_000);
    await deliverDue(deps);
    item = (await stores.outbox.list({ subscriptionId: 's1', limit: 1 }))[0];
    expect(item).toMatchObject({ state: 'pending', attempts: 2, lastError: { code: 'network', message: 'sink failed: socket hang up' } });

    clock.advance(60_000);
    await deliverDue(deps);
    item = (await stores.outbox.list({ subscriptionId: 's1', limit: 1 }))[0];
    expect(item?.state).toBe('failed');
    expect(item?.lastError).toEqual({ code: 'server_error', message: 'gave up after 3 attempts: scripted server_error' });
    expect(remote.posted.map((p) => p.target)).toEqual(['discord:200000000000000002', 'discord:200000000000000003']);
  });

  it('rides out a two-hour outage of the remote with the default policy, and then sends everything once', async () => {
    const [first, update] = advisories();
    await fanOut(first);
    await fanOut(update);
    remote.down(new Date(clock.now().getTime() + 2 * 3600_000));
    for (let round = 0; round < 200; round++) {
      await deliverDue(deps);
      const next = await stores.outbox.nextDueAt();
      if (next === undefined) break;
      clock.set(next);
    }
    expect(await stores.outbox.counts()).toEqual({ pending: 0, sent: 6, failed: 0 });
    expect(remote.posted).toHaveLength(6);
    expect(clock.now().getTime() - Date.parse('2025-07-03T12:00:00Z')).toBeGreaterThanOrEqual(2 * 3600_000);
  });

  for (const code of ['forbidden', 'not_found'] as const) {
    it(`${code}: disables the subscription, fails its pending deliveries and tells the guild's admins`, async () => {
      const [first, update] = advisories();
      await fanOut(first);
      await fanOut(update);
      remote.fail(channel(1), { code });
      const report = await deliverDue(deps);
      expect(report.disabledSubscriptions).toEqual(['s1']);
      const sub = await stores.subscriptions.get('s1');
      expect(sub?.enabled).toBe(false);
      expect(sub?.disabledReason).toBe(`${code}: scripted ${code}`);
      expect((await stores.outbox.list({ subscriptionId: 's1', limit: 10 })).map((i) => i.state)).toEqual(['failed', 'failed']);
      expect(notifier.notices).toHaveLength(1);
      expect(notifier.notices[0]).toMatchObject({ guildId: '100000000000000001', channelId: '200000000000000001', subscriptionId: 's1', reason: code });
      expect(notifier.notices[0]?.message).toMatch(/^Sahel Watch stopped posting to <#200000000000000001>: .*Subscription s1 is disabled/);
      await deliverDue(deps);
      const s1Keys = new Set((await stores.outbox.list({ subscriptionId: 's1', limit: 10 })).map((i) => i.idempotencyKey));
      expect(remote.calls.filter((k) => s1Keys.has(k))).toHaveLength(1);
      expect(remote.posted.filter((p) => p.target === 'discord:200000000000000001')).toEqual([]);
      expect(remote.posted).toHaveLength(4);
      await fanOut({ ...update, version: 3 });
      expect((await stores.outbox.list({ subscriptionId: 's1', limit: 10 }))).toHaveLength(2);
    });
  }

  it('a failed admin notice is reported, not thrown', async () => {
    const [first] = advisories();
    await fanOut(first);
    remote.fail(channel(3), { code: 'forbidden' });
    deps = { ...deps, notifier: new RecordingNotifier('no system channel') };
    const report = await deliverDue(deps);
    expect(report.noticesFailed).toEqual([{ subscriptionId: 's3', message: 'no system channel' }]);
  });

  it('400: fails that delivery only', async () => {
    const [first] = advisories();
    await fanOut(first);
    remote.fail(channel(1), { code: 'bad_request' });
    expect(await deliverDue(deps)).toMatchObject({ sent: 2, failed: 1, disabledSubscriptions: [] });
    expect((await stores.subscriptions.get('s1'))?.enabled).toBe(true);
  });

  it('an update waits while the first alert of its channel is being retried', async () => {
    const [first, update] = advisories();
    await fanOut(first);
    await fanOut(update);
    remote.fail(channel(1), { code: 'server_error' });
    await deliverDue(deps);
    await deliverDue(deps);
    expect(remote.posted.filter((p) => p.target === 'discord:200000000000000001')).toEqual([]);
    clock.advance(60_000);
    await deliverDue(deps);
    await deliverDue(deps);
    const posts = remote.posted.filter((p) => p.target === 'discord:200000000000000001');
    expect(posts.map((p) => p.message.tag)).toEqual(['NEW', 'UPDATE 1']);
    expect(posts[1]?.replyTo).toBe(posts[0]?.id);
  });
});

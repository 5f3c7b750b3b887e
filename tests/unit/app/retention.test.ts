import { describe, expect, it } from 'vitest';
import { MemoryDecisionRepository } from '../../../src/adapters/store/memory/decision-repository.js';
import { MemoryAuditRepository } from '../../../src/app/audit.js';
import { MemoryDigestRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../src/app/delivery/memory.js';
import { InMemorySeenItemRepository } from '../../../src/app/feeds/memory.js';
import { runRetention, type RetentionPolicy } from '../../../src/app/retention.js';
import { ManualClock } from '../../../src/domain/shared/clock.js';
import { auditFixture, digestEntry, newDecision, outboxEntry, subscriptionFixture } from '../../support/store-fixtures.js';

const NOW = '2025-11-06T00:00:00.000Z';
const daysAgo = (days: number): string => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const FEED = 'https://news.example.org/sahel.xml';

function stores() {
  return {
    seenItems: new InMemorySeenItemRepository(),
    decisions: new MemoryDecisionRepository(),
    outbox: new MemoryOutboxRepository(),
    digests: new MemoryDigestRepository(),
    subscriptions: new MemorySubscriptionRepository(),
    audit: new MemoryAuditRepository(),
  };
}

type Stores = ReturnType<typeof stores>;

const digestMode = { kind: 'digest', cron: '0 7 1 */6 *', timezone: 'Africa/Bamako' } as const;

/** Records on both sides of each age limit of `policy` below. */
async function populate(s: Stores): Promise<void> {
  await s.seenItems.record(FEED, [{ itemId: 'seen-40', storyKeys: ['story:40'] }], daysAgo(40));
  await s.seenItems.record(FEED, [{ itemId: 'seen-20', storyKeys: [] }], daysAgo(20));
  for (const [id, age] of [['doc-90', 90], ['doc-50', 50]] as const) {
    await s.decisions.append({ decision: newDecision(id, 'inc-1'), at: daysAgo(age), title: id });
  }
  await s.outbox.enqueue(outboxEntry('sent-30', daysAgo(30), { incidentId: 'inc-1' }));
  await s.outbox.markSent('sent-30', 'm-1', daysAgo(30));
  await s.outbox.enqueue(outboxEntry('failed-20', daysAgo(20), { incidentId: 'inc-2' }));
  await s.outbox.markFailed('failed-20', { code: 'bad_request', message: 'embed too long' }, daysAgo(20));
  await s.outbox.enqueue(outboxEntry('sent-3', daysAgo(3), { incidentId: 'inc-3' }));
  await s.outbox.markSent('sent-3', 'm-3', daysAgo(3));
  // A channel that has been unreachable for weeks: its item stays until it is sent or failed.
  await s.outbox.enqueue(outboxEntry('pending-60', daysAgo(60), { incidentId: 'inc-4' }));
  await s.subscriptions.put(subscriptionFixture('sub-twice-yearly', { mode: digestMode }));
  await s.subscriptions.put(subscriptionFixture('sub-disabled', { mode: digestMode, enabled: false }));
  await s.subscriptions.put(subscriptionFixture('sub-realtime'));
  await s.digests.add(digestEntry('inc-1:1:sub-twice-yearly', 'sub-twice-yearly', daysAgo(100)));
  await s.digests.add(digestEntry('inc-1:1:sub-disabled', 'sub-disabled', daysAgo(100)));
  await s.digests.add(digestEntry('inc-1:1:sub-realtime', 'sub-realtime', daysAgo(100)));
  await s.digests.add(digestEntry('inc-5:1:sub-disabled', 'sub-disabled', daysAgo(2)));
  await s.audit.append(auditFixture('keyword.add', 'old', daysAgo(400)));
  await s.audit.append(auditFixture('keyword.remove', 'recent', daysAgo(10)));
}

const policy: RetentionPolicy = { seenItemsDays: 30, decisionsDays: 60, deliveriesDays: 14, auditDays: 365 };

describe('runRetention', () => {
  it('prunes each store by its own age limit and reports the counts and cut-offs', async () => {
    const s = stores();
    await populate(s);
    const report = await runRetention(s, policy, new ManualClock(NOW));
    expect(report).toEqual({
      at: NOW,
      seenItems: 1,
      decisions: 1,
      outbox: 2,
      digests: 2,
      audit: 1,
      cutoffs: { decisions: daysAgo(60), deliveries: daysAgo(14), audit: daysAgo(365) },
    });
    expect(await s.seenItems.knownIds(FEED, ['seen-40', 'seen-20'])).toEqual(new Set(['seen-20']));
    expect(await s.seenItems.knownStories(['story:40'])).toEqual(new Set());
    expect(await s.decisions.findByDocument('doc-90')).toBeUndefined();
    expect(await s.decisions.findByDocument('doc-50')).toBeDefined();
    expect((await s.outbox.list({ limit: 10 })).map((i) => `${i.key}:${i.state}`)).toEqual(['pending-60:pending', 'sent-3:sent']);
    expect((await s.audit.list({ limit: 10 })).map((e) => e.subject)).toEqual(['recent']);
  });

  it('keeps the entries of digests still collecting, however long their period, and drops the others', async () => {
    const s = stores();
    await populate(s);
    await runRetention(s, policy, new ManualClock(NOW));
    expect((await s.digests.pending('sub-twice-yearly', NOW)).map((e) => e.key)).toEqual(['inc-1:1:sub-twice-yearly']);
    expect((await s.digests.pending('sub-disabled', NOW)).map((e) => e.key)).toEqual(['inc-5:1:sub-disabled']);
    expect(await s.digests.pending('sub-realtime', NOW)).toEqual([]);
  });

  it('keeps the audit log when no age is set for it', async () => {
    const s = stores();
    await populate(s);
    const { auditDays: _none, ...withoutAudit } = policy;
    const report = await runRetention(s, withoutAudit, new ManualClock(NOW));
    expect(report.audit).toBe(0);
    expect('audit' in report.cutoffs).toBe(false);
    expect(await s.audit.list({ limit: 10 })).toHaveLength(2);
  });

  it('never forgets seen items within the maximum item age, so that nothing old comes back as new', async () => {
    const s = stores();
    await populate(s);
    const report = await runRetention(s, { ...policy, seenItemsDays: 1 }, new ManualClock(NOW));
    expect(report.seenItems).toBe(2);
    await s.seenItems.record(FEED, [{ itemId: 'seen-10', storyKeys: [] }], daysAgo(10));
    expect((await runRetention(s, { ...policy, seenItemsDays: 1 }, new ManualClock(NOW))).seenItems).toBe(0);
  });

  it('finds nothing more to prune when run again at the same time', async () => {
    const s = stores();
    await populate(s);
    const clock = new ManualClock(NOW);
    await runRetention(s, policy, clock);
    const again = await runRetention(s, policy, clock);
    expect([again.seenItems, again.decisions, again.outbox, again.digests, again.audit]).toEqual([0, 0, 0, 0, 0]);
  });
});

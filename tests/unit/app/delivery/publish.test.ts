import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import type { Incident } from '../../../../src/domain/model.js';
import { MemoryAdvisoryRepository, MemoryDigestRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../../src/app/delivery/memory.js';
import type { AdvisoryRepository, OfficialAdviceSource } from '../../../../src/app/delivery/ports.js';
import { publishDecision, type PublishDeps } from '../../../../src/app/delivery/publish.js';
import { CATALOG, CLAIM_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim } from '../../domain/advisory/fixtures.js';
import { channel, subscription } from './fakes.js';

const KAYES = 'inc-20250701-kayes-kidnapping';
const official: OfficialAdviceSource = { forCountry: async (country) => OFFICIAL.filter((o) => o.country === country) };

describe('publishDecision', () => {
  let deps: PublishDeps;
  let outbox: MemoryOutboxRepository;
  let advisories: MemoryAdvisoryRepository;

  beforeEach(async () => {
    const subscriptions = new MemorySubscriptionRepository();
    await subscriptions.put(subscription('indians', channel(1), { filters: { minSeverity: 3, watchTerms: ['Indian'] } }));
    await subscriptions.put(subscription('niger', channel(2), { filters: { minSeverity: 1, countries: ['ne'] } }));
    await subscriptions.put(subscription('digest', channel(3), { mode: { kind: 'digest', cron: '0 8 * * *', timezone: 'Africa/Bamako' } }));
    await subscriptions.put(subscription('console', { kind: 'console' }, { lang: 'fr' }));
    await subscriptions.put(subscription('off', channel(4), { enabled: false }));
    outbox = new MemoryOutboxRepository();
    advisories = new MemoryAdvisoryRepository();
    deps = { subscriptions, outbox, digests: new MemoryDigestRepository(), advisories, officialAdvice: official, assistance: CATALOG, clock: new ManualClock('2025-07-03T12:00:00Z') };
  });

  it('a NEW decision goes to matching realtime subscriptions, in their language, and to digests', async () => {
    const r = await publishDecision(deps, kayesBeforeClaim(), decision('new', WIRE, KAYES));
    expect(r.ok && r.value.published && r.value.fanOut).toEqual({ enqueued: 2, digested: 1, duplicates: 0, unmatched: 1 });
    const items = await outbox.list({ limit: 10 });
    expect(items.map((i) => [i.key, i.message.tag])).toEqual([
      [`${KAYES}:1:indians`, 'NEW'],
      [`${KAYES}:1:console`, 'NOUVEAU'],
    ]);
    expect(items.every((i) => i.idempotencyKey.length <= 25 && i.incidentId === KAYES)).toBe(true);
    expect((await advisories.latest(KAYES))?.version).toBe(1);
  });

  it('an UPDATE after it is version 2 and says what changed', async () => {
    await publishDecision(deps, kayesBeforeClaim(), decision('new', WIRE, KAYES));
    const r = await publishDecision(deps, kayesAfterClaim(), decision('update', CLAIM_REPORT, KAYES));
    if (!r.ok || !r.value.published) throw new Error('not published');
    expect(r.value.advisory.status).toEqual({ tag: 'update', update: 1 });
    expect(r.value.advisory.changes.length).toBeGreaterThan(0);
    expect((await outbox.get(`${KAYES}:2:indians`))?.message.tag).toBe('UPDATE 1');
  });

  it('never announces seeds, duplicates, or the same document twice', async () => {
    const seeded: Incident = { ...kayesBeforeClaim(), baseline: true, sources: kayesBeforeClaim().sources.map((s) => ({ ...s, kind: 'seed' as const })) };
    const seed = await publishDecision(deps, seeded, decision('new', WIRE, KAYES));
    expect(seed.ok && !seed.value.published && seed.value.reason).toBe('baseline');
    const dup = await publishDecision(deps, kayesBeforeClaim(), decision('duplicate', WIRE, KAYES));
    expect(dup.ok && !dup.value.published && dup.value.reason).toBe('not_alertable');
    await publishDecision(deps, kayesBeforeClaim(), decision('new', WIRE, KAYES));
    const again = await publishDecision(deps, kayesBeforeClaim(), decision('new', WIRE, KAYES));
    expect(again.ok && !again.value.published && again.value.reason).toBe('already_published');
    expect((await outbox.counts()).pending).toBe(2);
  });

  it('a crash before the snapshot is saved replays the same version without duplicating deliveries', async () => {
    let crash = true;
    const flaky: AdvisoryRepository = {
      latest: (id) => advisories.latest(id),
      save: (s) => (crash ? Promise.reject(new Error('killed')) : advisories.save(s)),
    };
    await expect(publishDecision({ ...deps, advisories: flaky }, kayesBeforeClaim(), decision('new', WIRE, KAYES))).rejects.toThrow('killed');
    crash = false;
    const r = await publishDecision({ ...deps, advisories: flaky }, kayesBeforeClaim(), decision('new', WIRE, KAYES));
    expect(r.ok && r.value.published && r.value.fanOut).toEqual({ enqueued: 0, digested: 0, duplicates: 3, unmatched: 1 });
    expect((await outbox.counts()).pending).toBe(2);
  });

  it('a decision about another incident is an error value', async () => {
    const r = await publishDecision(deps, kayesBeforeClaim(), decision('new', WIRE, 'inc-other'));
    expect(!r.ok && r.error.code).toBe('incident_mismatch');
  });
});

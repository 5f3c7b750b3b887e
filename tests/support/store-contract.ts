import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AdvisoryRepository,
  DigestRepository,
  MessageRefRepository,
  OutboxRepository,
  SubscriptionRepository,
} from '../../src/app/delivery/ports.js';
import type { AuditEntry, AuditRepository } from '../../src/app/audit.js';
import type { FeedHealthRepository, FeedRepository, SeenItemRepository } from '../../src/app/feeds/ports.js';
import type { OfficialAdviceRepository } from '../../src/app/official-advice.js';
import type {
  DecisionRecord,
  DecisionRepository,
  IncidentRepository,
  KeywordRepository,
  SeedRepository,
} from '../../src/app/ports.js';
import type { DigestRetention, OutboxRetention } from '../../src/app/retention.js';
import type { Decision, Incident, KeywordRule } from '../../src/domain/model.js';
import {
  auditFixture,
  digestEntry,
  feedFixture,
  healthFixture,
  incidentFixture,
  officialAdviceFixture,
  outboxEntry,
  snapshotFixture,
  subscriptionFixture,
} from './store-fixtures.js';

export { incidentFixture } from './store-fixtures.js';

interface Closable {
  close?(): void | Promise<void>;
}

/** The repositories of matching, which every store offers. */
export interface StoreUnderTest extends Closable {
  readonly incidents: IncidentRepository;
  readonly seeds: SeedRepository;
  readonly decisions: DecisionRepository;
  readonly keywords: KeywordRepository;
}

export interface FeedStoreUnderTest extends Closable {
  readonly feeds: FeedRepository;
  readonly feedHealth: FeedHealthRepository;
  readonly seenItems: SeenItemRepository;
}

export interface DeliveryStoreUnderTest extends Closable {
  readonly subscriptions: SubscriptionRepository;
  readonly outbox: OutboxRepository;
  readonly messageRefs: MessageRefRepository;
  readonly advisories: AdvisoryRepository;
  readonly digests: DigestRepository;
}

export type StoreFactory<S extends object = StoreUnderTest> = () => S | Promise<S>;

/** A fresh store before each test, closed after it; the getter reads the current one. */
function eachTest<S extends object>(open: StoreFactory<S>): () => S {
  let current: S | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await (current as Closable | undefined)?.close?.();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the store is only open inside a test');
    return current;
  };
}

function decisionFixture(documentId: string, action: Decision['action'] = 'new'): Decision {
  return {
    documentId,
    action,
    incidentId: action === 'ignored' ? null : 'inc-1',
    relevance: { relevant: action !== 'ignored', score: 2.5, threshold: 1, hits: [{ rule: 'kidnap', kind: 'include', weight: 2, matched: 'abducted' }] },
    score: 0.8,
    changes: action === 'update' ? ['release'] : [],
    reasons: [{ code: 'place', weight: 0.3, message: 'same town: Kayes' }],
  };
}

function decisionRecord(documentId: string, at: string, extra: { url?: string; action?: Decision['action'] } = {}): DecisionRecord {
  const base = { decision: decisionFixture(documentId, extra.action), at, title: `Title of ${documentId}` };
  return extra.url === undefined ? base : { ...base, url: extra.url };
}

function rule(id: string, overrides: Partial<KeywordRule> = {}): KeywordRule {
  return { id, kind: 'include', terms: [id, `${id} (fr)`], weight: 1, ...overrides };
}

const ids = (incidents: readonly Incident[]): string[] => incidents.map((i) => i.id);
const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** Registers the behaviour every store must have for matching; run it once per implementation. */
export function describeStoreContract(name: string, open: StoreFactory): void {
  describe(`${name}: store contract`, () => {
    const current = eachTest(open);
    let store: StoreUnderTest;
    beforeEach(() => {
      store = current();
    });

    describe('incidents', () => {
      it('returns undefined and counts zero when empty', async () => {
        expect(await store.incidents.get('inc-none')).toBeUndefined();
        expect(await store.incidents.count()).toBe(0);
        expect(await store.incidents.findByKeys(['place:ml-kayes-town'], 10)).toEqual([]);
        expect(await store.incidents.listRecent({ limit: 10 })).toEqual([]);
      });

      it('gives back a saved incident unchanged, optional fields absent stay absent', async () => {
        const full = incidentFixture({ id: 'inc-full' });
        const { eventDate: _omitted, ...withoutDate } = incidentFixture({ id: 'inc-bare' });
        await store.incidents.save(full, ['k1']);
        await store.incidents.save(withoutDate, ['k2']);
        expect(await store.incidents.get('inc-full')).toEqual(full);
        const bare = await store.incidents.get('inc-bare');
        expect(bare).toEqual(withoutDate);
        expect(bare !== undefined && 'eventDate' in bare).toBe(false);
        expect(await store.incidents.count()).toBe(2);
      });

      it('replaces an incident saved again under the same id', async () => {
        await store.incidents.save(incidentFixture({ id: 'inc-1', title: 'first' }), ['k']);
        await store.incidents.save(incidentFixture({ id: 'inc-1', title: 'second', status: 'resolved' }), ['k']);
        expect(await store.incidents.count()).toBe(1);
        expect((await store.incidents.get('inc-1'))?.title).toBe('second');
        expect((await store.incidents.get('inc-1'))?.status).toBe('resolved');
      });

      it('finds incidents by keys, most keys shared first, within the limit', async () => {
        await store.incidents.save(incidentFixture({ id: 'inc-one' }), ['place:kayes', 'type:attack']);
        await store.incidents.save(incidentFixture({ id: 'inc-three' }), ['place:kayes', 'type:kidnapping', 'site:diamond', 'date:2025-07']);
        await store.incidents.save(incidentFixture({ id: 'inc-two' }), ['place:kayes', 'site:diamond', 'other']);
        await store.incidents.save(incidentFixture({ id: 'inc-none' }), ['place:gao']);
        const query = ['place:kayes', 'type:kidnapping', 'site:diamond', 'date:2025-07', 'unknown-key'];
        expect(ids(await store.incidents.findByKeys(query, 10))).toEqual(['inc-three', 'inc-two', 'inc-one']);
        expect(ids(await store.incidents.findByKeys(query, 2))).toEqual(['inc-three', 'inc-two']);
        expect(await store.incidents.findByKeys(query, 0)).toEqual([]);
        expect(await store.incidents.findByKeys([], 10)).toEqual([]);
        expect(await store.incidents.findByKeys(['unknown-key'], 10)).toEqual([]);
      });

      it('lists an incident once even when a key is repeated, in the query or in the index', async () => {
        await store.incidents.save(incidentFixture({ id: 'inc-1' }), ['a', 'a', 'b']);
        expect(ids(await store.incidents.findByKeys(['a', 'a', 'b'], 10))).toEqual(['inc-1']);
      });

      it('re-indexes an incident under the keys of its latest save', async () => {
        await store.incidents.save(incidentFixture({ id: 'inc-1' }), ['old']);
        await store.incidents.save(incidentFixture({ id: 'inc-1' }), ['new']);
        expect(await store.incidents.findByKeys(['old'], 10)).toEqual([]);
        expect(ids(await store.incidents.findByKeys(['new'], 10))).toEqual(['inc-1']);
      });

      it('lists recent incidents newest first, from `since` inclusive, by country, within the limit', async () => {
        await store.incidents.save(incidentFixture({ id: 'inc-jul', updatedAt: '2025-07-02T08:00:00.000Z' }), []);
        await store.incidents.save(incidentFixture({ id: 'inc-sep', updatedAt: '2025-09-10T12:00:00.000Z' }), []);
        await store.incidents.save(incidentFixture({ id: 'inc-nov', updatedAt: '2025-11-06T09:30:00.000Z' }), []);
        await store.incidents.save(
          incidentFixture({ id: 'inc-bf', country: 'bf', updatedAt: '2025-11-07T00:00:00.000Z' }),
          [],
        );
        expect(ids(await store.incidents.listRecent({ limit: 10 }))).toEqual(['inc-bf', 'inc-nov', 'inc-sep', 'inc-jul']);
        expect(ids(await store.incidents.listRecent({ limit: 2 }))).toEqual(['inc-bf', 'inc-nov']);
        expect(ids(await store.incidents.listRecent({ since: '2025-09-10T12:00:00.000Z', limit: 10 }))).toEqual([
          'inc-bf',
          'inc-nov',
          'inc-sep',
        ]);
        expect(ids(await store.incidents.listRecent({ country: 'ml', limit: 10 }))).toEqual(['inc-nov', 'inc-sep', 'inc-jul']);
        expect(
          ids(await store.incidents.listRecent({ country: 'ml', since: '2025-08-01T00:00:00.000Z', limit: 1 })),
        ).toEqual(['inc-nov']);
        expect(await store.incidents.listRecent({ country: 'ne', limit: 10 })).toEqual([]);
      });

      it('moves an incident up the recent list when it is updated', async () => {
        await store.incidents.save(incidentFixture({ id: 'inc-a', updatedAt: '2025-07-02T08:00:00.000Z' }), []);
        await store.incidents.save(incidentFixture({ id: 'inc-b', updatedAt: '2025-07-03T08:00:00.000Z' }), []);
        await store.incidents.save(incidentFixture({ id: 'inc-a', updatedAt: '2025-07-04T08:00:00.000Z' }), []);
        expect(ids(await store.incidents.listRecent({ limit: 10 }))).toEqual(['inc-a', 'inc-b']);
      });
    });

    describe('seeds', () => {
      it('records loaded seeds and replaces a record with the same name', async () => {
        expect(await store.seeds.get('000_a.txt')).toBeUndefined();
        await store.seeds.put({ name: '000_a.txt', sha256: 'a'.repeat(64), loadedAt: '2025-07-02T08:00:00.000Z' });
        await store.seeds.put({ name: '001_b.txt', sha256: 'b'.repeat(64), loadedAt: '2025-07-02T08:00:01.000Z' });
        await store.seeds.put({ name: '000_a.txt', sha256: 'c'.repeat(64), loadedAt: '2025-07-03T08:00:00.000Z' });
        expect(await store.seeds.get('000_a.txt')).toEqual({
          name: '000_a.txt',
          sha256: 'c'.repeat(64),
          loadedAt: '2025-07-03T08:00:00.000Z',
        });
        const listed = await store.seeds.list();
        expect(listed.map((s) => s.name).sort()).toEqual(['000_a.txt', '001_b.txt']);
      });
    });

    describe('decisions', () => {
      it('finds the latest decision about a document by id or by URL', async () => {
        const url = 'https://example.org/mali/kayes-abduction';
        await store.decisions.append(decisionRecord('doc-1', '2025-07-02T08:00:00.000Z', { url }));
        await store.decisions.append(decisionRecord('doc-1', '2025-07-02T09:00:00.000Z', { url, action: 'duplicate' }));
        await store.decisions.append(decisionRecord('doc-2', '2025-07-02T10:00:00.000Z', { action: 'ignored' }));
        const latest = await store.decisions.findByDocument('doc-1');
        expect(latest?.decision.action).toBe('duplicate');
        expect(latest?.at).toBe('2025-07-02T09:00:00.000Z');
        expect(await store.decisions.findByDocument(url)).toEqual(latest);
        const ignored = await store.decisions.findByDocument('doc-2');
        expect(ignored).toEqual(decisionRecord('doc-2', '2025-07-02T10:00:00.000Z', { action: 'ignored' }));
        expect(ignored !== undefined && 'url' in ignored).toBe(false);
        expect(await store.decisions.findByDocument('doc-unknown')).toBeUndefined();
      });

      it('prunes decisions strictly older than the cut-off and says how many', async () => {
        await store.decisions.append(decisionRecord('doc-old', '2025-01-01T00:00:00.000Z'));
        await store.decisions.append(decisionRecord('doc-edge', '2025-06-01T00:00:00.000Z'));
        await store.decisions.append(decisionRecord('doc-new', '2025-07-01T00:00:00.000Z'));
        expect(await store.decisions.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(1);
        expect(await store.decisions.findByDocument('doc-old')).toBeUndefined();
        expect(await store.decisions.findByDocument('doc-edge')).toBeDefined();
        expect(await store.decisions.findByDocument('doc-new')).toBeDefined();
        expect(await store.decisions.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(0);
      });
    });

    describe('keywords', () => {
      it('puts, replaces and removes rules', async () => {
        expect(await store.keywords.list()).toEqual([]);
        const kidnap = rule('kidnap', { requires: ['mali'], unless: ['football'], lang: 'en', note: 'core' });
        await store.keywords.put(kidnap);
        await store.keywords.put(rule('enlevement', { lang: 'fr' }));
        expect(byId(await store.keywords.list())).toEqual(byId([kidnap, rule('enlevement', { lang: 'fr' })]));
        await store.keywords.put(rule('kidnap', { weight: 3 }));
        const replaced = (await store.keywords.list()).find((r) => r.id === 'kidnap');
        expect(replaced).toEqual(rule('kidnap', { weight: 3 }));
        expect(await store.keywords.remove('kidnap')).toBe(true);
        expect(await store.keywords.remove('kidnap')).toBe(false);
        expect((await store.keywords.list()).map((r) => r.id)).toEqual(['enlevement']);
      });

      it('seeds rules only into an empty store', async () => {
        const defaults = [rule('a'), rule('b', { kind: 'exclude', weight: -2 }), rule('c', { kind: 'context' })];
        expect(await store.keywords.seedIfEmpty(defaults)).toBe(3);
        expect(byId(await store.keywords.list())).toEqual(byId(defaults));
        await store.keywords.remove('a');
        expect(await store.keywords.seedIfEmpty(defaults)).toBe(0);
        expect((await store.keywords.list()).map((r) => r.id).sort()).toEqual(['b', 'c']);
      });
    });
  });
}

/** Registers the behaviour of the feed repositories; run it once per implementation. */
export function describeFeedStoreContract(name: string, open: StoreFactory<FeedStoreUnderTest>): void {
  describe(`${name}: feed store contract`, () => {
    const current = eachTest(open);
    let store: FeedStoreUnderTest;
    beforeEach(() => {
      store = current();
    });

    describe('feeds', () => {
      const uk = 'https://www.gov.uk/foreign-travel-advice/mali.atom';
      const us = 'https://travel.state.gov/_res/rss/TAsTWs.xml';

      it('puts, replaces, lists and removes feeds by URL', async () => {
        expect(await store.feeds.get(uk)).toBeUndefined();
        await store.feeds.put(feedFixture(uk, { kind: 'official', lang: 'en' }));
        await store.feeds.put(feedFixture(us, { kind: 'official', lang: 'en' }));
        await store.feeds.put(feedFixture(uk, { kind: 'official', lang: 'en', enabled: false }));
        expect(await store.feeds.get(uk)).toEqual(feedFixture(uk, { kind: 'official', lang: 'en', enabled: false }));
        expect((await store.feeds.list()).map((f) => f.url).sort()).toEqual([us, uk].sort());
        expect(await store.feeds.remove(uk)).toBe(true);
        expect(await store.feeds.remove(uk)).toBe(false);
        expect((await store.feeds.list()).map((f) => f.url)).toEqual([us]);
      });

      it('seeds the configured feeds once, never after the store has held feeds', async () => {
        const defaults = [feedFixture(uk), feedFixture(us)];
        expect(await store.feeds.seedIfEmpty(defaults)).toBe(2);
        expect(await store.feeds.seedIfEmpty(defaults)).toBe(0);
        await store.feeds.remove(uk);
        await store.feeds.remove(us);
        expect(await store.feeds.seedIfEmpty(defaults)).toBe(0);
        expect(await store.feeds.list()).toEqual([]);
      });

      it('does not seed over feeds an admin added first', async () => {
        await store.feeds.put(feedFixture('https://news.example.org/sahel.xml'));
        expect(await store.feeds.seedIfEmpty([feedFixture(uk)])).toBe(0);
        expect((await store.feeds.list()).map((f) => f.url)).toEqual(['https://news.example.org/sahel.xml']);
      });

      it('keeps feed health and validators per URL', async () => {
        const failing = healthFixture(uk, {
          lastPollAt: '2025-07-02T08:00:00.000Z',
          lastStatus: 503,
          lastError: { code: 'http_5xx', message: 'Service Unavailable', at: '2025-07-02T08:00:00.000Z' },
          failingSince: '2025-07-02T07:00:00.000Z',
          consecutiveFailures: 2,
          etag: 'W/"abc"',
          lastModified: 'Wed, 02 Jul 2025 07:00:00 GMT',
        });
        await store.feedHealth.put(healthFixture(us, { primed: true, itemsSeen: 12 }));
        await store.feedHealth.put(failing);
        expect(await store.feedHealth.get(uk)).toEqual(failing);
        const healthy = await store.feedHealth.get(us);
        expect(healthy).toEqual(healthFixture(us, { primed: true, itemsSeen: 12 }));
        expect(healthy !== undefined && 'etag' in healthy).toBe(false);
        await store.feedHealth.put(healthFixture(uk, { primed: true }));
        expect((await store.feedHealth.get(uk))?.lastError).toBeUndefined();
        expect((await store.feedHealth.list()).map((h) => h.url).sort()).toEqual([us, uk].sort());
        expect(await store.feedHealth.remove(uk)).toBe(true);
        expect(await store.feedHealth.remove(uk)).toBe(false);
        expect(await store.feedHealth.get(uk)).toBeUndefined();
      });

      it('remembers item ids per feed and story keys across feeds', async () => {
        await store.seenItems.record(
          uk,
          [
            { itemId: 'a', storyKeys: ['story:kayes'] },
            { itemId: 'b', storyKeys: [] },
          ],
          '2025-07-02T08:00:00.000Z',
        );
        await store.seenItems.record(uk, [{ itemId: 'a', storyKeys: ['story:kayes'] }], '2025-07-02T09:00:00.000Z');
        expect(await store.seenItems.knownIds(uk, ['a', 'b', 'c'])).toEqual(new Set(['a', 'b']));
        expect(await store.seenItems.knownIds(us, ['a', 'b'])).toEqual(new Set());
        expect(await store.seenItems.knownIds(uk, [])).toEqual(new Set());
        expect(await store.seenItems.knownStories(['story:kayes', 'story:gao'])).toEqual(new Set(['story:kayes']));
        expect(await store.seenItems.knownStories([])).toEqual(new Set());
      });

      it('forgets seen entries recorded before the cut-off', async () => {
        await store.seenItems.record(uk, [{ itemId: 'old', storyKeys: ['story:old'] }], '2025-03-01T00:00:00.000Z');
        await store.seenItems.record(us, [{ itemId: 'old-us', storyKeys: [] }], '2025-03-02T00:00:00.000Z');
        await store.seenItems.record(uk, [{ itemId: 'new', storyKeys: ['story:new'] }], '2025-07-01T00:00:00.000Z');
        expect(await store.seenItems.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(2);
        expect(await store.seenItems.knownIds(uk, ['old', 'new'])).toEqual(new Set(['new']));
        expect(await store.seenItems.knownIds(us, ['old-us'])).toEqual(new Set());
        expect(await store.seenItems.knownStories(['story:old', 'story:new'])).toEqual(new Set(['story:new']));
        expect(await store.seenItems.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(0);
      });
    });

  });
}

/** Registers the behaviour of the delivery repositories; run it once per implementation. */
export function describeDeliveryStoreContract(name: string, open: StoreFactory<DeliveryStoreUnderTest>): void {
  describe(`${name}: delivery store contract`, () => {
    const current = eachTest(open);
    let store: DeliveryStoreUnderTest;
    beforeEach(() => {
      store = current();
    });

    describe('subscriptions', () => {
      it('puts, replaces, lists oldest first and removes', async () => {
        expect(await store.subscriptions.get('sub-a')).toBeUndefined();
        const later = subscriptionFixture('sub-a', { createdAt: '2025-07-03T00:00:00.000Z' });
        const earlier = subscriptionFixture('sub-b', {
          createdAt: '2025-07-01T00:00:00.000Z',
          mode: { kind: 'digest', cron: '0 7 * * *', timezone: 'Africa/Bamako' },
          filters: { minSeverity: 3 },
        });
        await store.subscriptions.put(later);
        await store.subscriptions.put(earlier);
        expect(await store.subscriptions.get('sub-b')).toEqual(earlier);
        expect((await store.subscriptions.list()).map((s) => s.id)).toEqual(['sub-b', 'sub-a']);
        await store.subscriptions.put({ ...later, lang: 'fr' });
        expect((await store.subscriptions.get('sub-a'))?.lang).toBe('fr');
        expect(await store.subscriptions.remove('sub-a')).toBe(true);
        expect(await store.subscriptions.remove('sub-a')).toBe(false);
        expect((await store.subscriptions.list()).map((s) => s.id)).toEqual(['sub-b']);
      });

      it('filters by guild and by enabled, and disables with a reason', async () => {
        await store.subscriptions.put(subscriptionFixture('sub-1', { createdAt: '2025-07-01T00:00:00.000Z' }));
        await store.subscriptions.put(
          subscriptionFixture('sub-2', {
            createdAt: '2025-07-02T00:00:00.000Z',
            target: { kind: 'discord', guildId: '100000000000000002', channelId: '200000000000000002' },
          }),
        );
        await store.subscriptions.put(subscriptionFixture('sub-3', { createdAt: '2025-07-03T00:00:00.000Z', target: { kind: 'console' } }));
        expect((await store.subscriptions.list({ guildId: '100000000000000001' })).map((s) => s.id)).toEqual(['sub-1']);
        const disabled = await store.subscriptions.disable('sub-1', 'channel not found (404)', '2025-07-04T00:00:00.000Z');
        expect(disabled).toEqual({ ...subscriptionFixture('sub-1'), enabled: false, disabledReason: 'channel not found (404)' });
        expect(await store.subscriptions.get('sub-1')).toEqual(disabled);
        expect((await store.subscriptions.list({ enabledOnly: true })).map((s) => s.id)).toEqual(['sub-2', 'sub-3']);
        expect(await store.subscriptions.list({ guildId: '100000000000000001', enabledOnly: true })).toEqual([]);
        expect(await store.subscriptions.disable('sub-unknown', 'gone', '2025-07-04T00:00:00.000Z')).toBeUndefined();
      });
    });

    describe('outbox', () => {
      const T0 = '2025-07-02T08:00:00.000Z';
      const T1 = '2025-07-02T08:01:00.000Z';
      const T2 = '2025-07-02T08:02:00.000Z';
      const T5 = '2025-07-02T08:05:00.000Z';
      const error = { code: 'server_error', message: 'HTTP 502 from Discord' };

      it('enqueues once per key, pending and due at its creation', async () => {
        const entry = outboxEntry('inc-1:1:sub-1', T0);
        expect(await store.outbox.enqueue(entry)).toBe(true);
        expect(await store.outbox.enqueue({ ...entry, createdAt: T1 })).toBe(false);
        expect(await store.outbox.get('inc-1:1:sub-1')).toEqual({ ...entry, state: 'pending', attempts: 0, nextAttemptAt: T0 });
        expect(await store.outbox.get('unknown')).toBeUndefined();
        expect(await store.outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 0 });
        expect(await store.outbox.nextDueAt()).toBe(T0);
      });

      it('claims due items oldest first under a lease, within the limit', async () => {
        await store.outbox.enqueue(outboxEntry('b', T1, { incidentId: 'inc-b' }));
        await store.outbox.enqueue(outboxEntry('a', T0, { incidentId: 'inc-a' }));
        await store.outbox.enqueue(outboxEntry('later', T5, { incidentId: 'inc-c' }));
        await store.outbox.enqueue(outboxEntry('digest:sub-1:x', T0, { incidentId: null }));
        const claimed = await store.outbox.claimDue(T2, T5, 2);
        expect(claimed.map((i) => i.key)).toEqual(['a', 'digest:sub-1:x']);
        expect(claimed.every((i) => i.leaseUntil === T5 && i.state === 'pending')).toBe(true);
        expect((await store.outbox.claimDue(T2, T5, 10)).map((i) => i.key)).toEqual(['b']);
        expect(await store.outbox.claimDue(T2, T5, 10)).toEqual([]);
        expect(await store.outbox.claimDue(T2, T5, 0)).toEqual([]);
        expect((await store.outbox.get('a'))?.leaseUntil).toBe(T5);
        expect(await store.outbox.nextDueAt()).toBe(T5);
      });

      it('makes an item due again when its lease runs out', async () => {
        await store.outbox.enqueue(outboxEntry('a', T0));
        await store.outbox.claimDue(T0, T1, 10);
        expect(await store.outbox.claimDue(T0, T2, 10)).toEqual([]);
        expect((await store.outbox.claimDue(T1, T5, 10)).map((i) => i.key)).toEqual(['a']);
      });

      it('keeps the messages about one incident to one subscription in order', async () => {
        await store.outbox.enqueue(outboxEntry('inc-1:1:sub-1', T0));
        await store.outbox.enqueue(outboxEntry('inc-1:2:sub-1', T1));
        await store.outbox.enqueue(outboxEntry('inc-1:1:sub-2', T1, { subscriptionId: 'sub-2' }));
        const later = '2025-07-02T10:00:00.000Z';
        expect((await store.outbox.claimDue(T2, later, 10)).map((i) => i.key)).toEqual(['inc-1:1:sub-1', 'inc-1:1:sub-2']);
        await store.outbox.markRetry('inc-1:1:sub-1', T5, error, true);
        expect(await store.outbox.claimDue(T2, T5, 10)).toEqual([]);
        await store.outbox.markSent('inc-1:1:sub-2', 'msg-0', T2);
        // The update is due since T1 but waits behind the retry, so nothing is due before T5.
        expect(await store.outbox.nextDueAt()).toBe(T5);
        expect((await store.outbox.claimDue(T5, later, 10)).map((i) => i.key)).toEqual(['inc-1:1:sub-1']);
        await store.outbox.markSent('inc-1:1:sub-1', 'msg-1', T5);
        expect((await store.outbox.claimDue(T5, later, 10)).map((i) => i.key)).toEqual(['inc-1:2:sub-1']);
      });

      it('records a sent message and never claims it again', async () => {
        await store.outbox.enqueue(outboxEntry('a', T0));
        await store.outbox.claimDue(T0, T1, 10);
        await store.outbox.markSent('a', '1234567890', T1);
        const sent = await store.outbox.get('a');
        expect(sent).toMatchObject({ state: 'sent', messageId: '1234567890', sentAt: T1, attempts: 0 });
        expect(sent !== undefined && 'leaseUntil' in sent).toBe(false);
        expect(await store.outbox.claimDue(T5, T5, 10)).toEqual([]);
        expect(await store.outbox.nextDueAt()).toBeUndefined();
        await store.outbox.markRetry('a', T5, error, true);
        await store.outbox.markFailed('a', error, T5);
        expect(await store.outbox.get('a')).toEqual(sent);
      });

      it('schedules retries, counting only the attempts asked for', async () => {
        await store.outbox.enqueue(outboxEntry('a', T0));
        await store.outbox.claimDue(T0, T1, 10);
        await store.outbox.markRetry('a', T2, { code: 'rate_limited', message: 'retry after 60 s' }, false);
        expect(await store.outbox.get('a')).toMatchObject({
          state: 'pending',
          attempts: 0,
          nextAttemptAt: T2,
          lastError: { code: 'rate_limited', message: 'retry after 60 s' },
        });
        expect(await store.outbox.claimDue(T1, T5, 10)).toEqual([]);
        await store.outbox.claimDue(T2, T5, 10);
        await store.outbox.markRetry('a', T5, error, true);
        const retried = await store.outbox.get('a');
        expect(retried).toMatchObject({ attempts: 1, nextAttemptAt: T5, lastError: error });
        expect(retried !== undefined && 'leaseUntil' in retried).toBe(false);
      });

      it('fails items one by one or all pending items of a subscription', async () => {
        await store.outbox.enqueue(outboxEntry('a', T0));
        await store.outbox.enqueue(outboxEntry('b', T1, { incidentId: 'inc-2' }));
        await store.outbox.enqueue(outboxEntry('c', T1, { subscriptionId: 'sub-2' }));
        await store.outbox.enqueue(outboxEntry('d', T2, { incidentId: 'inc-3' }));
        await store.outbox.markSent('d', 'm-d', T2);
        await store.outbox.markFailed('a', { code: 'bad_request', message: 'embed too long' }, T2);
        expect(await store.outbox.get('a')).toMatchObject({ state: 'failed', failedAt: T2, lastError: { code: 'bad_request' } });
        const forbidden = { code: 'forbidden', message: 'missing access to the channel' };
        expect(await store.outbox.failPending('sub-1', forbidden, T5)).toBe(1);
        expect(await store.outbox.get('b')).toMatchObject({ state: 'failed', failedAt: T5, lastError: forbidden });
        expect((await store.outbox.get('d'))?.state).toBe('sent');
        expect((await store.outbox.get('c'))?.state).toBe('pending');
        expect(await store.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 2 });
      });

      it('refuses to change an item it does not hold', async () => {
        await expect(store.outbox.markSent('ghost', 'm', T0)).rejects.toThrow();
        await expect(store.outbox.markRetry('ghost', T1, error, true)).rejects.toThrow();
        await expect(store.outbox.markFailed('ghost', error, T0)).rejects.toThrow();
      });

      it('lists items oldest first by state and subscription', async () => {
        await store.outbox.enqueue(outboxEntry('c', T2, { incidentId: 'inc-3' }));
        await store.outbox.enqueue(outboxEntry('a', T0, { incidentId: 'inc-1' }));
        await store.outbox.enqueue(outboxEntry('b', T1, { incidentId: 'inc-2', subscriptionId: 'sub-2' }));
        await store.outbox.markSent('c', 'm-c', T5);
        expect((await store.outbox.list({ limit: 10 })).map((i) => i.key)).toEqual(['a', 'b', 'c']);
        expect((await store.outbox.list({ limit: 2 })).map((i) => i.key)).toEqual(['a', 'b']);
        expect((await store.outbox.list({ state: 'pending', limit: 10 })).map((i) => i.key)).toEqual(['a', 'b']);
        expect((await store.outbox.list({ subscriptionId: 'sub-1', limit: 10 })).map((i) => i.key)).toEqual(['a', 'c']);
        expect((await store.outbox.list({ state: 'sent', subscriptionId: 'sub-1', limit: 10 })).map((i) => i.key)).toEqual(['c']);
      });
    });

    describe('message references, advisories and digests', () => {
      it('keeps the first message posted about an incident in each place', async () => {
        expect(await store.messageRefs.get('discord:200000000000000001', 'inc-1')).toBeUndefined();
        await store.messageRefs.putIfAbsent('discord:200000000000000001', 'inc-1', 'm-first', '2025-07-02T08:00:00.000Z');
        await store.messageRefs.putIfAbsent('discord:200000000000000001', 'inc-1', 'm-second', '2025-07-02T09:00:00.000Z');
        await store.messageRefs.putIfAbsent('console', 'inc-1', 'c-1', '2025-07-02T08:00:00.000Z');
        expect(await store.messageRefs.get('discord:200000000000000001', 'inc-1')).toBe('m-first');
        expect(await store.messageRefs.get('console', 'inc-1')).toBe('c-1');
        expect(await store.messageRefs.get('console', 'inc-2')).toBeUndefined();
      });

      it('keeps the latest advisory snapshot per incident', async () => {
        expect(await store.advisories.latest('inc-1')).toBeUndefined();
        await store.advisories.save(snapshotFixture('inc-1', 1));
        await store.advisories.save(snapshotFixture('inc-2', 1));
        await store.advisories.save(snapshotFixture('inc-1', 2));
        expect(await store.advisories.latest('inc-1')).toEqual(snapshotFixture('inc-1', 2));
        expect(await store.advisories.latest('inc-2')).toEqual(snapshotFixture('inc-2', 1));
      });

      it('collects digest entries per subscription until they are sent', async () => {
        const first = digestEntry('inc-1:1:sub-1', 'sub-1', '2025-07-02T08:00:00.000Z');
        const second = digestEntry('inc-2:1:sub-1', 'sub-1', '2025-07-02T10:00:00.000Z');
        const late = digestEntry('inc-3:1:sub-1', 'sub-1', '2025-07-02T12:00:00.000Z');
        expect(await store.digests.add(second)).toBe(true);
        expect(await store.digests.add(first)).toBe(true);
        expect(await store.digests.add(late)).toBe(true);
        expect(await store.digests.add(first)).toBe(false);
        await store.digests.add(digestEntry('inc-1:1:sub-2', 'sub-2', '2025-07-02T08:00:00.000Z'));
        expect(await store.digests.pending('sub-1', '2025-07-02T10:00:00.000Z')).toEqual([first, second]);
        await store.digests.remove([first.key, second.key]);
        expect(await store.digests.pending('sub-1', '2025-07-02T12:00:00.000Z')).toEqual([late]);
        expect((await store.digests.pending('sub-2', '2025-07-02T12:00:00.000Z')).map((e) => e.key)).toEqual(['inc-1:1:sub-2']);
        await store.digests.remove([]);
      });

      it('remembers the last digest run per subscription', async () => {
        expect(await store.digests.lastRun('sub-1')).toBeUndefined();
        await store.digests.setLastRun('sub-1', '2025-07-02T07:00:00.000Z');
        await store.digests.setLastRun('sub-1', '2025-07-03T07:00:00.000Z');
        expect(await store.digests.lastRun('sub-1')).toBe('2025-07-03T07:00:00.000Z');
        expect(await store.digests.lastRun('sub-2')).toBeUndefined();
      });
    });

  });
}

export interface OfficialAdviceStoreUnderTest extends Closable {
  readonly officialAdvice: OfficialAdviceRepository;
}

/** Registers the behaviour of the official advice repository; run it once per implementation. */
export function describeOfficialAdviceContract(name: string, open: StoreFactory<OfficialAdviceStoreUnderTest>): void {
  describe(`${name}: official advice contract`, () => {
    const current = eachTest(open);
    let store: OfficialAdviceStoreUnderTest;
    beforeEach(() => {
      store = current();
    });

    it('is empty at first', async () => {
      expect(await store.officialAdvice.forCountry('ml')).toEqual([]);
      expect(await store.officialAdvice.list()).toEqual([]);
    });

    it('keeps advice per publisher and country, by publisher within a country, optional fields absent stay absent', async () => {
      const us = officialAdviceFixture('us', 'ml', '2025-07-01T00:00:00.000Z', { level: 4 });
      const uk = officialAdviceFixture('uk', 'ml', '2025-06-20T10:00:00.000Z');
      const niger = officialAdviceFixture('us', 'ne', '2025-05-01T00:00:00.000Z', { level: 4 });
      await store.officialAdvice.put(us);
      await store.officialAdvice.put(niger);
      await store.officialAdvice.put(uk);
      const mali = await store.officialAdvice.forCountry('ml');
      expect(mali).toEqual([uk, us]);
      expect(mali[0] !== undefined && 'level' in mali[0]).toBe(false);
      expect(await store.officialAdvice.forCountry('ne')).toEqual([niger]);
      expect(await store.officialAdvice.forCountry('bf')).toEqual([]);
      const listed = await store.officialAdvice.list();
      expect(listed.map((a) => `${a.country}:${a.source}`).sort()).toEqual(['ml:uk', 'ml:us', 'ne:us']);
    });

    it('keeps the newer advice when an older version arrives late, and takes a newer or equally recent one', async () => {
      const july = officialAdviceFixture('us', 'ml', '2025-07-01T00:00:00.000Z', { level: 4 });
      await store.officialAdvice.put(july);
      await store.officialAdvice.put(officialAdviceFixture('us', 'ml', '2025-03-01T00:00:00.000Z', { level: 3 }));
      expect(await store.officialAdvice.forCountry('ml')).toEqual([july]);
      const reread = { ...july, summary: 'Do not travel to Mali (text revised)' };
      await store.officialAdvice.put(reread);
      expect(await store.officialAdvice.forCountry('ml')).toEqual([reread]);
      const november = officialAdviceFixture('us', 'ml', '2025-11-06T09:00:00.000Z', { level: 4 });
      await store.officialAdvice.put(november);
      expect(await store.officialAdvice.forCountry('ml')).toEqual([november]);
      expect(await store.officialAdvice.list()).toHaveLength(1);
    });
  });
}

export interface AuditStoreUnderTest extends Closable {
  readonly audit: AuditRepository;
}

const withoutId = ({ id: _id, ...rest }: AuditEntry): AuditEntry => rest;

/** Registers the behaviour of the audit log; run it once per implementation. */
export function describeAuditContract(name: string, open: StoreFactory<AuditStoreUnderTest>): void {
  describe(`${name}: audit log contract`, () => {
    const current = eachTest(open);
    let store: AuditStoreUnderTest;
    beforeEach(() => {
      store = current();
    });

    const T = (hour: number): string => `2025-07-02T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const otherGuild = { userId: '300000000000000002', tag: 'ops', guildId: '100000000000000002' };

    it('gives every entry an id and gives it back as appended, detail included', async () => {
      const entry = auditFixture('keyword.add', 'kidnap-fr', T(8), {
        detail: { rule: { id: 'kidnap-fr', terms: ['enlèvement', 'enlevés'], weight: 2 }, previous: null, note: 'après Kayes' },
      });
      const stored = await store.audit.append(entry);
      expect(stored.id).toMatch(/\S/);
      expect(withoutId(stored)).toEqual(entry);
      const listed = await store.audit.list({ limit: 10 });
      expect(listed).toEqual([stored]);
    });

    it('keeps an actor without a guild without one, and ignores an id given by the caller', async () => {
      const fromCli = auditFixture('feed.remove', 'https://news.example.org/sahel.xml', T(8), {
        id: 'chosen-by-caller',
        actor: { userId: 'cli', tag: 'cli' },
      });
      const stored = await store.audit.append(fromCli);
      expect(stored.id).not.toBe('chosen-by-caller');
      const [listed] = await store.audit.list({ limit: 1 });
      expect(listed?.actor).toEqual({ userId: 'cli', tag: 'cli' });
      expect(listed !== undefined && 'guildId' in listed.actor).toBe(false);
      expect(listed !== undefined && 'detail' in listed).toBe(false);
    });

    it('lists newest first by instant, appending order breaking ties, within the limit', async () => {
      const a = await store.audit.append(auditFixture('keyword.add', 'a', T(8)));
      const b = await store.audit.append(auditFixture('keyword.add', 'b', T(9)));
      const c = await store.audit.append(auditFixture('keyword.remove', 'c', T(9)));
      // 10:00 at UTC+02:00 is 08:00 UTC: older than 09:00Z although its text sorts later.
      const d = await store.audit.append(auditFixture('feed.add', 'd', '2025-07-02T10:00:00+02:00'));
      expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
      expect((await store.audit.list({ limit: 10 })).map((e) => e.subject)).toEqual(['c', 'b', 'd', 'a']);
      expect((await store.audit.list({ limit: 2 })).map((e) => e.subject)).toEqual(['c', 'b']);
      expect(await store.audit.list({ limit: 0 })).toEqual([]);
    });

    it('filters by action prefix, subject and guild, together or alone', async () => {
      await store.audit.append(auditFixture('keyword.add', 'kidnap', T(8)));
      await store.audit.append(auditFixture('keyword.remove', 'kidnap', T(9), { actor: otherGuild }));
      await store.audit.append(auditFixture('feed.add', 'https://news.example.org/sahel.xml', T(10)));
      await store.audit.append(auditFixture('subscription.add', 'sub-1', T(11)));
      await store.audit.append(auditFixture('keyword_legacy.add', 'old', T(12)));
      const subjects = async (query: Parameters<AuditRepository['list']>[0]) => (await store.audit.list(query)).map((e) => `${e.action} ${e.subject}`);
      expect(await subjects({ actionPrefix: 'keyword.', limit: 10 })).toEqual(['keyword.remove kidnap', 'keyword.add kidnap']);
      expect(await subjects({ actionPrefix: 'feed', limit: 10 })).toEqual(['feed.add https://news.example.org/sahel.xml']);
      expect(await subjects({ actionPrefix: 'Keyword.', limit: 10 })).toEqual([]);
      expect(await subjects({ actionPrefix: 'keyword%', limit: 10 })).toEqual([]);
      expect(await subjects({ subject: 'kidnap', limit: 10 })).toEqual(['keyword.remove kidnap', 'keyword.add kidnap']);
      expect(await subjects({ guildId: otherGuild.guildId, limit: 10 })).toEqual(['keyword.remove kidnap']);
      expect(await subjects({ actionPrefix: 'keyword.', subject: 'kidnap', guildId: '100000000000000001', limit: 10 })).toEqual([
        'keyword.add kidnap',
      ]);
      expect(await subjects({ actionPrefix: 'keyword.', limit: 1 })).toEqual(['keyword.remove kidnap']);
    });

    it('prunes entries strictly older than the cut-off and never gives an id again', async () => {
      const old = await store.audit.append(auditFixture('keyword.add', 'old', '2025-01-01T00:00:00.000Z'));
      await store.audit.append(auditFixture('keyword.add', 'edge', '2025-06-01T00:00:00.000Z'));
      const last = await store.audit.append(auditFixture('keyword.add', 'recent', '2025-07-01T00:00:00.000Z'));
      expect(await store.audit.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(1);
      expect((await store.audit.list({ limit: 10 })).map((e) => e.subject)).toEqual(['recent', 'edge']);
      expect(await store.audit.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(0);
      expect(await store.audit.pruneBefore('2026-01-01T00:00:00.000Z')).toBe(2);
      const next = await store.audit.append(auditFixture('keyword.add', 'after', '2026-01-02T00:00:00.000Z'));
      expect([old.id, last.id]).not.toContain(next.id);
    });

    it('refuses entries that could not be read back as an audit record', async () => {
      await expect(store.audit.append(auditFixture('Keyword Add', 'kidnap', T(8)))).rejects.toThrow();
      await expect(store.audit.append(auditFixture('keyword.add', 'kidnap', 'yesterday'))).rejects.toThrow();
      await expect(store.audit.append(auditFixture('keyword.add', '', T(8)))).rejects.toThrow();
      await expect(store.audit.append(auditFixture('keyword.add', 'kidnap', T(8), { actor: { userId: ' ', tag: 'x' } }))).rejects.toThrow();
      expect(await store.audit.list({ limit: 10 })).toEqual([]);
    });
  });
}

export interface RetentionStoreUnderTest extends Closable {
  readonly outbox: OutboxRepository & OutboxRetention;
  readonly digests: DigestRepository & DigestRetention;
}

/** Registers the retention behaviour of the delivery records; run it once per implementation. */
export function describeRetentionContract(name: string, open: StoreFactory<RetentionStoreUnderTest>): void {
  describe(`${name}: retention contract`, () => {
    const current = eachTest(open);
    let store: RetentionStoreUnderTest;
    beforeEach(() => {
      store = current();
    });

    const OLD = '2025-03-01T08:00:00.000Z';
    const CUT = '2025-06-01T00:00:00.000Z';
    const RECENT = '2025-07-01T08:00:00.000Z';
    const error = { code: 'forbidden', message: 'missing access to the channel' };

    it('forgets sent and failed deliveries finished before the cut-off, never pending ones', async () => {
      await store.outbox.enqueue(outboxEntry('sent-old', OLD, { incidentId: 'inc-1' }));
      await store.outbox.enqueue(outboxEntry('failed-old', OLD, { incidentId: 'inc-2' }));
      await store.outbox.enqueue(outboxEntry('disabled-old', OLD, { incidentId: 'inc-3', subscriptionId: 'sub-2' }));
      await store.outbox.enqueue(outboxEntry('pending-old', OLD, { incidentId: 'inc-4' }));
      await store.outbox.enqueue(outboxEntry('leased-old', OLD, { incidentId: 'inc-5' }));
      await store.outbox.enqueue(outboxEntry('sent-late', OLD, { incidentId: 'inc-6' }));
      await store.outbox.enqueue(outboxEntry('sent-at-cut', OLD, { incidentId: 'inc-7' }));
      await store.outbox.markSent('sent-old', 'm-1', '2025-03-01T08:00:05.000Z');
      await store.outbox.markFailed('failed-old', { code: 'bad_request', message: 'embed too long' }, '2025-03-01T08:01:00.000Z');
      await store.outbox.failPending('sub-2', error, '2025-03-02T00:00:00.000Z');
      await store.outbox.markRetry('pending-old', '2025-03-01T09:00:00.000Z', error, true);
      // Enqueued long ago but only sent after the cut-off: its age is the time it was sent.
      await store.outbox.markSent('sent-late', 'm-6', RECENT);
      await store.outbox.markSent('sent-at-cut', 'm-7', CUT);
      const leased = await store.outbox.claimDue('2025-03-01T08:00:00.000Z', '2025-03-01T08:05:00.000Z', 10);
      expect(leased.map((i) => i.key)).toEqual(['leased-old']);
      expect(await store.outbox.pruneBefore(CUT)).toBe(3);
      for (const key of ['sent-old', 'failed-old', 'disabled-old']) expect(await store.outbox.get(key)).toBeUndefined();
      expect((await store.outbox.get('pending-old'))?.state).toBe('pending');
      expect((await store.outbox.get('leased-old'))?.state).toBe('pending');
      expect((await store.outbox.get('sent-late'))?.state).toBe('sent');
      expect((await store.outbox.get('sent-at-cut'))?.state).toBe('sent');
      expect(await store.outbox.counts()).toEqual({ pending: 2, sent: 2, failed: 0 });
      expect(await store.outbox.pruneBefore(CUT)).toBe(0);
      expect(await store.outbox.pruneBefore('2030-01-01T00:00:00.000Z')).toBe(2);
      expect(await store.outbox.counts()).toEqual({ pending: 2, sent: 0, failed: 0 });
    });

    it('keeps a pruned pending pair in order: the remaining items still wait for their head', async () => {
      await store.outbox.enqueue(outboxEntry('inc-1:1:sub-1', OLD));
      await store.outbox.enqueue(outboxEntry('inc-1:2:sub-1', RECENT));
      await store.outbox.markSent('inc-1:1:sub-1', 'm-1', OLD);
      expect(await store.outbox.pruneBefore(CUT)).toBe(1);
      expect((await store.outbox.claimDue(RECENT, '2025-07-01T08:05:00.000Z', 10)).map((i) => i.key)).toEqual(['inc-1:2:sub-1']);
    });

    it('forgets digest entries added before the cut-off except those of subscriptions still collecting', async () => {
      const collecting = digestEntry('inc-1:1:sub-1', 'sub-1', OLD);
      const orphan = digestEntry('inc-1:1:sub-gone', 'sub-gone', OLD);
      const atCut = digestEntry('inc-2:1:sub-gone', 'sub-gone', CUT);
      const recent = digestEntry('inc-3:1:sub-gone', 'sub-gone', RECENT);
      for (const entry of [collecting, orphan, atCut, recent]) await store.digests.add(entry);
      expect(await store.digests.pruneBefore(CUT, ['sub-1'])).toBe(1);
      expect(await store.digests.pending('sub-1', RECENT)).toEqual([collecting]);
      expect((await store.digests.pending('sub-gone', RECENT)).map((e) => e.key)).toEqual([atCut.key, recent.key]);
      expect(await store.digests.pruneBefore(RECENT, [])).toBe(2);
      expect(await store.digests.pending('sub-1', RECENT)).toEqual([]);
      expect(await store.digests.pruneBefore(RECENT, [])).toBe(0);
    });
  });
}

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, BotServices } from '../../../src/adapters/discord/services.js';
import { openSqliteStore, type SqliteStore } from '../../../src/adapters/store/sqlite/store.js';
import { createBotServices, type ArticleReader, type BotServicesDeps } from '../../../src/app/bot-services.js';
import { createEngine, type Engine } from '../../../src/app/engine.js';
import type { AddressGuard } from '../../../src/app/feeds/ports.js';
import { loadCatalogs } from '../../../src/config/catalogs.js';
import type { Catalogs } from '../../../src/domain/extract/facts.js';
import type { RawInput } from '../../../src/domain/model.js';
import { parseKeywordFile, type KeywordFile } from '../../../src/domain/relevance/schema.js';
import { ManualClock } from '../../../src/domain/shared/clock.js';
import { err, ok } from '../../../src/domain/shared/result.js';
import { feedFixture, healthFixture, incidentFixture, officialAdviceFixture } from '../../support/store-fixtures.js';

const GUILD = '1300000000000000001';
const OTHER_GUILD = '1300000000000000002';
const ALERTS = '1300000000000000011';
const FOREIGN_CHANNEL = '1300000000000000099';
const NOW = '2026-03-10T09:00:00.000Z';
const ARTICLE_URL = 'https://news.example.org/2026/03/kita-abduction';

const admin: Actor = { userId: '1200000000000000001', tag: 'aminata', guildId: GUILD, channelId: ALERTS, lang: 'en' };
const stranger: Actor = { ...admin, userId: '1200000000000000002', tag: 'moussa', guildId: OTHER_GUILD };

const KITA_TEXT = [
  'Gunmen abducted two Chinese engineers on Monday, March 9, at a gold mine near Kita in Mali’s Kayes region, local officials said.',
  'The attackers arrived on motorcycles and took the two men from the site’s living quarters.',
  'No group has claimed responsibility for the kidnapping.',
].join(' ');

const kitaItem = (overrides: Partial<RawInput> = {}): RawInput => ({
  id: 'sahel-brief-kita-1',
  kind: 'news',
  source: 'Sahel Brief',
  title: 'Gunmen abduct two Chinese engineers at a gold mine near Kita, Mali',
  body: KITA_TEXT,
  url: ARTICLE_URL,
  published: '2026-03-10T07:30:00Z',
  lang: 'en',
  seenAt: NOW,
  ...overrides,
});

function projectConfig(): { catalogs: Catalogs; keywords: KeywordFile } {
  const catalogs = loadCatalogs('config');
  const keywords = parseKeywordFile(JSON.parse(readFileSync('config/keywords.json', 'utf8')));
  if (!catalogs.ok || !keywords.ok) throw new Error('the project config does not load');
  return { catalogs: catalogs.value, keywords: keywords.value };
}

const { catalogs, keywords } = projectConfig();
const relevance = keywords.threshold === undefined ? {} : { threshold: keywords.threshold };

const openGuard: AddressGuard = {
  check: async (url) => (url.hostname === 'intranet.example' ? err('blocked_address', `${url.hostname} resolves to 10.0.0.8 (private)`) : ok(undefined)),
};

let clock: ManualClock;
let store: SqliteStore;
let engine: Engine;
let services: BotServices;
let ids: number;

function build(overrides: Partial<BotServicesDeps> = {}): BotServices {
  return createBotServices({
    stores: store,
    catalogs,
    relevance,
    clock,
    guard: openGuard,
    channels: { inGuild: (guildId, channelId) => guildId === GUILD && channelId === ALERTS },
    newId: () => `sub-${++ids}`,
    ...overrides,
  });
}

beforeEach(async () => {
  clock = new ManualClock(NOW);
  store = openSqliteStore({ file: ':memory:', clock });
  engine = createEngine({ store, catalogs, clock, rules: keywords.rules, relevance });
  ids = 0;
  services = build();
  const processed = await engine.process(kitaItem());
  expect(processed.ok && processed.value.decision.action).toBe('new');
});

afterEach(() => store.close());

async function kitaIncidentId(): Promise<string> {
  const id = (await store.decisions.findByDocument('sahel-brief-kita-1'))?.decision.incidentId;
  if (!id) throw new Error('no incident filed');
  return id;
}

describe('status', () => {
  it('gives the assessment, open incidents, official advice and when feeds were polled', async () => {
    await store.officialAdvice.put(officialAdviceFixture('us', 'ml', '2026-02-01T00:00:00.000Z', { level: 4 }));
    await store.feeds.put(feedFixture('https://feeds.example.org/a.xml'));
    await store.feeds.put(feedFixture('https://feeds.example.org/b.xml'));
    await store.feeds.put(feedFixture('https://feeds.example.org/off.xml', { enabled: false }));
    await store.feedHealth.put(healthFixture('https://feeds.example.org/a.xml', { lastPollAt: '2026-03-10T08:45:00.000Z', lastSuccessAt: '2026-03-10T08:45:00.000Z' }));
    await store.feedHealth.put(healthFixture('https://feeds.example.org/b.xml', { lastPollAt: '2026-03-10T08:50:00.000Z', consecutiveFailures: 2 }));
    await store.feedHealth.put(healthFixture('https://feeds.example.org/off.xml', { lastPollAt: '2026-03-10T08:59:00.000Z' }));
    await store.incidents.save(incidentFixture({ id: 'inc-context', context: true, severity: 4, updatedAt: NOW }), []);

    const status = await services.status('ml', admin);
    const id = await kitaIncidentId();
    expect(status.since).toBe('2026-02-08T09:00:00.000Z');
    expect(status.incidents.map((i) => i.id)).toEqual([id]);
    expect(status.assessment?.driver.id).toBe(id);
    expect(status.assessment?.severity).toBe(status.incidents[0]?.severity);
    expect(status.assessment?.open).toBe(1);
    expect(status.official.map((a) => [a.source, a.level])).toEqual([['us', 4]]);
    expect(status.feeds).toEqual({ active: 2, lastPollAt: '2026-03-10T08:50:00.000Z', lastSuccessAt: '2026-03-10T08:45:00.000Z', failing: 1, paused: 0 });
  });

  it('is quiet once the incidents are older than 30 days', async () => {
    clock.advance(31 * 86_400_000);
    const status = await services.status('ml', admin);
    expect(status.incidents).toEqual([]);
    expect(status.assessment).toBeUndefined();
    expect(status.feeds).toEqual({ active: 0, failing: 0, paused: 0 });
  });

  it('leaves out a baseline loaded today from last year’s articles, but counts what feeds brought today', async () => {
    const seed = { documentId: 'seed-1', name: 'The Wire', kind: 'seed' as const, published: '2025-07-03', firstSeen: NOW };
    await store.incidents.save(incidentFixture({ id: 'inc-20250701-kayes-kidnapping', severity: 4, sources: [seed], updatedAt: NOW }), []);
    await store.incidents.save(
      incidentFixture({
        id: 'inc-20250915-kayes-blockade',
        eventType: 'blockade',
        eventDate: '2025-09-15',
        sources: [seed, { documentId: 'feed-item-9', name: 'RFI', kind: 'news', firstSeen: '2026-03-09T12:00:00.000Z' }],
        updates: [{ at: '2026-03-09T12:00:00.000Z', documentId: 'feed-item-9', changes: ['release'] }],
        updatedAt: '2026-03-09T12:00:00.000Z',
      }),
      [],
    );
    const status = await services.status('ml', admin);
    expect(status.incidents.map((i) => i.id)).toEqual([await kitaIncidentId(), 'inc-20250915-kayes-blockade']);
    expect((await services.incidents({ days: 3 }, admin)).map((i) => i.id)).not.toContain('inc-20250701-kayes-kidnapping');
  });

  it('looks at the country asked for only', async () => {
    expect((await services.status('ne', admin)).incidents).toEqual([]);
  });
});

describe('incidents', () => {
  it('lists by days and country, finds one by id and completes ids and titles', async () => {
    const id = await kitaIncidentId();
    expect((await services.incidents({ days: 7, country: 'ml' }, admin)).map((i) => i.id)).toEqual([id]);
    expect(await services.incidents({ days: 7, country: 'bf' }, admin)).toEqual([]);
    clock.advance(8 * 86_400_000);
    expect(await services.incidents({ days: 7 }, admin)).toEqual([]);
    expect((await services.incident(id, admin)).ok).toBe(true);
    expect(await services.incident('inc-20990101-nowhere', admin)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await services.autocompleteIncidents('KITA', admin)).toEqual([{ id, title: expect.stringContaining('Kita') }]);
    expect(await services.autocompleteIncidents('timbuktu', admin)).toEqual([]);
  });
});

describe('subscriptions', () => {
  const request = { channelId: ALERTS, filters: { countries: ['ml'], minSeverity: 2 as const }, mode: { kind: 'realtime' as const }, lang: 'fr' as const };

  it('creates a subscription for the caller’s server and writes who did it to the audit log', async () => {
    const created = await services.subscribe(request, admin);
    expect(created).toEqual({
      ok: true,
      value: {
        id: 'sub-1',
        target: { kind: 'discord', guildId: GUILD, channelId: ALERTS },
        filters: { countries: ['ml'], minSeverity: 2 },
        mode: { kind: 'realtime' },
        lang: 'fr',
        enabled: true,
        createdBy: admin.userId,
        createdAt: NOW,
      },
    });
    expect(await store.subscriptions.get('sub-1')).toEqual(created.ok && created.value);
    expect(await services.subscriptions(GUILD, admin)).toHaveLength(1);
    expect(await services.subscriptions(OTHER_GUILD, stranger)).toEqual([]);
    const [entry] = await store.audit.list({ actionPrefix: 'subscription.', limit: 5 });
    expect(entry).toMatchObject({ at: NOW, action: 'subscription.add', subject: 'sub-1', actor: { userId: admin.userId, tag: 'aminata', guildId: GUILD } });
  });

  it('refuses a channel of another server, and more subscriptions than the limit', async () => {
    expect(await services.subscribe({ ...request, channelId: FOREIGN_CHANNEL }, admin)).toMatchObject({ ok: false, error: { code: 'channel_not_in_guild' } });
    const limited = build({ maxSubscriptionsPerGuild: 1 });
    expect((await limited.subscribe(request, admin)).ok).toBe(true);
    expect(await limited.subscribe(request, admin)).toMatchObject({ ok: false, error: { code: 'limit_reached' } });
  });

  it('refuses an invalid subscription with the reason', async () => {
    const bad = await services.subscribe({ ...request, mode: { kind: 'digest', cron: 'every day', timezone: 'Africa/Bamako' } }, admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_subscription', message: expect.stringContaining('cron') } });
    expect(await store.subscriptions.list()).toEqual([]);
  });

  it('stops a subscription of the caller’s server only', async () => {
    await services.subscribe(request, admin);
    expect(await services.unsubscribe('sub-1', stranger)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await store.subscriptions.get('sub-1')).toBeDefined();
    expect((await services.unsubscribe('sub-1', admin)).ok).toBe(true);
    expect(await store.subscriptions.get('sub-1')).toBeUndefined();
    const actions = (await store.audit.list({ actionPrefix: 'subscription.', limit: 5 })).map((e) => e.action);
    expect(actions).toEqual(['subscription.remove', 'subscription.add']);
  });
});

describe('keywords', () => {
  const hostage = { id: 'hostage', kind: 'include' as const, terms: ['hostage*', 'otage*'], weight: 1.5 };

  it('adds, replaces and removes rules, and lists the changes newest first with who made them', async () => {
    expect(await services.keywords.add(hostage, admin)).toEqual({ ok: true, value: hostage });
    clock.advance(60_000);
    expect((await services.keywords.add({ ...hostage, weight: 2 }, stranger)).ok).toBe(true);
    clock.advance(60_000);
    expect((await services.keywords.remove('hostage', admin)).ok).toBe(true);
    const listing = await services.keywords.list(admin);
    expect(listing.rules.some((rule) => rule.id === 'hostage')).toBe(false);
    expect(listing.rules.length).toBe(keywords.rules.length);
    expect(listing.changes.map((e) => [e.action, e.subject, e.actor.tag, e.at])).toEqual([
      ['keyword.remove', 'hostage', 'aminata', '2026-03-10T09:02:00.000Z'],
      ['keyword.update', 'hostage', 'moussa', '2026-03-10T09:01:00.000Z'],
      ['keyword.add', 'hostage', 'aminata', NOW],
    ]);
  });

  it('refuses invalid rules and unknown ids without writing anything', async () => {
    expect(await services.keywords.add({ ...hostage, terms: ['ki*'] }, admin)).toMatchObject({ ok: false, error: { code: 'invalid_keyword_rule' } });
    expect(await services.keywords.remove('no-such-rule', admin)).toMatchObject({ ok: false, error: { code: 'unknown_rule' } });
    expect((await services.keywords.list(admin)).changes).toEqual([]);
  });

  it('scores a text with the rules that fire, and writes nothing', async () => {
    const before = { incidents: await store.incidents.count(), rows: (await store.stats()).rows };
    const scored = await services.keywords.test('Gunmen kidnapped three Indian workers near Kayes in Mali on Tuesday.', admin);
    expect(scored.ok && scored.value.relevant).toBe(true);
    expect(scored.ok && scored.value.hits.map((h) => h.matched)).toContain('mali');
    const offTopic = await services.keywords.test('The Mali football team won the cup.', admin);
    expect(offTopic.ok && offTopic.value.relevant).toBe(false);
    expect({ incidents: await store.incidents.count(), rows: (await store.stats()).rows }).toEqual(before);
  });

  it('reads a URL through the article reader, and says when there is none', async () => {
    expect(await services.keywords.test(ARTICLE_URL, admin)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const reader: ArticleReader = { read: async (url) => ok(kitaItem({ id: url, url })) };
    const scored = await build({ articles: reader }).keywords.test(ARTICLE_URL, admin);
    expect(scored.ok && scored.value.relevant).toBe(true);
  });
});

describe('feeds', () => {
  it('adds, lists and removes feeds with an audit trail', async () => {
    const added = await services.feeds.add({ url: 'https://news.example.org/mali.rss', name: 'Mali News', lang: 'fr' }, admin);
    expect(added).toMatchObject({ ok: true, value: { url: 'https://news.example.org/mali.rss', name: 'Mali News', lang: 'fr', kind: 'news', addedAt: NOW } });
    expect(await services.feeds.add({ url: 'https://news.example.org/mali.rss' }, admin)).toMatchObject({ ok: false, error: { code: 'duplicate_feed' } });
    expect((await services.feeds.list(admin)).map((f) => f.name)).toEqual(['Mali News']);
    expect((await services.feeds.status(admin))[0]?.feed.name).toBe('Mali News');
    expect((await services.feeds.remove('https://news.example.org/mali.rss', admin)).ok).toBe(true);
    expect(await services.feeds.remove('https://news.example.org/mali.rss', admin)).toMatchObject({ ok: false, error: { code: 'unknown_feed' } });
    const trail = await store.audit.list({ actionPrefix: 'feed.', limit: 5 });
    expect(trail.map((e) => [e.action, e.subject])).toEqual([
      ['feed.remove', 'https://news.example.org/mali.rss'],
      ['feed.add', 'https://news.example.org/mali.rss'],
    ]);
  });

  it('refuses feeds on forbidden addresses', async () => {
    expect(await services.feeds.add({ url: 'http://intranet.example/feed' }, admin)).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    expect(await store.feeds.list()).toEqual([]);
  });
});

describe('operator servers', () => {
  const hostage = { id: 'hostage', kind: 'include' as const, terms: ['hostage*', 'otage*'], weight: 1.5 };
  const feed = { url: 'https://news.example.org/mali.rss', name: 'Mali News' };

  it('refuses changes to rules and feeds from another server, writing nothing, and lets it read', async () => {
    const scoped = build({ operatorGuildIds: [GUILD] });
    const rulesBefore = await store.keywords.list();
    expect(await scoped.keywords.add(hostage, stranger)).toMatchObject({ ok: false, error: { code: 'not_operator' } });
    expect(await scoped.keywords.remove(rulesBefore[0]?.id ?? '', stranger)).toMatchObject({ ok: false, error: { code: 'not_operator' } });
    expect(await scoped.feeds.add(feed, stranger)).toMatchObject({ ok: false, error: { code: 'not_operator' } });
    expect((await scoped.feeds.add(feed, admin)).ok).toBe(true);
    expect(await scoped.feeds.remove(feed.url, stranger)).toMatchObject({ ok: false, error: { code: 'not_operator' } });
    expect(await store.keywords.list()).toEqual(rulesBefore);
    expect((await store.feeds.list()).map((f) => f.url)).toEqual([feed.url]);
    expect((await store.audit.list({ limit: 10 })).map((e) => [e.action, e.actor.guildId])).toEqual([['feed.add', GUILD]]);
    expect((await scoped.keywords.list(stranger)).rules).toEqual(rulesBefore);
    expect((await scoped.keywords.test('Gunmen kidnapped three Indian workers near Kayes in Mali on Tuesday.', stranger)).ok).toBe(true);
    expect((await scoped.feeds.list(stranger)).map((f) => f.url)).toEqual([feed.url]);
    expect(await scoped.feeds.status(stranger)).toHaveLength(1);
    expect((await scoped.why(KITA_TEXT, stranger)).ok).toBe(true);
  });

  it('accepts changes from any of the operator servers', async () => {
    const scoped = build({ operatorGuildIds: [OTHER_GUILD, GUILD] });
    expect((await scoped.keywords.add(hostage, admin)).ok).toBe(true);
    expect((await scoped.keywords.remove('hostage', stranger)).ok).toBe(true);
    expect((await scoped.feeds.add(feed, stranger)).ok).toBe(true);
    expect((await scoped.feeds.remove(feed.url, admin)).ok).toBe(true);
  });

  it('lets any server change them when no operator server is configured', async () => {
    const open = build({ operatorGuildIds: [] });
    expect((await open.keywords.add(hostage, stranger)).ok).toBe(true);
    expect((await open.feeds.add(feed, stranger)).ok).toBe(true);
    expect((await store.audit.list({ limit: 10 })).map((e) => e.actor.guildId)).toEqual([OTHER_GUILD, OTHER_GUILD]);
  });
});

describe('why', () => {
  it('gives the decision recorded when an item came through, by its URL', async () => {
    const answer = await services.why(ARTICLE_URL, admin);
    expect(answer).toMatchObject({ ok: true, value: { recorded: true, at: NOW, url: ARTICLE_URL, decision: { action: 'new', incidentId: await kitaIncidentId() } } });
    expect(answer.ok && answer.value.subject).toContain('Kita');
  });

  it('runs a dry run on text: the incident it matches and the reasons, with nothing written', async () => {
    const before = (await store.stats()).rows;
    const answer = await services.why(`Two Chinese engineers kidnapped near Kita, Mali. ${KITA_TEXT}`, admin);
    expect(answer.ok && answer.value.recorded).toBe(false);
    expect(answer.ok && answer.value.decision.incidentId).toBe(await kitaIncidentId());
    expect(answer.ok && ['duplicate', 'update']).toContain(answer.ok && answer.value.decision.action);
    expect(answer.ok && answer.value.decision.reasons.length).toBeGreaterThan(0);
    expect((await store.stats()).rows).toEqual(before);
  });

  it('says why an off-topic text raises no alert', async () => {
    const answer = await services.why('The Mali national football team won the cup final on Sunday.', admin);
    expect(answer).toMatchObject({ ok: true, value: { recorded: false, decision: { action: 'ignored', incidentId: null } } });
  });

  it('answers not_found for an unknown URL without a reader, fetch_failed when the reader fails', async () => {
    expect(await services.why('https://news.example.org/never-seen', admin)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const failing: ArticleReader = { read: async () => err('http_4xx', 'HTTP 404 Not Found') };
    expect(await build({ articles: failing }).why('https://news.example.org/never-seen', admin)).toMatchObject({
      ok: false,
      error: { code: 'fetch_failed', message: 'HTTP 404 Not Found' },
    });
  });

  it('dry-runs an article read from an unknown URL', async () => {
    const reader: ArticleReader = { read: async (url) => ok(kitaItem({ id: url, url })) };
    const answer = await build({ articles: reader }).why('https://other.example.org/kita-again', admin);
    expect(answer).toMatchObject({ ok: true, value: { recorded: false, url: 'https://other.example.org/kita-again', decision: { incidentId: await kitaIncidentId() } } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DecisionRecord,
  DecisionRepository,
  IncidentRepository,
  KeywordRepository,
  SeedRepository,
} from '../../src/app/ports.js';
import type { Decision, Incident, KeywordRule } from '../../src/domain/model.js';

/** What every store offers, whatever holds the data. */
export interface StoreUnderTest {
  readonly incidents: IncidentRepository;
  readonly seeds: SeedRepository;
  readonly decisions: DecisionRepository;
  readonly keywords: KeywordRepository;
  close?(): void | Promise<void>;
}

export type StoreFactory = () => StoreUnderTest | Promise<StoreUnderTest>;

export function incidentFixture(overrides: Partial<Incident> & Pick<Incident, 'id'>): Incident {
  return {
    title: `Incident ${overrides.id}`,
    eventType: 'kidnapping',
    eventDate: '2025-07-01',
    country: 'ml',
    places: [
      {
        value: { id: 'ml-kayes-town', name: 'Kayes', kind: 'town', region: 'ml-kayes-region' },
        sources: ['doc-1'],
        evidence: [{ sentence: 1, text: 'Gunmen stormed the factory near Kayes.' }],
      },
    ],
    victims: [{ value: { count: 3, nationality: 'Indian', role: 'hostage' }, sources: ['doc-1'], evidence: [] }],
    sites: [{ value: { name: 'Diamond Cement Factory', key: 'diamond cement' }, sources: ['doc-1'], evidence: [] }],
    actors: [
      { value: { id: 'jnim', name: 'JNIM', role: 'claimed' }, sources: ['doc-1'], evidence: [] },
      { value: { id: 'jnim', name: 'JNIM', role: 'not_claimed' }, sources: ['doc-2'], evidence: [] },
    ],
    advice: [],
    figures: [{ value: { value: 400, what: 'Indians living in Mali' }, sources: ['doc-2'], evidence: [] }],
    changes: [],
    severity: 3,
    status: 'open',
    context: false,
    baseline: true,
    sources: [{ documentId: 'doc-1', name: 'The Wire', kind: 'seed', firstSeen: '2025-07-02T08:00:00.000Z' }],
    updates: [],
    terms: { kayes: 2.5, 'diamond cement': 1.75 },
    createdAt: '2025-07-02T08:00:00.000Z',
    updatedAt: '2025-07-02T08:00:00.000Z',
    ...overrides,
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

/** Registers the behaviour every store must have; run it once per implementation. */
export function describeStoreContract(name: string, open: StoreFactory): void {
  describe(`${name}: store contract`, () => {
    let store: StoreUnderTest;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store.close?.();
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

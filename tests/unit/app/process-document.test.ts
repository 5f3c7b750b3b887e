import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/store/memory/memory-store.js';
import { type DocumentStages, processDocument, type ProcessDeps } from '../../../src/app/process-document.js';
import { DEFAULT_MATCH_POLICY } from '../../../src/domain/incidents/decide.js';
import type { Facts, RawInput } from '../../../src/domain/model.js';
import { ManualClock } from '../../../src/domain/shared/clock.js';
import { err, ok } from '../../../src/domain/shared/result.js';
import { doc, facts, julyKidnapping, KAYES, MALI, victims } from '../domain/incidents/stories.js';

/** Stages that hand back prepared facts per document id, so that only matching and filing are under test. */
function fakeStages(known: Map<string, Facts>): DocumentStages {
  return {
    document: (raw) =>
      raw.body === '' ? err('empty', 'nothing left') : ok(doc(raw.id, raw.title ?? raw.id, [raw.body], { lang: raw.lang === 'xx' ? 'und' : 'en' })),
    facts: (d) => known.get(d.id) ?? facts({}),
    relevance: (d) => ({ relevant: !d.id.startsWith('off'), score: d.id.startsWith('off') ? 0 : 5, threshold: 3, hits: [] }),
  };
}

function setup() {
  const store = createMemoryStore();
  const known = new Map<string, Facts>();
  const clock = new ManualClock('2025-07-03T12:00:00Z');
  const deps: ProcessDeps = {
    incidents: store.incidents,
    decisions: store.decisions,
    rules: async () => [],
    stages: fakeStages(known),
    clock,
    match: DEFAULT_MATCH_POLICY,
    policy: { nationalitiesOfInterest: ['Indian'] },
  };
  const raw = (id: string, body: string, title = 'Three Indians kidnapped at cement factory in western Mali'): RawInput => ({
    id,
    kind: 'news',
    source: 'outlet',
    title,
    body,
    seenAt: clock.now().toISOString(),
  });
  return { store, known, deps, raw, clock };
}

const july = julyKidnapping().contributions;
const julyFacts = (): Facts =>
  facts(
    {
      type: 'kidnapping',
      date: '2025-07-01',
      datePrecision: 'day',
      country: 'ml',
      places: ['ml-kayes', 'ml'],
      victims: { count: 3, nationality: 'Indian' },
      site: 'diamond cement',
    },
    { places: [KAYES, MALI], victims: [victims(3, 'Indian')], sites: july.sites.map((s) => ({ name: s.value.name, key: s.value.key, background: false, evidence: s.evidence })) },
  );

describe('processDocument', () => {
  it('opens an incident, then files a second report under it, and logs both decisions', async () => {
    const { store, known, deps, raw } = setup();
    known.set('a', julyFacts());
    known.set('b', julyFacts());
    const first = await processDocument(raw('a', 'Three Indian nationals were abducted in Kayes.'), deps);
    const second = await processDocument(raw('b', 'Gunmen seized three Indian workers at a factory.'), deps);
    expect(first.ok && first.value.decision).toMatchObject({ action: 'new', incidentId: 'inc-20250701-kayes-kidnapping' });
    expect(second.ok && second.value.decision).toMatchObject({ action: 'duplicate', incidentId: 'inc-20250701-kayes-kidnapping' });
    const incident = await store.incidents.get('inc-20250701-kayes-kidnapping');
    expect(incident?.sources.map((s) => s.documentId)).toEqual(['a', 'b']);
    expect((await store.decisions.findByDocument('b'))?.decision.reasons.map((r) => r.code)).toContain('site');
    expect(await store.incidents.count()).toBe(1);
  });

  it('gives another event with the same day, place and type the next free id', async () => {
    const { store, known, deps, raw } = setup();
    known.set('a', julyFacts());
    known.set('c', facts({ type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes'], victims: { count: 2, nationality: 'Chinese' }, site: 'gold mine' }, { places: [KAYES], victims: [victims(2, 'Chinese')] }));
    await processDocument(raw('a', 'Three Indians abducted.'), deps);
    const other = await processDocument(raw('c', 'Two Chinese miners abducted near a gold mine.', 'Chinese miners kidnapped'), deps);
    expect(other.ok && other.value.decision.incidentId).toBe('inc-20250701-kayes-kidnapping-2');
    expect(await store.incidents.count()).toBe(2);
  });

  it('counts a story seen twice once', async () => {
    const { store, known, deps, raw } = setup();
    known.set('a', julyFacts());
    await processDocument(raw('a', 'Three Indians abducted.'), deps);
    const again = await processDocument(raw('a', 'Three Indians abducted.'), deps);
    expect(again.ok && again.value.decision.action).toBe('duplicate');
    expect((await store.incidents.get('inc-20250701-kayes-kidnapping'))?.sources).toHaveLength(1);
  });

  it('reopens the same incident id when a story read again now tells another event', async () => {
    const { store, known, deps, raw } = setup();
    known.set('a', julyFacts());
    await processDocument(raw('a', 'Three Indians abducted.'), deps);
    known.set('a', facts({ type: 'kidnapping', date: '2025-06-20', datePrecision: 'day', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }));
    const again = await processDocument(raw('a', 'Workers were abducted on June 20.', 'Workers abducted in Kayes'), deps);
    expect(again.ok && again.value.decision).toMatchObject({ action: 'new', incidentId: 'inc-20250701-kayes-kidnapping' });
    const incident = await store.incidents.get('inc-20250701-kayes-kidnapping');
    expect(incident?.eventDate).toBe('2025-06-20');
    expect(await store.incidents.count()).toBe(1);
  });

  it('logs an ignored story without touching incidents', async () => {
    const { store, deps, raw } = setup();
    const result = await processDocument(raw('off-1', 'Football results.'), deps);
    expect(result.ok && result.value.decision).toMatchObject({ action: 'ignored', incidentId: null });
    expect(result.ok && result.value.incident).toBeUndefined();
    expect((await store.decisions.findByDocument('off-1'))?.decision.action).toBe('ignored');
    expect(await store.incidents.count()).toBe(0);
  });

  it('returns the document stage failure as a value and logs nothing', async () => {
    const { store, deps, raw } = setup();
    const result = await processDocument(raw('empty', ''), deps);
    expect(result.ok ? undefined : result.error.code).toBe('empty');
    expect(await store.decisions.findByDocument('empty')).toBeUndefined();
  });

  it('refuses a document in an unknown language when asked to', async () => {
    const { deps, raw } = setup();
    const result = await processDocument({ ...raw('x', 'Lorem ipsum.'), lang: 'xx' }, deps, { requireKnownLanguage: true });
    expect(result.ok ? undefined : result.error.code).toBe('unknown_language');
  });
});

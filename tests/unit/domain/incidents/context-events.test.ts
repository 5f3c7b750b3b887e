import { describe, expect, it } from 'vitest';
import { contextEvents, contextStory, placeContext } from '../../../../src/domain/incidents/context-events.js';
import { DEFAULT_MATCH_POLICY } from '../../../../src/domain/incidents/decide.js';
import { createIncident, mergeStory, novelty } from '../../../../src/domain/incidents/merge.js';
import type { DateFact, EventFact, Facts, PlaceFact } from '../../../../src/domain/model.js';
import { doc, facts, julyKidnapping, KAYES, MALI } from './stories.js';

const at = (sentence: number) => ({ sentence, text: `sentence ${sentence}` });
const TIMBUKTU: PlaceFact = { id: 'ml-tombouctou', name: 'Timbuktu', kind: 'town', region: 'ml-r-tombouctou', country: 'ml', background: false, evidence: at(6) };
const date = (value: string, sentence: number, precision: DateFact['precision'] = 'day'): DateFact => ({
  date: value, precision, role: 'event', background: false, matched: value, evidence: at(sentence),
});
const event = (type: EventFact['type'], sentence: number): EventFact => ({ type, trigger: type, background: true, evidence: at(sentence) });

function withMentions(extra: Partial<Facts>): Facts {
  return facts(
    { type: 'kidnapping', date: '2025-07-01', datePrecision: 'day', country: 'ml', places: ['ml-kayes', 'ml'] },
    { places: [KAYES, MALI, TIMBUKTU], ...extra },
  );
}

describe('contextEvents', () => {
  it('takes an earlier event dated to the day and placed in one sentence, the event word possibly one sentence before', () => {
    const found = contextEvents(withMentions({ dates: [date('2025-07-01', 1), date('2025-06-02', 6)], events: [event('attack', 5)] }));
    expect(found.map((e) => [e.type, e.date, e.place.id, e.country])).toEqual([['attack', '2025-06-02', 'ml-tombouctou', 'ml']]);
  });

  it('leaves out dates close to the main event, vague dates and sentences without a place or an event', () => {
    expect(contextEvents(withMentions({ dates: [date('2025-06-30', 6)], events: [event('attack', 6)] }))).toEqual([]);
    expect(contextEvents(withMentions({ dates: [date('2025-06-01', 6, 'month')], events: [event('attack', 6)] }))).toEqual([]);
    expect(contextEvents(withMentions({ dates: [date('2025-06-02', 7)], events: [event('attack', 7)] }))).toEqual([]);
    expect(contextEvents(withMentions({ dates: [date('2025-06-02', 6)], events: [event('statement', 6)] }))).toEqual([]);
  });
});

describe('placeContext', () => {
  const policy = { nationalitiesOfInterest: [] };
  const mention = (id: string) => {
    const f = withMentions({ dates: [date('2025-06-02', 6)], events: [event('attack', 6)] });
    const [first] = contextEvents(f);
    if (first === undefined) throw new Error('no context event');
    return contextStory(doc(id, 'Three Indians kidnapped in Kayes', ['Earlier attacks hit Timbuktu.']), f, first);
  };

  it('opens a context incident, then lets a second mention corroborate it', () => {
    expect(placeContext(mention('a'), [], DEFAULT_MATCH_POLICY)).toEqual({ action: 'new' });
    const filed = createIncident(mention('a'), { id: 'inc-ctx', type: 'attack', country: 'ml', at: '2025-07-03T00:00:00Z', context: true }, policy);
    expect(filed).toMatchObject({ context: true, severity: 2, title: 'Attack, Timbuktu, Mali' });
    const placement = placeContext(mention('b'), [filed], DEFAULT_MATCH_POLICY);
    expect(placement).toEqual({ action: 'corroborate', incident: filed });
    const merged = mergeStory(filed, mention('b'), [], '2025-07-04T00:00:00Z', policy);
    expect(merged.sources.map((s) => s.documentId)).toEqual(['a', 'b']);
    expect(merged.context).toBe(true);
  });

  it('leaves an incident that stories are about untouched by a passing mention', () => {
    const reported = createIncident(julyKidnapping(), { id: 'inc-1', type: 'kidnapping', country: 'ml', at: '2025-07-03T00:00:00Z' }, policy);
    const sameDay = { ...mention('c'), probe: { ...mention('c').probe, type: 'kidnapping' as const, date: '2025-07-01', places: [{ id: 'ml-kayes', kind: 'town' as const, region: 'ml-r-kayes' }] } };
    expect(placeContext(sameDay, [reported], DEFAULT_MATCH_POLICY)).toEqual({ action: 'known', incident: reported });
  });

  it('makes the first story about a context incident an update that turns it into a reported incident', () => {
    const filed = createIncident(mention('a'), { id: 'inc-ctx', type: 'attack', country: 'ml', at: '2025-07-03T00:00:00Z', context: true }, policy);
    const report = julyKidnapping('report');
    expect(novelty(filed, report)).toContain('first report about an event known only from passing mentions');
    expect(mergeStory(filed, report, ['x'], '2025-07-04T00:00:00Z', policy).context).toBe(false);
  });
});

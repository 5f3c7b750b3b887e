import { describe, expect, it } from 'vitest';
import { assess } from '../../../../src/domain/incidents/assess.js';
import { createIncident } from '../../../../src/domain/incidents/merge.js';
import { incidentTitle } from '../../../../src/domain/incidents/title.js';
import { doc, facts, julyKidnapping, KAYES, story, victims } from './stories.js';

const policy = { nationalitiesOfInterest: [] };
const july = createIncident(julyKidnapping(), { id: 'inc-1', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);

function dated(date: string, precision: 'day' | 'month', type: 'kidnapping' | 'release' = 'kidnapping', published = '2025-12-01') {
  return story(
    doc('d', 'Indians held in Kayes', ['Workers were held.'], { published }),
    facts(
      { type, date, datePrecision: precision, country: 'ml', places: ['ml-kayes'], victims: { count: 3, nationality: 'Indian' } },
      { places: [KAYES], victims: [victims(3, 'Indian')] },
    ),
  ).probe;
}

describe('assess', () => {
  it('lets date agreement decay with the days between event dates', () => {
    const weight = (date: string) => assess(dated(date, 'day'), july).matches.find((m) => m.code === 'date')?.weight;
    expect(weight('2025-07-01')).toBe(0.2);
    expect(weight('2025-07-03')).toBeCloseTo(0.2 * Math.exp(-4 / 18), 3);
    expect(assess(dated('2025-07-04', 'day'), july).vetoes.map((v) => v.code)).toEqual(['veto:date']);
  });

  it('does not veto a later state change of the incident on its date alone', () => {
    const release = assess(dated('2025-09-20', 'day', 'release'), july);
    expect(release.vetoes).toEqual([]);
    expect(release.matches.find((m) => m.code === 'type')?.message).toBe('related event types: release and kidnapping');
  });

  it('compares month-precise dates by month', () => {
    expect(assess(dated('2025-07-01', 'month'), july).matches.find((m) => m.code === 'date')?.weight).toBe(0.1);
    expect(assess(dated('2025-10-01', 'month'), july).vetoes[0]?.message).toBe('same kind of event (kidnapping) but 3 months apart from inc-1');
  });

  it('vetoes an undated story published before the incident happened', () => {
    const early = story(
      doc('e', 'Indians kidnapped in Kayes', ['Three Indians kidnapped.'], { published: '2025-06-20' }),
      facts({ type: 'kidnapping', country: 'ml', places: ['ml-kayes'] }, { places: [KAYES] }),
    ).probe;
    expect(assess(early, july).vetoes[0]?.code).toBe('veto:date');
  });
});

describe('incident titles', () => {
  it('are built from the slots', () => {
    expect(july.title).toBe('Kidnapping of 3 Indian nationals at Diamond Cement Factory, Kayes, Mali');
    expect(incidentTitle({ eventType: 'attack', victims: [], sites: [], places: [], country: 'bf' })).toBe('Attack, BF');
  });
});

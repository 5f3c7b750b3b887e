import { describe, expect, it } from 'vitest';
import { incidentKeys, probeKeys } from '../../../../src/domain/incidents/keys.js';
import { createIncident } from '../../../../src/domain/incidents/merge.js';
import { doc, facts, julyKidnapping, MALI, story } from './stories.js';

const policy = { nationalitiesOfInterest: [] };

describe('candidate keys', () => {
  const july = julyKidnapping();
  const incident = createIncident(july, { id: 'inc-1', type: 'kidnapping', country: 'ml', at: '2025-07-03T12:00:00Z' }, policy);

  it('files an incident under month-bucketed facets and under its site, hostages, source and fingerprint bands', () => {
    const keys = incidentKeys(incident);
    expect(keys).toEqual(
      expect.arrayContaining([
        'type:kidnapping:ml@2025-07',
        'place:ml-kayes@2025-07',
        'region:ml-r-kayes@2025-07',
        'nat:indian@2025-07',
        'site:diamond cement',
        'hostages:3:indian',
        'src:wire-1',
      ]),
    );
    expect(keys.filter((k) => k.startsWith('mh:'))).toHaveLength(8);
    expect(keys.some((k) => k.startsWith('place:ml@'))).toBe(false);
  });

  it('looks a dated story up in its month and both neighbours', () => {
    const keys = probeKeys(july.probe);
    expect(keys).toEqual(expect.arrayContaining(['place:ml-kayes@2025-06', 'place:ml-kayes@2025-07', 'place:ml-kayes@2025-08']));
    expect(keys.filter((k) => incidentKeys(incident).includes(k)).length).toBeGreaterThan(10);
  });

  it('looks an undated story up in the two months before its publication, across a year end', () => {
    const undated = story(
      doc('x', 'Kidnapping in Mali', ['Foreigners were kidnapped.'], { published: '2026-01-05' }),
      facts({ type: 'kidnapping', country: 'ml', places: ['ml'] }, { places: [MALI] }),
    );
    const months = probeKeys(undated.probe)
      .filter((k) => k.startsWith('type:'))
      .map((k) => k.split('@')[1]);
    expect(months).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

import { describe, expect, it } from 'vitest';
import { daysBetween, isoDay, monthsBetween, shiftMonth } from '../../../../src/domain/incidents/dates.js';
import { idCandidate, incidentIdBase } from '../../../../src/domain/incidents/ids.js';
import { severityOf } from '../../../../src/domain/incidents/severity.js';
import type { Attested } from '../../../../src/domain/model.js';

const evidence = [{ sentence: 1, text: 'x' }];
const att = <T>(value: T): Attested<T> => ({ value, sources: ['s'], evidence });

describe('incident ids', () => {
  it('read as day, place and type, folded to ASCII', () => {
    expect(incidentIdBase('kidnapping', '2025-07-01', 'Kayes')).toBe('inc-20250701-kayes-kidnapping');
    expect(incidentIdBase('attack', '2025-06-02T10:00:00Z', 'Tombouctou / Timbuktu')).toBe('inc-20250602-tombouctou-timbuktu-attack');
    expect(incidentIdBase('attack', '2025-06-02', "Côte d'Ivoire")).toBe('inc-20250602-cote-divoire-attack');
    expect(incidentIdBase('attack', '2025-06-02', '')).toBe('inc-20250602-unknown-attack');
  });

  it('take a numeric suffix from the second choice on', () => {
    expect([1, 2, 3].map((n) => idCandidate('inc-x', n))).toEqual(['inc-x', 'inc-x-2', 'inc-x-3']);
  });
});

describe('severity', () => {
  const base = { status: 'open' as const, context: false, actors: [], victims: [] };

  it('starts from the event type', () => {
    expect(severityOf({ ...base, eventType: 'kidnapping' }, [])).toBe(3);
    expect(severityOf({ ...base, eventType: 'statement' }, [])).toBe(1);
  });

  it('rises with victims of interest, many victims and an armed group behind it, up to 4', () => {
    const indian = att({ count: 3, nationality: 'Indian', role: 'hostage' as const });
    expect(severityOf({ ...base, eventType: 'blockade', victims: [indian] }, ['Indian'])).toBe(3);
    expect(severityOf({ ...base, eventType: 'blockade', victims: [indian] }, [])).toBe(2);
    const many = att({ count: 30, role: 'killed' as const });
    const claimed = att({ id: 'jnim', name: 'JNIM', role: 'claimed' as const });
    expect(severityOf({ ...base, eventType: 'attack', victims: [many, indian], actors: [claimed] }, ['indian'])).toBe(4);
  });

  it('keeps context incidents at 2 at most and lowers resolved ones', () => {
    expect(severityOf({ ...base, eventType: 'attack', context: true }, [])).toBe(2);
    expect(severityOf({ ...base, eventType: 'kidnapping', status: 'resolved' }, [])).toBe(2);
  });
});

describe('dates', () => {
  it('reads ISO days and counts days and months', () => {
    expect(isoDay('2025-07-01T23:00:00+02:00')).toBe('2025-07-01');
    expect(isoDay('July 1')).toBeUndefined();
    expect(isoDay('2025-02-30')).toBeUndefined();
    expect(isoDay('2024-02-29')).toBe('2024-02-29');
    expect(daysBetween('2025-07-01', '2025-10-14')).toBe(105);
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(monthsBetween('2024-12', '2025-02')).toBe(2);
  });
});

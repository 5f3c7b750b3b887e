import { describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import { renderDigest } from '../../../../src/domain/advisory/digest.js';
import { limitViolations } from '../../../../src/domain/advisory/limits.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import type { Incident } from '../../../../src/domain/model.js';
import { CATALOG, CLAIM_REPORT, EMBASSY_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim, novemberFive } from './fixtures.js';

const context = { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-05T08:05:00Z') };
const period = { from: '2025-07-04T08:00:00.000Z', to: '2025-07-05T08:00:00.000Z', timezone: 'Africa/Bamako' };

function compose(incident: Incident, action: 'new' | 'update', doc: string, previous?: Advisory): Advisory {
  const r = composeAdvisory(incident, decision(action, doc, incident.id), { ...context, ...(previous ? { previous: snapshotOf(previous, undefined) } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('renderDigest', () => {
  const first = compose(kayesBeforeClaim(), 'new', WIRE);
  const update = compose(kayesAfterClaim(), 'update', CLAIM_REPORT, first);
  const minor: Incident = { ...novemberFive(), severity: 2 };
  const november = compose(minor, 'new', EMBASSY_REPORT);

  it('summarises one item per incident, most severe first, with every status of the period', () => {
    const m = renderDigest([november, first, update], period, 'en');
    expect(m.kind).toBe('digest');
    expect(m.title).toBe('[DIGEST] 2 incidents in this period');
    const fields = m.discord.embeds[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(['\\[NEW, UPDATE 1\\] Kidnapping — Kayes, Mali', '\\[NEW\\] Kidnapping — Mali']);
    expect(fields[0]?.value).toContain('3 Indian nationals taken hostage');
    expect(m.text).toContain('From 4 July 2025 at 08:00 to 5 July 2025 at 08:00 (Africa/Bamako)');
    expect(limitViolations(m.discord)).toEqual([]);
  });

  it('speaks French and stays within limits with hundreds of incidents', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...first, incidentId: `inc-${i}` }));
    const m = renderDigest(many, period, 'fr');
    expect(m.title).toBe('[RÉSUMÉ] 300 incidents sur la période');
    expect(limitViolations(m.discord)).toEqual([]);
    const fields = m.discord.embeds[0]?.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(25);
    expect(fields.at(-1)?.value).toMatch(/et 276 autres incidents/);
  });
});

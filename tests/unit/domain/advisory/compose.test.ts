import { describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import type { Incident } from '../../../../src/domain/model.js';
import {
  CATALOG, CLAIM_REPORT, EMBASSY_REPORT, EXPLAINER, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim, novemberFive,
} from './fixtures.js';
import { statementsOf, unsupported } from './provenance.js';

const KAYES = 'inc-20250701-kayes-kidnapping';
const context = { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-03T12:05:00Z') };

function compose(incident: Incident, ...args: Parameters<typeof decision>): Advisory {
  const result = composeAdvisory(incident, decision(...args), context);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('composeAdvisory for the Kayes abduction (NEW)', () => {
  const advisory = compose(kayesBeforeClaim(), 'new', WIRE, KAYES);

  it('tags it NEW, version 1, with the incident id and severity', () => {
    expect(advisory.status).toEqual({ tag: 'new' });
    expect(advisory.version).toBe(1);
    expect(advisory.incidentId).toBe(KAYES);
    expect(advisory.severity.value).toBe(4);
    expect(advisory.issuedAt).toBe('2025-07-03T12:05:00.000Z');
    expect(advisory.changes).toEqual([]);
  });

  it('says where, what, when and who from the incident slots', () => {
    expect(advisory.location.country.value).toBe('ml');
    expect(advisory.location.places.map((p) => p.value.name)).toEqual(['Kayes']);
    expect(advisory.event.type.value).toBe('kidnapping');
    expect(advisory.event.date?.value).toBe('2025-07-01');
    expect(advisory.event.victims.map((v) => v.value)).toEqual([{ count: 3, nationality: 'Indian', role: 'hostage' }]);
    expect(advisory.event.sites.map((s) => s.value.name)).toEqual(['Diamond Cement Factory']);
  });

  it('keeps the attribution of each source: not claimed by two, suspected by one, no claim yet', () => {
    const claims = advisory.attribution.claims.map((c) => [c.value.role, c.origin.kind === 'facts' ? c.origin.sources : []]);
    expect(claims).toEqual([['not_claimed', [WIRE]], ['not_claimed', [EXPLAINER]], ['suspected', [EXPLAINER]]]);
    expect(advisory.attribution.disputed).toBe(false);
  });

  it('gives the MEA advice with its source, then the configured actions for Mali at this severity', () => {
    expect(advisory.actions.map((a) => a.value)).toEqual([
      { text: 'exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako', by: 'Ministry of External Affairs' },
      { text: { en: 'Keep a low profile.', fr: 'Restez discret.' } },
      { text: { en: 'Review your personal security plans.', fr: 'Revoyez vos plans de sécurité personnels.' } },
    ]);
  });

  it('lists the Embassy of India, not contacts for other nationalities or countries', () => {
    expect(advisory.assistance.map((a) => a.value.id)).toEqual(['in-embassy-bamako']);
  });

  it('shows the latest official advice per publisher for Mali only', () => {
    expect(advisory.official.map((o) => [o.value.source, o.value.url])).toEqual([
      ['uk', 'https://travel.test/uk/mali'],
      ['us', 'https://travel.test/us/mali-2'],
    ]);
  });

  it('names its sources, how many, and when the first was seen', () => {
    expect(advisory.sources.count).toBe(2);
    expect(advisory.sources.firstSeen).toBe('2025-07-03T09:00:00.000Z');
    expect(advisory.sources.items.map((s) => s.name)).toEqual(['The Wire', 'Explainer desk']);
  });

  it('states nothing that cannot be traced to a source, the catalog or an official feed', () => {
    expect(statementsOf(advisory).length).toBeGreaterThan(10);
    expect(unsupported(advisory, kayesBeforeClaim(), CATALOG, OFFICIAL)).toEqual([]);
  });
});

describe('composeAdvisory for the claim report (UPDATE)', () => {
  const first = compose(kayesBeforeClaim(), 'new', WIRE, KAYES);
  const result = composeAdvisory(kayesAfterClaim(), decision('update', CLAIM_REPORT, KAYES), {
    ...context,
    previous: snapshotOf(first, undefined),
    now: new Date('2025-07-05T08:05:00Z'),
  });
  if (!result.ok) throw new Error(result.error.message);
  const update = result.value;

  it('is UPDATE 1, version 2, issued when the first advisory was', () => {
    expect(update.status).toEqual({ tag: 'update', update: 1 });
    expect(update.version).toBe(2);
    expect(update.issuedAt).toBe(first.issuedAt);
    expect(update.updatedAt).toBe('2025-07-05T08:05:00.000Z');
  });

  it('says what changed, each with the new source only', () => {
    expect(update.changes.map((c) => c.value)).toEqual([
      { kind: 'development', event: 'claim' },
      { kind: 'development', event: 'ransom' },
      { kind: 'attribution', claim: { actorId: 'jnim', actor: 'JNIM', role: 'claimed' } },
      { kind: 'sources', names: ['Claim report'] },
    ]);
    for (const c of update.changes) expect(c.origin.kind !== 'config' && c.origin.kind !== 'official' && c.origin.sources).toEqual([CLAIM_REPORT]);
  });

  it('shows the disagreement: claimed per one source, not claimed per two', () => {
    expect(update.attribution.disputed).toBe(true);
    const roles = update.attribution.claims.map((c) => c.value.role);
    expect(roles).toContain('claimed');
    expect(roles.filter((r) => r === 'not_claimed')).toHaveLength(2);
  });

  it('does not report as new what earlier sources already said', () => {
    expect(update.changes.some((c) => c.value.kind === 'victims' || c.value.kind === 'site')).toBe(false);
    expect(unsupported(update, kayesAfterClaim(), CATALOG, OFFICIAL)).toEqual([]);
  });

  it('numbers the next update 2 and reports a severity change', () => {
    const lowered: Incident = { ...kayesAfterClaim(), severity: 3 };
    const next = composeAdvisory(lowered, decision('update', 'later', KAYES), { ...context, previous: snapshotOf(update, snapshotOf(first, undefined)) });
    expect(next.ok && next.value.status).toEqual({ tag: 'update', update: 2 });
    expect(next.ok && next.value.changes.map((c) => c.value)).toEqual([{ kind: 'severity', from: 4, to: 3 }]);
  });
});

describe('composeAdvisory edge cases', () => {
  it('an update to a baseline incident with no earlier advisory: changes are what the new document alone says', () => {
    const baseline: Incident = { ...kayesAfterClaim(), baseline: true };
    const result = composeAdvisory(baseline, decision('update', CLAIM_REPORT, KAYES), context);
    expect(result.ok && result.value.status).toEqual({ tag: 'update', update: 1 });
    expect(result.ok && result.value.changes.map((c) => c.value.kind)).toEqual(['development', 'development', 'attribution', 'sources']);
  });

  it('a resolved incident is RESOLVED and says so', () => {
    const resolved: Incident = { ...kayesAfterClaim(), status: 'resolved' };
    const result = composeAdvisory(resolved, decision('update', CLAIM_REPORT, KAYES), context);
    expect(result.ok && result.value.status).toEqual({ tag: 'resolved' });
    expect(result.ok && result.value.changes[0]?.value).toEqual({ kind: 'resolved' });
  });

  it('refuses duplicate and ignored decisions, and decisions about another incident', () => {
    const dup = composeAdvisory(kayesBeforeClaim(), decision('duplicate', WIRE, KAYES), context);
    expect(!dup.ok && dup.error.code).toBe('not_alertable');
    const other = composeAdvisory(kayesBeforeClaim(), decision('new', WIRE, 'inc-other'), context);
    expect(!other.ok && other.error.code).toBe('incident_mismatch');
  });

  it('the November kidnapping: five Indians, Mali, no site, no attribution, nothing from the July incident', () => {
    const incident = novemberFive();
    const result = composeAdvisory(incident, decision('new', EMBASSY_REPORT, incident.id), context);
    if (!result.ok) throw new Error(result.error.message);
    const a = result.value;
    expect(a.event.victims.map((v) => v.value)).toEqual([{ count: 5, nationality: 'Indian', role: 'hostage' }]);
    expect(a.event.date?.value).toBe('2025-11-06');
    expect(a.location.places).toEqual([]);
    expect(a.event.sites).toEqual([]);
    expect(a.attribution.claims).toEqual([]);
    expect(JSON.stringify(a)).not.toMatch(/Diamond|Kayes/);
    expect(unsupported(a, incident, CATALOG, OFFICIAL)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import { explainSubscriptionMatch, matchesSubscription } from '../../../../src/domain/subscriptions/match.js';
import type { Subscription, SubscriptionFilters } from '../../../../src/domain/subscriptions/types.js';
import { CATALOG, CLAIM_REPORT, EMBASSY_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim, novemberFive } from '../advisory/fixtures.js';

const context = { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-03T12:00:00Z') };

function advisory(which: 'kayes' | 'kayes-update' | 'november'): Advisory {
  if (which === 'november') {
    const r = composeAdvisory(novemberFive(), decision('new', EMBASSY_REPORT, novemberFive().id), context);
    if (!r.ok) throw new Error();
    return r.value;
  }
  const first = composeAdvisory(kayesBeforeClaim(), decision('new', WIRE, kayesBeforeClaim().id), context);
  if (!first.ok) throw new Error();
  if (which === 'kayes') return first.value;
  const r = composeAdvisory(kayesAfterClaim(), decision('update', CLAIM_REPORT, kayesBeforeClaim().id), { ...context, previous: snapshotOf(first.value, undefined) });
  if (!r.ok) throw new Error();
  return r.value;
}

function sub(filters: Partial<SubscriptionFilters>, extra: Partial<Subscription> = {}): Subscription {
  return {
    id: 's1',
    target: { kind: 'console' },
    filters: { minSeverity: 1, ...filters },
    mode: { kind: 'realtime' },
    lang: 'en',
    enabled: true,
    createdBy: 'test',
    createdAt: '2025-01-01T00:00:00Z',
    ...extra,
  };
}

describe('matchesSubscription', () => {
  const kayes = advisory('kayes');
  const november = advisory('november');

  it('filters by country, or by region id or name', () => {
    expect(matchesSubscription(kayes, sub({ countries: ['ml'] }))).toBe(true);
    expect(matchesSubscription(kayes, sub({ countries: ['bf', 'ne'] }))).toBe(false);
    expect(matchesSubscription(kayes, sub({ regions: ['Kayes'] }))).toBe(true);
    expect(matchesSubscription(kayes, sub({ regions: ['ml-kayes-region'] }))).toBe(true);
    expect(matchesSubscription(kayes, sub({ regions: ['Ségou'] }))).toBe(false);
    expect(matchesSubscription(november, sub({ regions: ['Kayes'] }))).toBe(false);
    expect(matchesSubscription(kayes, sub({ countries: ['bf'], regions: ['kayes'] }))).toBe(true);
  });

  it('filters by minimum severity and alert type', () => {
    expect(matchesSubscription(kayes, sub({ minSeverity: 4 }))).toBe(true);
    const low: Advisory = { ...kayes, severity: { ...kayes.severity, value: 2 } };
    expect(matchesSubscription(low, sub({ minSeverity: 3 }))).toBe(false);
    expect(matchesSubscription(kayes, sub({ alertTypes: ['update'] }))).toBe(false);
    expect(matchesSubscription(advisory('kayes-update'), sub({ alertTypes: ['update', 'resolved'] }))).toBe(true);
  });

  it('finds watch terms in nationalities, sites and places, folded and as whole words', () => {
    expect(matchesSubscription(kayes, sub({ watchTerms: ['Indian'] }))).toBe(true);
    expect(matchesSubscription(november, sub({ watchTerms: ['indians'] }))).toBe(true);
    expect(matchesSubscription(kayes, sub({ watchTerms: ['Diamond Cement'] }))).toBe(true);
    expect(matchesSubscription(kayes, sub({ watchTerms: ['KAYES'] }))).toBe(true);
    expect(matchesSubscription(november, sub({ watchTerms: ['Diamond Cement', 'Kayes'] }))).toBe(false);
    expect(matchesSubscription(kayes, sub({ watchTerms: ['Cem'] }))).toBe(false);
    expect(matchesSubscription(kayes, sub({ watchTerms: ['Chinese'] }))).toBe(false);
  });

  it('never matches a disabled subscription, and explains each filter', () => {
    const disabled = sub({ countries: ['ml'] }, { enabled: false, disabledReason: 'forbidden: missing access' });
    const why = explainSubscriptionMatch(kayes, disabled);
    expect(why.matches).toBe(false);
    expect(why.checks.find((c) => c.filter === 'enabled')).toEqual({ filter: 'enabled', passed: false, detail: 'disabled: forbidden: missing access' });
    const ok = explainSubscriptionMatch(kayes, sub({ watchTerms: ['Indian', 'Niger'] }));
    expect(ok.checks.find((c) => c.filter === 'watchTerms')?.detail).toBe('found "Indian"');
  });
});

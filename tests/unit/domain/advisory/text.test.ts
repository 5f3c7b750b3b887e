import { describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import { renderAdvisory } from '../../../../src/domain/advisory/rendered.js';
import { renderText } from '../../../../src/domain/advisory/text.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import type { Incident } from '../../../../src/domain/model.js';
import { CATALOG, CLAIM_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim, novemberFive } from './fixtures.js';

const KAYES = 'inc-20250701-kayes-kidnapping';
const context = { officialAdvice: OFFICIAL, assistance: CATALOG, now: new Date('2025-07-03T12:05:00Z') };

function newAdvisory(incident: Incident = kayesBeforeClaim()): Advisory {
  const r = composeAdvisory(incident, decision('new', WIRE, incident.id), context);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function updateAdvisory(): Advisory {
  const first = newAdvisory();
  const r = composeAdvisory(kayesAfterClaim(), decision('update', CLAIM_REPORT, KAYES), { ...context, previous: snapshotOf(first, undefined) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('renderText', () => {
  it('reads like a security alert: status, severity, what, where, when, sources', () => {
    const text = renderText(newAdvisory(), 'en');
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '[NEW] Kidnapping — Kayes, Mali',
      'Severity 4/4 Critical — Do not travel',
      '3 Indian nationals taken hostage · Diamond Cement Factory, Kayes, Mali · 1 July 2025',
    ]);
    expect(text).toContain('  - JNIM: has not claimed responsibility (per The Wire, Explainer desk)');
    expect(text).toContain('  - JNIM: suspected (per Explainer desk)');
    expect(text).toContain('  - Embassy of India, Bamako <https://www.embassyofindiabamako.gov.in>');
    expect(text).toContain('  - US (State Department): Level 4 (Do not travel). Do not travel to Mali; depart now. (updated 20 June 2025) <https://travel.test/us/mali-2>');
    expect(text).toContain('  - 2 sources, first seen 3 July 2025 at 09:00 UTC');
    expect(text).toContain('Incident inc-20250701-kayes-kidnapping · v1');
  });

  it('does not claim a responsibility no source reports, nor figures no source gives', () => {
    const text = renderText(newAdvisory(), 'en');
    expect(text).not.toMatch(/JNIM: claimed/);
    expect(text).not.toMatch(/ransom/i);
    expect(text).not.toMatch(/\b(5|five|eight|400)\b/i);
    expect(text).not.toContain('What changed');
  });

  it('for an update, leads with the tag and what changed, with the source', () => {
    const text = renderText(updateAdvisory(), 'en');
    expect(text.split('\n')[0]).toBe('[UPDATE 1] Kidnapping — Kayes, Mali');
    expect(text).toContain('What changed\n  - New development: Claim of responsibility (per Claim report)\n  - New development: Ransom demand (per Claim report)\n  - JNIM claimed responsibility (per Claim report)\n  - New reporting from Claim report');
    expect(text).toContain('Sources disagree on who is behind it.');
  });

  it('in French, labels change and quoted advice keeps its language', () => {
    const text = renderText(updateAdvisory(), 'fr');
    expect(text.split('\n')[0]).toBe('[MISE À JOUR 1] Enlèvement — Kayes, Mali');
    expect(text).toContain('Gravité 4/4 Critique — Ne pas se rendre dans la zone');
    expect(text).toContain('JNIM: a revendiqué (selon Claim report)');
    expect(text).toContain('exercise utmost caution');
    expect(text).toContain('1 juillet 2025');
  });

  it('the November kidnapping says five Indians in Mali on 6 November and nothing about Kayes', () => {
    const text = renderText(newAdvisory(novemberFive()), 'en');
    expect(text.split('\n')[2]).toBe('5 Indian nationals taken hostage · Mali · 6 November 2025');
    expect(text).not.toMatch(/Kayes|Diamond|JNIM/);
  });

  it('strips terminal control sequences from untrusted text', () => {
    const incident = { ...kayesBeforeClaim(), sites: [{ value: { name: 'Evil\u001b[2J Site', key: 'evil' }, sources: [WIRE], evidence: [{ sentence: 1, text: 'x' }] }] };
    const text = renderText(newAdvisory(incident), 'en');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Evil[2J Site');
  });
});

describe('renderAdvisory', () => {
  it('bundles the summary used by JSON logs with both renderings', () => {
    const m = renderAdvisory(updateAdvisory(), 'en');
    expect(m).toMatchObject({ kind: 'advisory', incidentId: KAYES, tag: 'UPDATE 1', severity: 4, title: 'Kidnapping — Kayes, Mali' });
    expect(m.sources.map((s) => s.name)).toEqual(['The Wire', 'Explainer desk', 'Claim report']);
    expect(m.text.startsWith('[UPDATE 1]')).toBe(true);
    expect(m.discord.embeds).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssistanceCatalog, parseOfficialAdvice } from '../../../../src/domain/advisory/assistance.js';
import { composeAdvisory } from '../../../../src/domain/advisory/compose.js';
import { decision, kayesBeforeClaim, WIRE } from './fixtures.js';

const shipped = JSON.parse(readFileSync(new URL('../../../../config/assistance.json', import.meta.url), 'utf8')) as unknown;

describe('assistance catalog', () => {
  it('the shipped config is valid and names the Embassy of India in Bamako for Indians in Mali', () => {
    const catalog = parseAssistanceCatalog(shipped);
    if (!catalog.ok) throw new Error(catalog.error.message);
    const incident = kayesBeforeClaim();
    const advisory = composeAdvisory(incident, decision('new', WIRE, incident.id), { officialAdvice: [], assistance: catalog.value, now: new Date('2025-07-03T00:00:00Z') });
    if (!advisory.ok) throw new Error(advisory.error.message);
    const ids = advisory.value.assistance.map((a) => a.value.id);
    expect(ids).toContain('in-embassy-bamako');
    expect(ids.every((id) => id.startsWith('in-'))).toBe(true);
    expect(advisory.value.actions.some((a) => a.origin.kind === 'config')).toBe(true);
  });

  it('rejects unknown keys, bad URLs, bad country codes and duplicate ids with a readable message', () => {
    const bad = parseAssistanceCatalog({
      contacts: [
        { id: 'a', name: { en: 'A', fr: 'A' }, countries: ['ML'], url: 'javascript:alert(1)' },
        { id: 'a', name: { en: 'B', fr: 'B' }, countries: ['ml'], fax: '1' },
      ],
      actions: [],
    });
    expect(!bad.ok && bad.error.code).toBe('invalid_assistance');
    expect(!bad.ok && bad.error.message).toMatch(/countries/);
  });

  it('parses official advice and refuses a non-http link or a level outside 1-4', () => {
    const good = parseOfficialAdvice({ source: 'us', country: 'ml', level: 4, summary: 'Do not travel.', url: 'https://travel.test/ml', updated: '2025-06-01T00:00:00Z' });
    expect(good.ok).toBe(true);
    const bad = parseOfficialAdvice({ source: 'us', country: 'ml', level: 5, summary: 'x', url: 'ftp://x.test', updated: 'yesterday' });
    expect(!bad.ok && bad.error.code).toBe('invalid_official_advice');
  });
});

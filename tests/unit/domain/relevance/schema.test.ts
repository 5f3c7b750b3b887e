import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKeywordFile, parseKeywordRule } from '../../../../src/domain/relevance/schema.js';

const rule = { id: 'place.mali', kind: 'include', terms: ['mali'], weight: 2 };

describe('parseKeywordRule', () => {
  it('accepts a minimal rule and leaves absent options absent', () => {
    const parsed = parseKeywordRule(rule);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.keys(parsed.value).sort()).toEqual(['id', 'kind', 'terms', 'weight']);
  });

  it('keeps requires, unless, lang and group', () => {
    const parsed = parseKeywordRule({ ...rule, requires: ['bamako'], unless: ['football'], lang: 'fr', group: 'place' });
    expect(parsed.ok && parsed.value).toMatchObject({ requires: ['bamako'], unless: ['football'], lang: 'fr', group: 'place' });
  });

  it.each([
    [{ ...rule, kind: 'maybe' }, 'kind'],
    [{ ...rule, weight: -1 }, 'weight'],
    [{ ...rule, terms: [] }, 'terms'],
    [{ ...rule, terms: ['  '] }, 'terms'],
    [{ ...rule, terms: ['ki*'] }, 'at least 3 letters'],
    [{ ...rule, terms: ['k*dnap'] }, 'may only end a word'],
    [{ ...rule, id: 'Has Spaces' }, 'id'],
    [{ ...rule, colour: 'red' }, 'colour'],
  ])('rejects %j with a readable message', (input, fragment) => {
    const parsed = parseKeywordRule(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('invalid_keyword_rule');
      expect(parsed.error.message).toContain(fragment);
    }
  });
});

describe('parseKeywordFile', () => {
  it('rejects duplicate rule ids', () => {
    const parsed = parseKeywordFile({ rules: [rule, rule] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain('duplicate rule id "place.mali"');
  });

  it('reads the shipped config/keywords.json', () => {
    const parsed = parseKeywordFile(JSON.parse(readFileSync('config/keywords.json', 'utf8')));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.threshold).toBe(3);
      expect(parsed.value.rules.length).toBeGreaterThan(10);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { instant, pgText, rowLimit, sortedUnique, toJson } from '../../../../../src/adapters/store/postgres/codec.js';

describe('postgres codec', () => {
  it('replaces U+0000, which PostgreSQL text cannot hold, and leaves other text alone', () => {
    expect(pgText('guid\u0000tail')).toBe('guid\uFFFDtail');
    expect(pgText('Ségou — Tombouctou')).toBe('Ségou — Tombouctou');
  });

  it('writes JSON without U+0000 in values or keys, and unchanged when there is none', () => {
    const clean = { title: 'Kayes', terms: { kayes: 2.5 }, list: ['a', 1, null, true] };
    expect(toJson(clean)).toBe(JSON.stringify(clean));
    const dirty = { title: 'a\u0000b', terms: { 'k\u0000': 1 }, nested: [{ text: '\u0000' }] };
    expect(JSON.parse(toJson(dirty))).toEqual({ title: 'a\uFFFDb', terms: { 'k\uFFFD': 1 }, nested: [{ text: '\uFFFD' }] });
    // A backslash followed by "u0000" is text, not a NUL: it stays as it is.
    expect(JSON.parse(toJson({ text: '\\u0000' }))).toEqual({ text: '\\u0000' });
  });

  it('puts instants in one canonical UTC form so that text order is time order', () => {
    expect(instant('2025-07-02T10:00:00+02:00')).toBe('2025-07-02T08:00:00.000Z');
    expect(instant('2025-07-02T08:00:00Z')).toBe('2025-07-02T08:00:00.000Z');
    expect(instant('not a date')).toBe('not a date');
  });

  it('reads row limits defensively', () => {
    expect(rowLimit(2.7)).toBe(2);
    expect(rowLimit(-3)).toBe(0);
    expect(rowLimit(Number.NaN)).toBe(0);
    expect(rowLimit(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('sorts and de-duplicates keys by code unit', () => {
    expect(sortedUnique(['b', 'a', 'B', 'a', 'é'])).toEqual(['B', 'a', 'b', 'é']);
  });
});

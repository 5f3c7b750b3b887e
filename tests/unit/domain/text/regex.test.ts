import { describe, expect, it } from 'vitest';
import { allMatches, foldedWords, wordTree } from '../../../../src/domain/text/regex.js';

describe('wordTree', () => {
  const words = ['jan', 'january', 'janvier', 'june', 'jun', 'last week', 'last weekend', "aujourd'hui", 'avant-hier', 'a.m.'];
  const pattern = new RegExp(foldedWords([wordTree(words)]), 'g');
  const found = (text: string): string[] => allMatches(pattern, text).map((m) => m[0]);

  it('shares prefixes', () => {
    expect(wordTree(['jan', 'january', 'janvier'])).toBe('jan(?:uary|vier)?');
  });

  it('matches each word whole, and nothing else', () => {
    expect(found("in jan, january and janvier; june or jun; last week, last weekend, aujourd'hui, avant-hier")).toEqual([
      'jan', 'january', 'janvier', 'june', 'jun', 'last week', 'last weekend', "aujourd'hui", 'avant-hier',
    ]);
    expect(found('janu janviers junes lastweek jun2 hier avant')).toEqual([]);
  });

  it('takes the longer of two words that both end on a boundary', () => {
    expect(new RegExp(`^(?:${wordTree(['last', 'last week'])})`).exec('last week')?.[0]).toBe('last week');
  });

  it('escapes characters that mean something in a pattern', () => {
    expect(new RegExp(`^(?:${wordTree(['a.m.'])})$`).test('a.m.')).toBe(true);
    expect(new RegExp(`^(?:${wordTree(['a.m.'])})$`).test('axmx')).toBe(false);
  });
});

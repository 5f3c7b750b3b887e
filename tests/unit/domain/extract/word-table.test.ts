import { describe, expect, it } from 'vitest';
import { WordTable } from '../../../../src/domain/extract/word-table.js';

describe('WordTable', () => {
  it('finds a word read again as the same entry, with the value computed once', () => {
    const computed: string[] = [];
    const table = new WordTable(100, (word) => {
      computed.push(word);
      return word.length;
    });
    const text = 'gao and gao, then kidal';
    const first = table.find(text, 0, 3);
    expect(table.find(text, 8, 11)).toBe(first);
    expect(table.word(first)).toBe('gao');
    expect(table.value(table.find(text, 18, 23))).toBe(5);
    expect(computed).toEqual(['gao', 'kidal']);
  });

  it('keeps every word while it grows, and empties itself when full', () => {
    const table = new WordTable(3000, () => 0);
    const words = Array.from({ length: 3000 }, (_, k) => `w${k}`);
    const entries = words.map((w) => table.find(w, 0, w.length));
    expect(words.map((w) => table.find(w, 0, w.length))).toEqual(entries);
    expect(table.word(table.find('w2999', 0, 5))).toBe('w2999');
    const after = table.find('fresh', 0, 5);
    expect(after).toBe(0);
    expect(table.word(table.find('w1', 0, 2))).toBe('w1');
  });
});

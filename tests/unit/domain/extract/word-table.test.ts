import { describe, expect, it } from 'vitest';
import { HASH_SEED, hashStep, WordTable } from '../../../../src/domain/extract/word-table.js';

/** The entry of text[start, end), hashed as the tokeniser hashes it. */
function find(table: WordTable, text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let k = start; k < end; k += 1) hash = hashStep(hash, text.charCodeAt(k));
  return table.find(text, start, end, hash);
}

describe('WordTable', () => {
  it('finds a word read again as the same entry, with the value computed once', () => {
    const computed: string[] = [];
    const table = new WordTable(100, (word) => {
      computed.push(word);
      return word.length;
    });
    const text = 'gao and gao, then kidal';
    const first = find(table, text, 0, 3);
    expect(find(table, text, 8, 11)).toBe(first);
    expect(table.findWord('gao')).toBe(first);
    expect(table.word(first)).toBe('gao');
    expect(table.value(find(table, text, 18, 23))).toBe(5);
    expect(computed).toEqual(['gao', 'kidal']);
  });

  it('keeps every word while it grows, and empties itself when full', () => {
    const table = new WordTable(3000, () => 0);
    const words = Array.from({ length: 3000 }, (_, k) => `w${k}`);
    const entries = words.map((w) => table.findWord(w));
    expect(words.map((w) => table.findWord(w))).toEqual(entries);
    expect(table.word(table.findWord('w2999'))).toBe('w2999');
    expect(table.findWord('fresh')).toBe(0);
    expect(table.word(table.findWord('w1'))).toBe('w1');
  });
});

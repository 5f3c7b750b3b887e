import { describe, expect, it } from 'vitest';
import { parseNumberAt } from '../../../../src/domain/extract/numbers.js';
import { phraseTokens } from '../../../../src/domain/extract/tokens.js';

function read(text: string): { value: number | null; end: number } | undefined {
  return parseNumberAt(phraseTokens(text), 0);
}

describe('parseNumberAt', () => {
  it('reads digits, with or without thousands separators', () => {
    expect(read('30 soldiers')).toEqual({ value: 30, end: 1 });
    expect(read('5,800 civilians')).toEqual({ value: 5800, end: 1 });
    expect(read('5.800 civils')).toEqual({ value: 5800, end: 1 });
  });

  it('reads English number words, compounds included', () => {
    expect(read('three Indians')?.value).toBe(3);
    expect(read('twenty-one civilians')).toEqual({ value: 21, end: 2 });
    expect(read('one hundred and fifty people')).toEqual({ value: 150, end: 4 });
    expect(read('two thousand five hundred troops')?.value).toBe(2500);
    expect(read('a dozen workers')).toEqual({ value: 12, end: 2 });
  });

  it('reads French number words, with their irregular tens', () => {
    expect(read('cinq ressortissants')?.value).toBe(5);
    expect(read('dix-sept soldats')).toEqual({ value: 17, end: 2 });
    expect(read('vingt et un morts')).toEqual({ value: 21, end: 3 });
    expect(read('soixante-dix personnes')?.value).toBe(70);
    expect(read('soixante et onze personnes')?.value).toBe(71);
    expect(read('quatre-vingts civils')?.value).toBe(80);
    expect(read('quatre-vingt-dix-sept civils')?.value).toBe(97);
    expect(read('deux cents soldats')?.value).toBe(200);
    expect(read('une dizaine de soldats')).toEqual({ value: 10, end: 2 });
  });

  it('gives no size to vague plurals', () => {
    expect(read('dozens of civilians')).toEqual({ value: null, end: 1 });
    expect(parseNumberAt(phraseTokens('des centaines de personnes'), 1)).toEqual({ value: null, end: 2 });
  });

  it('stops where the number stops and finds none in other words', () => {
    expect(read('three four')).toEqual({ value: 3, end: 1 });
    expect(read('several workers')).toBeUndefined();
    expect(read('army barracks')).toBeUndefined();
  });
});

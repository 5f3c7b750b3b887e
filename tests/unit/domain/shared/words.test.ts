import { describe, expect, it } from 'vitest';
import { ASCII_ALPHANUMERIC, pushWords, wordCutter } from '../../../../src/domain/shared/words.js';

const withApostrophes = wordCutter(/[^\p{L}\p{N}']+/u, `${ASCII_ALPHANUMERIC}'`);
const lettersAndDigits = wordCutter(/[^\p{L}\p{N}]+/u, ASCII_ALPHANUMERIC);

const cut = (text: string, cutter = withApostrophes, max?: number) => {
  const out: string[] = [];
  pushWords(out, text, cutter, max);
  return out;
};

describe('cutting folded text into words', () => {
  it('keeps the same ASCII characters in words as the separators do', () => {
    for (const cutter of [withApostrophes, lettersAndDigits]) {
      for (let code = 0; code < 128; code++) {
        const char = String.fromCharCode(code);
        expect(cutter.ascii[code] === 1, `U+${code.toString(16)}`).toBe(!cutter.separators.test(char));
      }
    }
  });

  it('cuts ASCII text by the table as the separators would', () => {
    const text = "l'armee a tue 12 jihadistes -- pres de kayes, jama'at\tnusrat\n(jnim)";
    for (const cutter of [withApostrophes, lettersAndDigits]) {
      expect(cut(text, cutter)).toEqual(text.split(cutter.separators).filter((w) => w !== ''));
    }
  });

  it('cuts other text by the separators, letters of any script included', () => {
    expect(cut('attaque à tombouctou — مالي 3')).toEqual(['attaque', 'à', 'tombouctou', 'مالي', '3']);
  });

  it('stops once the list holds the most words asked for, counting what it held before', () => {
    const out = ['title'];
    pushWords(out, 'one two three', withApostrophes, 3);
    expect(out).toEqual(['title', 'one', 'two']);
  });
});

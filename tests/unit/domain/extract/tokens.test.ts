import { describe, expect, it } from 'vitest';
import {
  boundariesAreTokens, DIGITS, documentTokens, isCapitalised, letterDigitRuns, originalSpan, originalToken, PhraseIndex, phraseTokens, sentenceHas, type Tokens, vocabularyBit, vocabularyWhere, wordFlags,
} from '../../../../src/domain/extract/tokens.js';
import { makeDocument, sentenceDocument } from './make-document.js';

const tokensOf = (text: string): Tokens => documentTokens(sentenceDocument(text))[0] as Tokens;

describe('tokensOf', () => {
  it('splits folded words on apostrophes and keeps clause marks and grouped numbers', () => {
    expect(tokensOf("L’armée malienne (FAMa) a tué 5,800 combattants; 1,5 tonne à Ségou?").words).toEqual([
      'l', 'armee', 'malienne', '(', 'fama', ')', 'a', 'tue', '5,800', 'combattants', ';', '1', ',', '5', 'tonne', 'a', 'segou', '?',
    ]);
    expect(tokensOf('On 2025-11-10, 12.000 people').words).toEqual(['on', '2025', '11', '10', ',', '12.000', 'people']);
  });

  it('computes the sentences of a document once', () => {
    const doc = makeDocument('Kayes', 'Three Indians kidnapped. Diboli was hit');
    const all = documentTokens(doc);
    expect(documentTokens(doc)).toBe(all);
    expect(all.map((t) => t.sentence)).toEqual(doc.sentences);
    expect(all[2]?.words).toEqual(['diboli', 'was', 'hit']);
  });

  it('finds the original spelling, even when folding changed the length', () => {
    const precomposed = tokensOf('Attaque à Ségou, selon la MINUSMA');
    expect(originalToken(precomposed, 2)).toBe('Ségou');
    expect(isCapitalised(precomposed, 2)).toBe(true);
    expect(isCapitalised(precomposed, 4)).toBe(false);
    expect(originalSpan(precomposed, 5, 7)).toBe('la MINUSMA');
    const decomposed = tokensOf('Attaque a\u0300 Se\u0301gou');
    expect(originalToken(decomposed, 2)).toBe('Se\u0301gou');
  });
});

describe('vocabularies', () => {
  it('tell which sentences and which words hold registered words', () => {
    const bit = vocabularyBit(['ransom', 'rancon']);
    const tokens = tokensOf('A ransom of 50 million was paid.');
    expect(sentenceHas(tokens, bit)).toBe(true);
    expect(sentenceHas(tokensOf('Nothing was paid.'), bit)).toBe(false);
    const flags = wordFlags(tokens);
    expect(tokens.words.filter((_, k) => ((flags[k] as number) & bit) !== 0)).toEqual(['ransom']);
    expect(tokens.words.filter((_, k) => ((flags[k] as number) & DIGITS) !== 0)).toEqual(['50']);
  });
});

describe('vocabularies given by a test', () => {
  it('tell which words pass the test', () => {
    const bit = vocabularyWhere((word) => word.startsWith('kidnap'));
    const tokens = tokensOf('Kidnappers kidnapped two people.');
    const flags = wordFlags(tokens);
    expect(tokens.words.filter((_, k) => ((flags[k] as number) & bit) !== 0)).toEqual(['kidnappers', 'kidnapped']);
    expect(sentenceHas(tokensOf('Nobody was taken.'), bit)).toBe(false);
  });
});

describe('boundariesAreTokens', () => {
  it('holds for ASCII text without underscores', () => {
    expect(boundariesAreTokens(tokensOf("L'armee a tue 5,800 combattants (FAMa)."))).toBe(true);
    expect(boundariesAreTokens(tokensOf('Attaque à Ségou'))).toBe(true);
    expect(boundariesAreTokens(tokensOf('user_name kidnapped'))).toBe(false);
    expect(boundariesAreTokens(tokensOf('Straße kidnapped'))).toBe(false);
    expect(boundariesAreTokens(tokensOf('« Kidnapped »'))).toBe(false);
    expect(boundariesAreTokens(tokensOf('5\u00a0800 people'))).toBe(false);
  });
});

describe('PhraseIndex', () => {
  it('matches the longest phrase at a token, folded', () => {
    const index = new PhraseIndex([['Nioro', 'town'], ['Nioro du Sahel', 'full'], ['Nioro', 'cercle']] as const);
    const words = phraseTokens('attaque à Nioro-du-Sahel et à Nioro');
    expect(index.matchAt(words, 2)).toEqual({ start: 2, end: 5, values: ['full'] });
    expect(index.matchAt(words, 7)).toEqual({ start: 7, end: 8, values: ['town', 'cercle'] });
    expect(index.matchAt(words, 0)).toBeUndefined();
  });
});

describe('letterDigitRuns', () => {
  it('gives the words of plain text without its clause marks', () => {
    expect(letterDigitRuns(tokensOf("L'armee (FAMa) a tue; 1,5 tonne?"))).toEqual(['l', 'armee', 'fama', 'a', 'tue', '1', '5', 'tonne']);
    expect(letterDigitRuns(tokensOf('On 2025-11-10, 12 people'))).toEqual(['on', '2025', '11', '10', '12', 'people']);
  });

  it('gives nothing where tokens and runs may be cut differently', () => {
    expect(letterDigitRuns(tokensOf('5,800abc fled'))).toBeUndefined();
    expect(letterDigitRuns(tokensOf('12.000 people'))).toBeUndefined();
    expect(letterDigitRuns(tokensOf('Attaque à Тимбукту'))).toBeUndefined();
    expect(letterDigitRuns(tokensOf('a_b c'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { leadingStems, leadingWords, WordPattern } from '../../../../src/domain/extract/word-patterns.js';
import { documentTokens, type Tokens } from '../../../../src/domain/extract/tokens.js';
import { sentenceDocument } from './make-document.js';

const tokensOf = (text: string): Tokens => documentTokens(sentenceDocument(text))[0] as Tokens;

describe('leadingStems', () => {
  it('reads the letters a match starts with, as a stem or a whole word', () => {
    expect(leadingStems('kidnap(?:s|ped)?')).toEqual([{ stem: 'kidnap', whole: false }]);
    expect(leadingStems('hostages?')).toEqual([{ stem: 'hostage', whole: false }]);
    expect(leadingStems('hostage-taking')).toEqual([{ stem: 'hostage', whole: true }]);
    expect(leadingStems("l'an (?:dernier|passe)")).toEqual([{ stem: 'l', whole: true }]);
    // What follows a group is not read: its alternatives are stems.
    expect(leadingStems('(?:took|taken) responsibility')).toEqual([{ stem: 'took', whole: false }, { stem: 'taken', whole: false }]);
    expect(leadingStems('(?:formellement )?deconseill(?:e|er)')).toEqual([{ stem: 'formellement', whole: true }, { stem: 'deconseill', whole: false }]);
  });

  it('refuses a pattern without leading letters', () => {
    expect(() => leadingStems(String.raw`\d+ hostages`)).toThrow();
  });
});

describe('WordPattern', () => {
  const source = String.raw`\b(?=[a-z0-9])(?:kidnap\w*|taken hostage|a history of)\b`;
  const pattern = new WordPattern(source, leadingWords(['kidnap', 'taken hostage', 'a history of']));
  const search = (text: string): string[] => Array.from(text.toLowerCase().matchAll(new RegExp(source, 'g')), (m) => `${m.index}:${m[0]}`);
  const found = (text: string): string[] => pattern.matches(tokensOf(text)).map((m) => `${m.index}:${m[0]}`);

  it.each([
    'Gunmen kidnapped two men, who were taken hostage in a history of kidnappings.',
    'Nothing here at all.',
    'A history of kidnap_pings and Ωkidnaps.',
    'Kidnappers said « kidnap » twice.',
  ])('finds what a search of the text finds: %s', (text) => {
    expect(found(text)).toEqual(search(text));
    expect(pattern.test(tokensOf(text))).toBe(search(text).length > 0);
  });
});

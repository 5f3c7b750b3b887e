import { describe, expect, it } from 'vitest';
import { foldedWords, PhraseIndex, words } from '../../../../src/domain/relevance/phrases.js';

function scan(terms: string[], text: string): string[] {
  const index = new PhraseIndex<string>();
  for (const term of terms) index.add(term, term);
  return index.scan(words(text)).map((m) => m.phrase.tag);
}

describe('words', () => {
  it('folds case and accents and splits on apostrophes and hyphens', () => {
    expect(words("L'Armée à Ségou, Jama’at Nusrat al-Islam")).toEqual(['l', 'armee', 'a', 'segou', 'jama', 'at', 'nusrat', 'al', 'islam']);
  });

  it('keeps the wildcard of a term but not a lone star', () => {
    expect(words('kidnap* *')).toEqual(['kidnap*']);
  });

  it('splits already folded text without folding again', () => {
    expect(foldedWords("d'otages, tues.")).toEqual(['d', 'otages', 'tues']);
  });
});

describe('PhraseIndex', () => {
  it('matches on word boundaries only', () => {
    expect(scan(['mali'], 'Somalia and Malian troops')).toEqual([]);
    expect(scan(['niger'], 'Nigeria said')).toEqual([]);
    expect(scan(['mali'], 'in Mali.')).toEqual(['mali']);
  });

  it('matches multi-word phrases across punctuation variants', () => {
    expect(scan(['al qaeda'], 'an al-Qaeda affiliate')).toEqual(['al qaeda']);
    expect(scan(['burkina faso'], 'Burkina-Faso')).toEqual(['burkina faso']);
    expect(scan(['burkina faso'], 'Burkina then Faso')).toEqual([]);
  });

  it('expands a trailing wildcard to any word with that stem', () => {
    expect(scan(['kidnap*'], 'they were kidnapped; the kidnappers fled')).toEqual(['kidnap*', 'kidnap*']);
    expect(scan(['enlev*'], "l'enlèvement de cinq Indiens")).toEqual(['enlev*']);
    expect(scan(['enlev*'], 'Enl')).toEqual([]);
  });

  it('reports every occurrence with its position', () => {
    const index = new PhraseIndex<number>();
    index.add('fuel blockade', 1);
    index.add('blockade', 2);
    const found = index.scan(words('The fuel blockade of Bamako'));
    expect(found.map((m) => [m.phrase.tag, m.at])).toEqual([[1, 1], [2, 2]]);
  });

  it('finds a phrase added after a scan that missed it', () => {
    const index = new PhraseIndex<string>();
    index.add('ambush', 'ambush');
    expect(index.scan(words('An attack near Kidal'))).toEqual([]);
    index.add('attack*', 'attack*');
    expect(index.scan(words('An attack near Kidal')).map((m) => m.phrase.tag)).toEqual(['attack*']);
  });

  it('tries exact first words before stems at the same position', () => {
    const index = new PhraseIndex<string>();
    index.add('kidnap*', 'stem');
    index.add('kidnapped', 'exact');
    expect(index.scan(words('kidnapped')).map((m) => m.phrase.tag)).toEqual(['exact', 'stem']);
  });
});

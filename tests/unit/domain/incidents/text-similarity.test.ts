import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintBands, signatureHashes, signatureSimilarity } from '../../../../src/domain/incidents/fingerprint.js';
import {
  leadWords,
  mergeTermList,
  salientTermList,
  splitFolded,
  termLookup,
  termSimilarity,
  type TermList,
  type TermVector,
  vectorOf,
} from '../../../../src/domain/incidents/terms.js';
import type { Document } from '../../../../src/domain/model.js';
import { fold } from '../../../../src/domain/text/normalize.js';
import { doc } from './stories.js';

const salientTerms = (d: Document) => salientTermList(leadWords(d));
const listOf = (vector: TermVector): TermList => ({ terms: Object.keys(vector), weights: Object.values(vector) });
const cosine = (a: TermList, b: TermList) => termSimilarity(a, termLookup(vectorOf(b)));
const words = (text: string) => splitFolded(fold(text));

const LEAD =
  'Three Indian nationals were abducted from a cement factory in Kayes on Tuesday, the same day an al-Qaeda-affiliated group launched coordinated attacks on military installations across several towns.';

describe('salient terms', () => {
  it('keeps content words of title and lead, drops function words and words every Sahel story has', () => {
    const terms = salientTerms(doc('a', 'Three Indians kidnapped in Mali', [LEAD]));
    expect(terms.terms).toEqual(expect.arrayContaining(['indians', 'kidnapped', 'cement', 'kayes']));
    expect(terms.terms).not.toContain('the');
    expect(terms.terms).not.toContain('mali');
    expect(cosine(terms, terms)).toBeCloseTo(1, 3);
  });

  it('scores unrelated stories near zero and is safe with words that are object properties', () => {
    const a = salientTerms(doc('a', 'Three Indians kidnapped in Kayes', [LEAD]));
    const b = salientTerms(doc('b', 'Football: constructor of the new stadium named', ['The toString ceremony took place in Dakar.']));
    expect(cosine(a, b)).toBe(0);
    expect(Number.isNaN(termSimilarity(b, termLookup({})))).toBe(false);
  });

  it('finds every shared term of vectors with many terms, so that a vector is as close to itself as can be', () => {
    const many = Array.from({ length: 300 }, (_, i) => `term${i.toString(36)}x${'abcdefghij'.charAt(i % 10)}`);
    const list: TermList = { terms: many, weights: many.map(() => 1 / Math.sqrt(many.length)) };
    expect(termSimilarity(list, termLookup(vectorOf(list)))).toBeCloseTo(1, 6);
    const half: TermList = { terms: many.slice(0, 150), weights: many.slice(0, 150).map(() => 1 / Math.sqrt(150)) };
    expect(termSimilarity(half, termLookup(vectorOf(list)))).toBeCloseTo(Math.sqrt(0.5), 6);
  });

  it('merges vectors and keeps them normalised', () => {
    const a = salientTerms(doc('a', 'Three Indians kidnapped in Kayes', [LEAD]));
    const b = salientTerms(doc('b', 'JNIM claims kidnapping of Indians', ['JNIM said it holds the workers.']));
    const merged = listOf(mergeTermList(vectorOf(a), b));
    expect(cosine(merged, merged)).toBeCloseTo(1, 2);
    expect(cosine(merged, b)).toBeGreaterThan(cosine(a, b));
  });
});

const fingerprintSimilarity = (a: string, b: string) => signatureSimilarity(signatureHashes(a), signatureHashes(b));

describe('fingerprints', () => {
  it('rates a lightly edited wire copy as near-identical and shares band keys with it', () => {
    const original = fingerprint(words(LEAD));
    const copy = fingerprint(words(`${LEAD.replace('Tuesday', 'Tuesday July 1')} Reuters`));
    expect(fingerprintSimilarity(original, copy)).toBeGreaterThanOrEqual(0.5);
    const shared = fingerprintBands(original).filter((k) => fingerprintBands(copy).includes(k));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('rates different stories as different', () => {
    const a = fingerprint(words(LEAD));
    const b = fingerprint(words('Five Indian nationals were kidnapped in Mali on November 6, the Embassy of India in Bamako said on X.'));
    expect(fingerprintSimilarity(a, b)).toBeLessThan(0.3);
  });

  it('gives no signature and no keys for an empty text', () => {
    expect(fingerprint([])).toBe('');
    expect(fingerprintBands('')).toEqual([]);
    expect(fingerprintSimilarity('', '')).toBe(0);
  });
});

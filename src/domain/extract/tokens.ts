import type { Sentence } from '../model.js';
import { fold } from '../text/normalize.js';

/**
 * Word tokens of a sentence, shared by every extractor: computed once per sentence and kept
 * for as long as the sentence object lives.
 * Words come from the folded text; apostrophes split words ("l'armee" -> "l", "armee"), numbers
 * keep their thousands separators ("5,800" is one token) and the clause marks , ; : ( ) ? are
 * tokens of their own so that phrases never match across them.
 */
export interface Tokens {
  readonly words: readonly string[];
  /** Offset of each token in the folded text (and in the original when both have the same length). */
  readonly starts: readonly number[];
}

const TOKEN = /\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|[\p{L}\p{N}]+|[,;:()?]/gu;
const ORIGINAL_TOKEN = /\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|[\p{L}\p{M}\p{N}]+|[,;:()?]/gu;

const cache = new WeakMap<Sentence, Tokens>();
const originals = new WeakMap<Sentence, readonly string[]>();

export function tokensOf(sentence: Sentence): Tokens {
  const known = cache.get(sentence);
  if (known) return known;
  const words: string[] = [];
  const starts: number[] = [];
  for (const match of sentence.folded.matchAll(TOKEN)) {
    words.push(match[0]);
    starts.push(match.index);
  }
  const tokens = { words, starts };
  cache.set(sentence, tokens);
  return tokens;
}

/** Tokenises a phrase from a catalog (folding it first) the same way sentences are tokenised. */
export function phraseTokens(phrase: string): string[] {
  return Array.from(fold(phrase).matchAll(TOKEN), (m) => m[0]).filter((w) => !isMark(w));
}

export function isMark(word: string): boolean {
  return word.length === 1 && ',;:()?'.includes(word);
}

/** The token as written in the original text (case and accents kept), or undefined when unknown. */
export function originalToken(sentence: Sentence, index: number): string | undefined {
  const tokens = tokensOf(sentence);
  const word = tokens.words[index];
  const start = tokens.starts[index];
  if (word === undefined || start === undefined) return undefined;
  // Folding keeps the length of precomposed text, so offsets line up; otherwise re-tokenise the original.
  if (sentence.text.length === sentence.folded.length) return sentence.text.slice(start, start + word.length);
  let list = originals.get(sentence);
  if (!list) {
    list = Array.from(sentence.text.matchAll(ORIGINAL_TOKEN), (m) => m[0]);
    originals.set(sentence, list);
  }
  return list.length === tokens.words.length ? list[index] : undefined;
}

export function isCapitalised(sentence: Sentence, index: number): boolean {
  const original = originalToken(sentence, index);
  if (original === undefined) return false;
  const first = original.charAt(0);
  return first !== first.toLowerCase();
}

/** Original text from the start of token `from` to the end of token `to - 1`, when offsets line up. */
export function originalSpan(sentence: Sentence, from: number, to: number): string | undefined {
  const { words, starts } = tokensOf(sentence);
  const start = starts[from];
  const lastStart = starts[to - 1];
  const last = words[to - 1];
  if (start === undefined || lastStart === undefined || last === undefined) return undefined;
  if (sentence.text.length !== sentence.folded.length) return undefined;
  return sentence.text.slice(start, lastStart + last.length);
}

export interface PhraseMatch<T> {
  readonly start: number;
  /** Index just past the last token. */
  readonly end: number;
  readonly values: readonly T[];
}

interface Candidate<T> {
  readonly tokens: readonly string[];
  readonly values: T[];
}

/**
 * Many phrases matched in one left-to-right pass: candidates are indexed by their first token and
 * tried longest first, so "nioro du sahel" wins over "nioro" and matches never overlap.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Candidate<T>[]>();

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    const byKey = new Map<string, Candidate<T>>();
    for (const [phrase, value] of entries) {
      const tokens = phraseTokens(phrase);
      const first = tokens[0];
      if (first === undefined) continue;
      const key = tokens.join(' ');
      const known = byKey.get(key);
      if (known) {
        if (!known.values.includes(value)) known.values.push(value);
        continue;
      }
      const candidate: Candidate<T> = { tokens, values: [value] };
      byKey.set(key, candidate);
      const list = this.byFirst.get(first) ?? [];
      list.push(candidate);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  matchAll(words: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < words.length) {
      const match = this.matchAt(words, i);
      if (match) {
        found.push(match);
        i = match.end;
      } else {
        i += 1;
      }
    }
    return found;
  }

  matchAt(words: readonly string[], start: number): PhraseMatch<T> | undefined {
    const first = words[start];
    const candidates = first === undefined ? undefined : this.byFirst.get(first);
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      if (startsWithAt(words, start, candidate.tokens)) {
        return { start, end: start + candidate.tokens.length, values: candidate.values };
      }
    }
    return undefined;
  }
}

export function startsWithAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start < 0 || start + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k += 1) {
    if (words[start + k] !== phrase[k]) return false;
  }
  return true;
}

/** True when a word starts with one of the stems ("kidnap" matches "kidnapped", "kidnappers"). */
export function hasStem(word: string, stems: readonly string[]): boolean {
  for (const stem of stems) if (word.startsWith(stem)) return true;
  return false;
}

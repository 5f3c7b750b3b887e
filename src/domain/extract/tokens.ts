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

const ORIGINAL_TOKEN = /\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|[\p{L}\p{M}\p{N}]+|[,;:()?]/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

const cache = new WeakMap<Sentence, Tokens>();
const originals = new WeakMap<Sentence, readonly string[]>();

export function tokensOf(sentence: Sentence): Tokens {
  const known = cache.get(sentence);
  if (known) return known;
  const tokens = scan(sentence.folded);
  cache.set(sentence, tokens);
  return tokens;
}

/**
 * A hand-written scanner rather than a Unicode regex: it runs over every sentence of every document,
 * and on folded text nearly every character is ASCII.
 */
function scan(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isWordCode(text, i, code)) {
      const start = i;
      const end = isDigit(code) ? groupedNumberEnd(text, i) : -1;
      i = end > 0 ? end : wordEnd(text, i + 1);
      words.push(text.slice(start, i));
      starts.push(start);
    } else {
      if (isMarkCode(code)) {
        words.push(text.charAt(i));
        starts.push(i);
      }
      i += 1;
    }
  }
  return { words, starts };
}

/** , ; : ( ) ? */
function isMarkCode(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 63;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCode(text: string, i: number, code: number): boolean {
  if (code < 128) return isDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(text.charAt(i));
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWordCode(text, i, text.charCodeAt(i))) i += 1;
  return i;
}

/** "5,800" and "12.000" are one number; returns -1 when there is no thousands group. */
function groupedNumberEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < 4 && isDigit(text.charCodeAt(i))) i += 1;
  if (i - from > 3) return -1;
  let grouped = false;
  for (;;) {
    const sep = text.charCodeAt(i);
    const isSep = sep === 44 || sep === 46 || sep === 0xa0 || sep === 0x202f;
    if (!isSep || !isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) break;
    if (isDigit(text.charCodeAt(i + 4))) break;
    i += 4;
    grouped = true;
  }
  return grouped ? i : -1;
}

/** Tokenises a phrase from a catalog (folding it first) the same way sentences are tokenised. */
export function phraseTokens(phrase: string): string[] {
  return scan(fold(phrase)).words.filter((w) => !isMark(w));
}

export function isMark(word: string): boolean {
  return word.length === 1 && isMarkCode(word.charCodeAt(0));
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

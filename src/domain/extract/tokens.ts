import type { Document, Sentence } from '../model.js';
import { fold } from '../text/normalize.js';
import { HASH_SEED, hashStep, WordTable } from './word-table.js';

/**
 * Word tokens of a sentence, shared by every extractor: computed once per document and kept for as
 * long as the document object lives.
 * Words come from the folded text; apostrophes split words ("l'armee" -> "l", "armee"), numbers
 * keep their thousands separators ("5,800" is one token) and the clause marks , ; : ( ) ? are
 * tokens of their own so that phrases never match across them.
 */
export interface Tokens {
  readonly sentence: Sentence;
  readonly words: readonly string[];
  /** Offset of each token in the folded text (and in the original when both have the same length). */
  readonly starts: readonly number[];
}

const ORIGINAL_TOKEN = /\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|[\p{L}\p{M}\p{N}]+|[,;:()?]/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

class SentenceTokens implements Tokens {
  /** The original text's tokens, read only when folding changed the length of the text. */
  originals: readonly string[] | undefined;

  constructor(
    readonly sentence: Sentence,
    readonly words: readonly string[],
    readonly starts: readonly number[],
    /** See `boundariesAreTokens`. */
    readonly plain: boolean,
    /** The vocabularies of each word and of the sentence as a whole, for the registry as it was at `maskVersion`. */
    public flags: readonly number[],
    public mask: number,
    public maskVersion: number,
  ) {}
}

/**
 * The tokens of the document read last. Every extractor asks for the tokens of the document being
 * read, one document after another: remembering the last one serves them all, where a weak map entry
 * per document cost more than the lookups saved.
 */
let lastDocument: Document | undefined;
let lastTokens: readonly SentenceTokens[] = [];

/** The tokens of every sentence of a document, in the order of `doc.sentences`. */
export function documentTokens(doc: Document): readonly Tokens[] {
  if (doc !== lastDocument) {
    lastTokens = doc.sentences.map(tokenize);
    lastDocument = doc;
  }
  return lastTokens;
}

function tokenize(sentence: Sentence): SentenceTokens {
  const count = scan(sentence.folded);
  const { words, starts, flags, plain } = scanned;
  let mask = 0;
  for (let k = 0; k < count; k += 1) mask |= flags[k] as number;
  return new SentenceTokens(sentence, words.slice(0, count), starts.slice(0, count), plain, flags.slice(0, count), mask, vocabularyVersion);
}

/**
 * Vocabularies: each extractor registers the words that can start anything it looks for, and skips
 * the sentences and the words that are none of them, at the price of one lookup per word for all
 * extractors together.
 */
const vocabulary = new Map<string, number>();
let vocabularyVersion = 0;
let nextBit = 0;

/** Set for a sentence with a word that starts with a digit. */
export const DIGITS = 1 << 30;

/** Registers words and returns the bit that `sentenceHas` and `wordFlags` test for them. */
export function vocabularyBit(words: Iterable<string>): number {
  if (nextBit >= 30) throw new Error('Too many vocabularies registered');
  const bit = 1 << nextBit;
  nextBit += 1;
  addToVocabulary(bit, words);
  return bit;
}

/** Adds words to a registered vocabulary (a catalog compiled later adds its names). */
export function addToVocabulary(bit: number, words: Iterable<string>): void {
  for (const word of words) vocabulary.set(word, (vocabulary.get(word) ?? 0) | bit);
  vocabularyVersion += 1;
}

/** Vocabularies given by a test rather than a list: words with a stem, words of a kind. */
const tests: { readonly bit: number; readonly test: (word: string) => boolean }[] = [];

/** Registers the words for which `test` holds and returns the bit that `sentenceHas` and `wordFlags` test for them. */
export function vocabularyWhere(test: (word: string) => boolean): number {
  const bit = vocabularyBit([]);
  tests.push({ bit, test });
  return bit;
}

/** Asked once per word read, when it enters the word table. */
function vocabularyOf(word: string): number {
  let bits = (vocabulary.get(word) ?? 0) | (isDigit(word.charCodeAt(0)) ? DIGITS : 0);
  for (const { bit, test } of tests) if (test(word)) bits |= bit;
  return bits;
}

/** Words read so far with their vocabularies; emptied when a vocabulary grows. */
const WORDS = new WordTable(50_000, vocabularyOf);
let wordsVersion = vocabularyVersion;

/** Empties the word table when a vocabulary has grown since its words were classified. */
function refreshWords(): void {
  if (wordsVersion !== vocabularyVersion) {
    WORDS.clear();
    wordsVersion = vocabularyVersion;
  }
}

/** Whether the sentence has a word of any of the vocabularies in `bits`. */
export function sentenceHas(tokens: Tokens, bits: number): boolean {
  return (classified(tokens).mask & bits) !== 0;
}

/** The vocabularies of each word, as bits: `(flags[i] & bit) !== 0` when word i belongs to `bit`. */
export function wordFlags(tokens: Tokens): readonly number[] {
  return classified(tokens).flags;
}

/** Tokens whose vocabularies are up to date: only a catalog compiled after they were read outdates them. */
function classified(tokens: Tokens): SentenceTokens {
  const own = asOwn(tokens);
  if (own.maskVersion !== vocabularyVersion) {
    refreshWords();
    const flags = own.words.map((word) => WORDS.value(WORDS.findWord(word)));
    own.flags = flags;
    own.mask = flags.reduce((mask, bits) => mask | bits, 0);
    own.maskVersion = vocabularyVersion;
  }
  return own;
}

function asOwn(tokens: Tokens): SentenceTokens {
  if (tokens instanceof SentenceTokens) return tokens;
  return new SentenceTokens(tokens.sentence, tokens.words, tokens.starts, !NOT_PLAIN.test(tokens.sentence.folded), [], 0, -1);
}

/** Where `scan` writes the tokens of a sentence, reused from one sentence to the next: copied out once each, at their size. */
const scanned = { words: [] as string[], starts: [] as number[], flags: [] as number[], plain: true };

/**
 * A hand-written scanner rather than a Unicode regex: it runs over every sentence of every document,
 * and on folded text nearly every character is ASCII. Each token comes from the word table, already
 * classified, so no string is sliced for a word read before.
 */
function scan(text: string): number {
  refreshWords();
  const { words, starts, flags } = scanned;
  let count = 0;
  let plain = true;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const start = i;
    if (code >= 128 || code === UNDERSCORE) plain = false;
    // One pass over the characters of a token: where it ends, its hash, and whether it is ASCII.
    let hash = hashStep(HASH_SEED, code);
    i += 1;
    if (isWordCode(text, start, code)) {
      const end = isDigit(code) ? groupedNumberEnd(text, start) : -1;
      while (end > 0 ? i < end : i < length && isWordCode(text, i, text.charCodeAt(i))) {
        const next = text.charCodeAt(i);
        if (next >= 128) plain = false;
        hash = hashStep(hash, next);
        i += 1;
      }
    } else if (!isMarkCode(code)) continue;
    const entry = WORDS.find(text, start, i, hash);
    words[count] = WORDS.word(entry);
    starts[count] = start;
    flags[count] = WORDS.value(entry);
    count += 1;
  }
  scanned.plain = plain;
  return count;
}

const UNDERSCORE = 95;

/** , ; : ( ) ? */
function isMarkCode(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 63;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const ASCII_WORD = new Uint8Array(128).map((_, c) => (isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0));
function isWordCode(text: string, i: number, code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  return WORD_CHAR.test(text.charAt(i));
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
  return scanned.words.slice(0, scan(fold(phrase))).filter((w) => !isMark(w));
}

export function isMark(word: string): boolean {
  return word.length === 1 && isMarkCode(word.charCodeAt(0));
}

/** The token as written in the original text (case and accents kept), or undefined when unknown. */
export function originalToken(tokens: Tokens, index: number): string | undefined {
  const word = tokens.words[index];
  const start = tokens.starts[index];
  if (word === undefined || start === undefined) return undefined;
  const { text, folded } = tokens.sentence;
  // Folding keeps the length of precomposed text, so offsets line up; otherwise re-tokenise the original.
  if (text.length === folded.length) return text.slice(start, start + word.length);
  const own = asOwn(tokens);
  own.originals ??= Array.from(text.matchAll(ORIGINAL_TOKEN), (m) => m[0]);
  return own.originals.length === tokens.words.length ? own.originals[index] : undefined;
}

/** Characters past ASCII and the underscore: around them a regular expression's \b and the tokens disagree. */
const NOT_PLAIN = /[_\u0080-\uffff]/;

/**
 * Whether the word boundaries that a regular expression's \b finds in the folded text, where a letter
 * follows, are exactly the starts of the tokens that begin with a letter: true for ASCII text without
 * the underscore. Then a pattern that starts at a word boundary with a letter can only match where
 * such a token starts, and a look at the tokens can tell that it matches nowhere.
 */
export function boundariesAreTokens(tokens: Tokens): boolean {
  return asOwn(tokens).plain;
}

/**
 * The sentence cut into runs of letters and digits only, as word lists that ignore clause marks and
 * number grouping cut folded text, taken from its tokens without reading the text again; undefined
 * where the two cuts may differ: text past ASCII, and numbers with thousands separators ("5,800" is
 * one token but two runs, and a letter right after it starts a token but not a run).
 */
export function letterDigitRuns(tokens: Tokens): readonly string[] | undefined {
  if (!asOwn(tokens).plain) return undefined;
  const { words } = tokens;
  let marks = 0;
  for (const word of words) {
    if (isMark(word)) marks += 1;
    else if (isDigit(word.charCodeAt(0)) && (word.includes(',') || word.includes('.'))) return undefined;
  }
  // Titles and many sentences have no clause marks: their tokens are the runs, without a copy.
  return marks === 0 ? words : words.filter((word) => !isMark(word));
}

export function isCapitalised(tokens: Tokens, index: number): boolean {
  // Where offsets line up, an ASCII first letter is read in place: asked of every word of some sentences.
  const { sentence } = tokens;
  const start = tokens.starts[index];
  if (start !== undefined && index < tokens.words.length && sentence.text.length === sentence.folded.length) {
    const code = sentence.text.charCodeAt(start);
    if (code < 128) return code >= 65 && code <= 90;
  }
  const original = originalToken(tokens, index);
  if (original === undefined) return false;
  const first = original.charAt(0);
  return first !== first.toLowerCase();
}

/** Original text from the start of token `from` to the end of token `to - 1`, when offsets line up. */
export function originalSpan(tokens: Tokens, from: number, to: number): string | undefined {
  const { words, starts, sentence } = tokens;
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
 * Many phrases matched at a token: candidates are indexed by their first token and tried longest
 * first, so "nioro du sahel" wins over "nioro".
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

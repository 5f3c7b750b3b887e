import { ASCII_ALPHANUMERIC, pushWords, wordCutter } from '../shared/words.js';
import { fold } from '../text/normalize.js';

/**
 * Word-boundary phrase matching over folded text. Words are runs of letters and digits; every other
 * character separates them, apostrophes included, so French elisions ("l'attaque", "d'otages") expose
 * the word after the apostrophe and "Jama'at" reads as "jama at" on both sides of the match.
 */

export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}*]+/u).filter((word) => word.length > 0 && word !== '*');
}

const LETTERS_AND_DIGITS = wordCutter(/[^\p{L}\p{N}]+/u, ASCII_ALPHANUMERIC);

/** Words of already folded text (Sentence.folded): no second fold on the hot path. */
export function foldedWords(folded: string): string[] {
  const list: string[] = [];
  pushWords(list, folded, LETTERS_AND_DIGITS);
  return list;
}

interface WordPattern {
  readonly value: string;
  readonly prefix: boolean;
}

export interface Phrase<T> {
  readonly text: string;
  readonly words: readonly WordPattern[];
  readonly tag: T;
}

export interface PhraseMatch<T> {
  readonly phrase: Phrase<T>;
  /** Index of the first word in the scanned word list. */
  readonly at: number;
}

const KEY_LENGTH = 3;

function wordMatches(pattern: WordPattern, word: string): boolean {
  return pattern.prefix ? word.startsWith(pattern.value) : word === pattern.value;
}

/** Size of the table of first-letter keys (a power of two). */
const PREFIX_TABLE = 1 << 15;

/** A key of a word's first KEY_LENGTH letters: the same for a word and for every stem or word it could start. */
function prefixKey(word: string): number {
  const length = word.length;
  const first = word.charCodeAt(0);
  const second = length > 1 ? word.charCodeAt(1) : 0;
  const third = length > 2 ? word.charCodeAt(2) : 0;
  return (((first * 31 + second) * 31 + third) >>> 0) & (PREFIX_TABLE - 1);
}

/** A key of a whole word's first letters, last letter and length: equal words have equal keys. */
function shapeKey(word: string): number {
  return ((prefixKey(word) * 31 + word.charCodeAt(word.length - 1)) * 31 + word.length) & (PREFIX_TABLE - 1);
}

/** Many phrases, looked up by their first word: exact words in a map, wildcard stems by their first letters. */
export class PhraseIndex<T> {
  private readonly exact = new Map<string, Phrase<T>[]>();
  private readonly stems = new Map<string, Phrase<T>[]>();
  /**
   * Which word shapes some phrase starts with, and which first-letter keys some stem starts with. Most
   * words of a text start no phrase: these tables tell so without hashing the word or slicing its stem
   * (a key shared by chance only costs the lookups).
   */
  private readonly exactStarts = new Uint8Array(PREFIX_TABLE);
  private readonly stemStarts = new Uint8Array(PREFIX_TABLE);

  add(text: string, tag: T): void {
    const patterns = words(text).map((word) =>
      word.endsWith('*') ? { value: word.replace(/\*+$/, ''), prefix: true } : { value: word, prefix: false });
    const first = patterns[0];
    if (first === undefined) return;
    const phrase: Phrase<T> = { text, words: patterns, tag };
    const table = first.prefix ? this.stems : this.exact;
    const key = first.prefix ? first.value.slice(0, KEY_LENGTH) : first.value;
    const bucket = table.get(key);
    if (bucket) bucket.push(phrase);
    else table.set(key, [phrase]);
    if (first.prefix) this.stemStarts[prefixKey(key)] = 1;
    else this.exactStarts[shapeKey(key)] = 1;
  }

  /** Every phrase occurrence in the word list, in order of position. */
  scan(list: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let at = 0; at < list.length; at += 1) {
      const word = list[at] as string;
      if (this.exactStarts[shapeKey(word)] === 1) this.collect(this.exact.get(word), list, at, found);
      if (word.length >= KEY_LENGTH && this.stemStarts[prefixKey(word)] === 1) {
        this.collect(this.stems.get(word.slice(0, KEY_LENGTH)), list, at, found);
      }
    }
    return found;
  }

  private collect(bucket: readonly Phrase<T>[] | undefined, list: readonly string[], at: number, found: PhraseMatch<T>[]): void {
    if (bucket === undefined) return;
    for (const phrase of bucket) {
      if (at + phrase.words.length > list.length) continue;
      let offset = 0;
      while (offset < phrase.words.length && wordMatches(phrase.words[offset] as WordPattern, list[at + offset] as string)) offset += 1;
      if (offset === phrase.words.length) found.push({ phrase, at });
    }
  }
}

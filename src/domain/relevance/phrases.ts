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

function collect<T>(found: PhraseMatch<T>[], phrase: Phrase<T>, at: number): void {
  found.push({ phrase, at });
}

/** Words read before a first-word lookup is cleared: a few thousand make up most of the news. */
const STARTS_LIMIT = 50_000;
const NO_PHRASES: readonly never[] = [];

/** Many phrases, looked up by their first word: exact words in a map, wildcard stems by their first letters. */
export class PhraseIndex<T> {
  private readonly exact = new Map<string, Phrase<T>[]>();
  private readonly stems = new Map<string, Phrase<T>[]>();
  /**
   * The phrases each word read so far starts, their first word already matched: a text's words are
   * mostly ones read before, and a single lookup then replaces trying every stem of their first letters.
   */
  private readonly starts = new Map<string, readonly Phrase<T>[]>();

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
    this.starts.clear();
  }

  /** Every phrase occurrence in the word list, in order of position. */
  scan(list: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    this.visit(list, found, collect);
    return found;
  }

  /**
   * Calls `seen(context, phrase, at)` for every phrase occurrence, in order of position: a caller that
   * reads each match once needs neither a match object per occurrence nor a closure per word list.
   */
  visit<C>(list: readonly string[], context: C, seen: (context: C, phrase: Phrase<T>, at: number) => void): void {
    for (let at = 0; at < list.length; at += 1) {
      const candidates = this.startedBy(list[at] as string);
      for (const phrase of candidates) {
        const { length } = phrase.words;
        if (at + length > list.length) continue;
        let offset = 1;
        while (offset < length && wordMatches(phrase.words[offset] as WordPattern, list[at + offset] as string)) offset += 1;
        if (offset === length) seen(context, phrase, at);
      }
    }
  }

  /** The phrases whose first word matches `word`: exact ones, then stems, each in the order they were added. */
  private startedBy(word: string): readonly Phrase<T>[] {
    const known = this.starts.get(word);
    if (known !== undefined) return known;
    const exact = this.exact.get(word) ?? NO_PHRASES;
    const stems = word.length >= KEY_LENGTH ? this.stems.get(word.slice(0, KEY_LENGTH)) ?? NO_PHRASES : NO_PHRASES;
    const started = [...exact, ...stems.filter((phrase) => wordMatches(phrase.words[0] as WordPattern, word))];
    if (this.starts.size >= STARTS_LIMIT) this.starts.clear();
    this.starts.set(word, started.length === 0 ? NO_PHRASES : started);
    return started;
  }
}

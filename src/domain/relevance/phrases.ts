import { fold } from '../text/normalize.js';

/**
 * Word-boundary phrase matching over folded text. Words are runs of letters and digits; every other
 * character separates them, apostrophes included, so French elisions ("l'attaque", "d'otages") expose
 * the word after the apostrophe and "Jama'at" reads as "jama at" on both sides of the match.
 */

export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}*]+/u).filter((word) => word.length > 0 && word !== '*');
}

/** Words of already folded text (Sentence.folded): no second fold on the hot path. */
export function foldedWords(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
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

/** Many phrases, looked up by their first word: exact words in a map, wildcard stems by their first letters. */
export class PhraseIndex<T> {
  private readonly exact = new Map<string, Phrase<T>[]>();
  private readonly stems = new Map<string, Phrase<T>[]>();

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
  }

  /** Every phrase occurrence in the word list, in order of position. */
  scan(list: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let at = 0; at < list.length; at += 1) {
      const word = list[at] as string;
      this.collect(this.exact.get(word), list, at, found);
      if (word.length >= KEY_LENGTH) this.collect(this.stems.get(word.slice(0, KEY_LENGTH)), list, at, found);
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

/**
 * The words read recently, each kept once with a number that the caller computes from it (which
 * vocabularies it belongs to). A word read again is found from the characters of the text, by a
 * hash of them, without slicing a new string: news repeats a few thousand words over and over, and
 * a string per word read, hashed anew by every set it is looked up in, cost more than reading the text.
 * The slots grow with the words, so that a table of the few thousand words of a feed stays in the
 * processor's cache; the table empties itself when full, so feeds that bring new words for ever do
 * not grow it without end.
 */
export class WordTable {
  /** Entry number + 1 per slot, 0 for an empty slot; at least twice as many slots as entries. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly valueOf: (word: string) => number,
  ) {}

  /** The entry of a word. */
  findWord(word: string): number {
    let hash = HASH_SEED;
    for (let k = 0; k < word.length; k += 1) hash = hashStep(hash, word.charCodeAt(k));
    return this.find(word, 0, word.length, hash);
  }

  /** The entry of text[start, end), added when new; `hash` is `hashStep` over its characters from `HASH_SEED`. */
  find(text: string, start: number, end: number, characters: number): number {
    // The high bits folded into the low ones that pick the slot.
    const hash = characters ^ (characters >>> 15);
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === hash) {
        const word = this.words[entry] as string;
        if (word.length === length && text.startsWith(word, start)) return entry;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.add(text.slice(start, end), hash);
  }

  word(entry: number): string {
    return this.words[entry] as string;
  }

  value(entry: number): number {
    return this.values[entry] as number;
  }

  /** Forgets every word, for instance when the values they were given are out of date. */
  clear(): void {
    this.slots = new Int32Array(INITIAL_SLOTS);
    this.mask = INITIAL_SLOTS - 1;
    this.words.length = 0;
    this.hashes.length = 0;
    this.values.length = 0;
  }

  private add(word: string, hash: number): number {
    if (this.words.length >= this.limit) this.clear();
    this.words.push(word);
    this.hashes.push(hash);
    this.values.push(this.valueOf(word));
    const entry = this.words.length - 1;
    if (this.words.length * 2 > this.slots.length) this.grow();
    else this.place(entry);
    return entry;
  }

  /** Twice the slots, every entry placed again. */
  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.words.length; entry += 1) this.place(entry);
  }

  /** Puts an entry in the first free slot from its hash. */
  private place(entry: number): void {
    let slot = (this.hashes[entry] as number) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
  }
}

const INITIAL_SLOTS = 1024;

/** FNV-1a, computed by the caller as it reads the characters. */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

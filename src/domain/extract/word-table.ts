/**
 * The words read recently, each kept once with a number that the caller computes from it (which
 * vocabularies it belongs to). A word read again is found from the characters of the text, by a
 * hash of them, without slicing a new string: news repeats a few thousand words over and over, and
 * a string per word read, hashed anew by every set it is looked up in, cost more than reading the text.
 * The table empties itself when full, so feeds that bring new words for ever do not grow it.
 */
export class WordTable {
  /** Entry number + 1 per slot, 0 for an empty slot; twice as many slots as entries at most. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly words: string[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly valueOf: (word: string) => number,
  ) {
    let size = 1;
    while (size < limit * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The entry of text[start, end), added when new. */
  find(text: string, start: number, end: number): number {
    // FNV-1a, its high bits folded into the low ones that pick the slot.
    let hash = 0x811c9dc5 | 0;
    for (let k = start; k < end; k += 1) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    const length = end - start;
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) break;
      const word = this.words[entry] as string;
      if (word.length === length && text.startsWith(word, start)) return entry;
      slot = (slot + 1) & this.mask;
    }
    if (this.words.length >= this.limit) {
      this.clear();
      return this.find(text, start, end);
    }
    const word = text.slice(start, end);
    this.words.push(word);
    this.values.push(this.valueOf(word));
    this.slots[slot] = this.words.length;
    return this.words.length - 1;
  }

  word(entry: number): string {
    return this.words[entry] as string;
  }

  value(entry: number): number {
    return this.values[entry] as number;
  }

  /** Forgets every word, for instance when the values they were given are out of date. */
  clear(): void {
    this.slots.fill(0);
    this.words.length = 0;
    this.values.length = 0;
  }
}

/**
 * Cutting folded text (see text/normalize.ts) into words. Folded text is mostly ASCII: that is cut by
 * a table of word characters, and only other text by the regular expression of word separators.
 */
export interface WordCutter {
  /** Separators: runs of characters that are not part of words (a `u` regular expression). */
  readonly separators: RegExp;
  /** ASCII characters of words; the same as `separators` leaves below 128. */
  readonly ascii: Uint8Array;
}

export function wordCutter(separators: RegExp, asciiWordCharacters: string): WordCutter {
  const ascii = new Uint8Array(128);
  for (const c of asciiWordCharacters) ascii[c.charCodeAt(0)] = 1;
  return { separators, ascii };
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Appends the words of folded text to `out` while it holds fewer than `max`. */
export function pushWords(out: string[], folded: string, cutter: WordCutter, max = Infinity): void {
  if (NON_ASCII.test(folded)) {
    for (const word of folded.split(cutter.separators)) if (word !== '' && out.length < max) out.push(word);
    return;
  }
  const { ascii } = cutter;
  let start = -1;
  for (let i = 0; i < folded.length && out.length < max; i++) {
    if (ascii[folded.charCodeAt(i)] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0 && out.length < max) out.push(folded.slice(start));
}

/** Letters and digits below 128: all that \p{L} and \p{N} hold there. */
export const ASCII_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

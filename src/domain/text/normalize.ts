/** Characters that lower-casing alone does not fold: the backtick and anything past ASCII. */
const NEEDS_TABLE = /[`\u0080-\uffff]/;

function foldFully(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

/**
 * Below the Greek block every character folds on its own: its decomposition, the marks it loses
 * and its lower case do not depend on its neighbours. Folded once here, they are looked up after.
 */
const TABLE_END = 0x370;
const SINGLE: readonly string[] = Array.from({ length: TABLE_END }, (_, code) => foldFully(String.fromCharCode(code)));
/** Punctuation past the table that news is full of; none of it combines with its neighbours either. */
const PUNCTUATION: ReadonlyMap<number, string> = new Map(
  [...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2018\u2019\u2032\u201c\u201d\u2026'].map((c) => [c.charCodeAt(0), foldFully(c)]),
);

/**
 * Folding used everywhere text is matched: case, accents, typographic apostrophes and dashes.
 * Feeds drop accents ("Segou" for "Ségou"), so matching must not depend on them.
 */
export function fold(text: string): string {
  // Plain ASCII has no accents, typographic quotes or dashes to fold: only the backtick and case.
  if (!NEEDS_TABLE.test(text)) return text.toLowerCase();
  // Runs of ASCII are folded whole; only the other characters are looked up one by one.
  let folded = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const piece = code < TABLE_END ? SINGLE[code] : PUNCTUATION.get(code);
    if (piece === undefined) return foldFully(text);
    folded += foldAscii(text.slice(start, i)) + piece;
    start = i + 1;
  }
  return folded + foldAscii(text.slice(start));
}

function foldAscii(text: string): string {
  return (text.includes('`') ? text.replaceAll('`', "'") : text).toLowerCase();
}

/** Folded text with everything but letters, digits and apostrophes turned into single spaces. */
export function foldForMatch(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
}

/** Characters that lower-casing alone does not fold: the backtick and anything past ASCII. */
const NEEDS_TABLE = /[`\u0080-\uffff]/;
const NEEDS_TABLE_ALL = /[`\u0080-\uffff]/g;

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

/** Set by foldedPiece when a character has no entry of its own: the text is then folded whole. */
let unlisted = false;

function foldedPiece(character: string): string {
  const code = character.charCodeAt(0);
  const piece = code < TABLE_END ? SINGLE[code] : PUNCTUATION.get(code);
  if (piece !== undefined) return piece;
  unlisted = true;
  return character;
}

/**
 * Folding used everywhere text is matched: case, accents, typographic apostrophes and dashes.
 * Feeds drop accents ("Segou" for "Ségou"), so matching must not depend on them.
 */
export function fold(text: string): string {
  // Plain ASCII has no accents, typographic quotes or dashes to fold: only the backtick and case.
  if (!NEEDS_TABLE.test(text)) return text.toLowerCase();
  // The other characters are looked up in one replacement and the rest lower-cased at once; the
  // pieces are lower case already, and lower-casing them again leaves them as they are.
  unlisted = false;
  const replaced = text.replace(NEEDS_TABLE_ALL, foldedPiece);
  return unlisted ? foldFully(text) : replaced.toLowerCase();
}

/** Folded text with everything but letters, digits and apostrophes turned into single spaces. */
export function foldForMatch(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
}

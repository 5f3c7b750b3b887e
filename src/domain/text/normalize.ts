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

const MATCH_SEPARATORS = /[^\p{L}\p{N}']+/gu;
/** One character foldForMatch keeps: a letter, a digit or an apostrophe. */
const MATCH_KEPT = /[\p{L}\p{N}']/uy;

/** Folded text with everything but letters, digits and apostrophes turned into single spaces. */
export function foldForMatch(text: string): string {
  return fold(text).replace(MATCH_SEPARATORS, ' ').trim();
}

function isAsciiKept(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 39;
}

/** Code units of the character at `i` when foldForMatch keeps it, else 0. */
function keptLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiKept(code) ? 1 : 0;
  MATCH_KEPT.lastIndex = i;
  return MATCH_KEPT.test(text) ? MATCH_KEPT.lastIndex - i : 0;
}

/** The end of the run of characters foldForMatch drops that starts at `i`. */
function skipDropped(text: string, i: number): number {
  let at = i;
  while (at < text.length && keptLength(text, at) === 0) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return at;
}

/**
 * Whether foldForMatch(text) === foldForMatch(other). Only `other` is built: `text` is read as
 * it folds and dropped at the first difference, which most comparisons find within a few letters.
 */
export function sameForMatch(text: string, other: string): boolean {
  const expected = foldForMatch(other);
  const folded = fold(text);
  let i = skipDropped(folded, 0);
  let j = 0;
  while (i < folded.length) {
    const kept = keptLength(folded, i);
    if (kept > 0) {
      for (let k = 0; k < kept; k++) if (folded.charCodeAt(i + k) !== expected.charCodeAt(j + k)) return false;
      i += kept;
      j += kept;
      continue;
    }
    i = skipDropped(folded, i);
    // Dropped characters at the end are trimmed; elsewhere they read as one space.
    if (i === folded.length) break;
    if (expected.charCodeAt(j) !== 32) return false;
    j++;
  }
  return j === expected.length;
}

/**
 * Folding used everywhere text is matched: case, accents, typographic apostrophes and dashes.
 * Feeds drop accents ("Segou" for "Ségou"), so matching must not depend on them.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

/** Folded text with everything but letters, digits and apostrophes turned into single spaces. */
export function foldForMatch(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
}

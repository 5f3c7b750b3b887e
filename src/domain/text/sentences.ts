import { allMatches } from './regex.js';

/**
 * Sentence splitting for news prose in English and French. A boundary is terminal punctuation,
 * optionally followed by closing quotes or brackets (« » included), then space and a capital,
 * digit or opening quote; a period after a known abbreviation or an initial is not a boundary.
 */

// The look-behind makes a run of dots one candidate, not one per dot: no quadratic backtracking.
const BOUNDARY = /(?<![.!?…])([.!?…]+)(?:\s?["'”’»)\]])*(?=\s+(?:[«"“‘'([]\s?)?[\p{Lu}\p{N}])/gu;
const LETTER_OR_DOT = /[\p{L}.]/u;
/** Abbreviations and acronyms are short; looking further back is wasted work. */
const MAX_WORD = 12;
/** Single letters and dotted acronyms: "J.", "U.S.", "U.N.", "e.g.". */
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

/** Written as they appear; compared case-sensitively so that "no." ending a sentence still splits. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Sgt', 'Cpl', 'Cmdr', 'Adm', 'Brig',
  'Gov', 'Sen', 'Rep', 'Pres', 'Amb', 'Hon', 'Rev', 'St', 'Mt', 'Ft', 'Jr', 'Sr', 'No', 'Nos', 'Vol', 'vs', 'Fig',
  'approx', 'est', 'Dept', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Me', 'Mgr', 'Gén', 'Cdt', 'Ste', 'av', 'bd', 'art', 'cf', 'p',
]);

/**
 * Words that open sentences and are no one's name: an initial or acronym before them ends its sentence
 * ("dans le parc W. Les assauts ...", "in the U.S. The embassy ...").
 */
const OPENERS = /^\s+(?:The|This|These|It|They|He|She|We|According|Les|Des|Il|Ils|Elle|Elles|Cette|Ces|Selon|Une?)\b/u;

/** Whether the word that ends at `dot` (the index of a period) is an abbreviation or an initial. */
function abbreviationBefore(text: string, dot: number, floor: number): boolean {
  let start = dot;
  while (start > floor && dot - start < MAX_WORD && LETTER_OR_DOT.test(text[start - 1] ?? '')) start--;
  if (start === dot || (start > floor && LETTER_OR_DOT.test(text[start - 1] ?? ''))) return false;
  const word = text.slice(start, dot);
  return ABBREVIATIONS.has(word) || (INITIALS.test(word) && !OPENERS.test(text.slice(dot + 1, dot + 14)));
}

/** Splits one paragraph into trimmed sentences. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of allMatches(BOUNDARY, paragraph)) {
    const end = m.index + m[0].length;
    if (m[1] === '.' && abbreviationBefore(paragraph, m.index, start)) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence.length > 0) sentences.push(sentence);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

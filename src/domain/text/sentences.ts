import { allMatches } from './regex.js';

/**
 * Sentence splitting for news prose in English and French. A boundary is terminal punctuation,
 * optionally followed by closing quotes or brackets (« » included), then space and a capital,
 * digit or opening quote; a period after a known abbreviation or an initial is not a boundary.
 */

// The look-behind makes a run of dots one candidate, not one per dot: no quadratic backtracking.
const BOUNDARY = /(?<![.!?…])([.!?…]+)(?:\s?["'”’»)\]])*(?=\s+(?:[«"“‘'([]\s?)?[\p{Lu}\p{N}])/gu;
const WORD_BEFORE = /([\p{L}.]+)\.$/u;
/** Single letters and dotted acronyms: "J.", "U.S.", "U.N.", "e.g.". */
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

/** Written as they appear; compared case-sensitively so that "no." ending a sentence still splits. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Sgt', 'Cpl', 'Cmdr', 'Adm', 'Brig',
  'Gov', 'Sen', 'Rep', 'Pres', 'Amb', 'Hon', 'Rev', 'St', 'Mt', 'Ft', 'Jr', 'Sr', 'No', 'Nos', 'Vol', 'vs', 'Fig',
  'approx', 'est', 'Dept', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Me', 'Mgr', 'Gén', 'Cdt', 'Ste', 'av', 'bd', 'art', 'cf', 'p',
]);

function endsWithAbbreviation(text: string): boolean {
  const m = WORD_BEFORE.exec(text);
  if (m === null) return false;
  const word = m[1] ?? '';
  return ABBREVIATIONS.has(word) || INITIALS.test(word);
}

/** Splits one paragraph into trimmed sentences. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of allMatches(BOUNDARY, paragraph)) {
    const end = m.index + m[0].length;
    if (m[1] === '.' && endsWithAbbreviation(paragraph.slice(Math.max(start, m.index - 40), m.index + 1))) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence.length > 0) sentences.push(sentence);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

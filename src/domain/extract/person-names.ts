import { DEMONYMS } from './demonyms.js';
import { isCapitalised, isMark, originalSpan, type Tokens } from './tokens.js';

/**
 * People's names as news writes them: two or three capitalised words ("Olivier Dubois", "Pier Luigi
 * Maccalli"), read from the tokens of a sentence.
 */

/** Articles before a demonym that, followed by a name, make it one person: "L'Américain Jeffery Woodke", "the Australian Ken Elliott". */
export const ONE_PERSON_ARTICLES = new Set(['le', 'la', 'l', 'the']);

/**
 * Capitalised words that are no part of a person's name: "Un Australien libéré 7 ans après" and
 * "Western Australia woman" name nobody; nor is an elided article ("L’Algérie libère un otage").
 */
export const NOT_NAME_WORDS = new Set([
  'and', 'et', 'of', 'de', 'in', 'the', 'un', 'une', 'le', 'la', 'les', 'l', 'd', 'a', 'an', 'mali', 'niger', 'burkina', 'faso', 'bamako', 'niamey', 'ouagadougou',
  'australia', 'australie', 'france', 'italy', 'italie', 'switzerland', 'suisse', 'canada', 'colombia', 'colombie', 'sweden', 'suede', 'romania', 'roumanie',
  'germany', 'allemagne', 'spain', 'espagne', 'britain', 'netherlands', 'pays-bas', 'belgium', 'belgique', 'austria', 'autriche',
  ...DEMONYMS.flatMap(([, forms]) => forms.filter((form) => !form.includes(' '))),
]);

const NAME_WORDS = 3;

/**
 * A person's full name right after a group of one ("French journalist Olivier Dubois", "German
 * priest Hans-Joachim Lohre", "a German priest, Hans-Joachim Lohre,"): two or three capitalised words, as written.
 */
export function personNameAt(tokens: Tokens, at: number): string | undefined {
  const { words } = tokens;
  const comma = words[at] === ',';
  const after = comma ? at + 1 : at;
  // "German missionary Fr Hans Joachim Lohre": the title is not part of the name.
  const from = HONORIFICS.has(words[after] as string) ? after + 1 : after;
  const end = nameEnd(tokens, from);
  if (end - from < 2 || (comma && end < words.length && !isMark(words[end] as string))) return undefined;
  return nameText(tokens, from, end);
}

/**
 * "Les deux journalistes français Ghislaine Dupont et Claude Verlon", "three Indian nationals, A, B
 * and C": exactly `count` full names listed right after the group, else none (a list that runs
 * short or on is not the group's).
 */
export function personNamesAt(tokens: Tokens, at: number, count: number): readonly string[] | undefined {
  const { words } = tokens;
  const names: string[] = [];
  let k = words[at] === ',' ? at + 1 : at;
  while (names.length < count) {
    if (names.length > 0) {
      if (words[k] === ',') k += 1;
      if (LIST_AND.has(words[k] as string)) k += 1;
    }
    const end = nameEnd(tokens, k);
    if (end - k < 2) return undefined;
    names.push(nameText(tokens, k, end));
    k = end;
  }
  const next = words[k] === ',' ? words[k + 1] : words[k];
  return next !== undefined && (LIST_AND.has(next) || isNameWord(tokens, k)) ? undefined : names;
}

export const LIST_AND = new Set(['and', 'et']);

export const HONORIFICS = new Set(['fr', 'father', 'pere', 'abbe', 'sister', 'soeur', 'dr', 'mr', 'mrs', 'ms', 'rev', 'reverend', 'mgr', 'monseigneur']);

/**
 * A full name that opens the sentence or a clause and that a group of one describes after a comma:
 * "Sophie Pétronin, une humanitaire française de 71 ans, a été enlevée".
 */
export function personNameBefore(tokens: Tokens, start: number): string | undefined {
  const { words } = tokens;
  const end = words[start - 1] === ',' ? start - 1 : words[start - 2] === ',' && ONE_PERSON_ARTICLES.has(words[start - 1] as string) ? start - 2 : -1;
  if (end < 0) return undefined;
  const from = nameStart(tokens, end);
  if (end - from < 2 || (from > 0 && !isMark(words[from - 1] as string))) return undefined;
  return nameText(tokens, from, end);
}

/** Words an apposition between commas may run to: ", 57 ans,", ", a reporter for Radio Omega,". */
const APPOSITION_WORDS = 8;

/** Past the appositions between commas after a name (", 57 ans,", ", journalistes à RFI,"), at the last comma. */
export function appositionsEnd(tokens: Tokens, at: number): number {
  const { words } = tokens;
  let k = at;
  while (words[k] === ',' && !isNameWord(tokens, k + 1) && !LIST_AND.has(words[k + 1] as string)) {
    const close = words.indexOf(',', k + 1);
    if (close < 0 || close - k > APPOSITION_WORDS) break;
    k = close;
  }
  return k;
}

/** Two or three capitalised name words from `from`, as written. */
export function nameFrom(tokens: Tokens, from: number): string | undefined {
  const end = nameEnd(tokens, from);
  return end - from < 2 ? undefined : nameText(tokens, from, end);
}

/** Two or three capitalised name words that end at `end`, as written. */
export function nameBefore(tokens: Tokens, end: number): string | undefined {
  const from = nameStart(tokens, end);
  return end - from < 2 ? undefined : nameText(tokens, from, end);
}

/** Where the name words from `from` end, at most NAME_WORDS on. */
export function nameEnd(tokens: Tokens, from: number): number {
  let end = from;
  while (end < tokens.words.length && end - from < NAME_WORDS && isNameWord(tokens, end)) end += 1;
  return end;
}

/** Where the name words that end at `end` start, at most NAME_WORDS back. */
function nameStart(tokens: Tokens, end: number): number {
  let from = end;
  while (from > 0 && end - from < NAME_WORDS && isNameWord(tokens, from - 1)) from -= 1;
  return from;
}

export function nameText(tokens: Tokens, from: number, end: number): string {
  return originalSpan(tokens, from, end) ?? tokens.words.slice(from, end).join(' ');
}

/** Words from which a headline's capitals can say whether it capitalises every word. */
const TITLE_CASE_WORDS = 4;

/** "American Missionary Pilot Kidnapped In Niger Capital": a headline whose capitals mark no names. */
export function titleCased(tokens: Tokens): boolean {
  if (tokens.sentence.index !== 0) return false;
  let words = 0;
  let capitals = 0;
  for (let k = 0; k < tokens.words.length; k += 1) {
    if (!/^[a-z]/.test(tokens.words[k] as string)) continue;
    words += 1;
    if (isCapitalised(tokens, k)) capitals += 1;
  }
  return words >= TITLE_CASE_WORDS && capitals >= words * 0.8;
}

export function isNameWord(tokens: Tokens, k: number): boolean {
  const word = tokens.words[k] as string;
  return !NOT_NAME_WORDS.has(word) && isCapitalised(tokens, k) && /^[a-z][a-z'-]*$/.test(word);
}

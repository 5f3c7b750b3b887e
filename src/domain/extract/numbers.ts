/**
 * Counts written in digits or in English and French words, read from folded word tokens
 * ("three", "twenty one", "5,800", "cinq", "soixante dix", "quatre vingt", "une dizaine").
 */

export interface NumberMatch {
  /** null for a vague plural such as "dozens" or "des centaines": a group with no exact size. */
  readonly value: number | null;
  /** Index just past the last token of the number. */
  readonly end: number;
}

const SMALL = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80],
  ['ninety', 90],
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['sept', 7], ['huit', 8],
  ['neuf', 9], ['dix', 10], ['onze', 11], ['douze', 12], ['treize', 13], ['quatorze', 14], ['quinze', 15],
  ['seize', 16], ['vingt', 20], ['vingts', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50],
  ['soixante', 60],
]);

const HUNDRED = new Set(['hundred', 'cent', 'cents']);
const THOUSAND = new Set(['thousand', 'mille']);

/** "une dizaine" is about ten; the plural "des dizaines" has no size. */
const APPROXIMATE = new Map<string, number>([
  ['dizaine', 10], ['douzaine', 12], ['quinzaine', 15], ['vingtaine', 20], ['trentaine', 30],
  ['quarantaine', 40], ['cinquantaine', 50], ['soixantaine', 60], ['centaine', 100],
]);
const VAGUE = new Set([
  'dozens', 'scores', 'hundreds', 'thousands', 'dizaines', 'douzaines', 'vingtaines', 'centaines', 'milliers',
]);

/** Words that can begin a number. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...SMALL.keys(), ...VAGUE, ...HUNDRED, ...THOUSAND, 'a']);

const DIGITS = /^\d{1,3}(?:[,.\u00a0\u202f]\d{3})+$|^\d+$/;

/** Whether a word can begin a number: checked first, since almost no word does. */
function mayStartNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return (first >= 48 && first <= 57) || NUMBER_WORDS.has(word);
}

/** Reads a number starting at token `start`; undefined when there is none. */
export function parseNumberAt(words: readonly string[], start: number): NumberMatch | undefined {
  const word = words[start];
  if (word === undefined || !mayStartNumber(word)) return undefined;
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    return DIGITS.test(word) ? { value: Number(word.replace(/\D/g, '')), end: start + 1 } : undefined;
  }
  if (VAGUE.has(word)) return { value: null, end: start + 1 };
  const next = words[start + 1];
  if ((word === 'une' || word === 'a') && next !== undefined) {
    const approx = word === 'une' ? APPROXIMATE.get(next) : next === 'dozen' ? 12 : undefined;
    if (approx !== undefined) return { value: approx, end: start + 2 };
  }
  return parseWords(words, start);
}

function parseWords(words: readonly string[], start: number): NumberMatch | undefined {
  let total = 0;
  let current = 0;
  let last = 0;
  let end = start;
  let i = start;
  while (i < words.length) {
    const word = words[i] as string;
    if ((word === 'and' || word === 'et') && end > start && canFollow(last, words[i + 1])) {
      i += 1;
      continue;
    }
    const small = SMALL.get(word);
    if (small !== undefined) {
      if (end > start && !canAdd(last, small, word)) break;
      if ((word === 'vingt' || word === 'vingts') && last === 4 && end > start) {
        current += 76;
        last = 80;
      } else {
        current += small;
        last = small;
      }
    } else if (HUNDRED.has(word)) {
      current = (current === 0 ? 1 : current) * 100;
      last = 100;
    } else if (THOUSAND.has(word)) {
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
      last = 1000;
    } else {
      break;
    }
    i += 1;
    end = i;
  }
  if (end === start) return undefined;
  return { value: total + current, end };
}

function canFollow(last: number, next: string | undefined): boolean {
  if (next === undefined) return false;
  const value = SMALL.get(next);
  return value !== undefined && canAdd(last, value, next);
}

/** Whether `value` continues a number whose last part was `last` ("vingt" + "et un", "dix" + "sept"). */
function canAdd(last: number, value: number, word: string): boolean {
  if (word === 'vingt' || word === 'vingts') return last === 4;
  if (last === 80 || last === 60) return value < 20;
  if (last === 10) return value >= 7 && value <= 9;
  if (last >= 100) return value < last;
  if (last >= 20) return last % 10 === 0 && value < 10 && value > 0;
  return false;
}

import type { Document, FigureFact } from '../model.js';
import { parseNumberAt } from './numbers.js';
import { documentTokens, isCapitalised, isMark, originalSpan, originalToken, sentenceHas, type Tokens, vocabularyBit } from './tokens.js';
import { isPersonNoun, nationalityAt } from './victims.js';

/**
 * Context figures: how many people of a community live in a country ("approximately 400 Indians reside
 * in Mali" -> 400, "Indians living in Mali") and running totals ("takes the total number of Indians
 * kidnapped in Mali this year to eight" -> 8, "Indians kidnapped in Mali this year").
 */

const RESIDE = new Set(['reside', 'resides', 'residing', 'live', 'lives', 'living', 'vivent', 'resident', 'residant', 'residents']);
const IN = new Set(['in', 'au', 'en', 'a', 'aux']);
const OF = new Set(['of', 'de', 'd', 'des']);
const TO = new Set(['to', 'a', 'at']);
const LOOK_BACK = 5;
const FIGURE_WORDS = vocabularyBit([...RESIDE, 'number', 'nombre']);

export function extractFigures(doc: Document): FigureFact[] {
  const facts: FigureFact[] = [];
  for (const tokens of documentTokens(doc)) {
    if (!sentenceHas(tokens, FIGURE_WORDS)) continue;
    const { sentence, words } = tokens;
    for (let i = 0; i < words.length; i += 1) {
      const figure = residentsAt(tokens, i) ?? totalAt(tokens, i);
      if (figure) facts.push({ ...figure, evidence: { sentence: sentence.index, text: sentence.text } });
    }
  }
  return facts;
}

interface Figure {
  readonly value: number;
  readonly what: string;
}

/** "<number> <people> reside in <Place>", with the residence verb at token i. */
function residentsAt(tokens: Tokens, i: number): Figure | undefined {
  const words = tokens.words;
  if (!RESIDE.has(words[i] as string)) return undefined;
  let from = Math.max(0, i - LOOK_BACK);
  for (let k = i - 1; k >= from; k -= 1) if (isMark(words[k] as string)) from = k + 1;
  // Left to right, so that "quatre cents" is read whole rather than as "cents".
  for (let k = from; k < i; k += 1) {
    const number = parseNumberAt(words, k);
    if (!number || number.value === null || number.end >= i) continue;
    const people = peopleWords(tokens, number.end, i);
    if (!people) continue;
    const place = placeAfter(tokens, i + 1);
    return { value: number.value, what: place ? `${people} living in ${place}` : `${people} living there` };
  }
  return undefined;
}

/** "total number of <what> to <number>", "nombre total d'<what> à <number>", with "number"/"nombre" at token i. */
function totalAt(tokens: Tokens, i: number): Figure | undefined {
  const words = tokens.words;
  const word = words[i];
  if (word !== 'number' && word !== 'nombre') return undefined;
  const totalled = words[i - 1] === 'total' || words[i + 1] === 'total';
  if (!totalled) return undefined;
  let k = words[i + 1] === 'total' ? i + 2 : i + 1;
  if (!OF.has(words[k] ?? '')) return undefined;
  k += 1;
  const from = k;
  while (k < words.length && !isMark(words[k] as string)) {
    if (TO.has(words[k] as string)) {
      const number = parseNumberAt(words, k + 1);
      if (number && number.value !== null && k > from) {
        return { value: number.value, what: originalSpan(tokens, from, k) ?? words.slice(from, k).join(' ') };
      }
    }
    k += 1;
  }
  return undefined;
}

/** The people counted, in English when a nationality says who they are ("Indians", "Chinese"). */
function peopleWords(tokens: Tokens, from: number, to: number): string | undefined {
  const words = tokens.words;
  if (from >= to) return undefined;
  const nationality = nationalityAt(words, from);
  if (nationality) return plural(nationality.nationality);
  const noun = words.slice(from, to).find(isPersonNoun);
  if (noun === undefined) return undefined;
  return originalSpan(tokens, from, to) ?? noun;
}

function plural(demonym: string): string {
  return /(?:ese|ish|ch|ss)$/.test(demonym) ? demonym : `${demonym}s`;
}

/** "in Mali", "au Mali", "in Burkina Faso": the capitalised words after the preposition. */
function placeAfter(tokens: Tokens, k: number): string | undefined {
  const words = tokens.words;
  if (!IN.has(words[k] ?? '')) return undefined;
  let end = k + 1;
  while (end < words.length && end - k <= 3 && !isMark(words[end] as string) && isCapitalised(tokens, end)) end += 1;
  if (end === k + 1) return undefined;
  return originalSpan(tokens, k + 1, end) ?? originalToken(tokens, k + 1);
}

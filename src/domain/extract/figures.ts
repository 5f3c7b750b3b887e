import type { Document, FigureFact, Sentence } from '../model.js';
import { parseNumberAt } from './numbers.js';
import { isCapitalised, isMark, originalSpan, originalToken, tokensOf } from './tokens.js';
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

export function extractFigures(doc: Document): FigureFact[] {
  const facts: FigureFact[] = [];
  for (const sentence of doc.sentences) {
    const words = tokensOf(sentence).words;
    for (let i = 0; i < words.length; i += 1) {
      const figure = residentsAt(sentence, words, i) ?? totalAt(sentence, words, i);
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
function residentsAt(sentence: Sentence, words: readonly string[], i: number): Figure | undefined {
  if (!RESIDE.has(words[i] as string)) return undefined;
  let from = Math.max(0, i - LOOK_BACK);
  for (let k = i - 1; k >= from; k -= 1) if (isMark(words[k] as string)) from = k + 1;
  // Left to right, so that "quatre cents" is read whole rather than as "cents".
  for (let k = from; k < i; k += 1) {
    const number = parseNumberAt(words, k);
    if (!number || number.value === null || number.end >= i) continue;
    const people = peopleWords(sentence, words, number.end, i);
    if (!people) continue;
    const place = placeAfter(sentence, words, i + 1);
    return { value: number.value, what: place ? `${people} living in ${place}` : `${people} living there` };
  }
  return undefined;
}

/** "total number of <what> to <number>", "nombre total d'<what> à <number>", with "number"/"nombre" at token i. */
function totalAt(sentence: Sentence, words: readonly string[], i: number): Figure | undefined {
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
        return { value: number.value, what: originalSpan(sentence, from, k) ?? words.slice(from, k).join(' ') };
      }
    }
    k += 1;
  }
  return undefined;
}

/** The people counted, in English when a nationality says who they are ("Indians", "Chinese"). */
function peopleWords(sentence: Sentence, words: readonly string[], from: number, to: number): string | undefined {
  if (from >= to) return undefined;
  const nationality = nationalityAt(words, from);
  if (nationality) return plural(nationality.nationality);
  const noun = words.slice(from, to).find(isPersonNoun);
  if (noun === undefined) return undefined;
  return originalSpan(sentence, from, to) ?? noun;
}

function plural(demonym: string): string {
  return /(?:ese|ish|ch|ss)$/.test(demonym) ? demonym : `${demonym}s`;
}

/** "in Mali", "au Mali", "in Burkina Faso": the capitalised words after the preposition. */
function placeAfter(sentence: Sentence, words: readonly string[], k: number): string | undefined {
  if (!IN.has(words[k] ?? '')) return undefined;
  let end = k + 1;
  while (end < words.length && end - k <= 3 && !isMark(words[end] as string) && isCapitalised(sentence, end)) end += 1;
  if (end === k + 1) return undefined;
  return originalSpan(sentence, k + 1, end) ?? originalToken(sentence, k + 1);
}

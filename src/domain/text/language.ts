import { franc, francAll } from 'franc-min';
import { z } from 'zod';
import type { Lang } from '../model.js';
import { err, ok, type Result } from '../shared/result.js';
import { fold } from './normalize.js';

/** Enough text to tell a language; trigram detection gets slower with length and no surer. */
const SAMPLE_CHARS = 1500;
/** Below this many letters a text is "short": it may be 'und' but is never rejected. */
const LONG_TEXT_LETTERS = 250;
const MIN_VOTE_TOKENS = 20;
/** Share of tokens that are stop words of one language in ordinary prose. */
const MIN_STOPWORD_SHARE = 0.15;
/** franc scores the best language 1; the other must trail by this much for a short text to count. */
const MIN_FRANC_MARGIN = 0.2;

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'was', 'were', 'has', 'have', 'had', 'that', 'for', 'on', 'with', 'by', 'from', 'at', 'as', 'are', 'it', 'its', 'this', 'which', 'be', 'been', 'an', 'said', 'after', 'not', 'their', 'they', 'who', 'will', 'would', 'also', 'but', 'or', 'amid', 'into', 'over']);
const FRENCH = new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'sont', 'une', 'un', 'dans', 'pour', 'par', 'sur', 'au', 'aux', 'que', 'qui', 'ont', 'ete', 'avec', 'ce', 'cette', 'ses', 'son', 'leur', 'pas', 'ne', 'il', 'elle', 'ils', 'selon', 'lors', 'd', 'l', 'qu', 'n', 'depuis', 'apres', 'mais', 'ou', 'se', 'plus']);
const NOT_LETTER = /\P{L}+/gu;

/** A declared language tag: "en", "en-GB", "fra", "fr_FR". */
const declaredSchema = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/);
const DECLARED: Readonly<Record<string, Lang>> = { en: 'en', eng: 'en', fr: 'fr', fra: 'fr', fre: 'fr' };
const FRANC: Readonly<Record<string, Lang>> = { eng: 'en', fra: 'fr' };

/** Tags seen so far and what they declare: a feed gives every item the same one. */
const declaredByTag = new Map<string, Lang | undefined>();
const DECLARED_MEMO_LIMIT = 1000;

/** English or French when the tag says so; any other tag is not trusted over the text itself. */
export function declaredLanguage(tag: string | undefined): Lang | undefined {
  if (tag === undefined) return undefined;
  if (declaredByTag.has(tag)) return declaredByTag.get(tag);
  const parsed = declaredSchema.safeParse(tag);
  const lang = parsed.success ? DECLARED[parsed.data.split(/[-_]/)[0] ?? ''] : undefined;
  if (declaredByTag.size >= DECLARED_MEMO_LIMIT) declaredByTag.clear();
  declaredByTag.set(tag, lang);
  return lang;
}

interface Vote {
  readonly tokens: number;
  readonly en: number;
  readonly fr: number;
}

/** Longer words cannot be stop words, so they are counted without being looked up. */
const LONGEST_STOP_WORD = Math.max(...[...ENGLISH, ...FRENCH].map((w) => w.length));
const IN_ENGLISH = 1;
const IN_FRENCH = 2;

/** A word of a-z as a number in base 27: short words are looked up without cutting them out of the text. */
function wordKey(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 27 + (word.charCodeAt(i) - 96);
  return key;
}

const STOP_WORDS: ReadonlyMap<number, number> = (() => {
  const keys = new Map<number, number>();
  for (const w of ENGLISH) keys.set(wordKey(w), (keys.get(wordKey(w)) ?? 0) | IN_ENGLISH);
  for (const w of FRENCH) keys.set(wordKey(w), (keys.get(wordKey(w)) ?? 0) | IN_FRENCH);
  return keys;
})();

function isLowerLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Counts runs of a-z and the stop words among them; a scanning loop, as it reads every document's opening. */
function vote(folded: string): Vote {
  let tokens = 0;
  let en = 0;
  let fr = 0;
  const length = folded.length;
  let i = 0;
  while (i < length) {
    let code = folded.charCodeAt(i);
    if (!isLowerLetter(code)) {
      i++;
      continue;
    }
    const start = i;
    let key = 0;
    while (isLowerLetter(code)) {
      if (i - start < LONGEST_STOP_WORD) key = key * 27 + (code - 96);
      code = ++i < length ? folded.charCodeAt(i) : 0;
    }
    tokens++;
    if (i - start > LONGEST_STOP_WORD) continue;
    const found = STOP_WORDS.get(key) ?? 0;
    if ((found & IN_ENGLISH) !== 0) en++;
    if ((found & IN_FRENCH) !== 0) fr++;
  }
  return { tokens, en, fr };
}

function clearWinner(v: Vote, minShare: number): Lang | undefined {
  if (v.en + v.fr < minShare * v.tokens || v.en + v.fr === 0) return undefined;
  if (v.en >= 2 * v.fr) return 'en';
  if (v.fr >= 2 * v.en) return 'fr';
  return undefined;
}

function countLetters(text: string): number {
  return text.replace(NOT_LETTER, '').length;
}

/** Short texts: the stop-word vote, else franc between English and French, else undetermined. */
function shortText(sample: string, v: Vote): Lang {
  const voted = v.en !== v.fr ? (v.en > v.fr ? 'en' : 'fr') : undefined;
  if (voted !== undefined) return voted;
  const [best, second] = francAll(sample, { only: ['eng', 'fra'], minLength: 10 });
  if (best === undefined || second === undefined || best[1] - second[1] < MIN_FRANC_MARGIN) return 'und';
  return FRANC[best[0]] ?? 'und';
}

/**
 * The language of a text, English or French. A stop-word vote settles ordinary prose at once;
 * franc decides the rest. A long text in another language is `unknown_language`.
 * `folded`, when the caller has it, is fold(text) and saves folding again.
 */
export function detectLanguage(text: string, declared?: string, folded?: string): Result<Lang, 'unknown_language'> {
  const fromTag = declaredLanguage(declared);
  if (fromTag !== undefined) return ok(fromTag);
  const sample = text.slice(0, SAMPLE_CHARS);
  const v = vote(folded === undefined ? fold(sample) : folded.slice(0, SAMPLE_CHARS));
  if (v.tokens >= MIN_VOTE_TOKENS) {
    const winner = clearWinner(v, MIN_STOPWORD_SHARE);
    if (winner !== undefined) return ok(winner);
  }
  if (countLetters(sample) < LONG_TEXT_LETTERS) return ok(shortText(sample, v));
  const guess = FRANC[franc(sample)];
  if (guess !== undefined) return ok(guess);
  return err('unknown_language', 'The text is neither English nor French.', { sample: sample.slice(0, 80) });
}

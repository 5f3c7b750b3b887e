import type { Document, SiteFact } from '../model.js';
import { isBackgroundSentence } from './background.js';
import type { BackgroundTest } from './places.js';
import { documentTokens, isCapitalised, isMark, originalSpan, originalToken, PhraseIndex, sentenceHas, type Tokens, vocabularyBit } from './tokens.js';
import { nationalityAt } from './victims.js';

/**
 * Employers and sites: named ("Diamond Cement Factory", "Sadiola gold mine", "Diamond Cement") or
 * generic ("the cement factory", "une usine de ciment"). The key drops words that only say what kind
 * of place it is, so "Diamond Cement Factory" and "Diamond Cement" share the key "diamond cement";
 * French generic sites get the English key ("usine de ciment" -> "cement factory").
 */

const SITE_NOUNS = new Set([
  'factory', 'plant', 'mine', 'mines', 'quarry', 'refinery', 'mill', 'works', 'site', 'facility', 'company', 'firm',
  'usine', 'carriere', 'raffinerie', 'chantier', 'entreprise', 'societe', 'cimenterie', 'sucrerie',
  // Gunmen in the Sahel's cities strike where foreigners stay and eat: "the Radisson Blu hotel", "Cappuccino restaurant".
  'hotel', 'restaurant', 'resort',
]);
/** Nouns that come before the name in French and in some English: "l'hôtel Byblos", "le restaurant Aziz Istanbul", "Hotel Splendid". */
const NAME_AFTER = new Set(['hotel', 'restaurant', 'campement', 'cafe', 'maquis']);
const COMMODITIES = new Set([
  'cement', 'gold', 'lithium', 'uranium', 'manganese', 'phosphate', 'bauxite', 'iron', 'sugar', 'cotton', 'textile',
  'steel', 'oil', 'gas', 'mining', 'construction', 'solar', 'power', 'hydroelectric', 'electricity',
]);
/** Words that close a company name ("X Mining", "X SA") and, like site nouns, stay out of the key. */
const COMPANY_WORDS = new Set(['mining', 'resources', 'industries', 'company', 'corporation', 'ltd', 'limited', 'sa', 'sarl', 'plc', 'inc']);
const LEADING_STOPWORDS = new Set([
  'the', 'a', 'an', 'at', 'in', 'of', 'on', 'from', 'by', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd',
  'au', 'aux', 'and', 'et', 'to', 'this', 'that', 'its', 'their',
  // Capitalised at the start of a sentence, they open no name: "Some oil importers ...".
  'some', 'many', 'several', 'most', 'all', 'other', 'another', 'each', 'every', 'such', 'these', 'those', 'our', 'his', 'her',
  'plusieurs', 'certaines', 'certains', 'quelques', 'cette', 'ces', 'autres',
  // French prepositions open a sentence as often as articles do: "Dans sa revendication, ...".
  'dans', 'sur', 'pour', 'avec', 'selon', 'apres', 'avant', 'depuis', 'par', 'chez', 'sans', 'sous', 'vers', 'contre', 'entre', 'en', 'lors',
]);
const RUN_LIMIT = 5;

const FRENCH_GENERIC = new PhraseIndex<string>([
  ['usine de ciment', 'cement factory'], ['cimenterie', 'cement factory'], ["mine d'or", 'gold mine'],
  ['mine aurifere', 'gold mine'], ["site d'orpaillage", 'gold mining site'], ['site minier', 'mining site'],
  ['usine de sucre', 'sugar factory'], ['sucrerie', 'sugar factory'], ['mine de lithium', 'lithium mine'],
  ["mine d'uranium", 'uranium mine'], ['usine textile', 'textile factory'], ['centrale solaire', 'solar plant'],
]);

const FRENCH_FIRST_WORDS = new Set(['usine', 'cimenterie', 'mine', 'site', 'sucrerie', 'centrale']);
const SITE_WORDS = new Set([...SITE_NOUNS, ...COMMODITIES, ...COMPANY_WORDS]);
/** Every site, named or generic, has a site word or a French generic in it: most sentences have none. */
const SITE_VOCABULARY = vocabularyBit([...SITE_WORDS, ...FRENCH_FIRST_WORDS, ...NAME_AFTER]);

export function extractSites(doc: Document, background: BackgroundTest = isBackgroundSentence): SiteFact[] {
  const facts: SiteFact[] = [];
  for (const tokens of documentTokens(doc)) {
    const found = sentenceSites(tokens);
    if (found.length === 0) continue;
    const { sentence } = tokens;
    const seen = new Set<string>();
    let isBackground: boolean | undefined;
    for (const { name, key } of found) {
      if (seen.has(key)) continue;
      seen.add(key);
      isBackground ??= background(sentence);
      facts.push({ name, key, background: isBackground, evidence: { sentence: sentence.index, text: sentence.text } });
    }
  }
  return facts;
}

/** Words of one kind of site: "a gold mine" and "a mining site" are both a mine. */
const KIND_OF = new Map([['mines', 'mine'], ['mining', 'mine'], ['gold', 'mine']]);
/** Words that say a site is one, not which kind ("a mining site", "a cement facility"). */
const ANY_KIND = new Set(['site', 'facility', 'company', 'firm', 'entreprise', 'societe', 'chantier', 'works']);

/** Whether two generic keys (see isGenericSiteKey) name one kind of site. */
export function sameKindOfSite(a: string, b: string): boolean {
  const kinds = (key: string) => key.split(' ').filter((w) => !ANY_KIND.has(w)).map((w) => KIND_OF.get(w) ?? w);
  const theirs = new Set(kinds(b));
  return kinds(a).some((kind) => theirs.has(kind));
}

/** A generic key only says what kind of site it is ("cement factory"), not which one. */
export function isGenericSiteKey(key: string): boolean {
  return key.split(' ').every((w) => SITE_NOUNS.has(w) || COMMODITIES.has(w) || COMPANY_WORDS.has(w));
}

interface Site {
  readonly name: string;
  readonly key: string;
}

function sentenceSites(tokens: Tokens): Site[] {
  if (!sentenceHas(tokens, SITE_VOCABULARY)) return [];
  const words = tokens.words;
  const sites: Site[] = [];
  let i = 0;
  while (i < words.length) {
    const found = namedAt(tokens, i) ?? nameAfterAt(tokens, i) ?? genericAt(tokens, i);
    if (found) {
      if (found.site !== undefined) sites.push(found.site);
      i = found.end;
    } else {
      i += 1;
    }
  }
  return sites;
}

/** "Diamond Cement Factory", "Diamond Cement", "Sadiola gold mine": capitalised words closed by a site word. */
function namedAt(tokens: Tokens, i: number): { site?: Site; end: number } | undefined {
  const words = tokens.words;
  const first = words[i] as string;
  if (isMark(first) || LEADING_STOPWORDS.has(first) || isSiteWord(first) || !isCapitalised(tokens, i)) return undefined;
  let end = i + 1;
  while (end < words.length && end - i < RUN_LIMIT && !isMark(words[end] as string) && isCapitalised(tokens, end)) end += 1;
  const capitalisedEnd = end;
  while (end < words.length && end - capitalisedEnd < 2 && isSiteWord(words[end] as string) && !isCapitalised(tokens, end)) end += 1;
  const last = words[end - 1] as string;
  if (!isSiteWord(last) || end - i < 2) return undefined;
  const nameWords = words.slice(i, end);
  const keyWords = trimKindWords(nameWords);
  if (keyWords.length === 0 || keyWords.every((w) => COMMODITIES.has(w))) return undefined;
  // "an Indian company", "a Chinese firm", "a Burkina Faso mine", "Canadian gold miner Semafo": a
  // nationality or a country says whose, and a commodity what kind, not which site; nor is its last word one ("Faso mine").
  const whose = nationalityAt(keyWords, 0)?.end;
  if (whose !== undefined && keyWords.slice(whose).every((w) => COMMODITIES.has(w))) return { end };
  return { site: { name: originalSpan(tokens, i, end) ?? originalWords(tokens, i, end), key: keyWords.join(' ') }, end };
}

/** "l'hôtel Radisson Blu", "le Campement Kangaba": a noun for a place to stay or eat, then its capitalised name. */
function nameAfterAt(tokens: Tokens, i: number): { site: Site; end: number } | undefined {
  const words = tokens.words;
  if (!NAME_AFTER.has(words[i] as string)) return undefined;
  let end = i + 1;
  while (end < words.length && end - i <= NAME_WORDS && !isMark(words[end] as string) && !LEADING_STOPWORDS.has(words[end] as string) && isCapitalised(tokens, end)) end += 1;
  if (end === i + 1) return undefined;
  return { site: { name: originalSpan(tokens, i, end) ?? originalWords(tokens, i, end), key: words.slice(i + 1, end).join(' ') }, end };
}

/** Words of a name after its noun: "Radisson Blu", "Aziz Istanbul". */
const NAME_WORDS = 3;

/** "the cement factory", "a gold mine", "une usine de ciment". */
function genericAt(tokens: Tokens, i: number): { site: Site; end: number } | undefined {
  const words = tokens.words;
  const french = FRENCH_GENERIC.matchAt(words, i);
  const key = french?.values[0];
  if (french && key) return { site: { name: originalSpan(tokens, i, french.end) ?? key, key }, end: french.end };
  let end = i;
  while (end < words.length && end - i < 2 && COMMODITIES.has(words[end] as string)) end += 1;
  if (end === i || !SITE_NOUNS.has(words[end] ?? '')) return undefined;
  end += 1;
  const keyWords = words.slice(i, end);
  return { site: { name: originalSpan(tokens, i, end) ?? keyWords.join(' '), key: keyWords.join(' ') }, end };
}

function isSiteWord(word: string): boolean {
  return SITE_WORDS.has(word);
}

/** Drops trailing words that only say what kind of place it is: "diamond cement factory" -> "diamond cement". */
function trimKindWords(words: readonly string[]): string[] {
  const kept = [...words];
  while (kept.length > 1 && (SITE_NOUNS.has(kept[kept.length - 1] as string) || COMPANY_WORDS.has(kept[kept.length - 1] as string))) kept.pop();
  return kept;
}

function originalWords(tokens: Tokens, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k < to; k += 1) parts.push(originalToken(tokens, k) ?? (tokens.words[k] as string));
  return parts.join(' ');
}

import type { Document, Evidence, PlaceFact, Sentence } from '../model.js';
import { isBackgroundSentence } from './background.js';
import { compileGazetteer, PLACE_WORDS, type CompiledGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { addToVocabulary, documentTokens, isCapitalised, isMark, PhraseIndex, sentenceHas, startsWithAt, type Tokens, wordFlags } from './tokens.js';

/** Tells whether a sentence recalls an earlier event; injected so a caller can compute it once. */
export type BackgroundTest = (sentence: Sentence) => boolean;

/** A place as found in a sentence, with what the main-event distiller needs beyond the fact. */
export interface PlaceMention {
  readonly fact: PlaceFact;
  readonly start: number;
  readonly end: number;
  /** Preceded by a place preposition or a place noun ("in Kayes", "near Gao", "à Ménaka", "région de Mopti"). */
  readonly locative: boolean;
  /** Part of an institution's name ("Embassy of India in Bamako", "UN mission in Mali"). */
  readonly institutional: boolean;
}

/** Words that may stand between a preposition and the place: "in the West African country", "in western Mali". */
const SKIPPABLE = new Set([
  'the', 'le', 'la', 'l', 'les', 'western', 'eastern', 'northern', 'southern', 'central', 'north', 'south', 'east',
  'west', 'northwestern', 'northeastern', 'southwestern', 'southeastern', 'neighbouring', 'neighboring', 'nearby',
]);
const LOCATIVE = new Set([
  'in', 'at', 'near', 'from', 'to', 'around', 'outside', 'towards', 'toward', 'into', 'across', 'inside',
  'a', 'au', 'aux', 'dans', 'pres', 'vers', 'depuis', 'entre', 'between', 'en', 'of', 'de', 'du', 'd',
]);
/** Prepositions that only mark a place after a place noun ("town of", "ville de"). */
const WEAK_LOCATIVE = new Set(['of', 'de', 'du', 'd']);
const PLACE_NOUNS = new Set([
  'town', 'city', 'village', 'commune', 'locality', 'region', 'regions', 'cercle', 'circle', 'district',
  'ville', 'localite', 'localites', 'province', 'area', 'zone', 'capital', 'capitale', 'outskirts', 'environs',
  'nord', 'sud', 'est', 'ouest', 'centre', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'border', 'frontiere', 'part', 'parts',
]);
/** Words that make a following "de"/"of" a place preposition: "près de Kéniéba", "north of Gao". */
const NEAR_WORDS = new Set(['pres', 'proche', 'autour', 'loin', 'hors', 'sortie', 'entree', 'large', 'outside', 'short']);
/** Nouns that announce a list of places after a colon: "sept localités de l'ouest du pays : Niono, Molodo". */
const LIST_NOUNS = new Set(['localites', 'localities', 'towns', 'cities', 'villes', 'villages', 'locations', 'places', 'sites', 'positions']);
const REGION_BEFORE = new Set(['region', 'regions', 'province']);
const REGION_AFTER = new Set(['region', 'regions', 'area', 'province']);
const CERCLE_WORDS = new Set(['cercle', 'circle', 'cercles', 'prefecture']);
const LIST_GLUE = new Set([',', 'and', 'et', 'or', 'ou']);
/** Capitalised words that may follow a strict name without making it part of a longer proper name. */
const NEUTRAL_NEXT = new Set([
  'region', 'regions', 'cercle', 'circle', 'district', 'area', 'airport', 'camp', 'city', 'town', 'province', 'and',
]);
/** "near the Algerian border": a country named before these words is a border, not where things happened. */
const BORDER_AFTER = new Set(['border', 'borders', 'frontier', 'frontiers', 'borderlands']);
/** "near Niger", "close to Mali", "près du Niger": next to a country is outside it. */
const NEXT_TO = new Set(['near', 'close', 'pres', 'proche', 'towards', 'toward', 'vers']);
/** Words before a place that make it part of a name or of who speaks ("a security source in Bamako"). */
const INSTITUTIONS = new Set([
  'embassy', 'ambassade', 'consulate', 'consulat', 'mission', 'ministry', 'ministere',
  'source', 'sources', 'correspondent', 'correspondents', 'correspondant', 'correspondants', 'journalist', 'journaliste', 'bureau',
]);
const KIND_RANK: Record<GazetteerEntry['kind'], number> = { town: 0, cercle: 1, region: 2, country: 3 };

/** "the West African country" and the like refer back to the last country named. */
const COUNTRY_REFERENCES = new PhraseIndex<true>(
  ['west african country', 'west african nation', 'sahelian country', 'sahelian nation', 'landlocked country',
    'pays ouest africain', 'pays sahelien', "pays d'afrique de l'ouest"].map((p) => [p, true] as const),
);
addToVocabulary(PLACE_WORDS, ['west', 'sahelian', 'landlocked', 'pays']);

export function extractPlaces(doc: Document, gazetteer: Gazetteer, background: BackgroundTest = isBackgroundSentence): PlaceFact[] {
  return placeFacts(findPlaceMentions(doc, gazetteer, background));
}

/** One fact per place and sentence. */
export function placeFacts(mentions: readonly PlaceMention[]): PlaceFact[] {
  const facts: PlaceFact[] = [];
  const seen = new Set<string>();
  for (const mention of mentions) {
    const key = `${mention.fact.evidence.sentence}:${mention.fact.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push(mention.fact);
  }
  return facts;
}

export function findPlaceMentions(doc: Document, gazetteer: Gazetteer, background: BackgroundTest = isBackgroundSentence): PlaceMention[] {
  const compiled = compileGazetteer(gazetteer);
  const mentions: PlaceMention[] = [];
  let lastCountry: GazetteerEntry | undefined;
  for (const tokens of documentTokens(doc)) {
    const { sentence, words } = tokens;
    if (!sentenceHas(tokens, PLACE_WORDS)) continue;
    // Asked only of sentences that name a place, and once each: the test is a long regular expression.
    let isBackground: boolean | undefined;
    let evidence: Evidence | undefined;
    const flags = wordFlags(tokens);
    let lastEnd = -1;
    let i = 0;
    while (i < words.length) {
      if (((flags[i] as number) & PLACE_WORDS) === 0) {
        i += 1;
        continue;
      }
      const reference = lastCountry ? COUNTRY_REFERENCES.matchAt(words, i) : undefined;
      const match = reference ?? compiled.names.matchAt(words, i);
      if (!match) {
        i += 1;
        continue;
      }
      const entry = reference ? lastCountry : resolve(compiled, tokens, match.start, match.end, match.values as readonly GazetteerEntry[], lastEnd);
      i = match.end;
      if (!entry) continue;
      const previous = mentions[mentions.length - 1];
      const inList = previous !== undefined && previous.fact.evidence.sentence === sentence.index && followsPlaceList(words, match.start, lastEnd);
      const locative = !(entry.kind === 'country' && outsideCountry(words, match.start, match.end)) && (isLocative(words, match.start) || opensPlaceList(words, match.start) || (inList && previous.locative));
      lastEnd = match.end;
      const country = compiled.byId.get(entry.country);
      if (country) lastCountry = country;
      isBackground ??= background(sentence);
      evidence ??= { sentence: sentence.index, text: sentence.text };
      mentions.push({
        fact: toFact(entry, evidence, isBackground),
        start: match.start,
        end: match.end,
        locative,
        institutional: isInstitutional(words, match.start),
      });
    }
  }
  return mentions;
}

function resolve(
  compiled: CompiledGazetteer,
  tokens: Tokens,
  start: number,
  end: number,
  candidates: readonly GazetteerEntry[],
  lastEnd: number,
): GazetteerEntry | undefined {
  const words = tokens.words;
  const kindCue = cueFor(words, start, end);
  let cued: GazetteerEntry | undefined;
  let best: GazetteerEntry | undefined;
  for (const entry of candidates) {
    if (isExcluded(compiled, entry, words, start, end) || !passesStrictness(entry, tokens, start, end, lastEnd, kindCue !== undefined)) continue;
    if (cued === undefined && kindCue !== undefined && entry.kind === kindCue) cued = entry;
    if (best === undefined || KIND_RANK[entry.kind] < KIND_RANK[best.kind]) best = entry;
  }
  return cued ?? best;
}

/** "région de Kayes", "the Kayes area" name the region; "cercle de Kati" the cercle. */
function cueFor(words: readonly string[], start: number, end: number): GazetteerEntry['kind'] | undefined {
  const before = words[start - 1];
  const before2 = words[start - 2];
  const after = words[end];
  if (before !== undefined && WEAK_LOCATIVE.has(before) && before2 !== undefined) {
    if (REGION_BEFORE.has(before2)) return 'region';
    if (CERCLE_WORDS.has(before2)) return 'cercle';
  }
  if (after !== undefined && REGION_AFTER.has(after)) return 'region';
  // "the Kayes and Koulikoro regions"
  if (after !== undefined && LIST_GLUE.has(after) && (words[end + 2] === 'regions' || words[end + 3] === 'regions')) return 'region';
  if (after !== undefined && CERCLE_WORDS.has(after)) return 'cercle';
  return undefined;
}

function isExcluded(compiled: CompiledGazetteer, entry: GazetteerEntry, words: readonly string[], start: number, end: number): boolean {
  const phrases = compiled.exclusions.get(entry);
  if (!phrases) return false;
  const length = end - start;
  for (const phrase of phrases) {
    for (let k = 0; k + length <= phrase.length; k += 1) {
      if (phrase[k] === words[start] && startsWithAt(words, start - k, phrase)) return true;
    }
  }
  return false;
}

function passesStrictness(
  entry: GazetteerEntry,
  tokens: Tokens,
  start: number,
  end: number,
  lastEnd: number,
  cued: boolean,
): boolean {
  if (!entry.strict) return true;
  if (!isCapitalised(tokens, start)) return false;
  if (startsLongerName(tokens, end)) return false;
  const words = tokens.words;
  if (entry.strict === 'capital' || cued) return true;
  return isLocative(words, start) || opensPlaceList(words, start) || followsPlaceList(words, start, lastEnd);
}

/** "San Pedro", "Boni Yayi", "Gao Feng": a capitalised word right after the name makes it part of another name. */
function startsLongerName(tokens: Tokens, end: number): boolean {
  const next = tokens.words[end];
  if (next === undefined || isMark(next) || NEUTRAL_NEXT.has(next)) return false;
  return isCapitalised(tokens, end);
}

/** A country named as a border or a neighbour ("the Niger border", "near Niger"), not where things happened. */
function outsideCountry(words: readonly string[], start: number, end: number): boolean {
  if (BORDER_AFTER.has(words[end] as string)) return true;
  let k = start - 1;
  while (k >= 0 && start - k <= 3 && (SKIPPABLE.has(words[k] as string) || WEAK_LOCATIVE.has(words[k] as string) || words[k] === 'to')) k -= 1;
  return NEXT_TO.has(words[k] as string);
}

function isLocative(words: readonly string[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && start - k <= 3 && SKIPPABLE.has(words[k] as string)) k -= 1;
  const before = words[k];
  if (before === undefined || !LOCATIVE.has(before)) return false;
  if (!WEAK_LOCATIVE.has(before)) return true;
  const noun = words[k - 1];
  return noun !== undefined && (PLACE_NOUNS.has(noun) || NEAR_WORDS.has(noun));
}

/** "... seven towns: Niono, Molodo": a colon after a noun for places opens a list of places. */
function opensPlaceList(words: readonly string[], start: number): boolean {
  if (words[start - 1] !== ':') return false;
  for (let k = start - 2; k >= Math.max(0, start - 9); k -= 1) if (LIST_NOUNS.has(words[k] as string)) return true;
  return false;
}

/** "Kayes, Diboli, Sandaré and Nara": a strict name inside a list of places is a place. */
function followsPlaceList(words: readonly string[], start: number, lastEnd: number): boolean {
  if (lastEnd < 0 || start - lastEnd < 1 || start - lastEnd > 2) return false;
  for (let k = lastEnd; k < start; k += 1) if (!LIST_GLUE.has(words[k] as string)) return false;
  return true;
}

function isInstitutional(words: readonly string[], start: number): boolean {
  for (let k = Math.max(0, start - 5); k < start; k += 1) if (INSTITUTIONS.has(words[k] as string)) return true;
  return false;
}

/** Built field by field rather than spread: it runs for every place named in every document. */
function toFact(entry: GazetteerEntry, evidence: Evidence, background: boolean): PlaceFact {
  return entry.region === undefined
    ? { id: entry.id, name: entry.name, kind: entry.kind, country: entry.country, background, evidence }
    : { id: entry.id, name: entry.name, kind: entry.kind, country: entry.country, background, evidence, region: entry.region };
}

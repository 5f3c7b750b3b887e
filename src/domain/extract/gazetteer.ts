import { fold } from '../text/normalize.js';
import type { PlaceKind } from '../model.js';
import { addToVocabulary, PhraseIndex, phraseTokens, vocabularyBit } from './tokens.js';

/**
 * The place catalog (config/gazetteer.json, validated in src/config/catalogs.ts) and its compiled
 * matcher. Compiling happens once per catalog object and is memoised on it.
 */

export interface GazetteerEntry {
  /** "ml", "ml-r-kayes" (region), "ml-c-kayes" (cercle), "ml-kayes" (town). */
  readonly id: string;
  /** English name. */
  readonly name: string;
  /** Every written form: French, English, with and without accents, transliterations. */
  readonly names: readonly string[];
  readonly kind: PlaceKind;
  /** Parent region id, for towns, cercles and parks that lie in one region. */
  readonly region?: string;
  /** The older region that the place's region was carved out of, and that earlier news names for it. */
  readonly formerRegion?: string;
  /** ISO 3166-1 alpha-2, lower case. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  /** The coordinates are an estimate from reports (distance and direction from a known town), not a survey. */
  readonly approximate?: boolean;
  /**
   * For names that are also common words or personal names: "capital" needs a capital letter in the
   * text, "locative" also needs a place preposition or a list of places before it ("in San", "à Say").
   */
  readonly strict?: 'capital' | 'locative';
  /** Longer phrases in which the name means something else ("Niger River", "Gulf of Guinea"). */
  readonly notIn?: readonly string[];
}

export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
}

export interface CompiledGazetteer {
  readonly byId: ReadonlyMap<string, GazetteerEntry>;
  /** Every name variant; one phrase can stand for several entries (Kayes town, cercle and region). */
  readonly names: PhraseIndex<GazetteerEntry>;
  /** Folded tokens of the `notIn` phrases of each entry. */
  readonly exclusions: ReadonlyMap<GazetteerEntry, readonly (readonly string[])[]>;
  /** Towns and cercles by the spelling skeleton of each of their one-word names (see spellingSkeleton). */
  readonly bySkeleton: ReadonlyMap<string, readonly GazetteerEntry[]>;
}

/** Shorter skeletons say too little to tell one village from another. */
const MIN_SKELETON = 4;

/**
 * A place name as it sounds rather than as one writer spelt it: French and English transliterations of
 * the same name differ in doubled letters, "ou" for "u", "y" for "i", "gh" for "g" ("Ouattagouna" and
 * "Ouatagouna", "Agai" and "Aghay"). Undefined for names too short to compare this way.
 */
export function spellingSkeleton(name: string): string | undefined {
  const skeleton = fold(name)
    .replace(/[^a-z]/g, '')
    .replace(/ou/g, 'u')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/([gk])h/g, '$1')
    .replace(/dj/g, 'j')
    .replace(/(.)\1+/g, '$1');
  return skeleton.length >= MIN_SKELETON ? skeleton : undefined;
}

function skeletonIndex(entries: readonly GazetteerEntry[]): Map<string, GazetteerEntry[]> {
  const index = new Map<string, GazetteerEntry[]>();
  for (const entry of entries) {
    if (entry.kind !== 'town' && entry.kind !== 'cercle') continue;
    for (const name of new Set([entry.name, ...entry.names])) {
      const skeleton = /\s/.test(name.trim()) ? undefined : spellingSkeleton(name);
      if (skeleton === undefined) continue;
      const listed = index.get(skeleton) ?? [];
      if (!listed.includes(entry)) index.set(skeleton, [...listed, entry]);
    }
  }
  return index;
}

const compiled = new WeakMap<Gazetteer, CompiledGazetteer>();

/** The first words of every place name compiled so far: other words need no look at the gazetteer. */
export const PLACE_WORDS = vocabularyBit([]);

export function compileGazetteer(gazetteer: Gazetteer): CompiledGazetteer {
  const known = compiled.get(gazetteer);
  if (known) return known;
  const byId = new Map<string, GazetteerEntry>();
  const pairs: [string, GazetteerEntry][] = [];
  const exclusions = new Map<GazetteerEntry, string[][]>();
  for (const entry of gazetteer.entries) {
    byId.set(entry.id, entry);
    for (const name of [entry.name, ...entry.names]) pairs.push([name, entry]);
    if (entry.notIn && entry.notIn.length > 0) exclusions.set(entry, entry.notIn.map(phraseTokens));
  }
  addToVocabulary(PLACE_WORDS, pairs.map(([name]) => phraseTokens(name)[0] ?? ''));
  const result: CompiledGazetteer = { byId, names: new PhraseIndex(pairs), exclusions, bySkeleton: skeletonIndex(gazetteer.entries) };
  compiled.set(gazetteer, result);
  return result;
}

export function placeById(gazetteer: Gazetteer, id: string): GazetteerEntry | undefined {
  return compileGazetteer(gazetteer).byId.get(id);
}

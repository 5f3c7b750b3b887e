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
  const result: CompiledGazetteer = { byId, names: new PhraseIndex(pairs), exclusions };
  compiled.set(gazetteer, result);
  return result;
}

export function placeById(gazetteer: Gazetteer, id: string): GazetteerEntry | undefined {
  return compileGazetteer(gazetteer).byId.get(id);
}

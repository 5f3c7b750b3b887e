import type { Document, Evidence, PlaceFact, Sentence } from '../model.js';
import { isBackgroundSentence } from './background.js';
import { isDemonymAt } from './demonyms.js';
import { compileGazetteer, PLACE_WORDS, spellingSkeleton, type CompiledGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { addToVocabulary, documentTokens, isCapitalised, isMark, originalSpan, PhraseIndex, phraseTokens, sentenceHas, startsWithAt, type Tokens, wordFlags } from './tokens.js';
import { MONTH_WORDS, WEEKDAY_WORDS } from '../text/date-expressions.js';
import { fold } from '../text/normalize.js';

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
  /** False for an unlisted locality that only a place named after it in its sentence can place. */
  readonly anchored?: boolean;
  /** A country named as a border, a neighbour (see outsideCountry) or one end of a link (see hyphenated). */
  readonly border?: boolean;
  /** A country named by its people's nationality ("un Togolais", "Malian soldiers"). */
  readonly demonym?: boolean;
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
/** Points of the compass, as nouns: "the north of Mali", "le nord du pays". */
const COMPASS_POINTS = ['nord', 'sud', 'est', 'ouest', 'centre', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'];
const PLACE_NOUNS = new Set([
  'town', 'city', 'village', 'commune', 'locality', 'region', 'regions', 'cercle', 'circle', 'district',
  'towns', 'cities', 'villages', 'communes', 'localities', 'villes',
  'ville', 'localite', 'localites', 'province', 'area', 'zone', 'capital', 'capitale', 'outskirts', 'environs',
  ...COMPASS_POINTS,
  'border', 'frontiere', 'part', 'parts',
  // "le camp de Boulkessi", "the army post of Tessit": what is attacked in the Sahel is mostly a camp or a post.
  'camp', 'camps', 'base', 'bases', 'poste', 'postes', 'caserne', 'garrison', 'garnison', 'detachement', 'detachment',
  // "deux camps militaires, celui de Mondoro et celui de Boulkessi": the pronoun stands for the camp.
  'celui', 'celle', 'ceux', 'celles',
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
const NEXT_TO = new Set([
  'near', 'close', 'pres', 'proche', 'towards', 'toward', 'vers',
  // "un oléoduc reliant le Bénin", "the pipeline linking Niger to Benin": the ends of a link.
  'reliant', 'relie', 'relient', 'linking', 'links', 'connecting', 'connects',
]);
/** Words before a place that make it part of a name or of who speaks ("a security source in Bamako"). */
const INSTITUTIONS = new Set([
  'embassy', 'ambassade', 'consulate', 'consulat', 'mission', 'ministry', 'ministere',
  'source', 'sources', 'correspondent', 'correspondents', 'correspondant', 'correspondants', 'journalist', 'journaliste', 'bureau',
  // "le journal Alakhbar à Nouakchott", "the agency in Nouakchott": where the news came out, not where it happened.
  'journal', 'newspaper', 'agence', 'agency', 'radio', 'television', 'media',
]);
const KIND_RANK: Record<GazetteerEntry['kind'], number> = { town: 0, cercle: 1, region: 2, country: 3 };

/** "the West African country" and the like refer back to the last country named. */
const COUNTRY_REFERENCES = new PhraseIndex<true>(
  ['west african country', 'west african nation', 'sahelian country', 'sahelian nation', 'landlocked country',
    'pays ouest africain', 'pays sahelien', "pays d'afrique de l'ouest"].map((p) => [p, true] as const),
);
addToVocabulary(PLACE_WORDS, ['west', 'sahelian', 'landlocked', 'pays']);

/** "the towns of Diaweli, Dessaguou and Dilassaguou": after these, each name of the list is a locality. */
const PLURAL_LOCALITY_NOUNS = ['villages', 'towns', 'localities', 'communes', 'hamlets', 'villes', 'localites', 'hameaux'];
const PLURAL_LOCALITY = new Set(PLURAL_LOCALITY_NOUNS);
/** Nouns that name a locality by the word after "of" / "de": "the village of Mansila", "la localité de Kobri". */
const LOCALITY_NOUNS = new Set(['village', 'town', 'locality', 'commune', 'hamlet', 'ville', 'localite', 'hameau', 'zone', ...PLURAL_LOCALITY_NOUNS]);
/** "a village called Sobane Da", "un village appelé Koulogon": the name a place noun is given. */
const NAMING = new Set(['called', 'named', 'appele', 'appelee', 'nomme', 'nommee']);
const LOCALITY_OF = new Set(['of', 'de', 'd', ...NAMING]);
addToVocabulary(PLACE_WORDS, LOCALITY_NOUNS);

/** Prepositions before a locality named and then placed ("à Kpekpakandi, au nord du Togo"); French "à" folds to "a". */
const APPOSITION_BEFORE = new Set(['in', 'near', 'at', 'a']);
addToVocabulary(PLACE_WORDS, APPOSITION_BEFORE);
/** Words that, after a name and a comma or a bracket, go on to say where it is. */
const APPOSITION_AFTER = new Set([
  'in', 'near', 'dans', 'au', 'pres', 'about', 'some', 'around', 'environ', 'a', 'located', 'situated', 'situe', 'situee',
  'prefecture', 'region', 'province', 'commune', 'district', 'cercle', 'department', 'departement',
]);
/** Words after the comma that say where without naming a place: "au nord du pays", "in the north". */
const COMPASS = new Set([
  ...COMPASS_POINTS, 'northern', 'southern', 'eastern', 'western', 'nord-est', 'nord-ouest', 'sud-est', 'sud-ouest', 'center', 'central',
]);
/** The Sahel's peoples and faiths, named beside places ("the Fulani village of", "Koulogon Peul"). */
const PEOPLES = new Set([
  'fulani', 'fulanis', 'peul', 'peuls', 'peulh', 'peulhs', 'dogon', 'dogons', 'bambara', 'bambaras', 'tuareg', 'tuaregs', 'touareg', 'touaregs',
  'dozo', 'dozos', 'songhai', 'songhay', 'mossi', 'hausa', 'haoussa', 'bozo', 'bozos', 'arab', 'arabs', 'arabes', 'christian', 'christians', 'muslim', 'muslims',
]);
/** Capitalised words after a preposition that are times, languages, peoples or outlets, never localities ("a village of Fulani herders"). */
const NOT_LOCALITIES = new Set([
  ...MONTH_WORDS, ...WEEKDAY_WORDS,
  'english', 'french', 'arabic', 'anglais', 'francais', 'arabe', 'total', 'addition', 'particular', 'response', 'turn', 'fact', 'short', 'effet', 'outre',
  ...PEOPLES,
]);

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
  /** The country of the last place named as where things are, not as a border or a neighbour. */
  let inside: string | undefined;
  /** `inside` before the last place named, for a country that turns out to be one end of a link. */
  let insideBefore: string | undefined;
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
      const unlisted = unlistedAt(compiled, tokens, i) ?? appositiveAt(compiled, tokens, i, doc.lang);
      if (unlisted !== undefined) {
        isBackground ??= background(sentence);
        evidence ??= { sentence: sentence.index, text: sentence.text };
        // Placed once the sentence is read (see placeUnlisted); the country here is a stand-in.
        const fact = unlistedFact(unlisted.name, inside ?? '', evidence, isBackground);
        const anchored = unlisted.anchored === false ? { anchored: false } : {};
        mentions.push({ fact, start: unlisted.start, end: unlisted.end, locative: true, institutional: isInstitutional(words, i), ...anchored });
        lastEnd = unlisted.end;
        i = unlisted.end;
        const listed = PLURAL_LOCALITY.has(words[unlisted.start - 2] as string);
        for (let next = listed ? listedNext(compiled, tokens, i) : undefined; next !== undefined; next = listedNext(compiled, tokens, i)) {
          mentions.push({ fact: unlistedFact(next.name, inside ?? '', evidence, isBackground), start: next.start, end: next.end, locative: true, institutional: false });
          lastEnd = next.end;
          i = next.end;
        }
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
      if (!entry || namesOperation(words, match.start)) continue;
      const previous = mentions[mentions.length - 1];
      const inList = previous !== undefined && previous.fact.evidence.sentence === sentence.index && followsPlaceList(words, match.start, lastEnd);
      const linked = entry.kind === 'country' && previous?.fact.kind === 'country' && previous.end === match.start && hyphenated(tokens, previous.start, match.end);
      if (linked) {
        mentions[mentions.length - 1] = { ...previous, border: true, locative: false };
        inside = insideBefore;
      }
      // "near the border with Burkina Faso and Niger": a list after a border word is of borders.
      const outside = entry.kind === 'country' && (linked || outsideCountry(words, match.start, match.end) || (inList && previous.border === true));
      const locative = !outside && (isLocative(words, match.start) || opensPlaceList(words, match.start) || (inList && previous.locative) || namesSiteAfter(words, match.end));
      lastEnd = match.end;
      const country = compiled.byId.get(entry.country);
      if (country) lastCountry = country;
      // "Burkina Faso soldiers" is a nationality too, but names the country.
      const demonym = entry.kind === 'country' && isDemonymAt(words, match.start, match.end) && words.slice(match.start, match.end).join(' ') !== fold(entry.name);
      // "trois ressortissants italiens et un Togolais": hostages' nationality says where they come from,
      // and places the localities after it only when nothing else has.
      insideBefore = inside;
      if (!outside && (!demonym || inside === undefined)) inside = entry.country;
      isBackground ??= background(sentence);
      evidence ??= { sentence: sentence.index, text: sentence.text };
      mentions.push({
        fact: toFact(entry, evidence, isBackground),
        start: match.start,
        end: match.end,
        locative,
        institutional: isInstitutional(words, match.start) || opensDateline(words, match.start, match.end, sentence.index),
        ...(outside ? { border: true } : {}),
        ...(demonym ? { demonym: true } : {}),
      });
    }
  }
  return echoUnlisted(doc, placeUnlisted(compiled, mentions), background);
}

/**
 * A locality introduced once as one ("le village de Koumaga") is the same locality wherever else the
 * text names it, headline included ("après l'attaque de Koumaga"), though no place noun comes before.
 */
function echoUnlisted(doc: Document, mentions: PlaceMention[], background: BackgroundTest): PlaceMention[] {
  const localities = new Map<string, PlaceFact>();
  for (const m of mentions) if (m.fact.unlisted === true && !localities.has(m.fact.id)) localities.set(m.fact.id, m.fact);
  if (localities.size === 0) return mentions;
  const named = [...localities.values()].map((fact) => ({ fact, words: phraseTokens(fact.name) }));
  const echoes: PlaceMention[] = [];
  for (const tokens of documentTokens(doc)) {
    const { sentence, words } = tokens;
    const taken = mentions.filter((m) => m.fact.evidence.sentence === sentence.index);
    for (const { fact, words: name } of named) {
      for (let i = 0; i + name.length <= words.length; i += 1) {
        if (!name.every((w, k) => words[i + k] === w) || !isCapitalised(tokens, i)) continue;
        if (taken.some((m) => m.start < i + name.length && i < m.end)) continue;
        const evidence = { sentence: sentence.index, text: sentence.text };
        echoes.push({ fact: { ...fact, evidence, background: background(sentence) }, start: i, end: i + name.length, locative: isLocative(words, i), institutional: false });
      }
    }
  }
  if (echoes.length === 0) return mentions;
  return [...mentions, ...echoes].sort((a, b) => a.fact.evidence.sentence - b.fact.evidence.sentence || a.start - b.start);
}

/** "une opération bilatérale dénommée Tongo Tongo", "Operation code-named Sahel": the name of an operation, not a place. */
function namesOperation(words: readonly string[], start: number): boolean {
  if (!OPERATION_NAMING.has(words[start - 1] as string)) return false;
  for (let k = start - 2; k >= Math.max(0, start - 5); k -= 1) if (OPERATIONS.has(words[k] as string)) return true;
  return false;
}

const OPERATION_NAMING = new Set(['denommee', 'baptisee', 'nommee', 'appelee', 'intitulee', 'named', 'dubbed', 'codenamed', 'called']);
const OPERATIONS = new Set(['operation', 'operations', 'mission', 'exercise', 'exercice', 'offensive']);

/** "the Niger-Benin pipeline", "Pipeline Bénin-Niger": two countries joined by a hyphen name a link between them, not where. */
function hyphenated(tokens: Tokens, from: number, to: number): boolean {
  const span = originalSpan(tokens, from, to) ?? '';
  return /[-‑–]/.test(span) && !/\s[-‑–]|[-‑–]\s/.test(span);
}

/**
 * An unlisted locality lies in the country, and the region, of the next place its sentence names ("the
 * town of Mansila, in the northeast of Burkina Faso", "the village of Sincina, near Koutiala"), else in
 * the country of the last place named before it; with neither it is left out.
 */
function placeUnlisted(compiled: CompiledGazetteer, mentions: readonly PlaceMention[]): PlaceMention[] {
  if (!mentions.some((m) => m.fact.unlisted === true)) return [...mentions];
  const placed: PlaceMention[] = [];
  for (const [k, mention] of mentions.entries()) {
    if (mention.fact.unlisted !== true) {
      placed.push(mention);
      continue;
    }
    const next = nextPlaceInSentence(mentions, k);
    // A name set off after a preposition is a locality only when its sentence goes on to place it, on
    // the map or by a border ("Kafolo, située ... à la frontière du Burkina Faso": on this side of it).
    if (next === undefined && mention.anchored === false && !borderFollows(mentions, k)) continue;
    const country = next?.fact.country ?? mention.fact.country;
    const region = next === undefined ? undefined : next.fact.kind === 'region' ? next.fact.id : next.fact.region;
    if (country === '') continue;
    const listed = listedSpelling(compiled, mention.fact.name, country);
    const fact = listed === undefined ? unlistedFact(mention.fact.name, country, mention.fact.evidence, mention.fact.background, region) : toFact(listed, mention.fact.evidence, mention.fact.background);
    placed.push({ ...mention, fact });
  }
  return placed;
}

/** The one town or cercle of the country that the name spells another way ("Agai" for Aghay), if any. */
function listedSpelling(compiled: CompiledGazetteer, name: string, country: string): GazetteerEntry | undefined {
  const skeleton = spellingSkeleton(name);
  const candidates = skeleton === undefined ? [] : (compiled.bySkeleton.get(skeleton) ?? []).filter((e) => e.country === country);
  return candidates.length === 1 ? candidates[0] : undefined;
}

function borderFollows(mentions: readonly PlaceMention[], k: number): boolean {
  const sentence = (mentions[k] as PlaceMention).fact.evidence.sentence;
  return mentions.some((m, j) => j > k && m.border === true && m.fact.evidence.sentence === sentence);
}

/** The first listed place after mention k in the same sentence, a country only where it locates. */
function nextPlaceInSentence(mentions: readonly PlaceMention[], k: number): PlaceMention | undefined {
  const sentence = (mentions[k] as PlaceMention).fact.evidence.sentence;
  for (let j = k + 1; j < mentions.length; j += 1) {
    const m = mentions[j] as PlaceMention;
    if (m.fact.evidence.sentence !== sentence) return undefined;
    if (m.fact.unlisted !== true && (m.locative || m.fact.kind !== 'country')) return m;
  }
  return undefined;
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
  // "the Moura massacre": a name right before a noun of violence is where it happened.
  return isLocative(words, start) || opensPlaceList(words, start) || followsPlaceList(words, start, lastEnd) || EVENT_NOUNS.has(words[end] as string);
}

/** "San Pedro", "Boni Yayi", "Gao Feng": a capitalised word right after the name makes it part of another name. */
function startsLongerName(tokens: Tokens, end: number): boolean {
  const next = tokens.words[end];
  if (next === undefined || isMark(next) || NEUTRAL_NEXT.has(next)) return false;
  return isCapitalised(tokens, end);
}

/**
 * A country named as a border or a neighbour ("the Niger border", "Nigeria's border", "near Niger",
 * "the border with Mali", "la frontière avec le Mali", "à la frontière du Mali", "neighbouring Burkina
 * Faso"), not where things happened.
 */
function outsideCountry(words: readonly string[], start: number, end: number): boolean {
  // "Nigeria's border": the possessive is a token of its own.
  const after = words[end] === 's' ? end + 1 : end;
  if (BORDER_AFTER.has(words[after] as string) || NEIGHBOUR_AFTER.has(words[after] as string)) return true;
  if (NEIGHBOUR_BEFORE.has(words[start - 1] as string)) return true;
  let k = start - 1;
  while (k >= 0 && start - k <= 3 && (SKIPPABLE.has(words[k] as string) || WEAK_LOCATIVE.has(words[k] as string) || words[k] === 'to')) k -= 1;
  const before = words[k] as string;
  // "à la frontière du Burkina Faso", "bordering Mali": the border's other side.
  if (NEXT_TO.has(before) || BORDER_NOUNS.has(before)) return true;
  // "the oil pipeline to Benin", "la route vers le Niger": where a link leads.
  if (LINKS.has(before) && (words[start - 1] === 'to' || words[start - 1] === 'vers' || words[start - 2] === 'vers')) return true;
  return WITH.has(before) && BORDER_NOUNS.has(words[k - 1] as string);
}

const LINKS = new Set(['pipeline', 'pipelines', 'oleoduc', 'road', 'roads', 'route', 'routes', 'highway', 'axe', 'corridor']);

const WITH = new Set(['with', 'avec']);
/** "in neighbouring Burkina Faso", "au Burkina Faso voisin": a neighbour of where things happened. */
const NEIGHBOUR_BEFORE = new Set(['neighbouring', 'neighboring']);
const NEIGHBOUR_AFTER = new Set(['voisin', 'voisine']);
const BORDER_NOUNS = new Set([...BORDER_AFTER, 'frontiere', 'frontieres', 'frontalier', 'frontaliere', 'frontaliers', 'frontalieres', 'bordering']);

function isLocative(words: readonly string[], start: number): boolean {
  let k = skipBack(words, start - 1, start);
  // "in Niger's Dosso region", "in northern Burkina Faso's Soum province": the country owns the place.
  if (words[k] === 's' && POSSESSORS.has(words[k - 1] as string)) k = skipBack(words, words[k - 2] === 'burkina' ? k - 3 : k - 2, k - 1);
  const before = words[k];
  if (before === undefined) return false;
  if (EVENT_TARGET.has(before)) return followsEventNoun(words, k);
  // "Bourem, située entre Gao et Tombouctou": towns that place another one on the map.
  if (LANDMARK_BEFORE.has(before) && SITUATED.has(words[k - 1] as string)) return false;
  // "the wounded were evacuated to Niamey": where people were taken after, not where it happened.
  if (DESTINATION_BEFORE.has(before) && within(words, k, MOVED)) return false;
  // "the two wounded are being treated for their wounds in Niamey": where the wounded lie, not where they fell.
  if (CARE_BEFORE.has(before) && within(words, k, CARED)) return false;
  // "seven UN peacekeepers from Togo": where people come from, not where it happened.
  if (before === 'from' && FROM_PEOPLE.has(words[k - 1] as string)) return false;
  if (STRUCK.has(before)) return true;
  if (NAMING.has(before)) return PLACE_NOUNS.has(words[k - 1] as string);
  if (!LOCATIVE.has(before)) return false;
  if (!WEAK_LOCATIVE.has(before)) return true;
  // "le village peul d'Ogossagou": the people's name may stand between the place noun and "de".
  const noun = PEOPLES.has(words[k - 1] as string) ? words[k - 2] : words[k - 1];
  if (noun !== undefined && MILITARY.has(noun)) return PLACE_NOUNS.has(words[k - 2] as string);
  return noun !== undefined && (PLACE_NOUNS.has(noun) || NEAR_WORDS.has(noun) || followsEventNoun(words, k));
}

/** Verbs whose object is the place struck: "the militants attacked the W national park", "ont attaqué Boulkessi". */
const STRUCK = new Set(['attacked', 'stormed', 'raided', 'overran', 'besieged', 'attaque', 'attaquent', 'attaquaient', 'assiege', 'assiegent']);

/** Nouns of sites news names after their town in English ("the Nampala camp", "the Kati military base", "the Fambita mosque"). */
const SITES_AFTER_NAME = new Set([
  'camp', 'base', 'post', 'outpost', 'garrison', 'barracks', 'checkpoint', 'hotel', 'market', 'mosque', 'church', 'school', 'airport', 'prison',
]);
const SITE_ADJECTIVES = new Set(['military', 'army', 'police', 'gendarmerie', 'weekly', 'central', 'main', 'gold', 'cattle']);

/** A town named as the place of the site after it: "the Nampala military camp". */
function namesSiteAfter(words: readonly string[], end: number): boolean {
  const next = words[end] as string;
  return SITES_AFTER_NAME.has(next) || (SITE_ADJECTIVES.has(next) && SITES_AFTER_NAME.has(words[end + 1] as string));
}

/** Prepositions after SITUATED that name landmarks rather than where anything happened ("située à Kayes" is where). */
const LANDMARK_BEFORE = new Set(['entre', 'between']);
const SITUATED = new Set(['situe', 'situee', 'situes', 'situees', 'located', 'situated', 'lying', 'lies', 'sis', 'sise']);

/** Prepositions after MOVED that name a destination. */
const DESTINATION_BEFORE = new Set(['to', 'towards', 'toward', 'a', 'vers', 'jusqu']);
const MOVED = new Set([
  'evacuated', 'transferred', 'transported', 'flown', 'airlifted', 'rushed', 'taken', 'brought', 'repatriated', 'sent',
  'evacue', 'evacues', 'evacuee', 'evacuees', 'transfere', 'transferes', 'transferee', 'transferees', 'transporte',
  'transportes', 'achemine', 'achemines', 'rapatrie', 'rapatries', 'rapatriee', 'rapatriees', 'convoye', 'convoyee', 'convoyes', 'convoyees',
  // Where a convoy or travellers were heading: "des commerçants qui partaient s'approvisionner à Ouagadougou".
  'heading', 'headed', 'bound', 'travelling', 'traveling', 'partaient', 'partait', 'allaient', 'allait', 'aller', 'regagnaient', 'regagnait',
  'rejoindre', 'rejoignaient', 'rejoignait', 'approvisionner',
]);
/** Words between a verb of moving and where to: "convoyée par hélicoptère vers Ouagadougou", "flown by helicopter to". */
const MOVED_REACH = 4;

/** Prepositions after CARED that name where the wounded are cared for. */
const CARE_BEFORE = new Set(['in', 'at', 'a', 'au']);
const CARED = new Set([
  'treated', 'hospitalised', 'hospitalized', 'admitted', 'recovering', 'soigne', 'soignes', 'soignee', 'soignees',
  'hospitalise', 'hospitalises', 'hospitalisee', 'hospitalisees', 'admis', 'admises',
]);

/** Whether one of `verbs` comes in the MOVED_REACH words before `k`. */
function within(words: readonly string[], k: number, verbs: ReadonlySet<string>): boolean {
  for (let j = k - 1; j >= Math.max(0, k - MOVED_REACH); j -= 1) if (verbs.has(words[j] as string)) return true;
  return false;
}

/** People and forces named by where they come from ("peacekeepers from Togo", "engineers from India"). */
const FROM_PEOPLE = new Set([
  'peacekeepers', 'soldiers', 'troops', 'forces', 'contingent', 'contingents', 'battalion', 'officers', 'personnel', 'staff',
  'nationals', 'citizens', 'workers', 'engineers', 'employees', 'experts', 'tourists', 'missionaries', 'priests', 'nuns',
  'hostages', 'refugees', 'migrants', 'pilgrims', 'traders', 'drivers', 'truckers', 'people', 'men', 'women',
]);

/** Countries whose possessive may stand between a preposition and a place of theirs (see isLocative). */
const POSSESSORS = new Set(['mali', 'niger', 'faso', 'benin', 'togo', 'chad', 'nigeria', 'mauritania', 'senegal', 'algeria', 'ghana']);

/** The index before the articles and compass words that end at `k`, at most three of them before `limit`. */
function skipBack(words: readonly string[], from: number, limit: number): number {
  let k = from;
  while (k >= 0 && limit - k <= 3 && SKIPPABLE.has(words[k] as string)) k -= 1;
  return k;
}

/** French puts the adjective after the camp: "le camp militaire de Bamba", "un poste avancé de Tessit". */
const MILITARY = new Set(['militaire', 'militaires', 'avance', 'avances']);

/** Nouns of violence that name where it happened: "the Moura massacre", "l'attaque sanglante de Kouré", "the attack on Kati". */
const EVENT_NOUNS = new Set(['massacre', 'massacres', 'killings', 'tuerie', 'tueries', 'carnage', 'attack', 'attacks', 'attaque', 'attaques', 'assault', 'assaut']);
/** Prepositions that name what an attack struck: "attack on Kati", "l'attaque contre Boulkessi". */
const EVENT_TARGET = new Set(['on', 'contre']);

/**
 * A noun of violence right before the preposition at `k`, or one word before it ("l'attaque sanglante
 * de"), or before a time ("an attack this morning on Ogossagou").
 */
function followsEventNoun(words: readonly string[], k: number): boolean {
  if (EVENT_NOUNS.has(words[k - 1] as string) || EVENT_NOUNS.has(words[k - 2] as string)) return true;
  let j = k - 1;
  while (j >= 0 && k - j <= 3 && TIMES.has(words[j] as string)) j -= 1;
  return j < k - 1 && EVENT_NOUNS.has(words[j] as string);
}

/** Words of a time between an attack and its target: "this morning", "early on Sunday", "ce matin", "dimanche soir". */
const TIMES = new Set([
  'this', 'last', 'early', 'late', 'on', 'morning', 'evening', 'afternoon', 'night', 'overnight', 'yesterday', 'today',
  'ce', 'cette', 'hier', 'matin', 'soir', 'nuit', 'apres-midi', ...WEEKDAY_WORDS,
]);

/** "... seven towns: Niono, Molodo": a colon after a noun for places opens a list of places. */
function opensPlaceList(words: readonly string[], start: number): boolean {
  if (words[start - 1] !== ':') return false;
  for (let k = start - 2; k >= Math.max(0, start - 9); k -= 1) if (LIST_NOUNS.has(words[k] as string)) return true;
  return false;
}

/** "Kayes, Diboli, Sandaré and Nara": a strict name inside a list of places is a place. */
function followsPlaceList(words: readonly string[], start: number, lastEnd: number): boolean {
  if (lastEnd < 0 || start - lastEnd < 1 || start - lastEnd > 3) return false;
  for (let k = lastEnd; k < start; k += 1) if (!LIST_GLUE.has(words[k] as string) && !(k === start - 1 && LIST_ARTICLES.has(words[k] as string))) return false;
  return true;
}

/** "avec le Mali et le Burkina Faso": an article may come between the glue and the next place. */
const LIST_ARTICLES = new Set(['le', 'la', 'les', 'l', 'the']);

/** News agencies named in datelines: "BAMAKO (AFP) -", "Bamako, 13/09/2023 (MAP) -". */
const AGENCIES = new Set([
  'afp', 'ap', 'reuters', 'apa', 'map', 'xinhua', 'anadolu', 'aa', 'efe', 'dpa', 'pana', 'ria', 'tass', 'upi', 'ani', 'aps',
  'acp', 'amap', 'aib', 'anp', 'ansa', 'apf', 'mna',
]);
/** Tokens a dateline may hold between its town and its agency: a country, a date. */
const DATELINE_REACH = 8;

/** The first sentence of the text, after the headline: where a date line stands. */
const FIRST_BODY_SENTENCE = 1;

/**
 * The town a report was filed from ("BAMAKO (AFP) - Ten soldiers were killed in Bourem") opens the
 * sentence and is followed by a news agency in brackets, or opens the text and is followed by a colon
 * ("Ouagadougou: Burkina Faso's head of state vowed ..."): it says where the reporter was. A headline
 * that opens on a place and a colon ("Boulkessi : ...") names where it happened.
 */
function opensDateline(words: readonly string[], start: number, end: number, sentence: number): boolean {
  if (start !== 0) return false;
  if (sentence === FIRST_BODY_SENTENCE && words[end] === ':') return true;
  for (let k = end; k < Math.min(words.length - 1, end + DATELINE_REACH); k += 1) {
    if (words[k] === '(') return AGENCIES.has(words[k + 1] as string);
  }
  return false;
}

function isInstitutional(words: readonly string[], start: number): boolean {
  for (let k = Math.max(0, start - 5); k < start; k += 1) if (INSTITUTIONS.has(words[k] as string)) return true;
  return false;
}

interface UnlistedName {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** False when the name is a locality only if a place named after it in the sentence places it (see placeUnlisted). */
  readonly anchored?: boolean;
}

/**
 * Capitalised words after "village of" that no gazetteer name starts: at most two ("Kpinkankandi",
 * "Tin Akof"); or one before "village", "town" or "commune" after a place preposition or an article
 * ("outside Solhan village", "in the Kerou commune").
 */
function unlistedAt(compiled: CompiledGazetteer, tokens: Tokens, i: number): UnlistedName | undefined {
  const words = tokens.words;
  if (!LOCALITY_NOUNS.has(words[i] as string)) return undefined;
  if (LOCALITY_OF.has(words[i + 1] as string)) return unlistedName(compiled, tokens, i + 2);
  if (i < 2 || !NOUNS_AFTER_NAME.has(words[i] as string) || !NAME_BEFORE_NOUN.has(words[i - 2] as string)) return undefined;
  const found = unlistedName(compiled, tokens, i - 1);
  return found === undefined || found.end !== i || isAcronym(tokens, i - 1) ? undefined : { ...found, end: i + 1 };
}

/** Nouns that follow the locality they name in English ("Solhan village"); not "zone" ("the franc zone"). */
const NOUNS_AFTER_NAME = new Set(['village', 'town', 'commune', 'hamlet']);
/** Words before "Solhan village": a place preposition, an article, or a verb of raiding ("attacked Kouloghon village"). */
const NAME_BEFORE_NOUN = new Set(['in', 'near', 'outside', 'at', 'the', 'of', 'from', 'around', 'attacked', 'raided', 'stormed', 'struck', 'targeted']);

/** The next name of a list of localities the gazetteer lacks: ", Dessaguou", "and Dilassaguou". */
function listedNext(compiled: CompiledGazetteer, tokens: Tokens, at: number): UnlistedName | undefined {
  const words = tokens.words;
  let k = at;
  while (k < words.length && LIST_GLUE.has(words[k] as string) && k - at < 2) k += 1;
  return k === at ? undefined : unlistedName(compiled, tokens, k);
}

const ELIDED_INITIALS = new Set(['m', 'n']);

/** Whether the word after `start` is glued to it by an apostrophe (tokens drop apostrophes). */
function gluedByApostrophe(tokens: Tokens, start: number): boolean {
  const next = tokens.words[start + 1];
  return next !== undefined && !isMark(next) && /^\p{L}['’]\p{L}/u.test(originalSpan(tokens, start, start + 2) ?? '');
}

/** One or two capitalised words from `start` that no gazetteer name starts. */
function unlistedName(compiled: CompiledGazetteer, tokens: Tokens, start: number): UnlistedName | undefined {
  const words = tokens.words;
  const first = words[start];
  if (first === undefined || isMark(first) || NOT_LOCALITIES.has(first) || !isCapitalised(tokens, start) || compiled.names.matchAt(words, start)) return undefined;
  // "M'Banga", "N'Tillit": the letter before the apostrophe begins the name.
  let end = ELIDED_INITIALS.has(first) && gluedByApostrophe(tokens, start) ? start + 2 : start + 1;
  // "Koulogon Peul" is the Fulani quarter of Koulogon: the people's name is not part of the place's.
  if (end < words.length && !isMark(words[end] as string) && !NOT_LOCALITIES.has(words[end] as string) && isCapitalised(tokens, end)) end += 1;
  const name = originalSpan(tokens, start, end) ?? words.slice(start, end).join(' ');
  return { start, end, name };
}

/**
 * A name the gazetteer lacks after a place preposition, then set off by a comma or a bracket that goes
 * on to say where it is ("à Kpekpakandi, dans la région des Savanes", "in Narena (Koulikoro, Mali)",
 * "à Kpekpakandi, au nord du pays"), or followed at once by "in" and a place ("in Fambita in Niger's
 * Tillabéri region"). Unless the words after the comma point a compass direction, a place named later
 * in the sentence must place it.
 */
function appositiveAt(compiled: CompiledGazetteer, tokens: Tokens, i: number, lang: Document['lang']): UnlistedName | undefined {
  const words = tokens.words;
  const before = words[i] as string;
  if (!APPOSITION_BEFORE.has(before) || (before === 'a' && lang === 'en')) return undefined;
  const found = unlistedName(compiled, tokens, i + 1);
  if (found === undefined || found.end - found.start > 1 || isAcronym(tokens, found.start)) return undefined;
  const next = words[found.end];
  const after = words[found.end + 1] as string;
  const placed = (next === ',' || next === '(') && (APPOSITION_AFTER.has(after) || COMPASS.has(after) || compiled.names.matchAt(words, found.end + 1) !== undefined);
  if (!placed && !(next === 'in' || next === 'dans')) return undefined;
  const compass = next === ',' && (COMPASS.has(after) || COMPASS.has(words[found.end + 2] as string) || COMPASS.has(words[found.end + 3] as string));
  return compass ? found : { ...found, anchored: false };
}

/** "JNIM", "AFP": a word written in capitals is a name of a group or an outlet, not of a village. */
function isAcronym(tokens: Tokens, index: number): boolean {
  const original = originalSpan(tokens, index, index + 1);
  return original !== undefined && original.length > 1 && original === original.toUpperCase();
}

function unlistedFact(name: string, country: string, evidence: Evidence, background: boolean, region?: string): PlaceFact {
  // Spelt as it sounds, so that "Agaï" and "Aghay" are one locality.
  const slug = spellingSkeleton(name) ?? fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const fact: PlaceFact = { id: `${country}-loc-${slug}`, name, kind: 'town', country, background, evidence, unlisted: true };
  return region === undefined ? fact : { ...fact, region };
}

/** Built field by field rather than spread: it runs for every place named in every document. */
function toFact(entry: GazetteerEntry, evidence: Evidence, background: boolean): PlaceFact {
  const fact: PlaceFact =
    entry.region === undefined
      ? { id: entry.id, name: entry.name, kind: entry.kind, country: entry.country, background, evidence }
      : { id: entry.id, name: entry.name, kind: entry.kind, country: entry.country, background, evidence, region: entry.region };
  // Few places have one: only the spread for them.
  return entry.formerRegion === undefined ? fact : { ...fact, formerRegion: entry.formerRegion };
}

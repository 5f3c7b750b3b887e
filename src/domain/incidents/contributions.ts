import type { ActorRole, Document, EventType, Evidence, Facts, PlaceFact, PlaceKind, VictimFact, VictimRole } from '../model.js';
import { fold, foldForMatch } from '../text/normalize.js';
import { adviceIssuer, siteKey } from './probe.js';

export interface PlaceValue {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly region?: string;
  readonly formerRegion?: string;
}
export interface VictimValue {
  readonly count: number | null;
  readonly nationality?: string;
  readonly role: VictimRole;
  /** Full names of the victims, as the sources wrote them. */
  readonly names?: readonly string[];
}
export interface SiteValue {
  readonly name: string;
  readonly key: string;
}
export interface ActorValue {
  readonly id: string;
  readonly name: string;
  readonly role: ActorRole;
}
export interface AdviceValue {
  readonly text: string;
  readonly by?: string;
}
export interface FigureValue {
  readonly value: number;
  readonly what: string;
}

export interface Item<T> {
  readonly value: T;
  readonly evidence: Evidence;
}

/**
 * What one story says about its main event, ready to be attested on an incident. Actors count when the
 * role is about the main event and says something (claimed, suspected, denied, condemned, spoke).
 */
export interface Contributions {
  readonly places: readonly Item<PlaceValue>[];
  readonly victims: readonly Item<VictimValue>[];
  readonly sites: readonly Item<SiteValue>[];
  readonly actors: readonly Item<ActorValue>[];
  readonly advice: readonly Item<AdviceValue>[];
  readonly figures: readonly Item<FigureValue>[];
  readonly changes: readonly Item<EventType>[];
}

/** How attested values are told apart. */
export const valueKey = {
  place: (v: PlaceValue) => v.id,
  victims: (v: VictimValue) => `${v.role}|${v.nationality === undefined ? '' : fold(v.nationality)}|${v.count ?? '?'}`,
  site: (v: SiteValue) => v.key,
  actor: (v: ActorValue) => `${v.id}|${v.role}`,
  figure: (v: FigureValue) => `${v.value}|${foldForMatch(v.what)}`,
  change: (v: EventType) => v,
};

/** Roles of victims that belong to an event of a given type when the story names no nationality. */
const ROLES: Partial<Record<EventType, readonly VictimRole[]>> = {
  kidnapping: ['hostage', 'released', 'missing'],
  release: ['released', 'hostage'],
  rescue: ['released', 'hostage'],
  ransom: ['hostage'],
  negotiation: ['hostage'],
};

export function contributionsOf(doc: Document, facts: Facts): Contributions {
  const main = facts.main;
  const mainNationality = main.victims?.nationality === undefined ? undefined : fold(main.victims.nationality);
  const ofMainNationality = (v: VictimFact) => v.nationality !== undefined && fold(v.nationality) === mainNationality;
  // People of another nationality that the sentence counting the main victims counts beside them, in
  // the same plight, are victims of the same event: "three Italians and a Togolese" were taken together.
  const mainSentences = new Set(facts.victims.filter((v) => !v.background && ofMainNationality(v)).map((v) => `${v.evidence.sentence}|${v.role}`));
  const fitsMain = (v: VictimFact) =>
    mainNationality !== undefined
      ? ofMainNationality(v) || (v.nationality !== undefined && mainSentences.has(`${v.evidence.sentence}|${v.role}`))
      : main.type === undefined || (ROLES[main.type] ?? [v.role]).includes(v.role);
  const titleEvidence: Evidence = { sentence: 0, text: doc.title };
  // Only the main event's own places and site: an article also names the embassy's city, neighbouring
  // countries and other attacks, which say nothing about where this incident happened.
  const mainPlaces = new Set(main.country === undefined ? main.places : [...main.places, main.country]);
  const mainSite = main.site === undefined ? undefined : siteKey(main.site);
  return {
    places: facts.places
      .filter((p) => !p.background && mainPlaces.has(p.id))
      .map((p) => ({ value: placeValue(p), evidence: p.evidence })),
    victims: facts.victims
      .filter((v) => !v.background && fitsMain(v))
      .map((v) => ({ value: victim(v, main.named), evidence: v.evidence })),
    sites: facts.sites
      .filter((s) => !s.background && mainSite !== undefined && (siteKey(s.key) === mainSite || siteKey(s.name) === mainSite))
      .map((s) => ({ value: { name: s.name, key: siteKey(s.key) }, evidence: s.evidence })),
    actors: mainActors(facts),
    advice: facts.advice.map((a) => ({ value: a.by === undefined ? { text: a.text } : { text: a.text, by: a.by }, evidence: a.evidence })),
    figures: facts.figures.map((f) => ({ value: { value: f.value, what: f.what }, evidence: f.evidence })),
    changes: [...new Set(main.changes)].map((type) => ({
      value: type,
      evidence: facts.events.find((e) => e.type === type && !e.background)?.evidence ?? titleEvidence,
    })),
  };
}

/** Who the main event names in a role, and the government whose advice it is: that government speaks through it. */
function mainActors(facts: Facts): Item<ActorValue>[] {
  const out = facts.actors
    .filter((a) => a.about === 'main' && a.role !== 'mentioned')
    .map((a) => ({ value: { id: a.id, name: a.name, role: a.role }, evidence: a.evidence }));
  const issuer = adviceIssuer(facts);
  const named = issuer === undefined ? undefined : facts.actors.find((a) => a.id === issuer);
  if (named !== undefined && !out.some((a) => a.value.id === named.id && a.value.role === 'spoke')) {
    out.push({ value: { id: named.id, name: named.name, role: 'spoke' }, evidence: named.evidence });
  }
  return out;
}

/** A victim with the names the story tells of them (see MainEvent.named), not those of hostages it recalls. */
function victim(v: VictimFact, told: readonly string[] = []): VictimValue {
  const value: VictimValue = v.nationality === undefined ? { count: v.count, role: v.role } : { count: v.count, nationality: v.nationality, role: v.role };
  const names = v.names?.filter((name) => told.includes(name));
  return names === undefined || names.length === 0 ? value : { ...value, names };
}

/** What an incident keeps of a place: the regions it lies in, not where the text named it. */
export function placeValue(p: PlaceFact): PlaceValue {
  const place: PlaceValue = p.region === undefined ? { id: p.id, name: p.name, kind: p.kind } : { id: p.id, name: p.name, kind: p.kind, region: p.region };
  return p.formerRegion === undefined ? place : { ...place, formerRegion: p.formerRegion };
}

/** Two pieces of advice are the same when they share most of their words: outlets paraphrase. */
export function sameAdvice(a: string, b: string): boolean {
  const x = adviceWords(a);
  const y = adviceWords(b);
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  const union = x.size + y.size - shared;
  return union > 0 && shared / union >= 0.6;
}

/** Advice of a known incident is compared with every story about it: its words are kept by text. */
const ADVICE_TEXTS = 2048;
const adviceWordSets = new Map<string, ReadonlySet<string>>();

function adviceWords(text: string): ReadonlySet<string> {
  let words = adviceWordSets.get(text);
  if (words === undefined) {
    words = new Set(foldForMatch(text).split(' '));
    if (adviceWordSets.size >= ADVICE_TEXTS) adviceWordSets.clear();
    adviceWordSets.set(text, words);
  }
  return words;
}

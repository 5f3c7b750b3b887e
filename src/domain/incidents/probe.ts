import { NO_GROUP } from '../extract/actors.js';
import { reportsCaptivityEnd } from '../extract/events.js';
import { spellingSkeleton } from '../extract/gazetteer.js';
import { isGenericSiteKey } from '../extract/sites.js';
import { adviceStep, isSecurityAlert, ISSUER_IDS } from '../extract/travel-advice.js';
import { yearless } from '../extract/dates.js';
import type { AdviceStep, DateFact, Document, EventType, Facts, PlaceKind, VictimRole } from '../model.js';
import { fold } from '../text/normalize.js';
import { dayNumber, isoDay, shiftDay, WEEK_DAYS } from './dates.js';
import { fingerprint } from './fingerprint.js';
import { leadWords, salientTermList, type TermList } from './terms.js';
import { regionsOf } from './regions.js';

export interface ProbePlace {
  readonly id: string;
  readonly kind: PlaceKind | 'unknown';
  readonly region?: string;
}

export interface ProbeVictims {
  readonly count: number | null;
  /** Folded demonym ("indian"). */
  readonly nationality?: string;
  /** Of the main event's victims: hostages, the dead ... */
  readonly role?: VictimRole;
}

/** What a story recalls as background: never evidence that the story is about that event. */
export interface Recalled {
  readonly sites: readonly string[];
  readonly dates: readonly string[];
  readonly victims: readonly ProbeVictims[];
}

/** The features of one story that matching compares with incidents, computed once per story. */
export interface Probe {
  readonly documentId: string;
  readonly type?: EventType;
  /** Event date (YYYY-MM-DD) of the main event. */
  readonly date?: string;
  readonly datePrecision?: 'day' | 'month' | 'year';
  /** See MainEvent.dateEstimated: the date counts for closeness but never vetoes, and never dates an incident. */
  readonly dateEstimated?: boolean;
  /**
   * For an undated story of a stream (see Document.publishedAfter) whose date is an estimate: the days
   * the estimate stands for, from a week before the earliest it can have come out to the latest. "Jeudi"
   * is any Thursday of them.
   */
  readonly dateWindow?: { readonly from: string; readonly to: string };
  /** See MainEvent.dateUntold: any day of the window is as likely as another. */
  readonly dateUntold?: boolean;
  /** See MainEvent.dateYearUnknown: the same day and month in any year of the window is as likely. */
  readonly dateYearUnknown?: boolean;
  /** See MainEvent.dateWeekdayOnly. */
  readonly dateWeekdayOnly?: boolean;
  /** Publication day, or the day the story was first seen. */
  readonly published: string;
  readonly country?: string;
  /** Main-event places below country level. */
  readonly places: readonly ProbePlace[];
  readonly regions: readonly string[];
  readonly victims?: ProbeVictims;
  readonly site?: string;
  readonly actors: readonly string[];
  /** The government whose travel advice the story is about. */
  readonly issuer?: string;
  /** The rung of leaving that government's advice announces. */
  readonly adviceStep?: AdviceStep;
  /** That government's message is a security alert about what is happening now, not a change of its advice. */
  readonly alert?: boolean;
  readonly changes: readonly EventType[];
  /** The title or lead speaks of a blockade or siege under way: the story may follow a long event. */
  readonly ongoing: boolean;
  /** Every actor the story names, whatever it says of them: who imposes a blockade is often just named. */
  readonly named: readonly string[];
  readonly terms: TermList;
  readonly fingerprint: string;
  readonly recalled: Recalled;
  /**
   * For a story of hostages freed, rescued, ransomed or still held, the other days it gives: it names
   * the day they were taken, which dates the kidnapping it follows.
   */
  readonly captivityDays?: readonly string[];
  /**
   * For a story of hostages freed or still held, the years its sentences about hostages give ("retenue
   * en otage depuis 2016", "kidnapped in 2018"): the year they were taken is among them.
   */
  readonly captivityYears?: readonly string[];
  /**
   * The title and lead speak of the hostages only as hostages, with no word of their taking: news of a
   * captivity under way (a video, a plea, a negotiation), dated by that news rather than the kidnapping.
   */
  readonly captive?: boolean;
  /** Surnames of the victims the story names (see personKey). */
  readonly persons?: readonly string[];
  /** Every word of those names, spelt as the keys are (see nameWords). */
  readonly personWords?: readonly string[];
  /** The headline tells of a new attack ("Togo : nouvelle attaque meurtrière dans le nord"), not of one already reported. */
  readonly fresh?: boolean;
  /** Towns the headline or the opening sentence names beside a massacre (see massacreSites). */
  readonly massacres?: readonly string[];
  /** Dates the story gave that matching set aside, and why. */
  readonly notes: readonly string[];
}

/** Wire copies keep the wording of their first sentences: the headline and about two sentences suffice. */
const FINGERPRINT_WORDS = 48;

/** Clocks and time zones differ: a day of slack before a date counts as in the future. */
const FUTURE_SLACK_DAYS = 1;

export function buildProbe(doc: Document, facts: Facts): Probe {
  const main = facts.main;
  const known = new Map(facts.places.map((p) => [p.id, p]));
  const places: ProbePlace[] = [];
  for (const id of new Set(main.places)) {
    const fact = known.get(id);
    if (fact?.kind === 'country') continue;
    places.push(fact === undefined ? { id, kind: 'unknown' } : withRegion({ id, kind: fact.kind }, fact.region));
  }
  const regions = new Set<string>();
  for (const place of places) for (const region of regionsOf(known.get(place.id) ?? place)) regions.add(region);
  const lead = leadWords(doc);
  const seen = isoDay(doc.seenAt) ?? '1970-01-01';
  const notes: string[] = [];
  let published = isoDay(doc.published) ?? seen;
  if (dayNumber(published) - dayNumber(latestPublication(doc, seen)) > FUTURE_SLACK_DAYS) {
    notes.push(`publication date ${published} is in the future; the day it was seen (${seen}) is used`);
    published = seen;
  }
  let date = isoDay(main.date);
  if (date !== undefined && dayNumber(date) - dayNumber(published) > FUTURE_SLACK_DAYS) {
    if (reportedLater(doc, date)) published = date;
    else {
      notes.push(`event date ${date} is after the publication date ${published}; it is not used for matching`);
      date = undefined;
    }
  }
  const issuer = adviceIssuer(facts);
  const country = main.country ?? places.map((p) => known.get(p.id)?.country).find((c) => c !== undefined);
  // Filled in place: a spread per optional field would copy the probe again for each.
  const probe: Writable<Probe> = {
    documentId: doc.id,
    published,
    places,
    regions: [...regions],
    actors: [...new Set(main.actors)],
    changes: [...new Set(main.changes)],
    ongoing: main.type === 'blockade' || speaksOfSiege(doc, facts),
    named: [...new Set(facts.actors.filter((a) => a.id !== NO_GROUP.id).map((a) => a.id))],
    terms: salientTermList(lead, entitiesOf(facts)),
    fingerprint: fingerprint(lead.words.slice(0, FINGERPRINT_WORDS)),
    recalled: recalledFacts(facts, date),
    notes,
  };
  if (main.type !== undefined) probe.type = main.type;
  if (date !== undefined) {
    probe.date = date;
    probe.datePrecision = main.datePrecision ?? 'day';
    if (main.dateEstimated === true) probe.dateEstimated = true;
    if (main.dateWeekdayOnly === true) probe.dateWeekdayOnly = true;
    const window = main.dateEstimated === true ? dateWindow(doc) : undefined;
    if (window !== undefined) probe.dateWindow = window;
    if (window !== undefined && main.dateUntold === true) probe.dateUntold = true;
    if (window !== undefined && main.dateYearUnknown === true) probe.dateYearUnknown = true;
  }
  if (country !== undefined) probe.country = country.toLowerCase();
  if (issuer !== undefined) probe.issuer = issuer;
  const step = issuer === undefined ? undefined : adviceStep(doc);
  if (step !== undefined) probe.adviceStep = step;
  if (issuer !== undefined && isSecurityAlert(doc)) probe.alert = true;
  if (main.victims !== undefined) probe.victims = withRole(probeVictims(main.victims.count, main.victims.nationality), main.victims.role);
  if (main.site !== undefined) probe.site = resolveSite(main.site, facts);
  const ended = reportsCaptivityEnd(main.type, main.changes);
  if (!ended && speaksOfCaptivity(doc, facts)) probe.captive = true;
  if (ended || probe.captive === true) {
    probe.captivityDays = otherDays(facts, date);
    const years = yearsToldOfHostages(facts, date);
    if (years.length > 0) probe.captivityYears = years;
  }
  const persons = personsOf(facts);
  if (persons.length > 0) {
    probe.persons = persons;
    probe.personWords = [...new Set((facts.main.named ?? []).flatMap(nameWords))];
  }
  if (main.type === 'attack' && FRESH.test(fold(doc.title))) probe.fresh = true;
  const massacres = massacreSites(doc, facts);
  if (massacres.length > 0) probe.massacres = massacres;
  return probe;
}

const FRESH = /\b(?:(?:nouvelles?|autres?|encore une) (?:attaques?|attentats?|embuscades?)|nouvel attentat|(?:new|another|fresh) (?:attacks?|ambush|raids?|assaults?))\b/;

/** Words that make a town named beside them the scene of a massacre. */
const MASSACRE = /\b(?:massacres?|tueries?|carnage|bloodbath|killings|executions)\b/;
/** The headline and the opening sentence: where a story names the massacre it is about, rather than one it recalls in passing. */
const NAMING_SENTENCES = 2;

/**
 * Towns the headline and the opening sentence name when either speaks of a massacre ("UN: Moura massacre
 * in Mali left at least 500 dead", "Massacre d'Ogossagou : ..."): such a story is about that massacre however long
 * after it is told: an inquiry, an anniversary, a survivor's account.
 */
function massacreSites(doc: Document, facts: Facts): string[] {
  if (!doc.sentences.some((s) => s.index < NAMING_SENTENCES && MASSACRE.test(s.folded))) return laterMassacreSites(doc, facts);
  // "UN report on military operation killings": the opening sentence names the town the headline does not.
  const towns = facts.places.filter((p) => isTownLevel(p.kind) && p.evidence.sentence < NAMING_SENTENCES && !p.background);
  return [...new Set(towns.map((p) => p.id))];
}

/**
 * "How children were used in a 48-hour deadly rampage for gold": a lead that tells the killings without
 * naming where leaves it to a later sentence ("The massacre in Solhan ... took place in June 2021").
 */
function laterMassacreSites(doc: Document, facts: Facts): string[] {
  if (facts.main.places.length > 0) return [];
  for (const sentence of doc.sentences) {
    if (!MASSACRE.test(sentence.folded)) continue;
    const towns = facts.places.filter((p) => isTownLevel(p.kind) && !p.background && p.evidence.sentence === sentence.index);
    if (towns.length > 0) return [...new Set(towns.map((p) => p.id))];
  }
  return [];
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The government whose travel advice the story is about. An embassy's alert speaks to its citizens
 * ("U.S. citizens should depart") without a sentence that makes the government its subject: advice
 * that names one government and no other is that government's.
 */
export function adviceIssuer(facts: Facts): string | undefined {
  const { main } = facts;
  if (main.type !== 'advisory' && main.type !== 'evacuation') return undefined;
  const subject = main.actors.find((a) => ISSUER_IDS.has(a));
  if (subject !== undefined) return subject;
  const named = new Set(facts.actors.filter((a) => ISSUER_IDS.has(a.id)).map((a) => a.id));
  return named.size === 1 ? named.values().next().value : undefined;
}

/** The surnames of the victims a story names outside what it recalls (see MainEvent.named). */
function personsOf(facts: Facts): string[] {
  return [...new Set((facts.main.named ?? []).map(personKey))];
}

/** The days of the month a story gives, its main date aside. */
function otherDays(facts: Facts, main: string | undefined): string[] {
  const days = facts.dates.filter((d) => d.precision === 'day' && d.role === 'event' && d.date !== main).map((d) => beforeMain(d, main));
  return [...new Set(days)];
}

/**
 * "He has been in captivity since his March 25 kidnapping", in an undated story of a release on
 * "October 8, 2020": a day and month written without a year that fall after the story's own day are
 * the same day of the year before. Captivity comes before what becomes of it; a weekday ("mercredi")
 * is never a year out.
 */
function beforeMain(day: DateFact, main: string | undefined): string {
  if (main === undefined || day.date <= main || !yearless(day)) return day.date;
  const earlier = `${Number(day.date.slice(0, 4)) - 1}${day.date.slice(4)}`;
  return earlier <= main ? earlier : day.date;
}

/** Years of the dates told in sentences that speak of hostages, other than the main event's. */
function yearsToldOfHostages(facts: Facts, main: string | undefined): string[] {
  const held = new Set(facts.events.filter((e) => e.type === 'kidnapping').map((e) => e.evidence.sentence));
  const told = facts.dates.filter((d) => d.role === 'event' && d.date !== main && held.has(d.evidence.sentence));
  return [...new Set(told.map((d) => d.date.slice(0, 4)))];
}

/** The days an undated story of a stream may be about, when the stream bounds when it came out on both sides. */
function dateWindow({ publishedFrom, publishedAfter: after, publishedBefore: before }: Document): Probe['dateWindow'] {
  if (publishedFrom !== 'seen' || after === undefined || before === undefined) return undefined;
  return { from: shiftDay(after, -(WEEK_DAYS - 1)), to: before };
}

/** Days after the earliest an undated story can have come out within which the day it reports dates it, when the latest is not known. */
const REPORTED_LATER_DAYS = 366;

/**
 * The latest day a story can have come out: the day it was seen, or, for a story of a stream whose
 * metadata gives no date (see Document.publishedAfter), the latest its place in the stream allows: the
 * date line its text gives may be later than the stream had got to without being in the future.
 */
function latestPublication({ publishedAfter: after, publishedBefore: before }: Document, seen: string): string {
  if (after === undefined) return seen;
  return before ?? shiftDay(after, REPORTED_LATER_DAYS);
}

/**
 * An undated story known only to have come out after a given day (see Document.publishedAfter) that
 * reports a later day, no later than it can have come out, came out on or after that day.
 */
function reportedLater(doc: Document, date: string): boolean {
  const { publishedAfter: after, publishedBefore: before } = doc;
  if (after === undefined || doc.publishedFrom !== 'seen') return false;
  return before === undefined ? dayNumber(date) - dayNumber(after) <= REPORTED_LATER_DAYS : dayNumber(date) - dayNumber(before) <= FUTURE_SLACK_DAYS;
}

/** The story's event day when its text names the day itself (see MainEvent.dateEstimated). */
export function exactDay(probe: Probe): string | undefined {
  return probe.datePrecision === 'day' && probe.dateEstimated !== true ? probe.date : undefined;
}

/** The story reports what became of hostages (their release, rescue or ransom) or how they fare in captivity. */
export function followsCaptivity(probe: Probe): boolean {
  return probe.captive === true || reportsCaptivityEnd(probe.type, probe.changes);
}

/** Nouns for people held that say nothing of how or when they were taken. */
const HELD_NOUNS = /^(?:hostages?|otages?|captives?)$/;

/** Headlines of a captivity under way: "kidnapped U.S. aid worker still alive", "calls for release of abducted ...". */
const STILL_HELD = /\b(?:still (?:alive|held|missing|in captivity)|alive and well|proof of life|(?:calls?|appeals?|pleas?) for (?:the |his |her |their )?release|remains? (?:held|in captivity)|toujours (?:detenue?s?|retenue?s?|en captivite|otages?)|(?:est|sont) en vie|preuve de vie|appel(?:le|lent)? a (?:la )?liberation)\b/;

/**
 * Headlines of a hostage's death in captivity: "Swiss hostage in Mali has been killed", "l'otage
 * française est morte", "Aqmi annonce avoir exécuté un otage français" (only captives are executed).
 */
const DIED_HELD =
  /\b(?:hostages?|otages?|captives?)\b.{0,60}\b(?:killed|executed|dead|died|murdered|tuee?s?|executee?s?|morte?s?|decedee?s?|assassinee?s?)\b|\bexecut(?:ed|e|ee|es|ees)\b.{0,30}\b(?:hostages?|otages?|captives?)\b/;

/**
 * A kidnapping story whose title and lead name hostages but no abduction, or whose headline tells of
 * hostages still held or dead in captivity (see Probe.captive).
 */
function speaksOfCaptivity(doc: Document, facts: Facts): boolean {
  if (facts.main.type !== 'kidnapping') return false;
  const headline = doc.sentences[0]?.folded ?? '';
  if (STILL_HELD.test(headline) || DIED_HELD.test(headline)) return true;
  const lead = new Set(doc.sentences.filter((s) => s.lead).map((s) => s.index));
  const told = facts.events.filter((e) => e.type === 'kidnapping' && !e.background && lead.has(e.evidence.sentence));
  return told.length > 0 && told.every((e) => HELD_NOUNS.test(fold(e.trigger)));
}

/** Victims still in their captors' hands, or unaccounted for: whom a release may free. */
export function isHeld(role: VictimRole | undefined): boolean {
  return role === 'hostage' || role === 'missing';
}

/** Held, or freed: either way the incident's hostages, whose freedom later stories tell. */
export function heldOrFreed(role: VictimRole | undefined): boolean {
  return isHeld(role) || role === 'released';
}

/** A place within a region: a town or a cercle. */
export const isTownLevel = (kind: PlaceKind | 'unknown') => kind === 'town' || kind === 'cercle';

/** Demonyms of the countries incidents happen in, folded: their own people are not foreign hostages. */
const LOCAL_DEMONYMS: Readonly<Record<string, string>> = { ml: 'malian', bf: 'burkinabe', ne: 'nigerien', bj: 'beninese', tg: 'togolese' };

export function isLocal(nationality: string, country: string | undefined): boolean {
  return country !== undefined && LOCAL_DEMONYMS[country] === nationality;
}

function speaksOfSiege(doc: Document, facts: Facts): boolean {
  const lead = new Set(doc.sentences.filter((s) => s.lead).map((s) => s.index));
  return facts.events.some((e) => e.type === 'blockade' && !e.background && lead.has(e.evidence.sentence));
}

/**
 * The key a person's name is compared by: the surname as it sounds, as reports spell foreign names in
 * several ways ("Elliott" and "Elliot", "Stöckli" and "Stockly"; see spellingSkeleton).
 */
export function personKey(name: string): string {
  return nameWords(name).at(-1) ?? '';
}

/** The words of a name as personKey spells a surname: "Alain Traoré", known as "Alain Alain", shares one with that. */
export function nameWords(name: string): string[] {
  return fold(name)
    .trim()
    .split(/\s+/)
    .map((word) => spellingSkeleton(word) ?? word);
}

export function siteKey(site: string): string {
  return fold(site).trim();
}

/** The main event names its site by name or by key; incidents compare keys. */
function resolveSite(site: string, facts: Facts): string {
  const folded = siteKey(site);
  const fact = facts.sites.find((s) => siteKey(s.key) === folded || siteKey(s.name) === folded);
  return fact === undefined ? folded : siteKey(fact.key);
}

function probeVictims(count: number | null, nationality: string | undefined): ProbeVictims {
  return nationality === undefined ? { count } : { count, nationality: fold(nationality) };
}

function withRole(victims: ProbeVictims, role: VictimRole | undefined): ProbeVictims {
  return role === undefined ? victims : { ...victims, role };
}

function withRegion(place: ProbePlace, region: string | undefined): ProbePlace {
  return region === undefined ? place : { ...place, region };
}

/**
 * A day the story gives as its own event's is not recalled for also appearing in a background
 * sentence: "an attack on Friday on a village that was the scene of last year's massacre" recalls
 * last year, not Friday.
 */
function recalledFacts(facts: Facts, ownDay: string | undefined): Recalled {
  const dates = new Set<string>();
  for (const d of facts.dates) {
    const day = isoDay(d.date);
    if (d.background && d.role === 'event' && d.precision === 'day' && day !== undefined && day !== ownDay) dates.add(day);
  }
  return {
    // "Home to the country's only industrial gold mine": a kind of site recalled says which incident it was no more than a place's kind would.
    sites: [...new Set(facts.sites.filter((s) => s.background && !isGenericSiteKey(s.key)).map((s) => siteKey(s.key)))],
    dates: [...dates],
    victims: facts.victims.filter((v) => v.background).map((v) => probeVictims(v.count, v.nationality)),
  };
}

/** Entities a story names outside its background, for the term vector: below country level, named actors, sizeable tolls. */
function entitiesOf(facts: Facts): string[] {
  const out = new Set<string>();
  for (const p of facts.places) if (!p.background && p.kind !== 'country') out.add(p.id);
  for (const a of facts.actors) if (a.id !== NO_GROUP.id) out.add(a.id);
  for (const s of facts.sites) if (!s.background) out.add(siteKey(s.key));
  for (const v of facts.victims) if (!v.background && v.count !== null && v.count >= 2) out.add(`n${v.count}`);
  return [...out];
}

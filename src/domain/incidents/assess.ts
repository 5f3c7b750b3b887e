import type { EventType, Incident, Reason, VictimRole } from '../model.js';
import { reportsCaptivityEnd } from '../extract/events.js';
import { isGenericSiteKey, sameKindOfSite } from '../extract/sites.js';
import { ISSUER_IDS } from '../extract/travel-advice.js';
import { dayNumber, daysBetween, monthOf, monthsBetween, WEEK_DAYS } from './dates.js';
import { featuresOf, type IncidentFeatures, type VictimFeature } from './features.js';
import { ADVICE_TYPES, MASSACRE_TYPES, REPORT_LAG_DAYS } from './keys.js';
import { signatureHashes, signatureSimilarity } from './fingerprint.js';
import { followsCaptivity, heldOrFreed, isHeld, isLocal, type Probe, type ProbeVictims } from './probe.js';
import { termSimilarity } from './terms.js';

/**
 * Slot weights. Slots that pin an event down (where, when, who was taken, which site) weigh most;
 * type, actor and wording support them. A join needs about two strong slots, or one strong slot and
 * close wording; a wire copy of a story already filed is enough on its own.
 */
export const WEIGHTS = {
  place: 0.2,
  region: 0.12,
  regionOtherTowns: 0.04,
  country: 0.03,
  countryOnly: 0.08,
  placeClash: -0.1,
  date: 0.2,
  dateMonth: 0.1,
  dateWeekday: 0.06,
  type: 0.1,
  typeRelated: 0.05,
  victims: 0.2,
  hostages: 0.3,
  victimsPartial: 0.1,
  victimsCountOnly: 0.08,
  nationalityClash: -0.15,
  site: 0.2,
  siteKind: 0.1,
  siteClash: -0.1,
  person: 0.3,
  massacre: 0.25,
  actor: 0.05,
  ongoing: 0.4,
  issuer: 0.25,
  text: 0.3,
  wire: 0.5,
} as const;

/** Gaussian decay of date agreement, in days (Miranda et al. use about three days). */
const DATE_SIGMA = 3;
/** The same kind of event more than this many days apart is another event. */
const DATE_TOLERANCE = 2;
/** Estimated Jaccard similarity of title-and-lead shingles above which a story is a copy. */
const WIRE_SIMILARITY = 0.5;
/** Events over in a moment: an abduction, a government's advice. */
const MOMENTS: ReadonlySet<EventType> = new Set(['kidnapping', 'advisory', 'evacuation']);
/** How long after it began a blockade or siege still gathers the reports that speak of it. */
const ONGOING_DAYS = 180;
/** Events that last: later reports of the same kind are not another event for being later. */
const LASTING: ReadonlySet<EventType> = new Set(['blockade']);
/** Wording below this cosine is noise, not evidence. */
const TEXT_FLOOR = 0.05;

export interface Assessment {
  readonly incident: Incident;
  /** Sum of the slot contributions, vetoes aside. */
  readonly score: number;
  readonly matches: readonly Reason[];
  readonly vetoes: readonly Reason[];
}

/** Event types that can describe the same incident from another angle. */
const STATE_CHANGES: ReadonlySet<EventType> = new Set(['claim', 'release', 'rescue', 'ransom', 'negotiation', 'statement']);
const RELATED_PAIRS: readonly (readonly [EventType, EventType])[] = [
  ['attack', 'kidnapping'],
  ['attack', 'killing'],
  ['blockade', 'attack'],
  ['evacuation', 'advisory'],
  ['coup', 'attack'],
];
/** Each type's related types, both ways round, looked up without building a pair key per comparison. */
const RELATED = new Map<EventType, Set<EventType>>();
for (const [a, b] of RELATED_PAIRS) {
  for (const [x, y] of [[a, b], [b, a]] as const) RELATED.set(x, (RELATED.get(x) ?? new Set<EventType>()).add(y));
}

function relatedTypes(a: EventType, b: EventType): boolean {
  return STATE_CHANGES.has(a) || STATE_CHANGES.has(b) || relatedKinds(a, b);
}

/** Two kinds of event that can be one incident told from another angle (see RELATED_PAIRS). */
function relatedKinds(a: EventType, b: EventType): boolean {
  return RELATED.get(a)?.has(b) ?? false;
}

/** One story against one incident. */
interface Pair {
  readonly probe: Probe;
  readonly incident: Incident;
  readonly features: IncidentFeatures;
  /** Whether reasons get their messages: decide ranks all candidates but explains only the few it reports. */
  readonly explain: boolean;
}

/**
 * Compares a story with an incident slot by slot. Without `explain`, reasons carry empty messages and
 * everything else (codes, weights, vetoes, score) is the same: ranking candidates needs no words.
 */
export function assess(probe: Probe, incident: Incident, explain = true): Assessment {
  const pair: Pair = { probe, incident, features: featuresOf(incident), explain };
  const ongoing = ongoingScore(pair);
  const place = placeScore(pair);
  const date = dateScore(pair);
  const victims = victimsScore(pair);
  const issuer = issuerScore(pair);
  const matches: Reason[] = [];
  push(matches, ongoing.match);
  // A blockade covers roads and towns around the places first named, and hostages are freed far from
  // where they were taken: another town is no clash. News of hostages still held names where they were taken.
  const freedElsewhere = probe.captive !== true && endsCaptivity(pair);
  const elsewhere = place?.code === 'place:clash' && (ongoing.match !== undefined || freedElsewhere);
  push(matches, elsewhere ? undefined : place);
  push(matches, date.match);
  push(matches, typeScore(pair));
  push(matches, victims.match);
  push(matches, personScore(pair));
  push(matches, massacreScore(pair));
  push(matches, siteScore(pair));
  push(matches, actorScore(pair));
  push(matches, issuer.match);
  push(matches, textScore(pair));
  push(matches, wireScore(pair));
  const vetoes: Reason[] = [];
  push(vetoes, countryVeto(pair));
  push(vetoes, ongoing.veto);
  push(vetoes, date.veto);
  push(vetoes, victims.veto);
  push(vetoes, issuer.veto);
  push(vetoes, freshVeto(pair));
  push(vetoes, personVeto(pair));
  push(vetoes, adviceVeto(pair));
  push(vetoes, recallVeto(pair, matches));
  push(vetoes, kindVeto(pair, matches));
  let sum = 0;
  for (const match of matches) sum += match.weight ?? 0;
  return { incident, score: round(sum), matches, vetoes };
}

function push(reasons: Reason[], reason: Reason | undefined): void {
  if (reason !== undefined) reasons.push(reason);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Days after an attack within which a story of a "new attack" may still be about it. */
const FRESH_DAYS = 3;

/**
 * A story of a new attack is news of the days before it came out: an attack that happened well before
 * the earliest it can have come out is the earlier one it is new against, whatever the place and words share.
 */
function freshVeto({ probe, incident, explain }: Pair): Reason | undefined {
  const theirs = incident.eventDate;
  if (probe.fresh !== true || theirs === undefined || !MASSACRE_TYPES.has(incident.eventType)) return undefined;
  const before = dayNumber(probe.published) - dayNumber(theirs);
  if (before <= FRESH_DAYS) return undefined;
  return {
    code: 'veto:fresh',
    message: explain ? `the story tells of a new attack, out from ${probe.published}; ${incident.id} happened ${before} days before, on ${theirs}` : '',
  };
}

function countryVeto(pair: Pair): Reason | undefined {
  const { probe, incident, features, explain } = pair;
  if (probe.country === undefined || probe.country === incident.country) return undefined;
  // Hostages are often freed across a border: a release of hostages of the nationality an incident holds may be reported from another country.
  if (followsCaptivity(probe) && (holdsHostages(features, probe.victims?.nationality) || namedVictim(pair) !== undefined)) return undefined;
  return {
    code: 'veto:country',
    message: explain ? `${incident.id} happened in ${incident.country.toUpperCase()}, this story in ${probe.country.toUpperCase()}` : '',
  };
}

function placeScore({ probe, incident, features, explain }: Pair): Reason | undefined {
  // A coup seizes a state, from the barracks where it starts (Kati) to the capital: its place is the country.
  if (probe.type === 'coup' && incident.eventType === 'coup' && probe.country === incident.country) {
    return { code: 'place', weight: WEIGHTS.place, message: explain ? `same state seized: ${incident.country.toUpperCase()}` : '' };
  }
  const { placeIds, regions } = features;
  const shared = probe.places.find((p) => placeIds.has(p.id));
  if (shared !== undefined) return { code: 'place', weight: WEIGHTS.place, message: explain ? `same place: ${shared.id}` : '' };
  const region = probe.regions.find((r) => regions.has(r));
  if (region !== undefined) {
    // Inates and Chinégodar are both in Tillabéri: two listed towns of one region say the places differ.
    const towns = probe.places.some((p) => p.kind !== 'region' && !isUnlisted(p.id)) && listedTowns(placeIds);
    return towns
      ? { code: 'region', weight: WEIGHTS.regionOtherTowns, message: explain ? `same region (${region}), other towns` : '' }
      : { code: 'region', weight: WEIGHTS.region, message: explain ? `same region: ${region}` : '' };
  }
  if (probe.regions.length > 0 && regions.size > 0) {
    return {
      code: 'place:clash',
      weight: WEIGHTS.placeClash,
      message: explain ? `different regions: ${probe.regions.join(', ')} against ${[...regions].join(', ')}` : '',
    };
  }
  if (probe.country === incident.country) {
    // A side that names no place within the country cannot disagree on the place, nor one that names
    // only localities the gazetteer does not list: where they lie is not known.
    const vague = !probe.places.some((p) => !isUnlisted(p.id)) || (regions.size === 0 && !listedTowns(placeIds));
    return vague
      ? { code: 'country', weight: WEIGHTS.countryOnly, message: explain ? `same country (${incident.country.toUpperCase()}), no place within it to compare` : '' }
      : { code: 'country', weight: WEIGHTS.country, message: explain ? `same country: ${incident.country.toUpperCase()}` : '' };
  }
  return undefined;
}

/** A locality placed only in its country (see PlaceFact.unlisted): "ne-loc-tassia". */
const isUnlisted = (id: string) => id.includes('-loc-');

/** Whether some of an incident's places below region level are listed ones, whose region is known. */
function listedTowns(ids: Iterable<string>): boolean {
  for (const id of ids) if (!isUnlisted(id)) return true;
  return false;
}

/** Hostages of the nationality the incident holds, or whose release it was first known from. */
function holdsHostages(features: IncidentFeatures, nationality: string | undefined): boolean {
  return nationality !== undefined && features.victims.some((v) => heldOrFreed(v.role) && v.folded === nationality);
}

interface Scored {
  readonly match?: Reason;
  readonly veto?: Reason;
}

const NOTHING: Scored = {};

function dateScore(pair: Pair): Scored {
  const { probe, incident, explain } = pair;
  // The same kind of event on other dates is another event, unless the story only estimates its date
  // (see MainEvent.dateEstimated): then the date scores closeness and vetoes nothing.
  const freed = endsCaptivity(pair);
  // What is said of the massacre of the incident's town (an inquiry, a denial) is news of it, however long after (see massacreScore).
  const spokenOf = probe.changes.includes('statement') && massacreScore(pair) !== undefined;
  const theirs = incident.eventDate;
  const vetoable = probe.type === incident.eventType && !LASTING.has(incident.eventType) && probe.dateEstimated !== true && !freed && !spokenOf && !sameVictimSoon(pair);
  const taken = freed && theirs !== undefined ? probe.captivityDays?.find((d) => daysBetween(d, theirs) <= DATE_TOLERANCE) : undefined;
  if (taken !== undefined) return { match: { code: 'date', weight: WEIGHTS.date, message: explain ? `the hostages were taken on ${taken}, as ${incident.id} says` : '' } };
  const since = freed ? firstCaptivityYear(probe) : undefined;
  // An incident known only from undated reports took its hostages before it was first reported.
  const heldBy = since === undefined ? undefined : (theirs ?? pair.features.anchorDay).slice(0, 4);
  if (since !== undefined && Number(heldBy) < since - 1) {
    return { veto: { code: 'veto:date', message: explain ? `the hostages were taken in ${since} or later; ${incident.id} took hostages in ${heldBy}: other hostages` : '' } };
  }
  if (theirs === undefined && probe.date !== undefined && probe.datePrecision === 'day') return reportedClose(pair, probe.date, vetoable);
  if (probe.date === undefined || theirs === undefined) return publicationCheck(pair);
  if (sameDayOfAnotherYear(probe, theirs)) {
    return { match: { code: 'date', weight: WEIGHTS.date, message: explain ? `event date ${theirs}: the day and month the story gives, in a year it may have come out in` : '' } };
  }
  if (probe.datePrecision === 'day') {
    const apart = daysBetween(probe.date, theirs);
    const decay = gaussian(apart);
    const message = explain ? `event dates ${probe.date} and ${theirs}, ${apart} day(s) apart` : '';
    if (vetoable && weekBefore(probe, theirs, apart)) {
      return { match: { code: 'date', weight: WEIGHTS.dateWeekday, message: explain ? `${message}: the weekday the story names, in the week before` : '' } };
    }
    if (vetoable && apart > DATE_TOLERANCE) {
      return { veto: { code: 'veto:date', message: explain ? `same kind of event (${incident.eventType}) but ${message}: ${incident.id} is another event` : '' } };
    }
    if (relatedFarApart(pair, apart)) {
      return { veto: { code: 'veto:date', message: explain ? `related event (${incident.eventType}) but ${message}: ${incident.id} is another event` : '' } };
    }
    const beyond = beyondEstimate(pair, theirs);
    if (beyond !== undefined) return { veto: beyond };
    // A story that gives no date is not close to the day its window opens: any day of it is as likely.
    if (probe.dateUntold === true) {
      const possible = windowScore(pair, theirs);
      return possible === undefined ? NOTHING : { match: possible };
    }
    const reported = stillReported(pair, theirs, probe.date);
    if (reported !== undefined && daysBetween(probe.date, reported) < apart) {
      return { match: { code: 'date', weight: round(WEIGHTS.date * gaussian(daysBetween(probe.date, reported))), message: explain ? `${message}, while it was still being reported (${reported})` : '' } };
    }
    const possible = windowScore(pair, theirs);
    if (possible !== undefined && (possible.weight ?? 0) > WEIGHTS.date * decay) return { match: possible };
    return decay < 0.01 ? NOTHING : { match: { code: 'date', weight: round(WEIGHTS.date * decay * guessShare(probe)), message } };
  }
  const apart = monthsBetween(monthOf(probe.date), monthOf(theirs));
  if (probe.datePrecision === 'month') {
    if (vetoable && apart > 1) {
      return { veto: { code: 'veto:date', message: explain ? `same kind of event (${incident.eventType}) but ${apart} months apart from ${incident.id}` : '' } };
    }
    return apart === 0 ? { match: { code: 'date', weight: WEIGHTS.dateMonth, message: explain ? `same month: ${monthOf(theirs)}` : '' } } : NOTHING;
  }
  return vetoable && probe.date.slice(0, 4) !== theirs.slice(0, 4)
    ? { veto: { code: 'veto:date', message: explain ? `same kind of event (${incident.eventType}) in another year than ${incident.id}` : '' } }
    : NOTHING;
}

/**
 * "Une Autrichienne a été enlevée samedi soir", in a story that came out nine days later: a weekday is
 * the same one a week before as well as the latest one, and a story copied a week late keeps it.
 */
function weekBefore(probe: Probe, theirs: string, apart: number): boolean {
  return probe.dateWeekdayOnly === true && apart === 7 && theirs < (probe.date ?? '');
}

/** Days within which a victim named by both makes a story the incident's, whatever day it gives. */
const SAME_VICTIM_DAYS = 60;

/**
 * A victim named by both within weeks is the same event on another day the story dates (a video of the
 * hostage, a funeral, a tribute). Years apart, the same person may have been taken again.
 */
function sameVictimSoon(pair: Pair): boolean {
  const { probe, incident } = pair;
  if (probe.date === undefined || incident.eventDate === undefined || namedVictim(pair) === undefined) return false;
  return daysBetween(probe.date, incident.eventDate) <= SAME_VICTIM_DAYS;
}

/**
 * The earliest year a story of hostages held or freed gives in speaking of them ("retenue en otage depuis
 * 2016"): they were not taken years before it. A year earlier still may be when, for a year told loosely.
 */
function firstCaptivityYear(probe: Probe): number | undefined {
  const years = probe.captivityYears;
  return years === undefined || years.length === 0 ? undefined : Math.min(...years.map(Number));
}

/** Days beyond an estimated date, or the window an undated story may be about, that an event of the same or a related kind may still lie. */
const ESTIMATE_SLACK_DAYS = 60;

/**
 * An attack months after a kidnapping at the same site is another event, not news of the kidnapping
 * (Diamond Cement raided in January 2026, its staff taken in July 2025): a related kind of event whose
 * told day lies further away than any estimate would stretch. News of the hostages freed, or of the
 * massacre of the incident's town, looks back as far as it must.
 */
function relatedFarApart(pair: Pair, apart: number): boolean {
  const { probe, incident } = pair;
  if (probe.type === undefined || probe.type === incident.eventType || probe.dateEstimated === true || apart <= ESTIMATE_SLACK_DAYS) return false;
  if (LASTING.has(incident.eventType) || LASTING.has(probe.type) || !relatedKinds(probe.type, incident.eventType)) return false;
  return !looksBack(pair);
}

/** News of a captivity, of hostages freed and of a massacre named by its town looks back as far as it must. */
function looksBack(pair: Pair): boolean {
  return followsCaptivity(pair.probe) || massacreScore(pair) !== undefined;
}

/**
 * An estimated date says roughly when: it vetoes no near day, but an event of the same or a related
 * kind years away is another event ("un missionnaire américain enlevé" in 2020 is not the American kidnapped in
 * 2016). News of a captivity, of hostages freed and of a massacre named by its town looks back as far as it must.
 */
function beyondEstimate(pair: Pair, theirs: string): Reason | undefined {
  const { probe, incident, explain } = pair;
  if (probe.dateEstimated !== true || probe.date === undefined || probe.type === undefined || LASTING.has(incident.eventType)) return undefined;
  if (probe.type !== incident.eventType && !relatedKinds(probe.type, incident.eventType)) return undefined;
  if (looksBack(pair)) return undefined;
  const from = probe.dateWindow?.from ?? probe.date;
  const to = probe.dateWindow?.to ?? probe.date;
  const outside = theirs < from ? dayNumber(from) - dayNumber(theirs) : dayNumber(theirs) - dayNumber(to);
  if (outside <= ESTIMATE_SLACK_DAYS) return undefined;
  return {
    code: 'veto:date',
    message: explain ? `${incident.eventType === probe.type ? 'same kind of event' : 'related event'} (${incident.eventType}) on ${theirs}, ${outside} days from when this story can be about (${from === to ? from : `${from} to ${to}`}): ${incident.id} is another event` : '',
  };
}

const gaussian = (days: number) => Math.exp(-(days * days) / (2 * DATE_SIGMA * DATE_SIGMA));

/** "le 10 novembre" in a story that may have come out over more than a year, and an incident on 10 November of one of its years. */
function sameDayOfAnotherYear(probe: Probe, theirs: string): boolean {
  const window = probe.dateWindow;
  if (probe.dateYearUnknown !== true || window === undefined || probe.date === undefined || theirs < window.from || theirs > window.to) return false;
  return daysBetween(`${theirs.slice(0, 4)}${probe.date.slice(4)}`, theirs) <= DATE_TOLERANCE;
}

/**
 * An undated story that gives only a weekday may mean that weekday in any week it can be about
 * (Probe.dateWindow): an incident on one of them agrees as much as one of those days can.
 */
function windowScore({ probe, explain }: Pair, theirs: string): Reason | undefined {
  const window = probe.dateWindow;
  if (window === undefined || probe.date === undefined || theirs < window.from || theirs > window.to) return undefined;
  // A story that gives no date may be about any day of its window, as one that gives a weekday may be about that weekday of any week.
  if (probe.dateUntold !== true && (dayNumber(theirs) - dayNumber(probe.date)) % WEEK_DAYS !== 0) return undefined;
  // News follows what it reports within days: the story came out soon after one of the dated items
  // it lies between, and its weekday most likely means the week before the later one as much as the earlier.
  const day = probe.dateUntold === true ? 'a day' : "the undated story's weekday";
  if (dayNumber(window.to) - dayNumber(theirs) < WEEK_DAYS) {
    return { code: 'date', weight: round(WEIGHTS.date * (probe.dateUntold === true ? 1 : guessShare(probe))), message: explain ? `event date ${theirs}: ${day} in the week before ${window.to}, the latest the story can have come out` : '' };
  }
  const weeks = windowWeeks(window);
  const which = probe.dateUntold === true ? 'a day of the' : `the same weekday as ${probe.date}, one of`;
  const message = explain ? `event date ${theirs}, ${which} ${weeks} weeks the undated story may mean (${window.from} to ${window.to})` : '';
  // However many weeks, an incident on the one weekday of seven the story names is more likely its event than one on another day.
  return { code: 'date', weight: round(Math.max(WEIGHTS.date / weeks, WEIGHTS.dateWeekday)), message };
}

/** Weeks of its window beyond which a day an undated story gives is one guess among many (see guessShare). */
const GUESS_WEEKS = 2;

/**
 * The share of a pinned day's weight that a day read from an undated story earns: "ce samedi" in a
 * story that came out some day in a span of many weeks is the Saturday before the earliest or before
 * the latest of them, or of any week between, and either end is a guess.
 */
function guessShare(probe: Probe): number {
  const window = probe.dateWindow;
  return probe.dateEstimated === true && window !== undefined && windowWeeks(window) > GUESS_WEEKS ? 0.5 : 1;
}

/** The weeks, whole or begun, from the first day of a window to its last. */
function windowWeeks(window: { readonly from: string; readonly to: string }): number {
  return Math.floor((dayNumber(window.to) - dayNumber(window.from)) / WEEK_DAYS) + 1;
}

/**
 * Fighting that lasts several days is reported day after day, and each report dates it differently
 * (the day it began, the day a side spoke). A story dated after the incident's event date, up to the
 * day after its latest report of the first week, is measured from that report: the fighting may still
 * be going on. The veto on same-kind events still counts from the event date.
 */
function stillReported({ incident, features }: Pair, eventDate: string, storyDate: string): string | undefined {
  if (storyDate <= eventDate || MOMENTS.has(incident.eventType)) return undefined;
  const latest = features.earlyReport();
  if (latest === undefined || dayNumber(storyDate) - dayNumber(latest) > 1) return undefined;
  return latest;
}

/**
 * A story of hostages freed or ransomed is dated by their freedom, months after the kidnapping it
 * follows: an incident holding hostages (or people missing) of the story's nationality, or a kidnapping.
 */
function endsCaptivity(pair: Pair): boolean {
  const { probe, incident, features } = pair;
  return followsCaptivity(probe) && (incident.eventType === 'kidnapping' || holdsHostages(features, probe.victims?.nationality) || namedVictim(pair) !== undefined);
}

/** A victim the story names by name that the incident names too. */
function namedVictim({ probe, features }: Pair): string | undefined {
  return probe.persons?.find((p) => features.personKeys.has(p));
}

/**
 * Hostages are news by name: a story of a kidnapping or a captivity that names its hostages, none of
 * them among those an incident holding hostages names, is about other people (Olivier Dubois, taken in
 * Gao in 2021, is not Sophie Pétronin, taken there in 2016).
 */
function personVeto(pair: Pair): Reason | undefined {
  const { probe, incident, features, explain } = pair;
  const persons = probe.persons;
  if (persons === undefined || features.personKeys.size === 0 || namedVictim(pair) !== undefined || sharesNameWord(pair)) return undefined;
  if (probe.type !== 'kidnapping' && !followsCaptivity(probe)) return undefined;
  if (!features.victims.some((v) => isHeld(v.role))) return undefined;
  return {
    code: 'veto:person',
    message: explain ? `the story names ${persons.join(', ')}, ${incident.id} names ${[...features.personKeys].join(', ')}: other hostages` : '',
  };
}

/** A name of the story shares a word with a surname of the incident's, or the reverse: maybe one person under two names. */
function sharesNameWord({ probe, features }: Pair): boolean {
  return (probe.personWords ?? []).some((w) => features.personKeys.has(w)) || (probe.persons ?? []).some((p) => features.personWords.has(p));
}

/** A person named by both is the strongest sign of one event: a hostage freed years after being taken. */
function personScore(pair: Pair): Reason | undefined {
  const named = namedVictim(pair);
  return named === undefined ? undefined : { code: 'person', weight: WEIGHTS.person, message: pair.explain ? `same person among the victims: ${named}` : '' };
}

/** Days after an incident without a day of its own was first reported within which an event of its kind may still be it. */
const LATER_REPORT_DAYS = 30;

/**
 * An incident known only from reports that gave no day: a story about the same days as its first
 * report is closer for it, as two reports of the same morning are. News comes out a day or two after
 * what it reports (REPORT_LAG_DAYS): an event of those days before the first report is as close as one
 * of its day. An event of the same kind a month or more after the latest day that report can have come
 * out is another event (a kidnapping in 2025 is not the one first reported in 2016); an earlier one
 * vetoes nothing, as the report may have come out long after.
 */
function reportedClose(pair: Pair, day: string, vetoable: boolean): Scored {
  const checked = publicationCheck(pair);
  if (checked.veto !== undefined) return checked;
  const earliest = pair.features.anchorDay;
  // A first report without a date of its own came out between two dated items: either end may be when.
  const latest = pair.incident.sources[0]?.publishedBefore?.slice(0, 10);
  // A story that only estimates its day is far from an incident whose reports all came out long before
  // or after it: measured from the day of those reports' span nearest the story's.
  const beyond = beyondEstimate(pair, nearestDay(earliest, latest ?? earliest, pair.probe.dateWindow?.from ?? day));
  if (beyond !== undefined) return { veto: beyond };
  const after = dayNumber(day) - dayNumber(latest ?? earliest);
  if (vetoable && after > LATER_REPORT_DAYS) {
    return { veto: { code: 'veto:date', message: pair.explain ? `same kind of event (${pair.incident.eventType}) on ${day}, ${after} days after ${pair.incident.id} was first reported (${latest ?? earliest}): another event` : '' } };
  }
  const first = latest !== undefined && reportDecay(latest, day) > reportDecay(earliest, day) ? latest : earliest;
  const decay = reportDecay(first, day);
  if (decay >= 0.01) return { match: { code: 'date', weight: round(WEIGHTS.date * decay), message: pair.explain ? `story of ${day}, first reported ${first}` : '' } };
  // Far from both ends, a day between them is still one the first report may have been about, and so
  // is a story that tells no day from the same days of the stream.
  const between = (latest !== undefined && day >= earliest && day <= latest) || untoldWithin(pair.probe, earliest, latest ?? earliest);
  return between
    ? { match: { code: 'date', weight: WEIGHTS.dateWeekday, message: pair.explain ? `story of ${day}, within the days the undated first report came out (${earliest} to ${latest})` : '' } }
    : NOTHING;
}

/** Whether a story that tells no day (see Probe.dateUntold) may have come out in the days from `first` to `last`. */
function untoldWithin(probe: Probe, first: string, last: string): boolean {
  const window = probe.dateWindow;
  return probe.dateUntold === true && window !== undefined && window.from <= last && window.to >= first;
}

/** The day from `first` to `last` nearest to `day`. */
function nearestDay(first: string, last: string, day: string): string {
  if (day < first) return first;
  return day > last ? last : day;
}

/** How close an event day is to a report of it: news comes out a day or two after (REPORT_LAG_DAYS). */
function reportDecay(report: string, day: string): number {
  const before = dayNumber(report) - dayNumber(day);
  return gaussian(before > 0 ? Math.max(0, before - REPORT_LAG_DAYS) : -before);
}

/**
 * A blockade lasts for weeks: a later story that speaks of it in its title or lead, naming who imposes
 * it or where, follows it, unless it reports an attack, kidnapping or killing of its own (counted victims,
 * victims of a stated nationality or by name, a named site), which is another incident however much it
 * owes to the blockade.
 */
function ongoingScore(pair: Pair): Scored {
  const { probe, incident, features, explain } = pair;
  // A government's advice is an event of its own, whatever the blockade it cites (see issuerScore).
  if (!LASTING.has(incident.eventType) || !probe.ongoing || (probe.type !== undefined && ADVICE_TYPES.has(probe.type))) return NOTHING;
  const start = features.anchorDay;
  const day = probe.date !== undefined && probe.datePrecision === 'day' ? probe.date : probe.published;
  const since = dayNumber(day) - dayNumber(start);
  if (since < -DATE_TOLERANCE || since > ONGOING_DAYS) return NOTHING;
  const ownEvent = probe.type !== undefined && !LASTING.has(probe.type) && !STATE_CHANGES.has(probe.type) && ownVictimsOrSite(probe);
  if (ownEvent && since > DATE_TOLERANCE) {
    return { veto: { code: 'veto:ongoing', message: explain ? `a ${probe.type} of its own during ${incident.id}, ${since} day(s) after it began` : '' } };
  }
  // Who imposes a blockade is often only named ("the blockade imposed by JNIM"): the incident's terms keep named actors.
  const by = probe.named.find((id) => Object.hasOwn(incident.terms, `@${id}`) || incident.actors.some((a) => a.value.id === id));
  const where = by === undefined ? sharedArea(pair) : undefined;
  if (by === undefined && where === undefined) return NOTHING;
  const what = by === undefined ? `around ${where}` : `by ${by}`;
  return { match: { code: 'ongoing', weight: WEIGHTS.ongoing, message: explain ? `speaks of ${incident.id}, under way since ${start} ${what}` : '' } };
}

function ownVictimsOrSite({ site, victims, persons }: Probe): boolean {
  return site !== undefined || (victims?.count ?? null) !== null || victims?.nationality !== undefined || persons !== undefined;
}

/** A place or region the story names that the incident names too. */
function sharedArea({ probe, features }: Pair): string | undefined {
  for (const place of probe.places) if (namesArea(features, place.id)) return place.id;
  for (const region of probe.regions) if (namesArea(features, region)) return region;
  return undefined;
}

function namesArea(features: IncidentFeatures, id: string): boolean {
  return features.placeIds.has(id) || features.regions.has(id);
}

/**
 * Without an event date, a story published before an incident happened cannot be about it. An undated
 * story of a stream may have come out as late as its window allows.
 */
function publicationCheck({ probe, incident, features, explain }: Pair): Scored {
  const anchor = features.anchorDay;
  const latest = probe.dateWindow !== undefined && probe.dateWindow.to > probe.published ? probe.dateWindow.to : probe.published;
  if (latest >= anchor || daysBetween(latest, anchor) <= DATE_TOLERANCE) return NOTHING;
  return { veto: { code: 'veto:date', message: explain ? `published ${latest === probe.published ? '' : 'at the latest '}${latest}, before ${incident.id} happened (${anchor})` : '' } };
}

function typeScore({ probe, incident, explain }: Pair): Reason | undefined {
  if (probe.type === undefined) return undefined;
  if (probe.type === incident.eventType) return { code: 'type', weight: WEIGHTS.type, message: explain ? `same event type: ${probe.type}` : '' };
  if (relatedTypes(probe.type, incident.eventType)) {
    return { code: 'type', weight: WEIGHTS.typeRelated, message: explain ? `related event types: ${probe.type} and ${incident.eventType}` : '' };
  }
  return undefined;
}

function victimsScore({ probe, incident, features, explain }: Pair): Scored {
  const victims = probe.victims;
  if (victims === undefined) return NOTHING;
  const theirs = features.victims;
  if (victims.nationality === undefined) {
    const same = victims.count !== null && theirs.some((v) => v.count === victims.count && sameFate(v.role, victims.role));
    return same
      ? { match: { code: 'victims', weight: WEIGHTS.victimsCountOnly, message: explain ? `same number of victims: ${victims.count}` : '' } }
      : NOTHING;
  }
  const nationality = victims.nationality;
  const sameNationality = theirs.filter((v) => v.folded === nationality);
  if (sameNationality.length === 0) {
    // Hostages of one nationality do not contradict soldiers of another killed in the same attack, and the
    // dead of one attack are of several nationalities, each report naming whom it heard of first: only
    // people taken clash with people of another nationality taken.
    const killedOrWounded = victims.role !== undefined && !TAKEN.has(victims.role);
    const comparable = killedOrWounded ? [] : theirs.filter((v) => victims.role === undefined || v.role === victims.role);
    const others = [...new Set(comparable.flatMap((v) => (v.nationality === undefined ? [] : [v.nationality])))];
    if (others.length > 0) {
      // Two Chinese taken against three Indians taken: neither the count nor the nationality agrees, two abductions.
      const counts = comparable.flatMap((v) => (v.nationality === undefined || v.count === null ? [] : [v.count]));
      if (probe.type === 'kidnapping' && incident.eventType === 'kidnapping' && victims.count !== null && counts.length > 0 && !counts.includes(victims.count)) {
        return { veto: { code: 'veto:victims', message: explain ? `${victims.count} ${nationality} hostages against ${others.join(', ')} in ${incident.id}` : '' } };
      }
      return { match: { code: 'victims:clash', weight: WEIGHTS.nationalityClash, message: explain ? `victims ${nationality} against ${others.join(', ')}` : '' } };
    }
    // The other side did not say whose they were: the count can still agree.
    const counted = victims.count !== null && theirs.some((v) => v.nationality === undefined && v.count === victims.count && sameFate(v.role, victims.role));
    return counted ? { match: { code: 'victims', weight: WEIGHTS.victimsCountOnly, message: explain ? `same number of victims: ${victims.count}` : '' } } : NOTHING;
  }
  const counts = sameNationality.filter((v) => v.count !== null);
  const same = victims.count === null ? [] : counts.filter((v) => v.count === victims.count);
  if (followsCaptivity(probe) && sameHostages(victims, same, sameNationality, incident.country)) {
    return { match: { code: 'victims', weight: WEIGHTS.hostages, message: explain ? `same hostages: ${victims.count === null ? '' : `${victims.count} `}${nationality}` : '' } };
  }
  if (same.length > 0) {
    return { match: { code: 'victims', weight: WEIGHTS.victims, message: explain ? `same victims: ${victims.count} ${nationality}` : '' } };
  }
  if (victims.count === null || counts.length === 0) {
    return { match: { code: 'victims', weight: WEIGHTS.victimsPartial, message: explain ? `same nationality of victims: ${nationality}` : '' } };
  }
  const hostages = counts.filter((v) => v.role === 'hostage').map((v) => v.count);
  // On the day the incident took its hostages, another count is a revised count or some of them ("the
  // family of one of the two Frenchmen kidnapped in November"), not another kidnapping.
  // One hostage freed of several taken together is one of them ("l'ex-otage australienne" of a couple);
  // three freed are not some of five taken elsewhere.
  const oneFreed = reportsCaptivityEnd(probe.type, probe.changes) && victims.count === 1 && hostages.some((n) => n !== null && n > 1);
  if (probe.type === 'kidnapping' && incident.eventType === 'kidnapping' && hostages.length > 0 && !sameTime(probe, incident) && !oneFreed) {
    return {
      veto: {
        code: 'veto:victims',
        message: explain ? `${victims.count} ${nationality} hostages against ${hostages.join(' or ')} in ${incident.id}` : '',
      },
    };
  }
  return { match: { code: 'victims', weight: WEIGHTS.victimsPartial, message: explain ? `same nationality of victims (${nationality}), counts differ` : '' } };
}

/** Whether the story tells the day, or the month, of the incident's event. */
function sameTime(probe: Probe, incident: Incident): boolean {
  const theirs = incident.eventDate;
  if (probe.date === undefined || probe.dateEstimated === true || theirs === undefined) return false;
  if (probe.datePrecision === 'day') return daysBetween(probe.date, theirs) <= DATE_TOLERANCE;
  return probe.datePrecision === 'month' && monthOf(probe.date) === monthOf(theirs);
}

/** Taken (held, missing or freed) against killed or wounded: one missing priest is not the one soldier an attack killed. */
const TAKEN: ReadonlySet<VictimRole | undefined> = new Set(['hostage', 'missing', 'released']);

function sameFate(a: VictimRole | undefined, b: VictimRole | undefined): boolean {
  return a === undefined || b === undefined || TAKEN.has(a) === TAKEN.has(b);
}

/**
 * So many hostages of one nationality held in one country are rarely two groups, and foreign hostages
 * are few however many there are: a story of their freedom is about them.
 */
function sameHostages(victims: ProbeVictims, same: readonly VictimFeature[], sameNationality: readonly VictimFeature[], country: string): boolean {
  if (same.some((v) => isHeld(v.role))) return true;
  const foreign = victims.nationality !== undefined && !isLocal(victims.nationality, country);
  return foreign && sameNationality.some((v) => isHeld(v.role) && (v.count === null || victims.count === null));
}

function siteScore({ probe, features, explain }: Pair): Reason | undefined {
  const keys = features.siteKeys;
  if (probe.site === undefined || keys.length === 0) return undefined;
  if (keys.includes(probe.site)) return { code: 'site', weight: WEIGHTS.site, message: explain ? `same site: ${probe.site}` : '' };
  // "a mining site" and "a mining facility", "Kalpataru Projects" and "Kalpataru Power": two names of one thing, not two sites.
  const head = headWord(probe.site);
  if (keys.some((k) => headWord(k) === head)) return undefined;
  // "a mining firm" says what kind of site, not which: it clashes with another kind, not with a site named ("Boungou mine").
  const generic = isGenericSiteKey(probe.site);
  const comparable = keys.filter((k) => isGenericSiteKey(k) === generic);
  if (comparable.length === 0) return undefined;
  const kind = generic ? comparable.find((k) => sameKindOfSite(probe.site as string, k)) : undefined;
  if (kind !== undefined) return { code: 'site', weight: WEIGHTS.siteKind, message: explain ? `same kind of site: ${probe.site} and ${kind}` : '' };
  return { code: 'site:clash', weight: WEIGHTS.siteClash, message: explain ? `site ${probe.site} against ${comparable.join(', ')}` : '' };
}

function headWord(siteKey: string): string {
  const space = siteKey.indexOf(' ');
  return space < 0 ? siteKey : siteKey.slice(0, space);
}

/** A story that names a massacre after the town of an attack or a killing is about it, however long after (see Probe.massacres). */
function massacreScore({ probe, incident, features, explain }: Pair): Reason | undefined {
  if (!MASSACRE_TYPES.has(incident.eventType)) return undefined;
  const town = probe.massacres?.find((id) => features.placeIds.has(id));
  return town === undefined ? undefined : { code: 'massacre', weight: WEIGHTS.massacre, message: explain ? `names the massacre of ${town}` : '' };
}

function actorScore({ probe, features, explain }: Pair): Reason | undefined {
  const shared = probe.actors.filter((a) => features.actorIds.has(a));
  return shared.length === 0 ? undefined : { code: 'actor', weight: WEIGHTS.actor, message: explain ? `same actor: ${shared.join(', ')}` : '' };
}

/** Incidents that are what a government said: its advice, or a statement. */
const SAID: ReadonlySet<EventType> = new Set([...ADVICE_TYPES, 'statement']);

/** Days after a coup in which an embassy's alerts are about the coup under way. */
const COUP_UNDER_WAY_DAYS = 7;

function duringCoup(probe: Probe, coupDay: string | undefined): boolean {
  const day = probe.date ?? probe.published;
  return coupDay !== undefined && day >= coupDay && daysBetween(day, coupDay) <= COUP_UNDER_WAY_DAYS;
}

/**
 * A government's change of its travel advice is an event of its own, whatever attack or coup set it
 * off: the attack is over, the advice stands. Advice about hostages still held or a blockade under way
 * follows them, and so does an embassy's security alert in the days of a coup ("shelter in place, avoid
 * the presidency"): the coup is still under way.
 */
function adviceVeto({ probe, incident, explain }: Pair): Reason | undefined {
  if (probe.type === undefined || !ADVICE_TYPES.has(probe.type) || !(MASSACRE_TYPES.has(incident.eventType) || incident.eventType === 'coup')) return undefined;
  if (probe.alert === true && incident.eventType === 'coup' && duringCoup(probe, incident.eventDate)) return undefined;
  const article = /^[aeiou]/.test(incident.eventType) ? 'an' : 'a';
  return { code: 'veto:advice', message: explain ? `the story is a government's advice, ${incident.id} ${article} ${incident.eventType} it may follow: two events` : '' };
}

/**
 * Travel advice is one government's: the same government's advice agrees, another's advice or
 * statement is another incident ("Italians flown out of Niamey" is not France's warning to the junta).
 */
function issuerScore(pair: Pair): Scored {
  const { probe, incident, explain } = pair;
  if (probe.issuer === undefined || !SAID.has(incident.eventType)) return NOTHING;
  const theirs = [...new Set(incident.actors.filter((a) => a.value.role === 'spoke' && ISSUER_IDS.has(a.value.id)).map((a) => a.value.id))];
  if (theirs.includes(probe.issuer)) {
    const step = otherStep(pair);
    if (step !== undefined) return { veto: step };
    return { match: { code: 'issuer', weight: WEIGHTS.issuer, message: explain ? `advice by the same government: ${probe.issuer}` : '' } };
  }
  if (theirs.length === 0) return NOTHING;
  return { veto: { code: 'veto:issuer', message: explain ? `advice by ${probe.issuer}, ${incident.id} is advice by ${theirs.join(', ')}` : '' } };
}

/**
 * A government climbs its ladder of leaving a rung at a time, days apart: staff allowed to go, then
 * ordered out, then citizens told to leave now. A rung announced days after another is another event.
 */
function otherStep({ probe, features, explain, incident }: Pair): Reason | undefined {
  const step = probe.adviceStep;
  if (step === undefined) return undefined;
  const steps = features.adviceSteps();
  if (steps.size === 0 || steps.has(step)) return undefined;
  const apart = daysBetween(probe.date ?? probe.published, features.anchorDay);
  if (apart <= 1) return undefined;
  return { code: 'veto:step', message: explain ? `${probe.issuer ?? 'the government'} announces ${step}, ${apart} days after ${incident.id} (${[...steps].join(', ')}): another step` : '' };
}

function textScore({ probe, features, explain }: Pair): Reason | undefined {
  const similarity = termSimilarity(probe.terms, features.terms());
  if (similarity < TEXT_FLOOR) return undefined;
  return { code: 'text', weight: round(WEIGHTS.text * similarity), message: explain ? `wording similarity ${similarity.toFixed(2)}` : '' };
}

function wireScore({ probe, features, explain }: Pair): Reason | undefined {
  const own = signatureHashes(probe.fingerprint);
  let best = 0;
  let copied = '';
  const { wireHashes } = features;
  for (let i = 0; i < wireHashes.length; i++) {
    const similarity = signatureSimilarity(own, wireHashes[i] as Uint32Array, Math.max(WIRE_SIMILARITY, best));
    if (similarity > best) {
      best = similarity;
      copied = features.wireSources[i]?.documentId ?? '';
    }
  }
  if (best < WIRE_SIMILARITY) return undefined;
  return { code: 'wire', weight: WEIGHTS.wire, message: explain ? `copy of ${copied} (shingle similarity about ${best.toFixed(2)})` : '' };
}

/** What ties an attack to a kidnapping as one event: the hostages, where they were taken, who they are, or the same wording. */
const SHARED_CAPTIVITY: ReadonlySet<string> = new Set(['victims', 'site', 'person', 'wire']);

/**
 * An attack and the kidnapping of people whose nationality is known, the same day in the same town,
 * are one event only when the story speaks of the same hostages or site: the offensive on seven western
 * towns of 1 July 2025 is not the abduction of three Indians at the Kayes cement factory that morning,
 * though both are JNIM's. Hostages of no stated nationality are mostly those of a siege, whose later
 * reports tell of the attack.
 */
function kindVeto({ probe, incident, features, explain }: Pair, matches: readonly Reason[]): Reason | undefined {
  const foreign =
    probe.type === 'attack' && incident.eventType === 'kidnapping'
      ? features.victims.some((v) => isHeld(v.role) && v.folded !== undefined)
      : probe.type === 'kidnapping' && incident.eventType === 'attack' && isHeld(probe.victims?.role) && probe.victims?.nationality !== undefined;
  if (!foreign || matches.some((m) => SHARED_CAPTIVITY.has(m.code))) return undefined;
  return {
    code: 'veto:kind',
    message: explain ? `the story's ${probe.type} and the ${incident.eventType} of ${incident.id} share neither victims nor site: two events` : '',
  };
}

/**
 * A story that recalls an incident as background ("earlier this year, three Indians were kidnapped at
 * the Diamond Cement Factory") is not about it. Unless the main event itself agrees on at least two of
 * place, date, victims and site, the recall vetoes the join.
 */
function recallVeto({ probe, incident, features, explain }: Pair, matches: readonly Reason[]): Reason | undefined {
  const recalled = probe.recalled;
  if (recalled.sites.length === 0 && recalled.dates.length === 0 && recalled.victims.length === 0) return undefined;
  const bySite = recalled.sites.find((s) => features.siteKeys.includes(s));
  const eventDate = incident.eventDate;
  const byDate = eventDate === undefined ? undefined : recalled.dates.find((d) => daysBetween(d, eventDate) <= DATE_TOLERANCE);
  const byVictims = recalled.victims.find(
    (v) => v.count !== null && v.nationality !== undefined && features.victims.some((a) => a.count === v.count && a.folded === v.nationality),
  );
  if (bySite === undefined && byDate === undefined && byVictims === undefined) return undefined;
  // A story of hostages freed tells how they were taken: recalling them, or the day they were taken, is what it is about.
  if ((byVictims !== undefined || (byDate !== undefined && probe.captivityDays?.includes(byDate) === true)) && followsCaptivity(probe)) return undefined;
  // A government's advice that recalls the day its own operation of the same kind began ("c'est mardi
  // soir que la France a commencé à évacuer") is news of that operation; its steps are kept apart by otherStep.
  if (bySite === undefined && byVictims === undefined && probe.type === incident.eventType && matches.some((r) => r.code === 'issuer')) return undefined;
  const strong = matches.filter(
    (r) => (r.code === 'place' || r.code === 'date' || r.code === 'site' || r.code === 'victims' || r.code === 'massacre') && (r.weight ?? 0) >= 0.1,
  );
  if (strong.length >= 2) return undefined;
  const what = bySite !== undefined ? `site ${bySite}` : byDate !== undefined ? `date ${byDate}` : 'its victims';
  return { code: 'veto:recall', message: explain ? `the story recalls ${incident.id} (${what}) as background only` : '' };
}

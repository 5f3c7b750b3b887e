import { ISSUER_IDS } from '../extract/travel-advice.js';
import type { EventType, Incident } from '../model.js';
import { fold } from '../text/normalize.js';
import { dayNumber, isoDay, monthOf, shiftDay, shiftMonth, WEEK_DAYS } from './dates.js';
import { fingerprintBands } from './fingerprint.js';
import { followsCaptivity, heldOrFreed, isLocal, isTownLevel, personKey, type Probe } from './probe.js';
import { strongestOf, strongestTerms } from './terms.js';
import { regionsOf } from './regions.js';

/**
 * Candidate keys of the inverted index, chosen so that each posting list stays short however large the
 * store grows (the lookup cost is the sum of their lengths):
 * - places, regions, counted victims of a nationality and salient terms, bucketed by month: a story
 *   looks in the months its event may fall in;
 * - the country and the actors, bucketed by day: common on their own ("JNIM", "Mali"), telling only
 *   together with a date, looked up a couple of days either side of the story's event date;
 * - a government's advice for a country, bucketed by month: a government changes it a few times a
 *   year, and a report that tells no day still finds the change it reports;
 * - a coup in a country, bucketed by month: a state sees few, and a coup has no place but the state
 *   to be found by when a report misses its day;
 * - sites, hostages of a nationality, named victims, the towns of attacks and killings (for a story
 *   about a massacre there), wire fingerprint bands and source documents, not bucketed: a later story
 *   about the same site or the same hostages is still compared and, when it is another event, vetoed
 *   with a readable reason; the towns of those attacks and killings by year as well, for a story that
 *   tells as heavy a toll;
 * - foreign hostages of a nationality, whatever their number, bucketed by year: the story of their
 *   freedom years later looks in the years a captivity may last.
 * Nationality alone and event type alone are not keys: most victims are Malian and most events attacks.
 */

const TERM_KEYS = 3;
/** Days by which a report may come out after what it reports. */
export const REPORT_LAG_DAYS = 2;
/** Days either side of a story's event date in which day-bucketed keys are looked up. */
const DAY_WINDOW = 2;

/** Incidents a story that names a massacre after their town may be about, however long after (see Probe.massacres). */
export const MASSACRE_TYPES: ReadonlySet<EventType> = new Set(['attack', 'killing']);
/** Dead from which an attack is filed as a massacre: the town's key then stays short however many smaller attacks it sees. */
const MASSACRE_DEAD = 10;

/** A government's advice: what it tells its citizens to do, and its steps of leaving. */
export const ADVICE_TYPES: ReadonlySet<EventType> = new Set(['advisory', 'evacuation']);

const adviceKey = (country: string, issuer: string) => `advice:${country}:${issuer}`;

function isMassacre(incident: Incident): boolean {
  return MASSACRE_TYPES.has(incident.eventType) && incident.victims.some(({ value }) => value.role === 'killed' && (value.count ?? 0) >= MASSACRE_DEAD);
}

export function incidentKeys(incident: Incident): string[] {
  const day = incidentAnchorDay(incident);
  const month = monthOf(day);
  const months = incidentMonths(incident, day);
  const keys = new Set<string>();
  keys.add(`day:${incident.country}@${day}`);
  // Known only from when it was reported, it may have happened a day or two before; from a report of a
  // stream without a date of its own, before the latest that report can have come out as well.
  if (incident.eventDate === undefined) {
    for (let back = 1; back <= REPORT_LAG_DAYS; back++) keys.add(`day:${incident.country}@${shiftDay(day, -back)}`);
    const latest = isoDay(incident.sources[0]?.publishedBefore);
    if (latest !== undefined) for (let back = 0; back <= REPORT_LAG_DAYS; back++) keys.add(`day:${incident.country}@${shiftDay(latest, -back)}`);
  }
  // A lasting event is looked up by what is under way in the country, for months after it began.
  if (incident.eventType === 'blockade') keys.add(`ongoing:${incident.country}@${month}`);
  const bloody = isMassacre(incident);
  for (const { value } of incident.places) {
    if (value.kind === 'country') continue;
    addBucketed(keys, `${value.kind === 'region' ? 'region' : 'place'}:${value.id}`, months);
    for (const region of regionsOf(value)) if (region !== value.id) addBucketed(keys, `region:${region}`, months);
    if (bloody && value.kind !== 'region') {
      keys.add(`massacre:${value.id}`);
      keys.add(`massacre:${value.id}@${day.slice(0, 4)}`);
    }
  }
  for (const { value } of incident.victims) {
    if (value.nationality === undefined || value.count === null) continue;
    const nationality = fold(value.nationality);
    addBucketed(keys, `victims:${value.count}:${nationality}`, months);
    if (value.role === 'hostage') keys.add(`hostages:${value.count}:${nationality}`);
  }
  for (const { value } of incident.victims) for (const name of value.names ?? []) keys.add(`person:${personKey(name)}`);
  for (const nationality of foreignHostages(incident)) keys.add(`held:${nationality}@${day.slice(0, 4)}`);
  for (const { value } of incident.actors) keys.add(`actor:${value.id}@${day}`);
  if (incident.eventType === 'coup') addBucketed(keys, `coup:${incident.country}`, months);
  if (ADVICE_TYPES.has(incident.eventType)) {
    for (const { value } of incident.actors) if (value.role === 'spoke' && ISSUER_IDS.has(value.id)) addBucketed(keys, adviceKey(incident.country, value.id), months);
  }
  for (const term of strongestTerms(incident.terms, TERM_KEYS)) addBucketed(keys, `term:${term}`, months);
  for (const { value } of incident.sites) keys.add(`site:${value.key}`);
  // The first report and the latest are fingerprinted: wire copies of either find the incident (see
  // assess.ts for the comparison). The keys come in the order in which they change least from one save
  // to the next, the latest report's bands last, so that a store re-indexes little when a story joins.
  const { sources } = incident;
  const first = sources[0];
  if (first !== undefined) for (const band of fingerprintBands(first.fingerprint ?? '')) keys.add(band);
  const out = [...keys];
  // Sources are distinct documents (a story filed again replaces its earlier source), so their keys
  // are listed without a set: an incident may have hundreds of sources.
  for (const source of sources) out.push(`src:${source.documentId}`);
  const latest = sources.length > 1 ? sources[sources.length - 1] : undefined;
  if (latest !== undefined) for (const band of fingerprintBands(latest.fingerprint ?? '')) if (!keys.has(band)) out.push(band);
  return out;
}

/** The keys a story looks up: the same facets over the months and days its event may fall in. */
export function probeKeys(probe: Probe): string[] {
  const months = probeMonths(probe);
  const days = probe.date !== undefined && probe.datePrecision === 'day' ? probeDays(probe, probe.date) : [];
  const keys = new Set<string>();
  if (probe.country !== undefined) addBucketed(keys, `day:${probe.country}`, days);
  if (probe.ongoing && probe.country !== undefined) addBucketed(keys, `ongoing:${probe.country}`, ongoingMonths(probe.published));
  for (const place of probe.places) addBucketed(keys, place.kind === 'region' ? `region:${place.id}` : `place:${place.id}`, months);
  for (const region of probe.regions) addBucketed(keys, `region:${region}`, months);
  const victims = probe.victims;
  if (victims?.nationality !== undefined && victims.count !== null) {
    addBucketed(keys, `victims:${victims.count}:${victims.nationality}`, months);
    keys.add(`hostages:${victims.count}:${victims.nationality}`);
  }
  for (const actor of probe.actors) addBucketed(keys, `actor:${actor}`, days);
  if (probe.issuer !== undefined && probe.country !== undefined) addBucketed(keys, adviceKey(probe.country, probe.issuer), months);
  if (probe.type === 'coup' && probe.country !== undefined) addBucketed(keys, `coup:${probe.country}`, months);
  for (const person of probe.persons ?? []) keys.add(`person:${person}`);
  for (const town of probe.massacres ?? []) keys.add(`massacre:${town}`);
  // A toll that makes a massacre is looked for among the massacres of its towns in the years its
  // months fall in and the year before: a revised toll months on ("600 killed in an August attack on
  // Barsalogho"). By year, so that a town's list stays short however many years the store holds.
  if (probe.type !== undefined && MASSACRE_TYPES.has(probe.type) && probe.victims?.role === 'killed' && (probe.victims.count ?? 0) >= MASSACRE_DEAD) {
    const years = tollYears(months);
    for (const place of probe.places) if (isTownLevel(place.kind)) addBucketed(keys, `massacre:${place.id}`, years);
  }
  if (followsCaptivity(probe) && victims?.nationality !== undefined && !isLocal(victims.nationality, probe.country)) {
    addBucketed(keys, `held:${victims.nationality}`, captivityYears(probe));
  }
  for (const term of strongestOf(probe.terms, TERM_KEYS)) addBucketed(keys, `term:${term}`, months);
  if (probe.site !== undefined) keys.add(`site:${probe.site}`);
  // What the story recalls is looked up too, so that the recalled incident is compared and the recall vetoed in the reasons.
  for (const recalled of probe.recalled.sites) keys.add(`site:${recalled}`);
  for (const v of probe.recalled.victims) {
    if (v.count !== null && v.nationality !== undefined) keys.add(`hostages:${v.count}:${v.nationality}`);
  }
  keys.add(`src:${probe.documentId}`);
  for (const band of fingerprintBands(probe.fingerprint)) keys.add(band);
  return [...keys];
}

/** The years of the months a story may be about, and the year before the first. */
function tollYears(months: readonly string[]): string[] {
  const years = new Set<string>();
  for (const month of months) years.add(month.slice(0, 4));
  const first = months[0];
  if (first !== undefined) years.add(String(Number(first.slice(0, 4)) - 1));
  return [...years];
}

/** One facet in each of the months or days it is bucketed by ("place:ml-kayes@2025-07"). */
function addBucketed(keys: Set<string>, name: string, buckets: readonly string[]): void {
  for (const bucket of buckets) keys.add(`${name}@${bucket}`);
}

/** Months in which a blockade still under way may have begun (see ONGOING_DAYS in assess.ts). */
const ONGOING_MONTHS = 6;

function ongoingMonths(published: string): string[] {
  const month = monthOf(published);
  return Array.from({ length: ONGOING_MONTHS + 1 }, (_, back) => shiftMonth(month, -back));
}

/** Days before its estimated day that an undated story of a stream looks up at most (see Probe.dateWindow). */
const WINDOW_DAYS_BEFORE = 8;

/**
 * The days a story's country and actors are looked up on: two either side of its day, and for an
 * undated story of a stream also the week before, which its report may have followed.
 */
function probeDays(probe: Probe, day: string): readonly string[] {
  const window = probe.dateWindow;
  if (window === undefined) return dayWindow(day);
  const before = Math.min(WINDOW_DAYS_BEFORE, Math.max(DAY_WINDOW, dayNumber(day) - dayNumber(window.from)));
  const days: string[] = [];
  for (let shift = -before; shift <= DAY_WINDOW; shift++) days.push(shiftDay(day, shift));
  // A story that tells no date is most likely about the week before the latest it can have come out.
  if (probe.dateUntold === true && window.to > day) {
    const last = dayNumber(window.to) - dayNumber(day) + DAY_WINDOW;
    for (let shift = Math.max(DAY_WINDOW + 1, last - WINDOW_DAYS_BEFORE - DAY_WINDOW); shift <= last; shift++) days.push(shiftDay(day, shift));
  }
  // A weekday alone may be that weekday of any later week the story can have come out in (see windowScore).
  if (probe.dateWeekdayOnly === true && probe.dateUntold !== true) {
    const weeks = Math.min(WEEKDAY_WEEKS, Math.floor((dayNumber(window.to) - dayNumber(day)) / WEEK_DAYS));
    for (let week = 1; week <= weeks; week++) for (let shift = -DAY_WINDOW; shift <= DAY_WINDOW; shift++) days.push(shiftDay(day, week * WEEK_DAYS + shift));
  }
  return days;
}

/** Later weeks whose same weekday an undated story's weekday is looked up on. */
const WEEKDAY_WEEKS = 4;

/** Stories of a stream come from the same few days: each day's window is worked out once. */
const windows = new Map<string, readonly string[]>();
const MAX_WINDOWS = 4096;

function dayWindow(day: string): readonly string[] {
  let window = windows.get(day);
  if (window === undefined) {
    const out: string[] = [];
    for (let shift = -DAY_WINDOW; shift <= DAY_WINDOW; shift++) out.push(shiftDay(day, shift));
    if (windows.size >= MAX_WINDOWS) windows.clear();
    windows.set(day, out);
    window = out;
  }
  return window;
}

/**
 * The months an incident is filed under: its day's, or for one known only from a report of a stream
 * that had no date of its own, every month from the earliest that report can have come out to the
 * latest (see SourceRef.publishedBefore): a dated report of the same event finds it in any of them.
 */
function incidentMonths(incident: Incident, day: string): readonly string[] {
  const before = incident.eventDate === undefined ? incident.sources[0]?.publishedBefore : undefined;
  return before === undefined ? [monthOf(day)] : monthSpan(monthOf(day), monthOf(before));
}

/** The day an incident is filed under: its event date, else when it was first reported. */
export function incidentAnchorDay(incident: Incident): string {
  if (incident.eventDate !== undefined) return incident.eventDate;
  for (const source of incident.sources) {
    const day = isoDay(source.published) ?? isoDay(source.firstSeen);
    if (day !== undefined) return day;
  }
  return isoDay(incident.createdAt) ?? incident.createdAt.slice(0, 10);
}

/** Months of a date window looked up at most: a story a year or more apart from its neighbours says too little of when. */
const WINDOW_MONTHS = 13;

/**
 * An undated story of a stream may be about any day of its window (see Probe.dateWindow): it looks in
 * each month of it, and the month either side of its start, as a dated story does around its day.
 */
function windowMonths(from: string, to: string): string[] {
  return monthSpan(shiftMonth(monthOf(from), -1), monthOf(to));
}

/** A day and month without a year (see Probe.dateYearUnknown): the months around it in each year of the window. */
function yearsOfWindow(date: string, window: { readonly from: string; readonly to: string }): string[] {
  const months: string[] = [];
  for (let year = Number(window.from.slice(0, 4)); year <= Number(window.to.slice(0, 4)); year++) {
    const day = `${year}${date.slice(4)}`;
    if (day < window.from || day > window.to) continue;
    const month = monthOf(day);
    months.push(shiftMonth(month, -1), month, shiftMonth(month, 1));
  }
  return months;
}

/** The months from `first` to `last` ("2025-01"), at most WINDOW_MONTHS of them. */
function monthSpan(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last && months.length < WINDOW_MONTHS; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** Months back in which a kidnapping may have begun that a story of a release, a rescue or a ransom follows. */
const HOSTAGE_MONTHS = 24;
/** Years back in which foreign hostages may have been taken: the Sahel's groups have held some for seven years and more. */
const HOSTAGE_YEARS = 10;

/**
 * Nationalities of the foreign hostages (or missing) an incident holds, whatever their number: a
 * story of their freedom years later, reported from elsewhere, finds the incident through them. An
 * incident first known from their release holds them too: other reports of the release look it up so.
 */
function foreignHostages(incident: Incident): Set<string> {
  const out = new Set<string>();
  for (const { value } of incident.victims) {
    if (!heldOrFreed(value.role) || value.nationality === undefined) continue;
    const nationality = fold(value.nationality);
    if (!isLocal(nationality, incident.country)) out.add(nationality);
  }
  return out;
}

function captivityYears(probe: Probe): string[] {
  const year = Number(latestDay(probe).slice(0, 4));
  return Array.from({ length: HOSTAGE_YEARS + 1 }, (_, back) => String(year - back));
}

/**
 * The day a story of a captivity looks back from: the latest of its date, its publication and, for an
 * undated story of a stream, the end of its window. A story of hostages freed that dates itself by the
 * kidnapping it recalls may follow an incident first known from an earlier report of their freedom.
 */
function latestDay(probe: Probe): string {
  let latest = probe.published;
  for (const day of [probe.date, probe.dateWindow?.to]) if (day !== undefined && day > latest) latest = day;
  return latest;
}

/**
 * An event happens before it is reported: around its own date when known, else up to two months
 * before publication. A story of hostages freed, rescued or ransomed looks back as far as a captivity lasts.
 */
function probeMonths(probe: Probe): string[] {
  if (followsCaptivity(probe)) {
    const month = monthOf(latestDay(probe));
    return Array.from({ length: HOSTAGE_MONTHS + 2 }, (_, back) => shiftMonth(month, 1 - back));
  }
  const window = probe.dateWindow;
  if (window !== undefined && probe.dateYearUnknown === true && probe.date !== undefined) return yearsOfWindow(probe.date, window);
  if (window !== undefined) return windowMonths(window.from, window.to);
  if (probe.date !== undefined && probe.datePrecision !== 'year') {
    const month = monthOf(probe.date);
    return [shiftMonth(month, -1), month, shiftMonth(month, 1)];
  }
  const month = monthOf(probe.published);
  return [shiftMonth(month, -2), shiftMonth(month, -1), month];
}

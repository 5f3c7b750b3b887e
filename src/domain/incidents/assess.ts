import type { EventType, Incident, Reason } from '../model.js';
import { ISSUER_IDS } from '../extract/travel-advice.js';
import { fold } from '../text/normalize.js';
import { dayNumber, daysBetween, isoDay, monthOf, monthsBetween } from './dates.js';
import { incidentAnchorDay } from './keys.js';
import { fingerprintSimilarity } from './fingerprint.js';
import type { Probe } from './probe.js';
import { cosine } from './terms.js';

/**
 * Slot weights. Slots that pin an event down (where, when, who was taken, which site) weigh most;
 * type, actor and wording support them. A join needs about two strong slots, or one strong slot and
 * close wording; a wire copy of a story already filed is enough on its own.
 */
export const WEIGHTS = {
  place: 0.2,
  region: 0.12,
  country: 0.03,
  countryOnly: 0.08,
  placeClash: -0.1,
  date: 0.2,
  dateMonth: 0.1,
  type: 0.1,
  typeRelated: 0.05,
  victims: 0.2,
  victimsPartial: 0.1,
  victimsCountOnly: 0.08,
  nationalityClash: -0.15,
  site: 0.2,
  siteClash: -0.1,
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
/** Sources of an incident whose fingerprints a story is compared with. */
const WIRE_SOURCES = 8;
/** Events over in a moment: an abduction, a government's advice. */
const MOMENTS: ReadonlySet<EventType> = new Set(['kidnapping', 'advisory', 'evacuation']);
/** Days after an event in which its reports may tell of fighting still going on. */
const REPORTING_WEEK = 7;
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
const RELATED: ReadonlySet<string> = new Set(['attack|kidnapping', 'attack|killing', 'blockade|attack', 'evacuation|advisory']);

function relatedTypes(a: EventType, b: EventType): boolean {
  return STATE_CHANGES.has(a) || STATE_CHANGES.has(b) || RELATED.has(`${a}|${b}`) || RELATED.has(`${b}|${a}`);
}

export function assess(probe: Probe, incident: Incident): Assessment {
  const ongoing = ongoingScore(probe, incident);
  const place = placeScore(probe, incident);
  const date = dateScore(probe, incident);
  const victims = victimsScore(probe, incident);
  const issuer = issuerScore(probe, incident);
  const matches = defined([
    ongoing.match,
    // A blockade covers roads and towns around the places first named: another town is no clash.
    ongoing.match !== undefined && place?.code === 'place:clash' ? undefined : place,
    date.match,
    typeScore(probe, incident),
    victims.match,
    siteScore(probe, incident),
    actorScore(probe, incident),
    issuer.match,
    textScore(probe, incident),
    wireScore(probe, incident),
  ]);
  const vetoes = defined([countryVeto(probe, incident), ongoing.veto, date.veto, victims.veto, issuer.veto, recallVeto(probe, incident, matches)]);
  let sum = 0;
  for (const match of matches) sum += match.weight ?? 0;
  return { incident, score: round(sum), matches, vetoes };
}

/** Without closures: assess runs for every candidate of every story. */
function defined(reasons: readonly (Reason | undefined)[]): Reason[] {
  const out: Reason[] = [];
  for (const reason of reasons) if (reason !== undefined) out.push(reason);
  return out;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function countryVeto(probe: Probe, incident: Incident): Reason | undefined {
  if (probe.country === undefined || probe.country === incident.country) return undefined;
  return {
    code: 'veto:country',
    message: `${incident.id} happened in ${incident.country.toUpperCase()}, this story in ${probe.country.toUpperCase()}`,
  };
}

function placeScore(probe: Probe, incident: Incident): Reason | undefined {
  const ids = new Set<string>();
  const regions = new Set<string>();
  for (const { value } of incident.places) {
    if (value.kind === 'country') continue;
    if (value.kind === 'region') regions.add(value.id);
    else ids.add(value.id);
    if (value.region !== undefined) regions.add(value.region);
  }
  const shared = probe.places.find((p) => ids.has(p.id));
  if (shared !== undefined) return { code: 'place', weight: WEIGHTS.place, message: `same place: ${shared.id}` };
  const region = probe.regions.find((r) => regions.has(r));
  if (region !== undefined) return { code: 'region', weight: WEIGHTS.region, message: `same region: ${region}` };
  if (probe.regions.length > 0 && regions.size > 0) {
    return {
      code: 'place:clash',
      weight: WEIGHTS.placeClash,
      message: `different regions: ${probe.regions.join(', ')} against ${[...regions].join(', ')}`,
    };
  }
  if (probe.country === incident.country) {
    // A side that names no place within the country cannot disagree on the place.
    const vague = probe.places.length === 0 || (ids.size === 0 && regions.size === 0);
    return vague
      ? { code: 'country', weight: WEIGHTS.countryOnly, message: `same country (${incident.country.toUpperCase()}), no place within it to compare` }
      : { code: 'country', weight: WEIGHTS.country, message: `same country: ${incident.country.toUpperCase()}` };
  }
  return undefined;
}

interface Scored {
  readonly match?: Reason;
  readonly veto?: Reason;
}

function dateScore(probe: Probe, incident: Incident): Scored {
  const sameKind = probe.type === incident.eventType && !LASTING.has(incident.eventType);
  const theirs = incident.eventDate;
  if (probe.date === undefined || theirs === undefined) return publicationCheck(probe, incident);
  if (probe.datePrecision === 'day') {
    const apart = daysBetween(probe.date, theirs);
    const decay = gaussian(apart);
    const message = `event dates ${probe.date} and ${theirs}, ${apart} day(s) apart`;
    if (sameKind && apart > DATE_TOLERANCE) {
      return { veto: { code: 'veto:date', message: `same kind of event (${incident.eventType}) but ${message}: ${incident.id} is another event` } };
    }
    const reported = stillReported(incident, theirs, probe.date);
    if (reported !== undefined && daysBetween(probe.date, reported) < apart) {
      return { match: { code: 'date', weight: round(WEIGHTS.date * gaussian(daysBetween(probe.date, reported))), message: `${message}, while it was still being reported (${reported})` } };
    }
    return decay < 0.01 ? {} : { match: { code: 'date', weight: round(WEIGHTS.date * decay), message } };
  }
  const apart = monthsBetween(monthOf(probe.date), monthOf(theirs));
  if (probe.datePrecision === 'month') {
    if (sameKind && apart > 1) {
      return { veto: { code: 'veto:date', message: `same kind of event (${incident.eventType}) but ${apart} months apart from ${incident.id}` } };
    }
    return apart === 0 ? { match: { code: 'date', weight: WEIGHTS.dateMonth, message: `same month: ${monthOf(theirs)}` } } : {};
  }
  return sameKind && probe.date.slice(0, 4) !== theirs.slice(0, 4)
    ? { veto: { code: 'veto:date', message: `same kind of event (${incident.eventType}) in another year than ${incident.id}` } }
    : {};
}

const gaussian = (days: number) => Math.exp(-(days * days) / (2 * DATE_SIGMA * DATE_SIGMA));

/**
 * Fighting that lasts several days is reported day after day, and each report dates it differently
 * (the day it began, the day a side spoke). A story dated after the incident's event date, up to the
 * day after its latest report of the first week, is measured from that report: the fighting may still
 * be going on. The veto on same-kind events still counts from the event date.
 */
function stillReported(incident: Incident, eventDate: string, storyDate: string): string | undefined {
  if (storyDate <= eventDate || MOMENTS.has(incident.eventType)) return undefined;
  let latest: string | undefined;
  for (const source of incident.sources) {
    const day = isoDay(source.published);
    if (day === undefined || day < eventDate || daysBetween(day, eventDate) > REPORTING_WEEK) continue;
    if (latest === undefined || day > latest) latest = day;
  }
  if (latest === undefined || dayNumber(storyDate) - dayNumber(latest) > 1) return undefined;
  return latest;
}

/** Without an event date, a story published before an incident happened cannot be about it. */
/**
 * A blockade lasts for weeks: a later story that speaks of it in its title or lead, naming who imposes
 * it or where, follows it, unless it reports an attack, kidnapping or killing of its own (counted victims, a named site), which is
 * another incident however much it owes to the blockade.
 */
function ongoingScore(probe: Probe, incident: Incident): Scored {
  if (!LASTING.has(incident.eventType) || !probe.ongoing) return {};
  const start = incidentAnchorDay(incident);
  const day = probe.date !== undefined && probe.datePrecision === 'day' ? probe.date : probe.published;
  const since = dayNumber(day) - dayNumber(start);
  if (since < -DATE_TOLERANCE || since > ONGOING_DAYS) return {};
  const ownEvent = probe.type !== undefined && !LASTING.has(probe.type) && !STATE_CHANGES.has(probe.type) && (probe.site !== undefined || (probe.victims?.count ?? null) !== null);
  if (ownEvent && since > DATE_TOLERANCE) {
    return { veto: { code: 'veto:ongoing', message: `a ${probe.type} of its own during ${incident.id}, ${since} day(s) after it began` } };
  }
  // Who imposes a blockade is often only named ("the blockade imposed by JNIM"): the incident's terms keep named actors.
  const by = probe.named.find((id) => Object.hasOwn(incident.terms, `@${id}`) || incident.actors.some((a) => a.value.id === id));
  const where = by === undefined ? sharedArea(probe, incident) : undefined;
  if (by === undefined && where === undefined) return {};
  const what = by === undefined ? `around ${where}` : `by ${by}`;
  return { match: { code: 'ongoing', weight: WEIGHTS.ongoing, message: `speaks of ${incident.id}, under way since ${start} ${what}` } };
}

/** A place or region the story names that the incident names too. */
function sharedArea(probe: Probe, incident: Incident): string | undefined {
  const theirs = new Set<string>();
  for (const { value } of incident.places) {
    if (value.kind === 'country') continue;
    theirs.add(value.id);
    if (value.region !== undefined) theirs.add(value.region);
  }
  return probe.places.find((p) => theirs.has(p.id))?.id ?? probe.regions.find((r) => theirs.has(r));
}

function publicationCheck(probe: Probe, incident: Incident): Scored {
  const anchor = incidentAnchorDay(incident);
  if (probe.published >= anchor || daysBetween(probe.published, anchor) <= DATE_TOLERANCE) return {};
  return { veto: { code: 'veto:date', message: `published ${probe.published}, before ${incident.id} happened (${anchor})` } };
}

function typeScore(probe: Probe, incident: Incident): Reason | undefined {
  if (probe.type === undefined) return undefined;
  if (probe.type === incident.eventType) return { code: 'type', weight: WEIGHTS.type, message: `same event type: ${probe.type}` };
  if (relatedTypes(probe.type, incident.eventType)) {
    return { code: 'type', weight: WEIGHTS.typeRelated, message: `related event types: ${probe.type} and ${incident.eventType}` };
  }
  return undefined;
}

function victimsScore(probe: Probe, incident: Incident): Scored {
  const victims = probe.victims;
  if (victims === undefined) return {};
  const theirs = incident.victims.map((a) => a.value);
  if (victims.nationality === undefined) {
    const same = victims.count !== null && theirs.some((v) => v.count === victims.count);
    return same
      ? { match: { code: 'victims', weight: WEIGHTS.victimsCountOnly, message: `same number of victims: ${victims.count}` } }
      : {};
  }
  const nationality = victims.nationality;
  const sameNationality = theirs.filter((v) => v.nationality !== undefined && fold(v.nationality) === nationality);
  if (sameNationality.length === 0) {
    const others = [...new Set(theirs.flatMap((v) => (v.nationality === undefined ? [] : [v.nationality])))];
    return others.length === 0
      ? {}
      : { match: { code: 'victims:clash', weight: WEIGHTS.nationalityClash, message: `victims ${nationality} against ${others.join(', ')}` } };
  }
  const counts = sameNationality.filter((v) => v.count !== null);
  if (victims.count !== null && counts.some((v) => v.count === victims.count)) {
    return { match: { code: 'victims', weight: WEIGHTS.victims, message: `same victims: ${victims.count} ${nationality}` } };
  }
  if (victims.count === null || counts.length === 0) {
    return { match: { code: 'victims', weight: WEIGHTS.victimsPartial, message: `same nationality of victims: ${nationality}` } };
  }
  const hostages = counts.filter((v) => v.role === 'hostage').map((v) => v.count);
  if (probe.type === 'kidnapping' && incident.eventType === 'kidnapping' && hostages.length > 0) {
    return {
      veto: {
        code: 'veto:victims',
        message: `${victims.count} ${nationality} hostages against ${hostages.join(' or ')} in ${incident.id}`,
      },
    };
  }
  return { match: { code: 'victims', weight: WEIGHTS.victimsPartial, message: `same nationality of victims (${nationality}), counts differ` } };
}

function siteScore(probe: Probe, incident: Incident): Reason | undefined {
  if (probe.site === undefined || incident.sites.length === 0) return undefined;
  const keys = incident.sites.map((s) => s.value.key);
  if (keys.includes(probe.site)) return { code: 'site', weight: WEIGHTS.site, message: `same site: ${probe.site}` };
  return { code: 'site:clash', weight: WEIGHTS.siteClash, message: `site ${probe.site} against ${keys.join(', ')}` };
}

function actorScore(probe: Probe, incident: Incident): Reason | undefined {
  const ids = new Set(incident.actors.map((a) => a.value.id));
  const shared = probe.actors.filter((a) => ids.has(a));
  return shared.length === 0 ? undefined : { code: 'actor', weight: WEIGHTS.actor, message: `same actor: ${shared.join(', ')}` };
}

const ADVICE: ReadonlySet<EventType> = new Set(['advisory', 'evacuation']);

/** Travel advice is one government's: the same government's advice agrees, another's is another incident. */
function issuerScore(probe: Probe, incident: Incident): Scored {
  if (probe.issuer === undefined || !ADVICE.has(incident.eventType)) return {};
  const theirs = [...new Set(incident.actors.filter((a) => a.value.role === 'spoke' && ISSUER_IDS.has(a.value.id)).map((a) => a.value.id))];
  if (theirs.includes(probe.issuer)) return { match: { code: 'issuer', weight: WEIGHTS.issuer, message: `advice by the same government: ${probe.issuer}` } };
  if (theirs.length === 0) return {};
  return { veto: { code: 'veto:issuer', message: `advice by ${probe.issuer}, ${incident.id} is advice by ${theirs.join(', ')}` } };
}

function textScore(probe: Probe, incident: Incident): Reason | undefined {
  const similarity = cosine(probe.terms, incident.terms);
  if (similarity < TEXT_FLOOR) return undefined;
  return { code: 'text', weight: round(WEIGHTS.text * similarity), message: `wording similarity ${similarity.toFixed(2)}` };
}

/** The first report and the latest ones: a copy copies the original or a recent rewrite, and the cost stays bounded. */
function wireSources(incident: Incident): readonly Incident['sources'][number][] {
  const all = incident.sources;
  return all.length <= WIRE_SOURCES ? all : [all[0] as Incident['sources'][number], ...all.slice(-(WIRE_SOURCES - 1))];
}

function wireScore(probe: Probe, incident: Incident): Reason | undefined {
  let best = 0;
  let copied = '';
  for (const source of wireSources(incident)) {
    const similarity = fingerprintSimilarity(probe.fingerprint, source.fingerprint ?? '', Math.max(WIRE_SIMILARITY, best));
    if (similarity > best) {
      best = similarity;
      copied = source.documentId;
    }
  }
  if (best < WIRE_SIMILARITY) return undefined;
  return { code: 'wire', weight: WEIGHTS.wire, message: `copy of ${copied} (shingle similarity about ${best.toFixed(2)})` };
}

/**
 * A story that recalls an incident as background ("earlier this year, three Indians were kidnapped at
 * the Diamond Cement Factory") is not about it. Unless the main event itself agrees on at least two of
 * place, date, victims and site, the recall vetoes the join.
 */
function recallVeto(probe: Probe, incident: Incident, matches: readonly Reason[]): Reason | undefined {
  const recalled = probe.recalled;
  const sites = incident.sites.map((s) => s.value.key);
  const bySite = recalled.sites.find((s) => sites.includes(s));
  const eventDate = incident.eventDate;
  const byDate = eventDate === undefined ? undefined : recalled.dates.find((d) => daysBetween(d, eventDate) <= DATE_TOLERANCE);
  const byVictims = recalled.victims.find(
    (v) =>
      v.count !== null &&
      v.nationality !== undefined &&
      incident.victims.some((a) => a.value.count === v.count && a.value.nationality !== undefined && fold(a.value.nationality) === v.nationality),
  );
  if (bySite === undefined && byDate === undefined && byVictims === undefined) return undefined;
  const strong = matches.filter(
    (r) => (r.code === 'place' || r.code === 'date' || r.code === 'site' || r.code === 'victims') && (r.weight ?? 0) >= 0.1,
  );
  if (strong.length >= 2) return undefined;
  const what = bySite !== undefined ? `site ${bySite}` : byDate !== undefined ? `date ${byDate}` : 'its victims';
  return { code: 'veto:recall', message: `the story recalls ${incident.id} (${what}) as background only` };
}

import type { Incident } from '../model.js';
import { fold } from '../text/normalize.js';
import { isoDay, monthOf, shiftDay, shiftMonth } from './dates.js';
import { fingerprintBands } from './fingerprint.js';
import type { Probe } from './probe.js';
import { strongestTerms } from './terms.js';

/**
 * Candidate keys of the inverted index. Frequent facets (place, region, nationality, actor, type,
 * term) are bucketed by month, the country by day, so that a posting list holds the incidents of one month rather than
 * of all time and a lookup stays cheap however large the store grows; a story looks in its month and
 * the neighbouring ones. Specific facets (site, hostages of a nationality, wire fingerprint bands,
 * source documents) are not bucketed, so that a later story about the same site or the same hostages
 * is still compared and, when it is another event, vetoed with a readable reason.
 */

const TERM_KEYS = 3;
/** Days either side of a story's event date in which incidents of the same country are looked up. */
const DAY_WINDOW = 2;
const FINGERPRINTED_SOURCES = 8;

export function incidentKeys(incident: Incident): string[] {
  const month = monthOf(incidentAnchorDay(incident));
  const keys = new Set<string>();
  const facet = (name: string) => keys.add(`${name}@${month}`);
  facet(`type:${incident.eventType}:${incident.country}`);
  if (incident.eventDate !== undefined) keys.add(`day:${incident.country}:${incident.eventDate}`);
  for (const { value } of incident.places) {
    if (value.kind === 'country') continue;
    facet(value.kind === 'region' ? `region:${value.id}` : `place:${value.id}`);
    if (value.region !== undefined) facet(`region:${value.region}`);
  }
  for (const { value } of incident.victims) {
    if (value.nationality === undefined) continue;
    const nationality = fold(value.nationality);
    facet(`nat:${nationality}`);
    if (value.count !== null && value.role === 'hostage') keys.add(`hostages:${value.count}:${nationality}`);
  }
  for (const { value } of incident.actors) facet(`actor:${value.id}`);
  for (const term of strongestTerms(incident.terms, TERM_KEYS)) facet(`term:${term}`);
  for (const { value } of incident.sites) keys.add(`site:${value.key}`);
  for (const source of incident.sources) keys.add(`src:${source.documentId}`);
  for (const source of incident.sources.slice(-FINGERPRINTED_SOURCES)) {
    for (const band of fingerprintBands(source.fingerprint ?? '')) keys.add(band);
  }
  return [...keys];
}

/** The keys a story looks up: the same facets over the months its event may fall in. */
export function probeKeys(probe: Probe): string[] {
  const months = probeMonths(probe);
  const keys = new Set<string>();
  const facet = (name: string) => {
    for (const month of months) keys.add(`${name}@${month}`);
  };
  if (probe.type !== undefined && probe.country !== undefined) facet(`type:${probe.type}:${probe.country}`);
  if (probe.date !== undefined && probe.datePrecision === 'day' && probe.country !== undefined) {
    for (let shift = -DAY_WINDOW; shift <= DAY_WINDOW; shift++) keys.add(`day:${probe.country}:${shiftDay(probe.date, shift)}`);
  }
  for (const place of probe.places) {
    facet(place.kind === 'region' ? `region:${place.id}` : `place:${place.id}`);
  }
  for (const region of probe.regions) facet(`region:${region}`);
  const victims = probe.victims;
  if (victims?.nationality !== undefined) {
    facet(`nat:${victims.nationality}`);
    if (victims.count !== null) keys.add(`hostages:${victims.count}:${victims.nationality}`);
  }
  for (const actor of probe.actors) facet(`actor:${actor}`);
  for (const term of strongestTerms(probe.terms, TERM_KEYS)) facet(`term:${term}`);
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

/** The day an incident is filed under: its event date, else when it was first reported. */
export function incidentAnchorDay(incident: Incident): string {
  if (incident.eventDate !== undefined) return incident.eventDate;
  const published = incident.sources.map((s) => isoDay(s.published) ?? isoDay(s.firstSeen)).find((d) => d !== undefined);
  return published ?? isoDay(incident.createdAt) ?? incident.createdAt.slice(0, 10);
}

/** An event happens before it is reported: around its own date when known, else up to two months before publication. */
function probeMonths(probe: Probe): string[] {
  if (probe.date !== undefined && probe.datePrecision !== 'year') {
    const month = monthOf(probe.date);
    return [shiftMonth(month, -1), month, shiftMonth(month, 1)];
  }
  const month = monthOf(probe.published);
  return [shiftMonth(month, -2), shiftMonth(month, -1), month];
}

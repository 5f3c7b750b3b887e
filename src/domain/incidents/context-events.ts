import type { Document, EventType, Evidence, Facts, Incident, PlaceFact } from '../model.js';
import { assess } from './assess.js';
import { placeValue } from './contributions.js';
import { daysBetween, isoDay } from './dates.js';
import type { MatchPolicy } from './decide.js';
import type { Story } from './merge.js';
import type { Probe } from './probe.js';
import { regionsOf } from './regions.js';
import { NO_TERMS } from './terms.js';

/** An earlier event a story mentions in passing ("On June 2, militants attacked ... Timbuktu"). */
export interface ContextEvent {
  readonly type: EventType;
  readonly date: string;
  readonly place: PlaceFact;
  readonly country: string;
  readonly evidence: Evidence;
}

/** Event types that make an incident of their own; state changes only make sense about a known event. */
const PRIMARY: ReadonlySet<EventType> = new Set(['attack', 'killing', 'kidnapping', 'blockade']);
/** A date this close to the main event's belongs to it (the same offensive, the day after). */
const SAME_EVENT_DAYS = 2;
const SPECIFICITY = { town: 0, cercle: 1, region: 2, country: 3 } as const;

/**
 * Other events a story dates to the day and places below country level, each in one sentence: the
 * date, a place that is not the main event's, and an event word in that sentence or the one before
 * ("JNIM has claimed two earlier attacks. On June 2, militants targeted ... Timbuktu."). Without a
 * dated main event nothing is taken: the story's own event could not be told apart.
 */
export function contextEvents(facts: Facts): ContextEvent[] {
  const mainDate = isoDay(facts.main.date);
  if (mainDate === undefined || facts.main.datePrecision !== 'day') return [];
  const mainPlaces = new Set(facts.main.places);
  const found = new Map<string, ContextEvent>();
  for (const date of facts.dates) {
    const day = isoDay(date.date);
    if (date.role !== 'event' || date.precision !== 'day' || day === undefined) continue;
    if (daysBetween(day, mainDate) <= SAME_EVENT_DAYS) continue;
    const sentence = date.evidence.sentence;
    const place = facts.places
      .filter((p) => p.evidence.sentence === sentence && p.kind !== 'country' && !mainPlaces.has(p.id))
      .sort((a, b) => SPECIFICITY[a.kind] - SPECIFICITY[b.kind])[0];
    const type = eventNear(facts, sentence);
    if (place === undefined || type === undefined) continue;
    const key = `${type}|${day}|${place.id}`;
    if (!found.has(key)) found.set(key, { type, date: day, place, country: place.country, evidence: date.evidence });
  }
  return [...found.values()];
}

function eventNear(facts: Facts, sentence: number): EventType | undefined {
  const inSentence = (index: number) => facts.events.find((e) => e.evidence.sentence === index && PRIMARY.has(e.type))?.type;
  return inSentence(sentence) ?? inSentence(sentence - 1);
}

/** A context event as a story of its own: its type, day and place, nothing else to compare or attest. */
export function contextStory(doc: Document, facts: Facts, event: ContextEvent): Story {
  const { place } = event;
  const regions = regionsOf(place);
  const country = facts.places.find((p) => p.kind === 'country' && p.id === event.country);
  const probe: Probe = {
    documentId: doc.id,
    type: event.type,
    date: event.date,
    datePrecision: 'day',
    published: isoDay(doc.published) ?? isoDay(doc.seenAt) ?? event.date,
    country: event.country,
    places: [place.region === undefined ? { id: place.id, kind: place.kind } : { id: place.id, kind: place.kind, region: place.region }],
    regions,
    actors: [],
    changes: [],
    ongoing: false,
    named: [],
    terms: NO_TERMS,
    fingerprint: '',
    recalled: { sites: [], dates: [], victims: [] },
    notes: [],
  };
  const item = (p: PlaceFact) => ({
    value: placeValue(p),
    evidence: event.evidence,
  });
  return {
    doc,
    probe,
    contributions: { places: [item(place), ...(country === undefined ? [] : [item(country)])], victims: [], sites: [], actors: [], advice: [], figures: [], changes: [] },
    context: true,
  };
}

export type ContextPlacement =
  | { readonly action: 'new' }
  | { readonly action: 'corroborate'; readonly incident: Incident }
  | { readonly action: 'known'; readonly incident: Incident };

/**
 * Where a context event goes: beside another mention of it (corroborate), nowhere when a story about it
 * is already filed (a passing mention adds nothing to a reported incident and must not update it), or
 * into a new context incident.
 */
export function placeContext(story: Story, candidates: readonly Incident[], policy: MatchPolicy): ContextPlacement {
  const best = candidates
    .map((incident) => assess(story.probe, incident, false))
    .filter((a) => a.vetoes.length === 0 && a.score >= policy.joinThreshold)
    .sort((a, b) => b.score - a.score)[0];
  if (best === undefined) return { action: 'new' };
  return best.incident.context ? { action: 'corroborate', incident: best.incident } : { action: 'known', incident: best.incident };
}

import type { Document, EventType, Facts } from '../model.js';
import { GROUP, type Signal } from './signals.js';

/** Countries whose places make an item "about the Sahel" on their own (ISO alpha-2, lower case). */
export const SCOPE_COUNTRIES: readonly string[] = ['ml', 'bf', 'ne'];

/**
 * Actor ids (config/actors.json) of the Sahel's armed groups. Other armed groups in the catalog, such
 * as those of the Lake Chad basin, do not make an item about the Sahel, and neither does the
 * placeholder for "no group has claimed it".
 */
export const SAHEL_ARMED_GROUPS: readonly string[] = ['jnim', 'is-sahel', 'aqim', 'ansar-dine', 'katiba-macina', 'al-mourabitoune', 'fla'];

export interface FactScope {
  readonly countries?: readonly string[];
  readonly armedGroups?: readonly string[];
}

const SECURITY_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'kidnapping', 'attack', 'killing', 'blockade', 'claim', 'release', 'rescue', 'ransom', 'evacuation',
]);

/**
 * Facts are weighed a little below the keyword rules of the same group: the rules carry the
 * disambiguation an admin can tune ("Mali" the country, not the surname), facts do not.
 */
export const FACT_WEIGHTS = { place: 1.5, actor: 2.5, event: 1.5 } as const;

function leadOf(doc: Document): (sentence: number) => boolean {
  const lead = new Set(doc.sentences.filter((s) => s.lead).map((s) => s.index));
  return (sentence) => lead.has(sentence);
}

/** The first `count` distinct names, in order: a signal shows a few of what it saw. */
function firstNames<T>(items: readonly T[], name: (item: T) => string, count = 3): string {
  const names: string[] = [];
  for (const item of items) {
    const n = name(item);
    if (!names.includes(n)) names.push(n);
    if (names.length === count) break;
  }
  return names.join(', ');
}

function signal(rule: string, kind: Signal['kind'], group: string, weight: number, matched: string, sentences: number[], isLead: (n: number) => boolean): Signal {
  return { rule, kind, group, weight, matched, sentences: new Set(sentences), lead: sentences.some(isLead) };
}

/** Non-background facts that speak for relevance: a place in the Sahel, an armed group, a security event. */
export function factSignals(doc: Document, facts: Facts | undefined, scope: FactScope = {}): Signal[] {
  if (facts === undefined) return [];
  const countries = scope.countries ?? SCOPE_COUNTRIES;
  const groups = scope.armedGroups ?? SAHEL_ARMED_GROUPS;
  const isLead = leadOf(doc);
  const out: Signal[] = [];
  // A bare country name is left to the keyword rules, which can tell Mali the country from Mali the
  // surname; a town or region from the gazetteer is specific enough on its own.
  const places = facts.places.filter((p) => !p.background && !p.unlisted && p.kind !== 'country' && countries.includes(p.country));
  if (places.length > 0) {
    const names = firstNames(places, (p) => `${p.name} (${p.country})`);
    out.push(signal('fact.place', 'include', GROUP.place, FACT_WEIGHTS.place, names, places.map((p) => p.evidence.sentence), isLead));
  }
  const actors = facts.actors.filter((a) => a.kind === 'armed_group' && groups.includes(a.id));
  if (actors.length > 0) {
    const names = firstNames(actors, (a) => a.name);
    out.push(signal('fact.actor', 'include', GROUP.armedGroup, FACT_WEIGHTS.actor, names, actors.map((a) => a.evidence.sentence), isLead));
  }
  const events = facts.events.filter((e) => !e.background && SECURITY_EVENTS.has(e.type));
  if (events.length > 0) {
    const names = firstNames(events, (e) => `${e.type} "${e.trigger}"`);
    out.push(signal('fact.event', 'context', GROUP.security, FACT_WEIGHTS.event, names, events.map((e) => e.evidence.sentence), isLead));
  }
  return out;
}

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
export const FACT_WEIGHTS = { place: 1.5, actor: 2.5, event: 1.5, coup: 2 } as const;

/** Whether the sentence of that index is in the lead; a document's sentences mostly sit at their index. */
function isLead(doc: Document, sentence: number): boolean {
  const at = doc.sentences[sentence];
  if (at?.index === sentence) return at.lead;
  return doc.sentences.some((s) => s.index === sentence && s.lead);
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

function signal(doc: Document, rule: string, kind: Signal['kind'], group: string, weight: number, matched: string, sentences: number[]): Signal {
  return { rule, kind, group, weight, matched, sentences: new Set(sentences), lead: sentences.some((n) => isLead(doc, n)) };
}

/** Non-background facts that speak for relevance: a place in the Sahel, an armed group, a security event. */
export function factSignals(doc: Document, facts: Facts | undefined, scope: FactScope = {}): Signal[] {
  if (facts === undefined) return [];
  const countries = scope.countries ?? SCOPE_COUNTRIES;
  const groups = scope.armedGroups ?? SAHEL_ARMED_GROUPS;
  const out: Signal[] = [];
  // A bare country name is left to the keyword rules, which can tell Mali the country from Mali the
  // surname; a town or region from the gazetteer is specific enough on its own.
  const places = facts.places.filter((p) => !p.background && !p.unlisted && p.kind !== 'country' && countries.includes(p.country));
  if (places.length > 0) {
    const names = firstNames(places, (p) => `${p.name} (${p.country})`);
    out.push(signal(doc, 'fact.place', 'include', GROUP.place, FACT_WEIGHTS.place, names, places.map((p) => p.evidence.sentence)));
  }
  const actors = facts.actors.filter((a) => a.kind === 'armed_group' && groups.includes(a.id));
  if (actors.length > 0) {
    const names = firstNames(actors, (a) => a.name);
    out.push(signal(doc, 'fact.actor', 'include', GROUP.armedGroup, FACT_WEIGHTS.actor, names, actors.map((a) => a.evidence.sentence)));
  }
  const events = facts.events.filter((e) => !e.background && SECURITY_EVENTS.has(e.type));
  if (events.length > 0) {
    const names = firstNames(events, (e) => `${e.type} "${e.trigger}"`);
    out.push(signal(doc, 'fact.event', 'context', GROUP.security, FACT_WEIGHTS.event, names, events.map((e) => e.evidence.sentence)));
  }
  // Soldiers seizing power is security news in itself, however much the story speaks of politics, when
  // the headline or the first sentence tells it: further down, a coup is mostly the one the junta came from.
  const coups = facts.events.filter((e) => !e.background && e.type === 'coup' && e.evidence.sentence <= 1);
  if (coups.length > 0) {
    out.push(signal(doc, 'fact.coup', 'include', GROUP.coup, FACT_WEIGHTS.coup, `coup "${coups[0]?.trigger ?? ''}"`, coups.map((e) => e.evidence.sentence)));
  }
  return out;
}

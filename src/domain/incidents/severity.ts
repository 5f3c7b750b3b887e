import type { EventType, Incident, Severity } from '../model.js';
import { fold } from '../text/normalize.js';

/**
 * Severity on the 1-4 scale of the US advisory levels:
 * - the event type sets the base: violence against people (kidnapping, attack, killing) and
 *   evacuations and coups 3; blockades, claims, ransom demands, negotiations and travel advice 2; statements,
 *   releases and rescues 1;
 * - one more when victims are of a nationality the audience cares about (their own people);
 * - one more when many are hit: 10 or more killed or injured, or 5 or more hostages;
 * - one more when an armed group claimed the event or is suspected of it;
 * - capped at 4; an incident that is over (hostages freed) loses one; an incident only mentioned in
 *   passing by a story about another event stays at most 2, so that it never outranks the news.
 */
const BASE: Record<EventType, Severity> = {
  kidnapping: 3,
  attack: 3,
  killing: 3,
  evacuation: 3,
  coup: 3,
  blockade: 2,
  claim: 2,
  ransom: 2,
  negotiation: 2,
  advisory: 2,
  statement: 1,
  release: 1,
  rescue: 1,
};

const MANY_CASUALTIES = 10;
const MANY_HOSTAGES = 5;

export function severityOf(
  incident: Pick<Incident, 'eventType' | 'victims' | 'actors' | 'status' | 'context'>,
  nationalitiesOfInterest: readonly string[],
): Severity {
  const interest = interestOf(nationalitiesOfInterest);
  let level: number = BASE[incident.eventType];
  const victims = incident.victims.map((v) => v.value);
  if (victims.some((v) => v.nationality !== undefined && interest.has(fold(v.nationality)))) level++;
  const many = victims.some(
    (v) =>
      v.count !== null &&
      (((v.role === 'killed' || v.role === 'injured') && v.count >= MANY_CASUALTIES) || (v.role === 'hostage' && v.count >= MANY_HOSTAGES)),
  );
  if (many) level++;
  if (incident.actors.some((a) => a.value.role === 'claimed' || a.value.role === 'suspected')) level++;
  if (incident.status === 'resolved') level--;
  if (incident.context) level = Math.min(level, 2);
  return Math.max(1, Math.min(4, level)) as Severity;
}

/** Folded demonyms of interest, per list: the policy's list is the same for every incident. */
const interests = new WeakMap<readonly string[], ReadonlySet<string>>();

function interestOf(nationalities: readonly string[]): ReadonlySet<string> {
  let interest = interests.get(nationalities);
  if (interest === undefined) {
    interest = new Set(nationalities.map(fold));
    interests.set(nationalities, interest);
  }
  return interest;
}

import type { EventType, Incident } from '../model.js';

const LABELS: Record<EventType, string> = {
  kidnapping: 'Kidnapping',
  attack: 'Attack',
  killing: 'Killing',
  blockade: 'Blockade',
  claim: 'Claim of responsibility',
  release: 'Release of hostages',
  rescue: 'Rescue of hostages',
  ransom: 'Ransom demand',
  negotiation: 'Negotiations',
  statement: 'Official statement',
  advisory: 'Travel advice change',
  evacuation: 'Evacuation',
  coup: 'Coup',
};

const PLACE_ORDER = { town: 0, cercle: 1, region: 2, country: 3 } as const;

/** "Kidnapping of 3 Indian nationals at Diamond Cement Factory, Kayes, Mali": built from the slots, not an outlet's headline. */
export function incidentTitle(incident: Pick<Incident, 'eventType' | 'victims' | 'sites' | 'places' | 'country'>): string {
  const parts = [LABELS[incident.eventType]];
  const victims = mostAttested(incident.victims.filter((v) => v.value.nationality !== undefined));
  if (victims !== undefined && victims.value.nationality !== undefined) {
    const count = victims.value.count === null ? '' : `${victims.value.count} `;
    parts.push(` of ${count}${victims.value.nationality} nationals`);
  }
  const site = mostAttested(incident.sites);
  if (site !== undefined) parts.push(` at ${site.value.name}`);
  const local = mostPrecise(incident.places);
  const country = mostAttested(incident.places.filter((p) => p.value.kind === 'country'))?.value.name ?? incident.country.toUpperCase();
  const where = local === undefined || local.value.name === country ? [country] : [local.value.name, country];
  return `${parts.join('')}, ${where.join(', ')}`;
}

type PlaceSlot = Incident['places'][number];

/** The place below country level that is most precise, then most attested; the first listed on a tie. */
function mostPrecise(places: readonly PlaceSlot[]): PlaceSlot | undefined {
  let best: PlaceSlot | undefined;
  for (const place of places) {
    if (place.value.kind !== 'country' && (best === undefined || moreTelling(place, best))) best = place;
  }
  return best;
}

function moreTelling(a: PlaceSlot, b: PlaceSlot): boolean {
  const order = PLACE_ORDER[a.value.kind] - PLACE_ORDER[b.value.kind];
  return order < 0 || (order === 0 && a.sources.length > b.sources.length);
}

function mostAttested<T extends { readonly sources: readonly string[] }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of list) if (best === undefined || item.sources.length > best.sources.length) best = item;
  return best;
}

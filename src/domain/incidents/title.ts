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
  const places = [...incident.places].sort(
    (a, b) => PLACE_ORDER[a.value.kind] - PLACE_ORDER[b.value.kind] || b.sources.length - a.sources.length,
  );
  const local = places.find((p) => p.value.kind !== 'country');
  const country = places.find((p) => p.value.kind === 'country')?.value.name ?? incident.country.toUpperCase();
  const where = local === undefined || local.value.name === country ? [country] : [local.value.name, country];
  return `${parts.join('')}, ${where.join(', ')}`;
}

function mostAttested<T extends { readonly sources: readonly string[] }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of list) if (best === undefined || item.sources.length > best.sources.length) best = item;
  return best;
}

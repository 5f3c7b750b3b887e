/**
 * Generated incidents for the decision benchmarks: plausible places, days, victims, actors and sources
 * spread over six years of Mali, Burkina Faso and Niger, filed into a memory store with the keys
 * matching gives them. Seeded, so that every run files the same incidents.
 */
import { createMemoryStore } from '../src/adapters/store/memory/memory-store.js';
import { createEngine } from '../src/app/engine.js';
import type { Catalogs } from '../src/domain/extract/facts.js';
import type { GazetteerEntry } from '../src/domain/extract/gazetteer.js';
import { incidentKeys } from '../src/domain/incidents/keys.js';
import { severityOf } from '../src/domain/incidents/severity.js';
import type { Attested, EventType, Incident, KeywordRule } from '../src/domain/model.js';
import { ManualClock } from '../src/domain/shared/clock.js';

/** mulberry32: a small seeded generator, so that every run files the same incidents. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Weighted<T> {
  readonly value: T;
  readonly weight: number;
}

function pick<T>(rnd: () => number, items: readonly Weighted<T>[]): T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  let roll = rnd() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll <= 0) return item.value;
  }
  return (items[items.length - 1] as Weighted<T>).value;
}

const w = <T>(value: T, weight: number): Weighted<T> => ({ value, weight });
const TYPES: Weighted<EventType>[] = [
  w('attack', 35), w('killing', 20), w('kidnapping', 20), w('blockade', 5), w('advisory', 5),
  w('statement', 5), w('claim', 5), w('evacuation', 5),
];
const COUNTRIES = [w('ml', 60), w('bf', 25), w('ne', 15)];
const NATIONALITIES = [
  w('Malian', 40), w('Burkinabe', 20), w('Nigerien', 15), w('Chinese', 8), w('Indian', 4), w('Turkish', 3),
  w('Russian', 3), w('Moroccan', 3), w('Egyptian', 2), w('Italian', 2),
];
const ACTORS = [w('jnim', 40), w('is-sahel', 20), w('fama', 10), w('fla', 5), w('', 25)];
const WORDS = 'army camp convoy village market mine road checkpoint drone strike ambush patrol soldiers civilians fighters militants hostages workers engineers trucks fuel tankers bridge school mosque church clinic gold cement factory border river town district governor minister embassy advisory curfew'.split(' ');
const EVIDENCE = [{ sentence: 1, text: 'Generated for the benchmark.' }];

function attested<T>(value: T, sources: readonly string[]): Attested<T> {
  return { value, sources, evidence: EVIDENCE };
}

function hex(rnd: () => number, chars: number): string {
  return Array.from({ length: Math.ceil(chars / 8) }, () => Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0'))
    .join('')
    .slice(0, chars);
}

export type Towns = ReadonlyMap<string, readonly GazetteerEntry[]>;

/** One plausible incident: a place in the three countries, a day in 2020-2025, victims, actors, sources. */
function generateIncident(n: number, rnd: () => number, towns: Towns): Incident {
  const type = pick(rnd, TYPES);
  const country = pick(rnd, COUNTRIES);
  const options = towns.get(country) ?? [];
  const town = options[Math.floor(rnd() * options.length)] as GazetteerEntry;
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
  const sourceIds = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => `gen-${n}-${i}`);
  const victims = rnd() < 0.5 ? [attested({ count: 1 + Math.floor(rnd() * 60), nationality: pick(rnd, NATIONALITIES), role: type === 'kidnapping' ? ('hostage' as const) : ('killed' as const) }, sourceIds)] : [];
  const actor = pick(rnd, ACTORS);
  // A dictionary, as vectorOf builds an incident's terms: a shaped object per incident would give V8
  // thousands of hidden classes the bot never makes.
  const terms = Object.create(null) as Record<string, number>;
  terms[`@${town.id}`] = 0.4;
  for (let i = 0; i < 12; i++) terms[WORDS[Math.floor(rnd() * WORDS.length)] as string] = Math.round(rnd() * 3000) / 10_000;
  const draft: Incident = {
    id: `inc-gen-${n}`,
    title: `${type} near ${town.name}`,
    eventType: type,
    eventDate: day,
    country,
    places: [
      attested({ id: town.id, name: town.name, kind: town.kind, ...(town.region === undefined ? {} : { region: town.region }) }, sourceIds),
    ],
    victims,
    sites: rnd() < 0.1 ? [attested({ name: `${town.name} gold mine`, key: `${town.name.toLowerCase()} gold` }, sourceIds)] : [],
    actors: actor === '' ? [] : [attested({ id: actor, name: actor.toUpperCase(), role: 'suspected' as const }, sourceIds)],
    advice: [],
    figures: [],
    changes: [],
    severity: 1,
    status: 'open',
    context: false,
    baseline: false,
    sources: sourceIds.map((documentId) => ({ documentId, name: 'Generated', kind: 'news' as const, published: day, firstSeen: `${day}T12:00:00.000Z`, fingerprint: hex(rnd, 192) })),
    updates: [],
    terms,
    createdAt: `${day}T12:00:00.000Z`,
    updatedAt: `${day}T12:00:00.000Z`,
  };
  return { ...draft, severity: severityOf(draft, ['Indian']) };
}

/** The gazetteer's towns by country: where generated incidents happen. */
function townsByCountry(catalogs: Catalogs): Towns {
  const towns = new Map<string, GazetteerEntry[]>();
  for (const entry of catalogs.gazetteer.entries) {
    if (entry.kind !== 'town') continue;
    towns.set(entry.country, [...(towns.get(entry.country) ?? []), entry]);
  }
  return towns;
}

/** An engine over a memory store holding `size` generated incidents. */
export async function engineWith(size: number, seed: number, catalogs: Catalogs, rules: readonly KeywordRule[], now: string) {
  const towns = townsByCountry(catalogs);
  const store = createMemoryStore();
  const engine = createEngine({ store, catalogs, clock: new ManualClock(now), rules });
  const rnd = random(seed);
  for (let n = 0; n < size; n++) {
    const incident = generateIncident(n, rnd, towns);
    await store.incidents.save(incident, incidentKeys(incident));
  }
  return { store, engine };
}


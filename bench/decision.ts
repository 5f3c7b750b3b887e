/**
 * Decision benchmark: items per second through the whole decision (clean, extract, relevance, match)
 * with 100, 10,000 and 100,000 incidents in an in-memory store, and peak memory for each size.
 * Incidents are generated straight into the store with the keys matching gives them (places, regions,
 * actors, nationalities, sites, months, fingerprint bands) spread over six years of Mali, Burkina Faso
 * and Niger; the items are the development corpus's article-sized texts, streamed again and again under
 * fresh ids. Matching and filing are also timed alone, with the documents, facts and relevance of the
 * items prepared beforehand. Each size runs in its own process so that its memory figures are its own.
 * Warm-up rounds run first on the measured engine and are not timed (see warmUp).
 * Run: node bin/run-ts.mjs bench/decision.ts [--sizes 100,10000,100000] [--rounds 20] [--warmup 40]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createMemoryStore, type MemoryStore } from '../src/adapters/store/memory/memory-store.js';
import { createEngine, DEFAULT_NATIONALITIES_OF_INTEREST } from '../src/app/engine.js';
import { type DocumentStages, processDocument, type ProcessDeps } from '../src/app/process-document.js';
import { DEFAULT_MATCH_POLICY } from '../src/domain/incidents/decide.js';
import { loadCatalogs } from '../src/config/catalogs.js';
import { type Catalogs, extractFacts } from '../src/domain/extract/facts.js';
import type { GazetteerEntry } from '../src/domain/extract/gazetteer.js';
import { incidentKeys } from '../src/domain/incidents/keys.js';
import { severityOf } from '../src/domain/incidents/severity.js';
import type { Attested, EventType, Facts, Incident, KeywordRule, RawInput, Relevance } from '../src/domain/model.js';
import { parseKeywordFile } from '../src/domain/relevance/schema.js';
import { scoreRelevance } from '../src/domain/relevance/score.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { err, ok } from '../src/domain/shared/result.js';
import { buildDocument } from '../src/domain/text/document.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,10000,100000' },
    rounds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '40' },
    size: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const WARMUP_ROUNDS = Number(values.warmup);
const CORPUS = 'tests/fixtures/dev-corpus/items.jsonl';
const NOW = '2025-12-01T12:00:00.000Z';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

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

type Towns = ReadonlyMap<string, readonly GazetteerEntry[]>;

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

interface CorpusItem {
  readonly title: string;
  readonly text: string;
  readonly source: string;
  readonly published: string;
  readonly lang: string;
}

function corpusItems(): CorpusItem[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusItem);
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000_000;
}

function raw(item: CorpusItem, id: string): RawInput {
  return { id, kind: 'news', source: item.source, title: item.title, body: item.text, published: item.published, lang: item.lang, seenAt: NOW };
}

interface SizeResult {
  readonly incidents: number;
  readonly items: number;
  readonly itemsPerSecond: number;
  /** Items per second of this process's CPU time: what one core does, whatever else shares the machine. */
  readonly itemsPerCpuSecond: number;
  readonly generateMs: number;
  readonly peakRssMb: number;
  readonly heapAfterGenerateMb: number;
  readonly peakHeapMb: number;
  /** CPU microseconds per item in matching and filing alone (documents, facts and relevance prepared beforehand). */
  readonly matchingMicros: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/** An engine over a memory store holding `size` generated incidents. */
async function engineWith(size: number, seed: number, catalogs: Catalogs, rules: readonly KeywordRule[], towns: Towns) {
  const store = createMemoryStore();
  const engine = createEngine({ store, catalogs, clock: new ManualClock(NOW), rules });
  const rnd = random(seed);
  for (let n = 0; n < size; n++) {
    const incident = generateIncident(n, rnd, towns);
    await store.incidents.save(incident, incidentKeys(incident));
  }
  return { store, engine };
}

/**
 * Until a few thousand items have gone through, much of the CPU time is the JIT compiling. The warm-up
 * runs on the engine that is measured: V8 specialises compiled code to the engine's own closures, so
 * code warmed on another engine is thrown away and compiled again while the timed rounds run, which a
 * long-running bot with its one engine never pays. Every warm-up round gives each story the same id,
 * so that a story read again replaces what it said before and the measured incidents hold one copy of
 * each story, not one per warm-up round.
 */
async function warmUp(handle: (input: RawInput) => Promise<unknown>, items: readonly CorpusItem[], prefix: string): Promise<void> {
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    for (const [i, item] of items.entries()) await handle(raw(item, `${prefix}-${i}`));
  }
}

async function runSize(size: number): Promise<SizeResult> {
  const catalogs = loadCatalogs('config');
  const keywords = parseKeywordFile(JSON.parse(readFileSync('config/keywords.json', 'utf8')));
  if (!catalogs.ok || !keywords.ok) throw new Error('cannot read config/');
  const towns = new Map<string, GazetteerEntry[]>();
  for (const entry of catalogs.value.gazetteer.entries) {
    if (entry.kind !== 'town') continue;
    towns.set(entry.country, [...(towns.get(entry.country) ?? []), entry]);
  }
  const items = corpusItems();
  const generateStart = performance.now();
  const { store, engine } = await engineWith(size, 20250701, catalogs.value, keywords.value.rules, towns);
  const generateMs = performance.now() - generateStart;
  gc();
  const heapAfterGenerate = process.memoryUsage().heapUsed;
  await warmUp((input) => engine.process(input), items, 'w');

  let peakHeap = 0;
  let processed = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, item] of items.entries()) {
      await engine.process(raw(item, `r${round}-${i}`));
      processed++;
    }
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpuStart);
  const matchingMicros = await timeMatching(store, items, catalogs.value, keywords.value.rules);
  return {
    incidents: size,
    items: processed,
    itemsPerSecond: Math.round(processed / seconds),
    itemsPerCpuSecond: Math.round(processed / cpuSeconds),
    generateMs: Math.round(generateMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapAfterGenerateMb: mb(heapAfterGenerate),
    peakHeapMb: mb(peakHeap),
    matchingMicros,
  };
}

/**
 * Matching and filing alone: the same items with their documents, facts and relevance computed once
 * beforehand and handed in by the stages, so that only candidates, scoring, merging and the store count.
 */
async function timeMatching(store: MemoryStore, items: readonly CorpusItem[], catalogs: Catalogs, rules: readonly KeywordRule[]): Promise<number> {
  const prepared = items.map((item) => {
    const doc = buildDocument(raw(item, 'prepared'));
    if (!doc.ok) return undefined;
    const facts = extractFacts(doc.value, catalogs);
    return { doc: doc.value, facts, relevance: scoreRelevance(doc.value, facts, rules) };
  });
  const indexOf = (id: string) => Number(id.slice(id.indexOf('-') + 1));
  const stages: DocumentStages = {
    document: (input) => {
      const found = prepared[indexOf(input.id)];
      return found === undefined ? err('empty', 'not prepared') : ok({ ...found.doc, id: input.id });
    },
    facts: (doc) => (prepared[indexOf(doc.id)] as { facts: Facts }).facts,
    relevance: (doc) => (prepared[indexOf(doc.id)] as { relevance: Relevance }).relevance,
  };
  const deps: ProcessDeps = {
    incidents: store.incidents,
    decisions: store.decisions,
    rules: async () => rules,
    stages,
    clock: new ManualClock(NOW),
    match: DEFAULT_MATCH_POLICY,
    policy: { nationalitiesOfInterest: DEFAULT_NATIONALITIES_OF_INTEREST },
  };
  // These stages are new closures: the code is warmed for them as for the engine (see warmUp).
  await warmUp((input) => processDocument(input, deps), items, 'mw');
  let count = 0;
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, item] of items.entries()) {
      await processDocument(raw(item, `m${round}-${i}`), deps);
      count++;
    }
  }
  return Math.round((cpuSecondsSince(cpuStart) * 1_000_000) / count);
}

if (values.size !== undefined) {
  console.log(JSON.stringify(await runSize(Number(values.size))));
} else {
  const sizes = values.sizes.split(',').map(Number);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ['bin/run-ts.mjs', 'bench/decision.ts', '--size', String(size), '--rounds', String(ROUNDS), '--warmup', String(WARMUP_ROUNDS)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    results.push(JSON.parse(out.trim().split('\n').pop() ?? '{}') as SizeResult);
  }
  const header = ['incidents', 'items', 'items/s wall', 'items/CPU-s', 'CPU µs/item', 'matching CPU µs/item', 'generate ms', 'heap after generate MB', 'peak heap MB', 'peak RSS MB'];
  console.log(header.join('  '));
  for (const r of results) {
    const micros = Math.round(1_000_000 / r.itemsPerCpuSecond);
    const row = [r.incidents, r.items, r.itemsPerSecond, r.itemsPerCpuSecond, micros, r.matchingMicros, r.generateMs, r.heapAfterGenerateMb, r.peakHeapMb, r.peakRssMb];
    console.log(row.map((cell, i) => String(cell).padStart(header[i]?.length ?? 0)).join('  '));
  }
  const smallest = results[0];
  const largest = results[results.length - 1];
  if (smallest !== undefined && largest !== undefined && largest !== smallest) {
    console.log(`slowdown ${smallest.incidents} -> ${largest.incidents} incidents (CPU time): x${(smallest.itemsPerCpuSecond / largest.itemsPerCpuSecond).toFixed(2)}`);
  }
}

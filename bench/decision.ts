/**
 * Decision benchmark: items per second through the whole decision (clean, extract, relevance, match)
 * with 100, 10,000 and 100,000 incidents in an in-memory store, and peak memory for each size.
 * Incidents are generated straight into the store with the keys matching gives them (places, regions,
 * actors, nationalities, sites, months, fingerprint bands) spread over six years of Mali, Burkina Faso
 * and Niger; the items are the development corpus's article-sized texts, streamed again and again under
 * fresh ids. Matching and filing are also timed alone, with the documents, facts and relevance of the
 * items prepared beforehand. Each size runs in its own process so that its memory figures are its own.
 * Warm-up rounds run first on the measured engine and are not timed (see warmUp).
 * Run: node bin/run-ts.mjs bench/decision.ts [--sizes 100,10000,100000] [--rounds 20] [--warmup 100]
 * One size, with a CPU profile of its timed rounds alone (for Chrome DevTools or any .cpuprofile reader):
 *      node bin/run-ts.mjs bench/decision.ts --size 10000 --profile decision.cpuprofile
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { MemoryStore } from '../src/adapters/store/memory/memory-store.js';
import { DEFAULT_NATIONALITIES_OF_INTEREST } from '../src/app/engine.js';
import { engineWith } from './generate-incidents.js';
import { type DocumentStages, processDocument, type ProcessDeps } from '../src/app/process-document.js';
import { DEFAULT_MATCH_POLICY } from '../src/domain/incidents/decide.js';
import { loadCatalogs } from '../src/config/catalogs.js';
import { type Catalogs, extractFacts } from '../src/domain/extract/facts.js';
import type { Facts, KeywordRule, RawInput, Relevance } from '../src/domain/model.js';
import { parseKeywordFile } from '../src/domain/relevance/schema.js';
import { scoreRelevance } from '../src/domain/relevance/score.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { err, ok } from '../src/domain/shared/result.js';
import { buildDocument } from '../src/domain/text/document.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,10000,100000' },
    rounds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '100' },
    size: { type: 'string' },
    profile: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const WARMUP_ROUNDS = Number(values.warmup);
const CORPUS = 'tests/fixtures/dev-corpus/items.jsonl';
const NOW = '2025-12-01T12:00:00.000Z';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

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

/**
 * Until some ten thousand items have gone through, much of the CPU time is the JIT compiling: after
 * 40 rounds (5,400 items) V8 still optimised some 55 functions during the timed rounds, after 100
 * rounds under 20 (node --trace-opt --trace-deopt). The warm-up
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
  const items = corpusItems();
  const generateStart = performance.now();
  const { store, engine } = await engineWith(size, 20250701, catalogs.value, keywords.value.rules, NOW);
  const generateMs = performance.now() - generateStart;
  gc();
  const heapAfterGenerate = process.memoryUsage().heapUsed;
  await warmUp((input) => engine.process(input), items, 'w');

  let peakHeap = 0;
  let processed = 0;
  const profiler = values.profile === undefined ? undefined : await startProfiler();
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
  if (profiler !== undefined && values.profile !== undefined) writeFileSync(values.profile, JSON.stringify(await profiler.stop()));
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

/** Profiles the timed rounds only: generation and warm-up would drown them. */
async function startProfiler(): Promise<{ stop(): Promise<unknown> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
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

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMemoryStore } from '../src/adapters/store/memory/memory-store.js';
import { createEngine } from '../src/app/engine.js';
import { type EvalReport, formatEvalReport, parseCorpus, parseSeedLabels, runEvaluation } from '../src/app/evaluate.js';
import { loadCatalogs } from '../src/config/catalogs.js';
import { parseKeywordFile } from '../src/domain/relevance/schema.js';
import { ManualClock } from '../src/domain/shared/clock.js';

/**
 * `npm run eval`: a fresh in-memory engine loads the seed baseline, the development corpus streams
 * through it in file order, and the figures are printed. `--verbose` lists the items it got wrong;
 * `--corpus DIR` scores another labelled corpus of the same layout (items.jsonl and seeds.json).
 */

export const CORPUS_DIR = 'tests/fixtures/dev-corpus';

/** The baseline is loaded as of the newest seed's date, as a bot started then would have. */
const BASELINE_LOADED_AT = '2025-11-10T12:00:00Z';

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function evaluateDevCorpus(options: { configDir?: string; seedsDir?: string; corpusDir?: string } = {}): Promise<EvalReport> {
  const configDir = options.configDir ?? 'config';
  const seedsDir = options.seedsDir ?? 'seeds';
  const corpusDir = options.corpusDir ?? CORPUS_DIR;
  const keywords = must(parseKeywordFile(JSON.parse(readFileSync(join(configDir, 'keywords.json'), 'utf8'))));
  const clock = new ManualClock(BASELINE_LOADED_AT);
  const engine = createEngine({
    store: createMemoryStore(),
    catalogs: must(loadCatalogs(configDir)),
    clock,
    rules: keywords.rules,
    ...(keywords.threshold === undefined ? {} : { relevance: { threshold: keywords.threshold } }),
  });
  const seedFiles = readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));
  const baseline = await engine.loadBaseline({
    list: async () => seedFiles.map((name) => ({ name, bytes: readFileSync(join(seedsDir, name)) })),
  });
  const items = must(parseCorpus(readFileSync(join(corpusDir, 'items.jsonl'), 'utf8')));
  const seedLabels = must(parseSeedLabels(JSON.parse(readFileSync(join(corpusDir, 'seeds.json'), 'utf8'))));
  return runEvaluation({ engine, items, seedLabels, baseline: baseline.seeds, replay: clock });
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { verbose: { type: 'boolean', default: false }, corpus: { type: 'string' } } });
  const started = performance.now();
  const report = await evaluateDevCorpus(values.corpus === undefined ? {} : { corpusDir: values.corpus });
  for (const line of formatEvalReport(report, { verbose: values.verbose })) console.log(line);
  console.log(`time: ${Math.round(performance.now() - started)} ms`);
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  await main(process.argv.slice(2));
}

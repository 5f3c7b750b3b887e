import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryStore, type MemoryStore } from '../../../src/adapters/store/memory/memory-store.js';
import type { SeedFile, SeedSource } from '../../../src/app/baseline.js';
import { createEngine, type Engine } from '../../../src/app/engine.js';
import { loadCatalogs } from '../../../src/config/catalogs.js';
import { parseKeywordFile } from '../../../src/domain/relevance/schema.js';
import { ManualClock } from '../../../src/domain/shared/clock.js';

/** An engine over a fresh memory store with the project's own catalogs and keyword rules. */
export function projectEngine(now = '2025-11-10T12:00:00Z'): { engine: Engine; store: MemoryStore; clock: ManualClock } {
  const catalogs = loadCatalogs('config');
  if (!catalogs.ok) throw new Error(catalogs.error.message);
  const keywords = parseKeywordFile(JSON.parse(readFileSync('config/keywords.json', 'utf8')));
  if (!keywords.ok) throw new Error(keywords.error.message);
  const store = createMemoryStore();
  const clock = new ManualClock(now);
  const { rules, threshold } = keywords.value;
  const engine = createEngine({ store, catalogs: catalogs.value, clock, rules, ...(threshold === undefined ? {} : { relevance: { threshold } }) });
  return { engine, store, clock };
}

export function seedFiles(): SeedFile[] {
  return readdirSync('seeds')
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join('seeds', name)) }));
}

export function listOf(files: readonly SeedFile[]): SeedSource {
  return { list: async () => files };
}

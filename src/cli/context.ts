import { createMemoryStore } from '../adapters/store/memory/memory-store.js';
import { directorySeedSource } from '../adapters/seeds/directory.js';
import { createLogger, type Logger } from '../adapters/logging/logger.js';
import { createEngine, type Engine } from '../app/engine.js';
import type { BaselineReport } from '../app/baseline.js';
import { loadSettings } from '../config/load.js';
import { loadProjectConfig } from '../config/project-config.js';
import type { Settings } from '../config/settings.js';
import { systemClock } from '../domain/shared/clock.js';
import type { CliIo } from './io.js';

/** Settings for a command, or undefined after the problems were printed. */
export function settingsFor(io: CliIo, file?: string): Settings | undefined {
  const loaded = loadSettings(io.env, file);
  if (loaded.ok) return loaded.value;
  io.stderr.write(`${loaded.error.message}\n`);
  return undefined;
}

/**
 * One-shot commands keep stdout for their output and log to stderr, quietly unless asked:
 * LOG_LEVEL still wins.
 */
export function commandLogger(settings: Settings, io: CliIo): Logger {
  const level = io.env['LOG_LEVEL'] ?? 'warn';
  const secrets = [settings.discord.token, settings.databaseUrl].filter((s): s is string => typeof s === 'string');
  return createLogger({ level, format: 'json', secrets, destination: { write: (line: string) => void io.stderr.write(line) } });
}

/** A fresh in-memory engine holding the seed baseline: what `baseline` and `classify` start from. */
export async function seededEngine(settings: Settings, io: CliIo): Promise<{ engine: Engine; report: BaselineReport } | undefined> {
  const config = loadProjectConfig(settings.configDir);
  if (!config.ok) {
    io.stderr.write(`${config.error.message}\n`);
    return undefined;
  }
  const { keywords, catalogs } = config.value;
  const engine = createEngine({
    store: createMemoryStore(),
    catalogs,
    clock: systemClock,
    rules: keywords.rules,
    ...(keywords.threshold === undefined ? {} : { relevance: { threshold: keywords.threshold } }),
  });
  const report = await engine.loadBaseline(directorySeedSource(settings.seedsDir));
  for (const seed of report.seeds.filter((s) => s.status === 'skipped')) {
    io.stderr.write(`skipped seed ${seed.name}: ${seed.error?.message ?? 'unreadable'}\n`);
  }
  return { engine, report };
}

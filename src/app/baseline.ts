import { createHash } from 'node:crypto';
import type { DecisionAction, RawInput } from '../domain/model.js';
import type { Clock } from '../domain/shared/clock.js';
import { err, ok, type Result } from '../domain/shared/result.js';
import { looksBinary } from '../domain/text/binary.js';
import type { ProcessOptions, ProcessOutcome } from './process-document.js';
import type { SeedRepository } from './ports.js';

export interface SeedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where seed documents come from (a directory in production, a list in tests). */
export interface SeedSource {
  list(): Promise<readonly SeedFile[]>;
}

export type SeedStatus = 'loaded' | 'reloaded' | 'unchanged' | 'skipped';

export interface SeedOutcome {
  readonly name: string;
  readonly status: SeedStatus;
  readonly action?: DecisionAction;
  readonly incidentId?: string | null;
  /** Why a file was skipped: a stable code and a message naming the file. */
  readonly error?: { readonly code: string; readonly message: string };
}

export interface BaselineReport {
  readonly seeds: readonly SeedOutcome[];
  readonly loaded: number;
  readonly unchanged: number;
  readonly skipped: number;
}

export interface BaselineDeps {
  readonly seeds: SeedRepository;
  readonly clock: Clock;
  readonly process: (raw: RawInput, options: ProcessOptions) => Promise<Result<ProcessOutcome>>;
}

/**
 * Loads the seed documents through the same road as feed items, in name order so that the baseline
 * does not depend on how the source lists them. A file whose content is already loaded is skipped,
 * so that starting twice changes nothing; a changed file is read again and replaces what it said.
 * Empty, binary and unreadable files are reported by name and skipped; the others still load.
 */
export async function loadBaseline(source: SeedSource, deps: BaselineDeps): Promise<BaselineReport> {
  const files = [...(await source.list())].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seeds: SeedOutcome[] = [];
  for (const file of files) seeds.push(await loadSeed(file, deps));
  const count = (status: SeedStatus[]) => seeds.filter((s) => status.includes(s.status)).length;
  return { seeds, loaded: count(['loaded', 'reloaded']), unchanged: count(['unchanged']), skipped: count(['skipped']) };
}

async function loadSeed(file: SeedFile, deps: BaselineDeps): Promise<SeedOutcome> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const known = await deps.seeds.get(file.name);
  if (known?.sha256 === sha256) return { name: file.name, status: 'unchanged' };
  const text = decodeSeed(file);
  if (!text.ok) return { name: file.name, status: 'skipped', error: { code: text.error.code, message: text.error.message } };
  const at = deps.clock.now().toISOString();
  const raw: RawInput = { id: file.name, kind: 'seed', source: file.name, body: text.value, seenAt: at };
  const processed = await deps.process(raw, { requireKnownLanguage: true, contextEvents: true });
  if (!processed.ok) {
    return { name: file.name, status: 'skipped', error: { code: processed.error.code, message: `${file.name}: ${processed.error.message}` } };
  }
  await deps.seeds.put({ name: file.name, sha256, loadedAt: at });
  const { decision } = processed.value;
  return { name: file.name, status: known === undefined ? 'loaded' : 'reloaded', action: decision.action, incidentId: decision.incidentId };
}

export type SeedErrorCode = 'empty_seed' | 'binary_seed';

function decodeSeed(file: SeedFile): Result<string, SeedErrorCode> {
  const text = new TextDecoder('utf-8').decode(file.bytes);
  if (text.trim() === '') return err('empty_seed', `${file.name}: the file is empty`);
  if (looksBinary(text)) return err('binary_seed', `${file.name}: the file is not text`);
  return ok(text);
}

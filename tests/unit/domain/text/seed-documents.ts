import { readdirSync, readFileSync } from 'node:fs';
import type { Document, RawInput } from '../../../../src/domain/model.js';
import { buildDocument } from '../../../../src/domain/text/document.js';

const SEEDS = new URL('../../../../seeds/', import.meta.url);

/** The day the seeds are loaded in these tests: later than every date they mention. */
export const SEEN_AT = '2026-01-15T10:00:00Z';

/** Seed file names, in order: 000_..., 001_..., ... */
export const seedNames: readonly string[] = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

function nameOf(prefix: string): string {
  const name = seedNames.find((n) => n.startsWith(prefix));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return name;
}

/** The raw text of a seed, by its number ("000"). */
export function seedBody(prefix: string): string {
  return readFileSync(new URL(nameOf(prefix), SEEDS), 'utf8');
}

export function seedInput(prefix: string): RawInput {
  const name = nameOf(prefix);
  return { id: name, kind: 'seed', source: name, body: seedBody(prefix), seenAt: SEEN_AT };
}

/** A built seed document; fails the test when the seed does not build. */
export function seedDocument(prefix: string): Document {
  const built = buildDocument(seedInput(prefix));
  if (!built.ok) throw new Error(`seed ${prefix}: ${built.error.code} ${built.error.message}`);
  return built.value;
}

/** A document built from a raw body with defaults for everything else. */
export function documentOf(body: string, extra: Partial<RawInput> = {}): Document {
  const built = buildDocument({ id: 'doc', kind: 'news', source: 'Test Wire', body, seenAt: SEEN_AT, ...extra });
  if (!built.ok) throw new Error(`${built.error.code} ${built.error.message}`);
  return built.value;
}

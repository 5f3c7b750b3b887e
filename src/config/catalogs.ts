import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Catalogs } from '../domain/extract/facts.js';
import type { GazetteerEntry } from '../domain/extract/gazetteer.js';
import { err, ok, type Result } from '../domain/shared/result.js';

/**
 * The place and actor catalogs (config/gazetteer.json, config/actors.json): zod schemas, a pure
 * parser over already-read JSON, and a small loader that reads both files from a directory.
 */

export type CatalogErrorCode = 'invalid_gazetteer' | 'invalid_actors' | 'file_unreadable' | 'invalid_json';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case id such as "ml-r-kayes"');
const name = z.string().trim().min(1).max(200);

const gazetteerEntrySchema = z
  .object({
    id,
    name,
    names: z.array(name).min(1),
    kind: z.enum(['country', 'region', 'cercle', 'town']),
    region: id.optional(),
    formerRegion: id.optional(),
    country: z.string().regex(/^[a-z]{2}$/, 'an ISO 3166-1 alpha-2 code in lower case'),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    approximate: z.boolean().optional(),
    strict: z.enum(['capital', 'locative']).optional(),
    notIn: z.array(name).optional(),
  })
  .strict();

export const gazetteerSchema = z
  .object({ about: z.string().optional(), entries: z.array(gazetteerEntrySchema).min(1) })
  .strict()
  .superRefine((gazetteer, ctx) => {
    const ids = new Set<string>();
    for (const [i, entry] of gazetteer.entries.entries()) {
      if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate id ${entry.id}` });
      ids.add(entry.id);
    }
    for (const [i, entry] of gazetteer.entries.entries()) {
      if (entry.region !== undefined && !ids.has(entry.region)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'region'], message: `unknown region ${entry.region}` });
      }
      if (entry.formerRegion !== undefined && (entry.kind !== 'region' || !ids.has(entry.formerRegion))) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'formerRegion'], message: `a region's former region must be a listed id (${entry.formerRegion})` });
      }
      if (entry.kind !== 'country' && !ids.has(entry.country)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'country'], message: `unknown country ${entry.country}` });
      }
    }
  });

const actorSchema = z
  .object({
    id,
    name,
    kind: z.enum(['armed_group', 'security_force', 'government', 'official']),
    aliases: z.array(name).min(1),
  })
  .strict();

export const actorCatalogSchema = z
  .object({ about: z.string().optional(), actors: z.array(actorSchema).min(1) })
  .strict()
  .superRefine((catalog, ctx) => {
    const ids = new Set<string>();
    for (const [i, actor] of catalog.actors.entries()) {
      if (ids.has(actor.id)) ctx.addIssue({ code: 'custom', path: ['actors', i, 'id'], message: `duplicate id ${actor.id}` });
      ids.add(actor.id);
    }
  });

export const GAZETTEER_FILE = 'gazetteer.json';
export const ACTORS_FILE = 'actors.json';

/** Validates both catalogs; the message names the first problems with their paths. */
export function parseCatalogs(json: { gazetteer: unknown; actors: unknown }): Result<Catalogs, CatalogErrorCode> {
  const gazetteer = gazetteerSchema.safeParse(json.gazetteer);
  if (!gazetteer.success) return err('invalid_gazetteer', `The gazetteer is invalid: ${describe(gazetteer.error)}`, gazetteer.error.issues);
  const actors = actorCatalogSchema.safeParse(json.actors);
  if (!actors.success) return err('invalid_actors', `The actor catalog is invalid: ${describe(actors.error)}`, actors.error.issues);
  const formerOf = new Map(gazetteer.data.entries.flatMap((e) => (e.formerRegion === undefined ? [] : [[e.id, e.formerRegion] as const])));
  const entries = gazetteer.data.entries.map((entry) => toEntry(entry, formerOf.get(entry.region ?? entry.id)));
  return ok({ gazetteer: { entries }, actors: { actors: actors.data.actors } });
}

/** Reads config/gazetteer.json and config/actors.json (or the same names under `dir`). */
export function loadCatalogs(dir: string): Result<Catalogs, CatalogErrorCode> {
  const gazetteer = readJson(join(dir, GAZETTEER_FILE));
  if (!gazetteer.ok) return gazetteer;
  const actors = readJson(join(dir, ACTORS_FILE));
  if (!actors.ok) return actors;
  return parseCatalogs({ gazetteer: gazetteer.value, actors: actors.value });
}

function readJson(file: string): Result<unknown, CatalogErrorCode> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    return err('file_unreadable', `Cannot read ${file}: ${(cause as Error).message}`);
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (cause) {
    return err('invalid_json', `${file} is not valid JSON: ${(cause as Error).message}`);
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Optional keys are copied only when present: the domain types do not take `undefined` values.
 * A town or cercle of a region carved out of another takes that region's former one as its own.
 */
function toEntry(entry: z.infer<typeof gazetteerEntrySchema>, formerRegion: string | undefined): GazetteerEntry {
  const { region, strict, notIn, approximate, formerRegion: _given, ...required } = entry;
  return {
    ...required,
    ...(approximate === undefined ? {} : { approximate }),
    ...(region === undefined ? {} : { region }),
    ...(formerRegion === undefined ? {} : { formerRegion }),
    ...(strict === undefined ? {} : { strict }),
    ...(notIn === undefined ? {} : { notIn }),
  };
}

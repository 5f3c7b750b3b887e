import { z } from 'zod';
import { err, ok, type Result } from '../shared/result.js';
import type { AssistanceCatalog, OfficialAdvice } from './types.js';

const localized = z.object({ en: z.string().min(1), fr: z.string().min(1) }).strict();
const country = z.string().regex(/^[a-z]{2}$/, 'ISO 3166-1 alpha-2 code in lower case');
const httpUrl = z.url({ protocol: /^https?$/ });

const contactSchema = z.object({
  id: z.string().min(1),
  name: localized,
  phones: z.array(z.object({ number: z.string().regex(/^\+?[0-9 ()-]{6,}$/), label: localized.optional() }).strict()).optional(),
  email: z.email().optional(),
  url: httpUrl.optional(),
  note: localized.optional(),
  countries: z.array(country).min(1),
  nationalities: z.array(z.string().min(1)).optional(),
}).strict();

const actionSchema = z.object({
  id: z.string().min(1),
  text: localized,
  countries: z.array(country).optional(),
  minSeverity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
}).strict();

export const assistanceCatalogSchema = z.object({
  contacts: z.array(contactSchema),
  actions: z.array(actionSchema),
}).strict().superRefine((catalog, ctx) => {
  const seen = new Set<string>();
  for (const id of [...catalog.contacts.map((c) => c.id), ...catalog.actions.map((a) => a.id)]) {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${id}"` });
    seen.add(id);
  }
});

export const officialAdviceSchema = z.object({
  source: z.enum(['uk', 'us', 'fr', 'in', 'ca', 'au']),
  country,
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  summary: z.string().min(1),
  url: httpUrl,
  updated: z.iso.datetime({ offset: true }),
}).strict();

/** Strips the keys zod leaves as undefined, so the result fits exactOptionalPropertyTypes. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function parseAssistanceCatalog(input: unknown): Result<AssistanceCatalog, 'invalid_assistance'> {
  const parsed = assistanceCatalogSchema.safeParse(input);
  if (!parsed.success) {
    return err('invalid_assistance', `assistance catalog is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return ok(withoutUndefined(parsed.data) as AssistanceCatalog);
}

export function parseOfficialAdvice(input: unknown): Result<OfficialAdvice, 'invalid_official_advice'> {
  const parsed = officialAdviceSchema.safeParse(input);
  if (!parsed.success) {
    return err('invalid_official_advice', `official advice is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return ok(withoutUndefined(parsed.data) as OfficialAdvice);
}

export const EMPTY_CATALOG: AssistanceCatalog = { contacts: [], actions: [] };

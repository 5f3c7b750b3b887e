import { z } from 'zod';
import type { RenderLang } from '../../../domain/advisory/types.js';
import type { KeywordRule, Severity } from '../../../domain/model.js';
import { parseKeywordRule } from '../../../domain/relevance/schema.js';
import { isValidTimeZone, parseCron } from '../../../domain/subscriptions/cron.js';
import type { DeliveryMode } from '../../../domain/subscriptions/types.js';
import type { Messages } from '../messages.js';
import type { NewFeed, SubscribeRequest } from '../services.js';
import { countryFrom, DEFAULT_COUNTRY, SAHEL_COUNTRIES } from './countries.js';

/**
 * Zod schemas for the options of each command. Discord already enforces types, choices and lengths
 * for its own clients, but an interaction is input like any other: everything is checked again here,
 * and the messages are in the user's language.
 */

export type OptionValue = string | number | boolean;
export type RawOptions = Readonly<Record<string, OptionValue>>;

export const DEFAULT_TIMEZONE = 'Africa/Bamako';
export const DEFAULT_DIGEST_CRON = '0 8 * * *';
const DEFAULT_MIN_SEVERITY: Severity = 2;
const MAX_WATCH_TERMS = 50;

const country = z.enum(SAHEL_COUNTRIES);
const id = (m: Messages) => z.string().trim().min(1).max(100).regex(/^[\w.:-]+$/, m.badId);
const text = (max: number) => z.string().trim().min(1).max(max);

function list(value: string | undefined): string[] {
  return (value ?? '').split(/[,;\n]/).map((part) => part.trim()).filter(Boolean);
}

export const noOptionsSchema = () => z.object({}).strict();
export const statusSchema = () => z.object({ country: country.default(DEFAULT_COUNTRY) }).strict();
export const incidentsSchema = () => z.object({ days: z.number().int().min(1).max(90).default(7), country: country.optional() }).strict();
export const incidentSchema = (m: Messages) => z.object({ id: id(m) }).strict();
export const unsubscribeSchema = (m: Messages) => z.object({ id: id(m) }).strict();
export const ruleIdSchema = (m: Messages) => z.object({ id: id(m) }).strict();
export const ruleTestSchema = () => z.object({ text: text(2000) }).strict();
export const feedRemoveSchema = () => z.object({ url: text(500) }).strict();
export const whySchema = () => z.object({ input: text(2000) }).strict();

/** "08:00" or "08:00,18:00" (same minutes) become a daily cron; anything else must be a cron. */
function scheduleToCron(schedule: string): { cron: string } | { problem: string } {
  const times = schedule.split(',').map((t) => t.trim());
  const parsed = times.map((t) => /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(t));
  if (parsed.every((match) => match !== null)) {
    const minutes = new Set(parsed.map((match) => Number(match?.[2])));
    if (minutes.size > 1) return { problem: 'the times must share their minutes (08:00,18:00)' };
    const hours = [...new Set(parsed.map((match) => Number(match?.[1])))].sort((a, b) => a - b);
    return { cron: `${[...minutes][0] ?? 0} ${hours.join(',')} * * *` };
  }
  const cron = parseCron(schedule);
  return cron.ok ? { cron: schedule.trim().replace(/\s+/g, ' ') } : { problem: cron.error.message };
}

export function subscribeSchema(m: Messages, lang: RenderLang) {
  return z
    .object({
      channel: z.string().regex(/^\d{15,25}$/),
      countries: z.string().max(200).optional(),
      min_severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(DEFAULT_MIN_SEVERITY),
      watch_terms: z.string().max(500).optional(),
      mode: z.enum(['realtime', 'digest']).default('realtime'),
      schedule: z.string().max(100).optional(),
      timezone: z.string().max(64).optional(),
      language: z.enum(['en', 'fr']).optional(),
    })
    .strict()
    .transform((raw, ctx): SubscribeRequest => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const countries = list(raw.countries ?? DEFAULT_COUNTRY).map((name) => ({ name, code: countryFrom(name) }));
      for (const unknown of countries.filter((c) => !c.code)) issue('countries', m.unknownCountry(unknown.name));
      if (countries.length === 0) issue('countries', m.noCountry);
      const terms = list(raw.watch_terms);
      for (const bad of terms.filter((t) => t.length < 2 || t.length > 100)) issue('watch_terms', m.badTerm(bad));
      if (terms.length > MAX_WATCH_TERMS) issue('watch_terms', m.tooManyTerms(MAX_WATCH_TERMS));
      const mode = deliveryMode(raw, m, issue);
      return {
        channelId: raw.channel,
        filters: {
          countries: [...new Set(countries.flatMap((c) => (c.code ? [c.code] : [])))],
          minSeverity: raw.min_severity,
          ...(terms.length > 0 ? { watchTerms: terms } : {}),
        },
        mode,
        lang: raw.language ?? lang,
      };
    });
}

function deliveryMode(
  raw: { mode: 'realtime' | 'digest'; schedule?: string | undefined; timezone?: string | undefined },
  m: Messages,
  issue: (path: string, message: string) => void,
): DeliveryMode {
  if (raw.mode === 'realtime') {
    if (raw.schedule !== undefined || raw.timezone !== undefined) issue(raw.schedule !== undefined ? 'schedule' : 'timezone', m.digestOnly);
    return { kind: 'realtime' };
  }
  const timezone = raw.timezone?.trim() || DEFAULT_TIMEZONE;
  if (!isValidTimeZone(timezone)) issue('timezone', m.badTimezone(timezone));
  const schedule = raw.schedule?.trim() || DEFAULT_DIGEST_CRON;
  const converted = scheduleToCron(schedule);
  if ('problem' in converted) {
    issue('schedule', m.badSchedule(schedule, converted.problem));
    return { kind: 'digest', cron: DEFAULT_DIGEST_CRON, timezone };
  }
  return { kind: 'digest', cron: converted.cron, timezone };
}

export function ruleAddSchema() {
  return z
    .object({
      id: z.string().trim().min(1).max(64),
      kind: z.enum(['include', 'exclude', 'context']),
      terms: z.string().max(1000),
      weight: z.number().positive().max(100).default(1),
      requires: z.string().max(500).optional(),
      unless: z.string().max(500).optional(),
      note: z.string().trim().max(500).optional(),
    })
    .strict()
    .transform((raw, ctx): KeywordRule => {
      const requires = list(raw.requires);
      const unless = list(raw.unless);
      const rule = parseKeywordRule({
        id: raw.id,
        kind: raw.kind,
        terms: list(raw.terms),
        weight: raw.weight,
        ...(requires.length > 0 ? { requires } : {}),
        ...(unless.length > 0 ? { unless } : {}),
        ...(raw.note ? { note: raw.note } : {}),
      });
      if (rule.ok) return rule.value;
      ctx.addIssue({ code: 'custom', path: ['terms'], message: rule.error.message });
      return z.NEVER;
    });
}

export function feedAddSchema(m: Messages) {
  return z
    .object({
      url: z.url({ protocol: /^https?$/, message: m.badUrl }).max(500),
      name: z.string().trim().min(1).max(100).optional(),
      kind: z.enum(['news', 'official']).optional(),
      language: z.enum(['en', 'fr']).optional(),
    })
    .strict()
    .transform((raw): NewFeed => ({
      url: raw.url,
      ...(raw.name ? { name: raw.name } : {}),
      ...(raw.kind ? { kind: raw.kind } : {}),
      ...(raw.language ? { lang: raw.language } : {}),
    }));
}

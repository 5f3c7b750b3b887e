import { z } from 'zod';
import type { Severity } from '../model.js';
import { err, ok, type Result } from '../shared/result.js';
import type { AdvisoryTag, RenderLang } from '../advisory/types.js';
import { isValidTimeZone, parseCron } from './cron.js';

export type DeliveryTarget =
  | { readonly kind: 'discord'; readonly guildId: string; readonly channelId: string }
  | { readonly kind: 'console' };

export interface SubscriptionFilters {
  /** ISO alpha-2 codes, lower case. With regions: an advisory in any of them passes. */
  readonly countries?: readonly string[];
  /** Gazetteer region ids ("ml-kayes-region") or region names ("Kayes"). */
  readonly regions?: readonly string[];
  readonly minSeverity: Severity;
  /** Words or phrases; any one found in the advisory's facts lets it pass ("Indian", "Diamond Cement"). */
  readonly watchTerms?: readonly string[];
  readonly alertTypes?: readonly AdvisoryTag[];
}

export type DeliveryMode =
  | { readonly kind: 'realtime' }
  | { readonly kind: 'digest'; readonly cron: string; readonly timezone: string };

export interface Subscription {
  readonly id: string;
  readonly target: DeliveryTarget;
  readonly filters: SubscriptionFilters;
  readonly mode: DeliveryMode;
  readonly lang: RenderLang;
  readonly enabled: boolean;
  /** Discord user id of whoever created it, or "config" / "cli". */
  readonly createdBy: string;
  readonly createdAt: string;
  readonly disabledReason?: string;
}

const snowflake = z.string().regex(/^\d{15,25}$/, 'a Discord id (snowflake)');
const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const term = z.string().trim().min(2).max(100);

export const deliveryTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('discord'), guildId: snowflake, channelId: snowflake }).strict(),
  z.object({ kind: z.literal('console') }).strict(),
]);

export const subscriptionFiltersSchema = z.object({
  countries: z.array(z.string().regex(/^[a-z]{2}$/, 'ISO 3166-1 alpha-2 code in lower case')).max(60).optional(),
  regions: z.array(term).max(100).optional(),
  minSeverity: severity,
  watchTerms: z.array(term).max(50).optional(),
  alertTypes: z.array(z.enum(['new', 'update', 'resolved'])).min(1).optional(),
}).strict();

export const deliveryModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('realtime') }).strict(),
  z.object({
    kind: z.literal('digest'),
    cron: z.string().refine((c) => parseCron(c).ok, { message: 'not a five-field cron expression' }),
    timezone: z.string().refine(isValidTimeZone, { message: 'not an IANA time zone' }),
  }).strict(),
]);

export const subscriptionSchema = z.object({
  id: z.string().min(1).max(100),
  target: deliveryTargetSchema,
  filters: subscriptionFiltersSchema,
  mode: deliveryModeSchema,
  lang: z.enum(['en', 'fr']),
  enabled: z.boolean(),
  createdBy: z.string().min(1).max(100),
  createdAt: z.iso.datetime({ offset: true }),
  disabledReason: z.string().max(500).optional(),
}).strict();

export function parseSubscription(input: unknown): Result<Subscription, 'invalid_subscription'> {
  const parsed = subscriptionSchema.safeParse(input);
  if (!parsed.success) return err('invalid_subscription', `subscription is invalid: ${z.prettifyError(parsed.error)}`);
  return ok(JSON.parse(JSON.stringify(parsed.data)) as Subscription);
}

/** A stable key for the place a message goes: one Discord channel, or the console. */
export function targetKey(target: DeliveryTarget): string {
  return target.kind === 'discord' ? `discord:${target.channelId}` : 'console';
}

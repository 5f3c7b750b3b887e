import { z } from 'zod';
import type { Clock } from '../../domain/shared/clock.js';
import { err, ok, type Result } from '../../domain/shared/result.js';
import type { Feed, FeedRepository } from './ports.js';

/** The feeds file (config/feeds.json) and its seeding into the store. */

export const feedConfigSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    url: z.url({ protocol: /^https?$/ }),
    lang: z.enum(['en', 'fr', 'und']),
    intervalMinutes: z.number().int().min(1).max(1440),
    kind: z.enum(['news', 'official']),
    enabled: z.boolean().default(true),
  })
  .strict();

export type FeedConfig = z.infer<typeof feedConfigSchema>;

export const feedsFileSchema = z
  .object({ feeds: z.array(feedConfigSchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.feeds.forEach((feed, index) => {
      const url = normalizeFeedUrl(feed.url);
      if (seen.has(url)) ctx.addIssue({ code: 'custom', path: ['feeds', index, 'url'], message: `duplicate feed URL ${url}` });
      seen.add(url);
    });
  });

/** The WHATWG serialisation: one spelling per feed, so the URL can be its key. */
export function normalizeFeedUrl(url: string): string {
  return new URL(url.trim()).href;
}

export function parseFeedsConfig(json: unknown): Result<FeedConfig[], 'invalid_feeds_config'> {
  const parsed = feedsFileSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data.feeds);
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return err('invalid_feeds_config', `The feeds configuration is invalid:\n  - ${problems.join('\n  - ')}`, problems);
}

export function toFeed(config: FeedConfig, addedAt: string): Feed {
  return { ...config, url: normalizeFeedUrl(config.url), addedAt };
}

/** Stores the configured feeds on first start only: later, admins own the list. */
export async function seedFeeds(configs: readonly FeedConfig[], feeds: FeedRepository, clock: Clock): Promise<number> {
  const addedAt = clock.now().toISOString();
  return feeds.seedIfEmpty(configs.map((config) => toFeed(config, addedAt)));
}

import { z } from 'zod';
import type { Clock } from '../../domain/shared/clock.js';
import { err, ok, type Result } from '../../domain/shared/result.js';
import { normalizeFeedUrl } from './config.js';
import { initialHealth } from './health.js';
import type { AddressGuard, Feed, FeedErrorCode, FeedHealth, FeedHealthRepository, FeedRepository } from './ports.js';

/** What admins do to feeds at run time. */

export type FeedAdminError = 'invalid_feed' | 'duplicate_feed' | 'unknown_feed' | FeedErrorCode;

export const newFeedSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    name: z.string().trim().min(1).max(100).optional(),
    lang: z.enum(['en', 'fr', 'und']).default('und'),
    intervalMinutes: z.number().int().min(1).max(1440).default(30),
    kind: z.enum(['news', 'official']).default('news'),
    enabled: z.boolean().default(true),
  })
  .strict();

export interface FeedAdminDeps {
  readonly feeds: FeedRepository;
  readonly health: FeedHealthRepository;
  readonly guard: AddressGuard;
  readonly clock: Clock;
}

/** Validates, refuses duplicates and URLs that resolve to forbidden addresses, then stores. */
export async function addFeed(input: unknown, deps: FeedAdminDeps, options: { allowPrivate?: boolean } = {}): Promise<Result<Feed, FeedAdminError>> {
  const parsed = newFeedSchema.safeParse(input);
  if (!parsed.success) return err('invalid_feed', parsed.error.issues.map((i) => `${i.path.join('.') || 'feed'}: ${i.message}`).join('; '));
  const url = normalizeFeedUrl(parsed.data.url);
  if (await deps.feeds.get(url)) return err('duplicate_feed', `${url} is already a feed`);
  const allowed = await deps.guard.check(new URL(url), options);
  if (!allowed.ok) return allowed;
  const feed: Feed = { ...parsed.data, url, name: parsed.data.name ?? new URL(url).hostname, addedAt: deps.clock.now().toISOString() };
  await deps.feeds.put(feed);
  return ok(feed);
}

export async function removeFeed(url: string, deps: Pick<FeedAdminDeps, 'feeds' | 'health'>): Promise<Result<Feed, FeedAdminError>> {
  const feed = await findFeed(url, deps.feeds);
  if (!feed.ok) return feed;
  await deps.feeds.remove(feed.value.url);
  await deps.health.remove(feed.value.url);
  return feed;
}

export async function setFeedEnabled(url: string, enabled: boolean, deps: Pick<FeedAdminDeps, 'feeds'>): Promise<Result<Feed, FeedAdminError>> {
  const feed = await findFeed(url, deps.feeds);
  if (!feed.ok) return feed;
  const updated = { ...feed.value, enabled };
  await deps.feeds.put(updated);
  return ok(updated);
}

/** Lifts a pause: the failure count restarts and the feed is due at once. */
export async function resumeFeed(url: string, deps: Pick<FeedAdminDeps, 'feeds' | 'health' | 'clock'>): Promise<Result<FeedHealth, FeedAdminError>> {
  const feed = await findFeed(url, deps.feeds);
  if (!feed.ok) return feed;
  const current = (await deps.health.get(feed.value.url)) ?? initialHealth(feed.value.url);
  const { failingSince: _f, pausedAt: _p, ...rest } = current;
  const resumed: FeedHealth = { ...rest, paused: false, consecutiveFailures: 0, nextPollAt: deps.clock.now().toISOString() };
  await deps.health.put(resumed);
  return ok(resumed);
}

async function findFeed(url: string, feeds: FeedRepository): Promise<Result<Feed, FeedAdminError>> {
  let key: string;
  try {
    key = normalizeFeedUrl(url);
  } catch {
    return err('invalid_feed', `not a URL: ${url}`);
  }
  const feed = await feeds.get(key);
  return feed ? ok(feed) : err('unknown_feed', `${key} is not a feed`);
}

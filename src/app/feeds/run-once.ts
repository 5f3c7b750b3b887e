import { mapBounded } from './bounded.js';
import { normalizeFeedUrl } from './config.js';
import { pollFeed, type PollDeps, type PollReport } from './poll.js';
import type { Feed, FeedHealth, FeedHealthRepository, FeedRepository } from './ports.js';

export interface PollOnceOptions {
  /** Only these URLs (configured or not); all enabled feeds when absent or empty. */
  readonly urls?: readonly string[];
  /** Lets the URLs resolve to private and loopback addresses for this run. */
  readonly allowPrivate?: boolean;
  readonly concurrency?: number;
}

export interface PollOnceDeps extends PollDeps {
  readonly feeds: FeedRepository;
}

/** `sahel-watch poll --once`: polls the chosen feeds once each and reports per feed. */
export async function runPollOnce(options: PollOnceOptions, deps: PollOnceDeps): Promise<PollReport[]> {
  const policy = { ...deps.policy, ...(options.allowPrivate === true && { allowPrivate: true }) };
  const chosen: Target[] =
    options.urls && options.urls.length > 0
      ? await byUrl(options.urls, deps)
      : (await deps.feeds.list()).filter((f) => f.enabled).map((feed) => ({ feed }));
  return mapBounded(chosen, options.concurrency ?? 4, async (target) =>
    'feed' in target ? pollFeed(target.feed, { ...deps, policy }) : target.report,
  );
}

type Target = { feed: Feed } | { report: PollReport };

async function byUrl(urls: readonly string[], deps: PollOnceDeps): Promise<Target[]> {
  const addedAt = deps.clock.now().toISOString();
  return Promise.all(
    urls.map(async (raw): Promise<Target> => {
      let url: string;
      try {
        url = normalizeFeedUrl(raw);
      } catch {
        return { report: badUrl(raw) };
      }
      const feed = (await deps.feeds.get(url)) ?? adHocFeed(url, addedAt);
      return { feed };
    }),
  );
}

/** A URL given on the command line that is not configured is polled as a news feed. */
function adHocFeed(url: string, addedAt: string): Feed {
  return { url, name: new URL(url).hostname, lang: 'und', intervalMinutes: 60, kind: 'news', enabled: true, addedAt };
}

function badUrl(raw: string): PollReport {
  return {
    url: raw,
    name: raw,
    ok: false,
    status: null,
    items: 0,
    newItems: 0,
    duplicates: 0,
    skipped: 0,
    failedItems: 0,
    firstPoll: false,
    notModified: false,
    paused: false,
    nextPollAt: '',
    warnings: [],
    error: { code: 'bad_url', message: `not a URL: ${raw}` },
  };
}

export interface FeedWithHealth {
  readonly feed: Feed;
  readonly health?: FeedHealth;
}

/** `sahel-watch feeds`: every feed with its health. */
export async function listFeedsWithHealth(deps: { feeds: FeedRepository; health: FeedHealthRepository }): Promise<FeedWithHealth[]> {
  const [feeds, health] = await Promise.all([deps.feeds.list(), deps.health.list()]);
  const byUrl = new Map(health.map((h) => [h.url, h]));
  return feeds
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((feed) => {
      const h = byUrl.get(feed.url);
      return h ? { feed, health: h } : { feed };
    });
}

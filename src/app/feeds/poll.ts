import type { RawInput } from '../../domain/model.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { Metrics } from '../metrics.js';
import { DEFAULT_POLL_POLICY, healthAfterFailure, healthAfterSuccess, initialHealth, type PollPolicy } from './health.js';
import { seenIdOf, storyKeys, toRawInput } from './identity.js';
import type {
  AddressGuard,
  Feed,
  FeedErrorCode,
  FeedFetcher,
  FeedHealth,
  FeedHealthRepository,
  FeedItem,
  FeedParser,
  FetchFailureDetail,
  SeenEntry,
  SeenItemRepository,
} from './ports.js';

export interface PollDeps {
  readonly fetcher: FeedFetcher;
  readonly parse: FeedParser;
  readonly guard: AddressGuard;
  readonly health: FeedHealthRepository;
  readonly seen: SeenItemRepository;
  readonly clock: Clock;
  /** The matching pipeline: receives each fresh item, oldest first. A rejection leaves the item unseen. */
  readonly onItem: (raw: RawInput, feed: Feed) => Promise<void>;
  /** Told once when a feed is paused after failing for `pauseAfterMs`. */
  readonly onPaused?: (feed: Feed, health: FeedHealth) => Promise<void>;
  readonly metrics?: Pick<Metrics, 'poll' | 'fetchError'>;
  readonly policy?: Partial<PollPolicy>;
}

/**
 * What one poll did; `error` is set exactly when `ok` is false: the feed failed (its health records
 * it) or the pipeline rejected items (the feed itself counts as healthy).
 */
export interface PollReport {
  readonly url: string;
  readonly name: string;
  readonly ok: boolean;
  /** HTTP status of the final response, null when none came. */
  readonly status: number | null;
  /** Items in the document (0 on 304). */
  readonly items: number;
  /** Items passed to the pipeline and accepted by it. */
  readonly newItems: number;
  /** Unseen items that another feed (or this one under another id) already brought. */
  readonly duplicates: number;
  /** Unseen items remembered without being passed on: too old, or undated on a first poll. */
  readonly skipped: number;
  /** Items the pipeline rejected; they stay unseen and come again with the next full fetch. */
  readonly failedItems: number;
  readonly firstPoll: boolean;
  readonly notModified: boolean;
  readonly paused: boolean;
  readonly nextPollAt: string;
  readonly warnings: readonly string[];
  readonly error?: { readonly code: FeedErrorCode | 'pipeline_error'; readonly message: string };
}

interface Candidate {
  readonly item: FeedItem;
  readonly seenId: string;
  readonly keys: readonly string[];
}

/**
 * Polls one feed once: fetch (conditional), parse, keep what was not seen before, pass the fresh
 * items to the pipeline oldest first, remember them, and update the feed's health.
 */
export async function pollFeed(feed: Feed, deps: PollDeps): Promise<PollReport> {
  const policy = { ...DEFAULT_POLL_POLICY, ...deps.policy };
  const now = deps.clock.now();
  const health = (await deps.health.get(feed.url)) ?? initialHealth(feed.url);
  const fetched = await deps.fetcher.fetch({
    url: feed.url,
    ...(health.etag !== undefined && { etag: health.etag }),
    ...(health.lastModified !== undefined && { lastModified: health.lastModified }),
    checkAddress: (url) => deps.guard.check(url, { allowPrivate: policy.allowPrivate }),
  });
  if (!fetched.ok) {
    const detail = (fetched.error.detail ?? {}) as FetchFailureDetail;
    return fail(feed, health, { ...fetched.error, ...detail }, deps, policy, now);
  }
  const response = fetched.value;
  if (response.kind === 'not_modified') {
    const next = healthAfterSuccess(health, { at: now, nextPollAt: after(now, feed), status: 304, newlySeen: 0 });
    await deps.health.put(next);
    deps.metrics?.poll('not_modified');
    return report(feed, next, { status: 304, notModified: true, firstPoll: false });
  }
  const parsed = await deps.parse(response.body, {
    url: response.url,
    sourceName: feed.name,
    lang: feed.lang,
    ...(response.contentType !== undefined && { contentType: response.contentType }),
  });
  if (!parsed.ok) return fail(feed, health, { ...parsed.error, status: response.status }, deps, policy, now);

  const firstPoll = !health.primed;
  const outcome = await ingest(feed, parsed.value.items, { deps, policy, now, firstPoll });
  // A truncated document or a rejected item must be fetched in full again: keep the old validators.
  const refetch = outcome.failedItems > 0 || parsed.value.warnings.includes('truncated');
  const validators = refetch
    ? undefined
    : { ...(response.etag !== undefined && { etag: response.etag }), ...(response.lastModified !== undefined && { lastModified: response.lastModified }) };
  const next = healthAfterSuccess(health, {
    at: now,
    nextPollAt: after(now, feed),
    status: response.status,
    newlySeen: outcome.recorded,
    ...(validators !== undefined && { validators }),
  });
  await deps.health.put(next);
  deps.metrics?.poll('ok');
  return report(feed, next, {
    status: response.status,
    items: parsed.value.items.length,
    newItems: outcome.processed,
    duplicates: outcome.duplicates,
    skipped: outcome.skipped,
    failedItems: outcome.failedItems,
    firstPoll,
    warnings: parsed.value.warnings,
    ...(outcome.firstError !== undefined && { ok: false, error: { code: 'pipeline_error', message: outcome.firstError } }),
  });
}

interface IngestContext {
  readonly deps: PollDeps;
  readonly policy: PollPolicy;
  readonly now: Date;
  readonly firstPoll: boolean;
}

interface IngestOutcome {
  readonly processed: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly failedItems: number;
  readonly recorded: number;
  readonly firstError?: string;
}

async function ingest(feed: Feed, items: readonly FeedItem[], context: IngestContext): Promise<IngestOutcome> {
  const { deps, now } = context;
  const at = now.toISOString();
  const { fresh, duplicates } = await unseen(feed, items, deps);
  const due = fresh.filter((c) => isDue(c.item, context));
  const skipped = fresh.filter((c) => !isDue(c.item, context));
  const quiet = [...duplicates, ...skipped];
  if (quiet.length > 0) await deps.seen.record(feed.url, quiet.map(entry), at);

  let processed = 0;
  let firstError: string | undefined;
  for (const candidate of oldestFirst(due)) {
    try {
      await deps.onItem(toRawInput(candidate.item, feed, candidate.seenId, at), feed);
    } catch (cause) {
      firstError ??= `the pipeline rejected ${candidate.seenId}: ${(cause as Error).message ?? String(cause)}`;
      continue;
    }
    await deps.seen.record(feed.url, [entry(candidate)], at);
    processed += 1;
  }
  const failedItems = due.length - processed;
  return {
    processed,
    duplicates: duplicates.length,
    skipped: skipped.length,
    failedItems,
    recorded: quiet.length + processed,
    ...(firstError !== undefined && { firstError }),
  };
}

/** Items not seen in this feed, split into fresh stories and stories already brought by a feed. */
async function unseen(feed: Feed, items: readonly FeedItem[], deps: PollDeps): Promise<{ fresh: Candidate[]; duplicates: Candidate[] }> {
  const candidates = items.map((item): Candidate => ({ item, seenId: seenIdOf(item, feed), keys: storyKeys(item, feed) }));
  const knownIds = await deps.seen.knownIds(feed.url, candidates.map((c) => c.seenId));
  const newOnes = candidates.filter((c) => !knownIds.has(c.seenId));
  const knownStories = await deps.seen.knownStories([...new Set(newOnes.flatMap((c) => c.keys))]);
  const fresh: Candidate[] = [];
  const duplicates: Candidate[] = [];
  const thisPoll = new Set<string>();
  for (const candidate of newOnes) {
    const repeated = candidate.keys.some((key) => knownStories.has(key) || thisPoll.has(key));
    (repeated ? duplicates : fresh).push(candidate);
    candidate.keys.forEach((key) => thisPoll.add(key));
  }
  return { fresh, duplicates };
}

/** First poll: only recent dated items. Later: anything not older than maxAge (undated counts as new). */
function isDue(item: FeedItem, { policy, now, firstPoll }: IngestContext): boolean {
  if (item.published === undefined) return !firstPoll;
  const age = now.getTime() - Date.parse(item.published);
  return age <= (firstPoll ? policy.firstPollMaxAgeMs : policy.maxAgeMs);
}

/** Dated items by date; undated ones last, in reverse document order (feeds list newest first). */
function oldestFirst(candidates: readonly Candidate[]): Candidate[] {
  const dated = candidates.filter((c) => c.item.published !== undefined);
  const undated = candidates.filter((c) => c.item.published === undefined).reverse();
  dated.sort((a, b) => Date.parse(a.item.published ?? '') - Date.parse(b.item.published ?? ''));
  return [...dated, ...undated];
}

function entry(candidate: Candidate): SeenEntry {
  return { itemId: candidate.seenId, storyKeys: candidate.keys };
}

function after(now: Date, feed: Feed): Date {
  return new Date(now.getTime() + feed.intervalMinutes * 60_000);
}

async function fail(
  feed: Feed,
  health: FeedHealth,
  failure: { code: FeedErrorCode; message: string; status?: number; retryAfterMs?: number },
  deps: PollDeps,
  policy: PollPolicy,
  now: Date,
): Promise<PollReport> {
  const { health: next, pausedNow } = healthAfterFailure(
    health,
    {
      at: now,
      intervalMs: feed.intervalMinutes * 60_000,
      code: failure.code,
      message: failure.message,
      ...(failure.status !== undefined && { status: failure.status }),
      ...(failure.retryAfterMs !== undefined && { retryAfterMs: failure.retryAfterMs }),
    },
    policy,
  );
  await deps.health.put(next);
  deps.metrics?.poll('error');
  deps.metrics?.fetchError(failure.code);
  if (pausedNow) await deps.onPaused?.(feed, next);
  return report(feed, next, {
    ok: false,
    status: failure.status ?? null,
    firstPoll: !health.primed,
    error: { code: failure.code, message: failure.message },
  });
}

function report(feed: Feed, health: FeedHealth, fields: Partial<PollReport> & Pick<PollReport, 'status' | 'firstPoll'>): PollReport {
  return {
    url: feed.url,
    name: feed.name,
    ok: true,
    items: 0,
    newItems: 0,
    duplicates: 0,
    skipped: 0,
    failedItems: 0,
    notModified: false,
    paused: health.paused,
    nextPollAt: health.nextPollAt ?? '',
    warnings: [],
    ...fields,
  };
}

import type { Lang } from '../../domain/model.js';
import type { Result } from '../../domain/shared/result.js';

/**
 * Feed ingestion ports. The store implements the three repositories (in memory: ./memory.ts);
 * the transport (fetcher, address guard) and the parser live in src/adapters/feeds.
 * Every method returns a promise so that a networked store can implement it too.
 */

export type FeedKind = 'news' | 'official';

/** A feed as configured and as admins add it at run time. The URL is its key. */
export interface Feed {
  /** Absolute http(s) URL, normalised by the WHATWG URL parser (see normalizeFeedUrl). */
  readonly url: string;
  readonly name: string;
  /** Language the feed is expected to be in; the items' own declaration wins when present. */
  readonly lang: Lang;
  readonly intervalMinutes: number;
  /** 'official' feeds carry travel advice; their items become official documents. */
  readonly kind: FeedKind;
  readonly enabled: boolean;
  /** When the feed entered the store (ISO). */
  readonly addedAt: string;
}

/** Why a poll failed: closed set, stable codes (also used as metric labels). */
export const FEED_ERROR_CODES = [
  'bad_url',
  'blocked_address',
  'network',
  'timeout',
  'too_large',
  'http_4xx',
  'http_5xx',
  'bad_response',
  'redirect_loop',
  'bad_encoding',
  'not_a_feed',
  'parse_error',
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

/** Health and conditional-GET state of one feed, kept in the store next to the feed. */
export interface FeedHealth {
  readonly url: string;
  readonly lastPollAt?: string;
  readonly lastSuccessAt?: string;
  /** HTTP status of the last response, when there was one. */
  readonly lastStatus?: number;
  readonly lastError?: { readonly code: FeedErrorCode; readonly message: string; readonly at: string };
  /** Start of the current run of failures; absent while the feed works. */
  readonly failingSince?: string;
  readonly consecutiveFailures: number;
  readonly nextPollAt?: string;
  /** Items recorded as seen for this feed since it was added. */
  readonly itemsSeen: number;
  /** A paused feed is not polled by the scheduler until an admin resumes it or a manual poll succeeds. */
  readonly paused: boolean;
  readonly pausedAt?: string;
  /** False until the first successful parse: that poll only learns what is already there. */
  readonly primed: boolean;
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface FeedRepository {
  list(): Promise<Feed[]>;
  get(url: string): Promise<Feed | undefined>;
  /** Inserts or replaces the feed with the same URL. */
  put(feed: Feed): Promise<void>;
  remove(url: string): Promise<boolean>;
  /** Stores the feeds only when the store has never held any; returns how many were stored. */
  seedIfEmpty(feeds: readonly Feed[]): Promise<number>;
}

export interface FeedHealthRepository {
  get(url: string): Promise<FeedHealth | undefined>;
  put(health: FeedHealth): Promise<void>;
  list(): Promise<FeedHealth[]>;
  remove(url: string): Promise<boolean>;
}

/** What is remembered of one item: its id within its feed and its cross-feed story keys. */
export interface SeenEntry {
  readonly itemId: string;
  readonly storyKeys: readonly string[];
}

export interface SeenItemRepository {
  /** The subset of `itemIds` already recorded for this feed. */
  knownIds(feedUrl: string, itemIds: readonly string[]): Promise<Set<string>>;
  /** The subset of `storyKeys` already recorded by any feed. */
  knownStories(storyKeys: readonly string[]): Promise<Set<string>>;
  /** Records the entries as seen at `at` (ISO); recording an entry twice is harmless. */
  record(feedUrl: string, entries: readonly SeenEntry[], at: string): Promise<void>;
  /** Forgets entries recorded before `at` (retention); returns how many were forgotten. */
  pruneBefore(at: string): Promise<number>;
}

/** One item of a feed, normalised. */
export interface FeedItem {
  /** guid, else Atom id, else link, else "sha256:" + hash of title and date. Unique within its feed. */
  readonly id: string;
  /** Absolute canonical http(s) link (relative links resolved, tracking parameters removed). */
  readonly link?: string;
  /** Clean text; empty when the feed gave none. Google News titles lose their " - Outlet" suffix. */
  readonly title: string;
  /** Clean text of the fullest body the item carries (content, else description or summary). */
  readonly summary: string;
  /** Publication (else update) date as ISO 8601 UTC, when one could be read. */
  readonly published?: string;
  /** The outlet: the Google News <source>, else the configured feed name, else the channel title. */
  readonly source: string;
  /** Two-letter language declared by the feed, else the configured one. */
  readonly lang?: string;
  readonly author?: string;
}

export type FeedFormat = 'rss2' | 'rss1' | 'rss090' | 'atom' | 'json';

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title?: string;
  readonly link?: string;
  readonly lang?: string;
  readonly items: readonly FeedItem[];
  /** What was repaired or tolerated ("truncated", "lossy_utf8", "items_capped" ...). */
  readonly warnings: readonly string[];
}

export interface ParseContext {
  /** Final URL of the document: the base for relative links. */
  readonly url: string;
  /** Configured feed name, used as the source when an item names no outlet. */
  readonly sourceName?: string;
  /** Configured language, used when the feed declares none. */
  readonly lang?: string;
  /** Content-Type response header: its charset is an encoding hint. */
  readonly contentType?: string;
}

export type FeedParser = (body: string | Uint8Array, context: ParseContext) => Promise<Result<ParsedFeed, FeedErrorCode>>;

/** Refuses URLs whose host resolves to loopback, private, link-local, metadata ... addresses. */
export interface AddressGuard {
  check(url: URL, options?: { readonly allowPrivate?: boolean }): Promise<Result<void, FeedErrorCode>>;
}

export interface FetchRequest {
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Called before the first request and before every redirect hop. */
  readonly checkAddress: (url: URL) => Promise<Result<void, FeedErrorCode>>;
}

export type FetchResponse =
  | { readonly kind: 'not_modified'; readonly status: 304; readonly url: string }
  | {
      readonly kind: 'body';
      readonly status: number;
      /** Final URL after redirects. */
      readonly url: string;
      readonly body: Uint8Array;
      readonly contentType?: string;
      readonly etag?: string;
      readonly lastModified?: string;
    };

/** What a failed fetch may tell besides its code (kept in Failure.detail). */
export interface FetchFailureDetail {
  readonly status?: number;
  /** From a Retry-After header on 429 and 503 answers. */
  readonly retryAfterMs?: number;
}

export interface FeedFetcher {
  fetch(request: FetchRequest): Promise<Result<FetchResponse, FeedErrorCode>>;
}

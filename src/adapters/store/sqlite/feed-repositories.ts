import type {
  Feed,
  FeedHealth,
  FeedHealthRepository,
  FeedRepository,
  SeenEntry,
  SeenItemRepository,
} from '../../../app/feeds/ports.js';
import { fromJson, instant, toJson } from './codec.js';
import type { Db } from './connection.js';

const FEEDS_SEEDED = 'feeds_seeded';

/** Feeds in the order they were first added; the URL is the key. */
export class SqliteFeedRepository implements FeedRepository {
  private readonly listStmt;
  private readonly getStmt;
  private readonly putStmt;
  private readonly removeStmt;
  private readonly flagStmt;
  private readonly markSeededStmt;
  private readonly putTx;
  private readonly seedTx;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], { body: string }>('SELECT body FROM feeds ORDER BY seq');
    this.getStmt = db.prepare<[string], { body: string }>('SELECT body FROM feeds WHERE url = ?');
    this.putStmt = db.prepare(
      'INSERT INTO feeds (url, body) VALUES (@url, @body) ON CONFLICT (url) DO UPDATE SET body = excluded.body',
    );
    this.removeStmt = db.prepare('DELETE FROM feeds WHERE url = ?');
    this.flagStmt = db.prepare<[string], { name: string }>('SELECT name FROM store_flags WHERE name = ?');
    this.markSeededStmt = db.prepare('INSERT INTO store_flags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
    // Any feed ever stored counts as seeded: an admin who removed every feed does not get the defaults back.
    this.putTx = db.transaction((feed: Feed) => {
      this.putStmt.run({ url: feed.url, body: toJson(feed) });
      this.markSeededStmt.run(FEEDS_SEEDED);
    });
    this.seedTx = db.transaction((feeds: readonly Feed[]): number => {
      if (this.flagStmt.get(FEEDS_SEEDED) !== undefined) return 0;
      this.markSeededStmt.run(FEEDS_SEEDED);
      for (const feed of feeds) this.putStmt.run({ url: feed.url, body: toJson(feed) });
      return feeds.length;
    });
  }

  async list(): Promise<Feed[]> {
    return this.listStmt.all().map((row) => fromJson<Feed>(row.body));
  }

  async get(url: string): Promise<Feed | undefined> {
    const row = this.getStmt.get(url);
    return row === undefined ? undefined : fromJson<Feed>(row.body);
  }

  async put(feed: Feed): Promise<void> {
    this.putTx(feed);
  }

  async remove(url: string): Promise<boolean> {
    return this.removeStmt.run(url).changes > 0;
  }

  async seedIfEmpty(feeds: readonly Feed[]): Promise<number> {
    return this.seedTx.immediate(feeds);
  }
}

export class SqliteFeedHealthRepository implements FeedHealthRepository {
  private readonly getStmt;
  private readonly putStmt;
  private readonly listStmt;
  private readonly removeStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { body: string }>('SELECT body FROM feed_health WHERE url = ?');
    this.putStmt = db.prepare(
      'INSERT INTO feed_health (url, body) VALUES (@url, @body) ON CONFLICT (url) DO UPDATE SET body = excluded.body',
    );
    this.listStmt = db.prepare<[], { body: string }>('SELECT body FROM feed_health ORDER BY seq');
    this.removeStmt = db.prepare('DELETE FROM feed_health WHERE url = ?');
  }

  async get(url: string): Promise<FeedHealth | undefined> {
    const row = this.getStmt.get(url);
    return row === undefined ? undefined : fromJson<FeedHealth>(row.body);
  }

  async put(health: FeedHealth): Promise<void> {
    this.putStmt.run({ url: health.url, body: toJson(health) });
  }

  async list(): Promise<FeedHealth[]> {
    return this.listStmt.all().map((row) => fromJson<FeedHealth>(row.body));
  }

  async remove(url: string): Promise<boolean> {
    return this.removeStmt.run(url).changes > 0;
  }
}

/**
 * Item ids per feed and story keys across feeds, each with the time it was first recorded, so
 * that retention forgets by age and a re-recorded item keeps its first date.
 */
export class SqliteSeenItemRepository implements SeenItemRepository {
  private readonly knownIdsStmt;
  private readonly knownStoriesStmt;
  private readonly recordIdStmt;
  private readonly recordStoryStmt;
  private readonly pruneIdsStmt;
  private readonly pruneStoriesStmt;
  private readonly recordTx;
  private readonly pruneTx;

  constructor(db: Db) {
    this.knownIdsStmt = db.prepare<[string, string], { id: string }>(
      'SELECT item_id AS id FROM seen_items WHERE feed_url = ? AND item_id IN (SELECT value FROM json_each(?))',
    );
    this.knownStoriesStmt = db.prepare<[string], { key: string }>(
      'SELECT story_key AS key FROM seen_stories WHERE story_key IN (SELECT value FROM json_each(?))',
    );
    this.recordIdStmt = db.prepare(
      'INSERT INTO seen_items (feed_url, item_id, seen_at) VALUES (?, ?, ?) ON CONFLICT (feed_url, item_id) DO NOTHING',
    );
    this.recordStoryStmt = db.prepare(
      'INSERT INTO seen_stories (story_key, seen_at) VALUES (?, ?) ON CONFLICT (story_key) DO NOTHING',
    );
    this.pruneIdsStmt = db.prepare('DELETE FROM seen_items WHERE seen_at < ?');
    this.pruneStoriesStmt = db.prepare('DELETE FROM seen_stories WHERE seen_at < ?');
    this.recordTx = db.transaction((feedUrl: string, entries: readonly SeenEntry[], at: string) => {
      for (const entry of entries) {
        this.recordIdStmt.run(feedUrl, entry.itemId, at);
        for (const key of entry.storyKeys) this.recordStoryStmt.run(key, at);
      }
    });
    this.pruneTx = db.transaction((at: string): number => {
      this.pruneStoriesStmt.run(at);
      return this.pruneIdsStmt.run(at).changes;
    });
  }

  async knownIds(feedUrl: string, itemIds: readonly string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    return new Set(this.knownIdsStmt.all(feedUrl, toJson(itemIds)).map((row) => row.id));
  }

  async knownStories(storyKeys: readonly string[]): Promise<Set<string>> {
    if (storyKeys.length === 0) return new Set();
    return new Set(this.knownStoriesStmt.all(toJson(storyKeys)).map((row) => row.key));
  }

  async record(feedUrl: string, entries: readonly SeenEntry[], at: string): Promise<void> {
    this.recordTx(feedUrl, entries, instant(at));
  }

  /** Returns the number of item ids forgotten; story keys age out with them. */
  async pruneBefore(at: string): Promise<number> {
    return this.pruneTx(instant(at));
  }
}

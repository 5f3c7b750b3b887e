import type {
  Feed,
  FeedHealth,
  FeedHealthRepository,
  FeedRepository,
  SeenEntry,
  SeenItemRepository,
} from '../../../app/feeds/ports.js';
import { instant, pgText, sortedUnique, toJson } from './codec.js';
import type { Database, Queryable } from './database.js';

const FEEDS_SEEDED = 'feeds_seeded';

const putFeed = (q: Queryable, feed: Feed) =>
  q.query('INSERT INTO feeds (url, body) VALUES ($1, $2::jsonb) ON CONFLICT (url) DO UPDATE SET body = excluded.body', [
    pgText(feed.url),
    toJson(feed),
  ]);

/** True for the one transaction that set the flag; later ones, or ones that waited for it, get false. */
async function raiseFlag(q: Queryable, name: string): Promise<boolean> {
  const { rows } = await q.query('INSERT INTO store_flags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name', [name]);
  return rows.length > 0;
}

/** Feeds in the order they were first added; the URL is the key. */
export class PostgresFeedRepository implements FeedRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<Feed[]> {
    const { rows } = await this.db.query<{ body: Feed }>('SELECT body FROM feeds ORDER BY seq');
    return rows.map((row) => row.body);
  }

  async get(url: string): Promise<Feed | undefined> {
    const { rows } = await this.db.query<{ body: Feed }>('SELECT body FROM feeds WHERE url = $1', [pgText(url)]);
    return rows[0]?.body;
  }

  async put(feed: Feed): Promise<void> {
    // Any feed ever stored counts as seeded: an admin who removed every feed does not get the defaults back.
    await this.db.transaction(async (tx) => {
      await putFeed(tx, feed);
      await raiseFlag(tx, FEEDS_SEEDED);
    });
  }

  async remove(url: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM feeds WHERE url = $1', [pgText(url)])).count > 0;
  }

  async seedIfEmpty(feeds: readonly Feed[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (!(await raiseFlag(tx, FEEDS_SEEDED))) return 0;
      for (const feed of feeds) await putFeed(tx, feed);
      return feeds.length;
    });
  }
}

export class PostgresFeedHealthRepository implements FeedHealthRepository {
  constructor(private readonly db: Database) {}

  async get(url: string): Promise<FeedHealth | undefined> {
    const { rows } = await this.db.query<{ body: FeedHealth }>('SELECT body FROM feed_health WHERE url = $1', [pgText(url)]);
    return rows[0]?.body;
  }

  async put(health: FeedHealth): Promise<void> {
    await this.db.query(
      'INSERT INTO feed_health (url, body) VALUES ($1, $2::jsonb) ON CONFLICT (url) DO UPDATE SET body = excluded.body',
      [pgText(health.url), toJson(health)],
    );
  }

  async list(): Promise<FeedHealth[]> {
    const { rows } = await this.db.query<{ body: FeedHealth }>('SELECT body FROM feed_health ORDER BY seq');
    return rows.map((row) => row.body);
  }

  async remove(url: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM feed_health WHERE url = $1', [pgText(url)])).count > 0;
  }
}

/**
 * Item ids per feed and story keys across feeds, each with the time it was first recorded, so
 * that retention forgets by age and a re-recorded item keeps its first date.
 */
export class PostgresSeenItemRepository implements SeenItemRepository {
  constructor(private readonly db: Database) {}

  async knownIds(feedUrl: string, itemIds: readonly string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT item_id AS id FROM seen_items WHERE feed_url = $1 AND item_id = ANY($2::text[])',
      [pgText(feedUrl), sortedUnique(itemIds)],
    );
    return this.asGiven(itemIds, rows.map((row) => row.id));
  }

  async knownStories(storyKeys: readonly string[]): Promise<Set<string>> {
    if (storyKeys.length === 0) return new Set();
    const { rows } = await this.db.query<{ key: string }>(
      'SELECT story_key AS key FROM seen_stories WHERE story_key = ANY($1::text[])',
      [sortedUnique(storyKeys)],
    );
    return this.asGiven(storyKeys, rows.map((row) => row.key));
  }

  async record(feedUrl: string, entries: readonly SeenEntry[], at: string): Promise<void> {
    if (entries.length === 0) return;
    const seenAt = instant(at);
    const itemIds = sortedUnique(entries.map((e) => e.itemId));
    const storyKeys = sortedUnique(entries.flatMap((e) => e.storyKeys));
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO seen_items (feed_url, item_id, seen_at) SELECT $1, id, $3 FROM unnest($2::text[]) AS id
         ON CONFLICT (feed_url, item_id) DO NOTHING`,
        [pgText(feedUrl), itemIds, seenAt],
      );
      if (storyKeys.length === 0) return;
      await tx.query(
        `INSERT INTO seen_stories (story_key, seen_at) SELECT key, $2 FROM unnest($1::text[]) AS key
         ON CONFLICT (story_key) DO NOTHING`,
        [storyKeys, seenAt],
      );
    });
  }

  /** Returns the number of item ids forgotten; story keys age out with them. */
  async pruneBefore(at: string): Promise<number> {
    const cutoff = instant(at);
    return this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM seen_stories WHERE seen_at < $1', [cutoff]);
      return (await tx.query('DELETE FROM seen_items WHERE seen_at < $1', [cutoff])).count;
    });
  }

  /** The stored form of a value differs from the given one only when it held U+0000. */
  private asGiven(given: readonly string[], found: readonly string[]): Set<string> {
    const known = new Set(found);
    return new Set(given.filter((value) => known.has(pgText(value))));
  }
}

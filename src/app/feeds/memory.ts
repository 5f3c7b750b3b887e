import type { Feed, FeedHealth, FeedHealthRepository, FeedRepository, SeenEntry, SeenItemRepository } from './ports.js';

/** In-memory feed repositories: for tests, one-shot commands and replays. */

export class InMemoryFeedRepository implements FeedRepository {
  private readonly feeds = new Map<string, Feed>();
  private everSeeded = false;

  async list(): Promise<Feed[]> {
    return [...this.feeds.values()];
  }

  async get(url: string): Promise<Feed | undefined> {
    return this.feeds.get(url);
  }

  async put(feed: Feed): Promise<void> {
    this.everSeeded = true;
    this.feeds.set(feed.url, feed);
  }

  async remove(url: string): Promise<boolean> {
    return this.feeds.delete(url);
  }

  async seedIfEmpty(feeds: readonly Feed[]): Promise<number> {
    if (this.everSeeded) return 0;
    this.everSeeded = true;
    for (const feed of feeds) this.feeds.set(feed.url, feed);
    return feeds.length;
  }
}

export class InMemoryFeedHealthRepository implements FeedHealthRepository {
  private readonly health = new Map<string, FeedHealth>();

  async get(url: string): Promise<FeedHealth | undefined> {
    return this.health.get(url);
  }

  async put(health: FeedHealth): Promise<void> {
    this.health.set(health.url, health);
  }

  async list(): Promise<FeedHealth[]> {
    return [...this.health.values()];
  }

  async remove(url: string): Promise<boolean> {
    return this.health.delete(url);
  }
}

export class InMemorySeenItemRepository implements SeenItemRepository {
  /** feed URL -> item id -> when recorded (ms). */
  private readonly ids = new Map<string, Map<string, number>>();
  /** story key -> when recorded (ms). */
  private readonly stories = new Map<string, number>();

  async knownIds(feedUrl: string, itemIds: readonly string[]): Promise<Set<string>> {
    const known = this.ids.get(feedUrl);
    return new Set(known ? itemIds.filter((id) => known.has(id)) : []);
  }

  async knownStories(storyKeys: readonly string[]): Promise<Set<string>> {
    return new Set(storyKeys.filter((key) => this.stories.has(key)));
  }

  async record(feedUrl: string, entries: readonly SeenEntry[], at: string): Promise<void> {
    const time = Date.parse(at);
    let known = this.ids.get(feedUrl);
    if (!known) {
      known = new Map();
      this.ids.set(feedUrl, known);
    }
    for (const entry of entries) {
      if (!known.has(entry.itemId)) known.set(entry.itemId, time);
      for (const key of entry.storyKeys) if (!this.stories.has(key)) this.stories.set(key, time);
    }
  }

  async pruneBefore(at: string): Promise<number> {
    const limit = Date.parse(at);
    let removed = 0;
    for (const [feedUrl, known] of this.ids) {
      for (const [id, time] of known) {
        if (time < limit) {
          known.delete(id);
          removed += 1;
        }
      }
      if (known.size === 0) this.ids.delete(feedUrl);
    }
    for (const [key, time] of this.stories) if (time < limit) this.stories.delete(key);
    return removed;
  }

  /** Entries held, for memory checks in benchmarks. */
  size(): { ids: number; stories: number } {
    let ids = 0;
    for (const known of this.ids.values()) ids += known.size;
    return { ids, stories: this.stories.size };
  }
}

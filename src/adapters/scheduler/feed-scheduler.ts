import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../../domain/shared/clock.js';
import type { Feed, FeedHealth, FeedHealthRepository, FeedRepository } from '../../app/feeds/ports.js';
import type { FeedLease } from './feed-lease.js';

export interface FeedSchedulerOptions {
  readonly feeds: FeedRepository;
  readonly health: FeedHealthRepository;
  /** Polls one feed: pollFeed bound to its dependencies by the composition root. */
  readonly poll: (feed: Feed) => Promise<unknown>;
  readonly clock: Clock;
  /** Source of jitter in [0, 1); Math.random unless given. */
  readonly random?: () => number;
  /** Polls running at once, across all feeds. */
  readonly concurrency: number;
  /** node-cron expression of the scheduling tick (with seconds); every 15 seconds by default. */
  readonly tick?: string;
  /** Up to this fraction of a feed's interval is added at random to each next poll. */
  readonly jitterRatio?: number;
  /** Feeds due at start are spread over up to this long instead of firing together. */
  readonly startSpreadMs?: number;
  /** A poll that threw (pollFeed reports expected failures as values; this is for the unexpected). */
  readonly onError?: (feed: Feed, error: unknown) => void;
  /** A scheduling round that threw (the store could not list feeds). */
  readonly onTickError?: (error: unknown) => void;
  /**
   * With several processes on one store: a feed is polled only under its lease, so that one
   * process polls it at a time. A process alone on its store needs none.
   */
  readonly lease?: FeedLease;
}

/**
 * Polls every enabled, unpaused feed at its own interval. One node-cron task ticks; each tick starts
 * the feeds whose due time has come. Due times come from the feed's health (which carries the backoff
 * after failures) plus jitter, so that feeds with equal intervals drift apart. A feed is never polled
 * twice at once, and at most `concurrency` polls run together; the rest wait in a queue.
 */
export class FeedScheduler {
  private task: ScheduledTask | undefined;
  private readonly dueAt = new Map<string, number>();
  /** Feeds queued or being polled. */
  private readonly pending = new Set<string>();
  private readonly queue: Feed[] = [];
  private running = 0;
  private stopping = false;
  private idleWaiters: (() => void)[] = [];
  private readonly random: () => number;

  constructor(private readonly options: FeedSchedulerOptions) {
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (this.task) return;
    this.stopping = false;
    const tick = (): Promise<unknown> => this.tick().catch((error: unknown) => this.options.onTickError?.(error));
    this.task = cron.createTask(this.options.tick ?? '*/15 * * * * *', tick, { name: 'feed-scheduler', noOverlap: true });
    void this.task.start();
  }

  /** Stops ticking, drops queued polls, and resolves once the polls in flight have finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    const task = this.task;
    this.task = undefined;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    for (const feed of this.queue.splice(0)) this.pending.delete(feed.url);
    await this.idle();
  }

  /** One scheduling round: queues every due feed; returns how many were queued. */
  async tick(): Promise<number> {
    if (this.stopping) return 0;
    const now = this.options.clock.now().getTime();
    const [feeds, healthList] = await Promise.all([this.options.feeds.list(), this.options.health.list()]);
    if (this.stopping) return 0;
    const health = new Map(healthList.map((h) => [h.url, h]));
    this.forgetRemoved(feeds);
    const due: { feed: Feed; at: number }[] = [];
    for (const feed of feeds) {
      if (!feed.enabled || health.get(feed.url)?.paused) {
        this.dueAt.delete(feed.url);
        continue;
      }
      if (this.pending.has(feed.url)) continue;
      const at = this.dueAt.get(feed.url) ?? this.firstDue(feed, health.get(feed.url), now);
      this.dueAt.set(feed.url, at);
      if (at <= now) due.push({ feed, at });
    }
    due.sort((a, b) => a.at - b.at);
    for (const { feed } of due) {
      this.pending.add(feed.url);
      this.queue.push(feed);
    }
    this.pump();
    return due.length;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Feeds being polled or waiting for a slot. */
  get inFlight(): readonly string[] {
    return [...this.pending];
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const feed = this.queue.shift() as Feed;
      this.running += 1;
      void this.run(feed);
    }
    if (this.running === 0 && this.queue.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((wake) => wake());
    }
  }

  private async run(feed: Feed): Promise<void> {
    const { lease } = this.options;
    try {
      if (lease && !(await this.claim(feed, lease))) return;
      try {
        await this.options.poll(feed);
        await this.scheduleNext(feed);
      } finally {
        await lease?.release(feed.url);
      }
    } catch (error) {
      this.dueAt.set(feed.url, this.options.clock.now().getTime() + this.intervalMs(feed) + this.jitter(feed));
      this.options.onError?.(feed, error);
    } finally {
      this.pending.delete(feed.url);
      this.running -= 1;
      this.pump();
    }
  }

  /**
   * Takes the feed's lease, then reads its health again: another process may have polled it since
   * this one planned the poll, and then the poll waits for the time that process set. A feed held
   * by another process is asked for again at the next round, so that it is taken over soon after
   * its holder's lease runs out.
   */
  private async claim(feed: Feed, lease: FeedLease): Promise<boolean> {
    if (!(await lease.acquire(feed.url))) {
      this.dueAt.set(feed.url, this.options.clock.now().getTime());
      return false;
    }
    const next = (await this.options.health.get(feed.url))?.nextPollAt;
    const nextAt = next ? Date.parse(next) : Number.NaN;
    if (nextAt > this.options.clock.now().getTime()) {
      await lease.release(feed.url);
      this.dueAt.set(feed.url, nextAt + this.jitter(feed));
      return false;
    }
    return true;
  }

  private async scheduleNext(feed: Feed): Promise<void> {
    const health = await this.options.health.get(feed.url);
    const next = health?.nextPollAt ? Date.parse(health.nextPollAt) : this.options.clock.now().getTime() + this.intervalMs(feed);
    this.dueAt.set(feed.url, next + this.jitter(feed));
  }

  private firstDue(feed: Feed, health: FeedHealth | undefined, now: number): number {
    const spread = this.random() * Math.min(this.intervalMs(feed), this.options.startSpreadMs ?? 60_000);
    const planned = health?.nextPollAt ? Date.parse(health.nextPollAt) : now;
    return Math.max(planned, now + spread);
  }

  private jitter(feed: Feed): number {
    return this.random() * (this.options.jitterRatio ?? 0.1) * this.intervalMs(feed);
  }

  private intervalMs(feed: Feed): number {
    return feed.intervalMinutes * 60_000;
  }

  private forgetRemoved(feeds: readonly Feed[]): void {
    const live = new Set(feeds.map((f) => f.url));
    for (const url of this.dueAt.keys()) if (!live.has(url)) this.dueAt.delete(url);
  }
}

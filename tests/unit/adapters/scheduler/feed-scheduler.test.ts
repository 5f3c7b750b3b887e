import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { FeedScheduler, type FeedSchedulerOptions } from '../../../../src/adapters/scheduler/feed-scheduler.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository } from '../../../../src/app/feeds/memory.js';
import type { Feed } from '../../../../src/app/feeds/ports.js';

const START = '2025-07-03T12:00:00.000Z';
const MIN = 60_000;

function feed(n: number, overrides: Partial<Feed> = {}): Feed {
  return { url: `https://f${n}.example/rss`, name: `F${n}`, lang: 'en', intervalMinutes: 10, kind: 'news', enabled: true, addedAt: START, ...overrides };
}

/** A poll that stays open until released, and records concurrency. */
class GatedPoll {
  readonly started: string[] = [];
  running = 0;
  maxRunning = 0;
  private gates: (() => void)[] = [];

  constructor(private readonly health: InMemoryFeedHealthRepository, private readonly clock: ManualClock) {}

  readonly poll = async (f: Feed): Promise<void> => {
    this.started.push(f.url);
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    const next = new Date(this.clock.now().getTime() + f.intervalMinutes * MIN).toISOString();
    await this.health.put({ url: f.url, consecutiveFailures: 0, itemsSeen: 0, paused: false, primed: true, nextPollAt: next });
    this.running -= 1;
  };

  async releaseAll(): Promise<void> {
    while (this.gates.length > 0) {
      this.gates.splice(0).forEach((open) => open());
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

let clock: ManualClock;
let feeds: InMemoryFeedRepository;
let health: InMemoryFeedHealthRepository;
let gated: GatedPoll;

function scheduler(extra: Partial<FeedSchedulerOptions> = {}): FeedScheduler {
  return new FeedScheduler({ feeds, health, poll: gated.poll, clock, random: () => 0, concurrency: 2, ...extra });
}

beforeEach(async () => {
  clock = new ManualClock(START);
  feeds = new InMemoryFeedRepository();
  health = new InMemoryFeedHealthRepository();
  gated = new GatedPoll(health, clock);
  for (const n of [1, 2, 3, 4, 5]) await feeds.put(feed(n));
});

describe('FeedScheduler', () => {
  it('runs due feeds with bounded concurrency and never polls one feed twice at once', async () => {
    const s = scheduler();
    expect(await s.tick()).toBe(5);
    expect(gated.started).toHaveLength(2);
    expect(await s.tick()).toBe(0);
    await gated.releaseAll();
    await s.idle();
    expect(gated.started).toHaveLength(5);
    expect(new Set(gated.started).size).toBe(5);
    expect(gated.maxRunning).toBe(2);
  });

  it('polls each feed again at its own interval, plus jitter', async () => {
    await feeds.put(feed(1, { intervalMinutes: 30 }));
    const s = scheduler({ random: () => 0.5, jitterRatio: 0.2, concurrency: 5 });
    expect(await s.tick()).toBe(0);
    clock.advance(MIN);
    expect(await s.tick()).toBe(5);
    await gated.releaseAll();
    await s.idle();
    expect(gated.started).toHaveLength(5);
    clock.advance(10 * MIN);
    expect(await s.tick()).toBe(0);
    clock.advance(MIN);
    expect(await s.tick()).toBe(4);
    await gated.releaseAll();
    await s.idle();
    clock.advance(21 * MIN);
    expect(await s.tick()).toBe(4);
    await gated.releaseAll();
    await s.idle();
    expect(gated.started.filter((u) => u === feed(1).url)).toHaveLength(1);
    clock.advance(2 * MIN);
    expect(await s.tick()).toBe(1);
    await gated.releaseAll();
    await s.idle();
  });

  it('spreads the first polls of a start instead of firing every feed at once', async () => {
    const draws = [0.9, 0.1, 0.5, 0.3, 0.7];
    const s = scheduler({ random: () => draws.shift() ?? 0, startSpreadMs: 100_000, concurrency: 5 });
    expect(await s.tick()).toBe(0);
    clock.advance(35_000);
    expect(await s.tick()).toBe(2);
    clock.advance(60_000);
    expect(await s.tick()).toBe(3);
    await gated.releaseAll();
    await s.idle();
    expect(gated.started).toEqual([feed(2).url, feed(4).url, feed(3).url, feed(5).url, feed(1).url]);
  });

  it('follows the feed list at run time and skips disabled and paused feeds', async () => {
    await feeds.put(feed(2, { enabled: false }));
    await feeds.remove(feed(3).url);
    await health.put({ url: feed(4).url, consecutiveFailures: 9, itemsSeen: 0, paused: true, primed: true });
    const s = scheduler({ concurrency: 5 });
    expect(await s.tick()).toBe(2);
    await gated.releaseAll();
    await s.idle();
    expect(gated.started.sort()).toEqual([feed(1).url, feed(5).url]);
    await feeds.put(feed(6));
    expect(await s.tick()).toBe(1);
    await gated.releaseAll();
    await s.idle();
  });

  it('reports a poll that throws and tries the feed again later', async () => {
    const errors: string[] = [];
    await feeds.remove(feed(2).url);
    for (const n of [3, 4, 5]) await feeds.remove(feed(n).url);
    const s = new FeedScheduler({
      feeds,
      health,
      clock,
      random: () => 0,
      concurrency: 1,
      poll: async () => {
        throw new Error('store unavailable');
      },
      onError: (f, e) => errors.push(`${f.name}: ${(e as Error).message}`),
    });
    await s.tick();
    await s.idle();
    expect(errors).toEqual(['F1: store unavailable']);
    expect(await s.tick()).toBe(0);
    clock.advance(10 * MIN);
    expect(await s.tick()).toBe(1);
    await s.idle();
  });

  it('starts nothing from a tick that was under way when stop was called', async () => {
    const s = scheduler();
    const ticking = s.tick();
    await s.stop();
    expect(await ticking).toBe(0);
    expect(gated.started).toEqual([]);
  });

  it('stop drops queued polls and waits for those in flight', async () => {
    const s = scheduler();
    await s.tick();
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    await gated.releaseAll();
    await stopping;
    expect(gated.started).toHaveLength(2);
    expect(s.inFlight).toEqual([]);
    expect(await s.tick()).toBe(0);
  });

  it('ticks on its own with node-cron once started', async () => {
    const s = scheduler({ tick: '* * * * * *', concurrency: 5 });
    s.start();
    const deadline = Date.now() + 5000;
    while (gated.started.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gated.started).toHaveLength(5);
    const stopping = s.stop();
    await gated.releaseAll();
    await stopping;
  });
});

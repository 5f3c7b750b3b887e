import { beforeEach, describe, expect, it } from 'vitest';
import { processOwner, storeFeedLease } from '../../../../src/adapters/scheduler/feed-lease.js';
import { FeedScheduler } from '../../../../src/adapters/scheduler/feed-scheduler.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository } from '../../../../src/app/feeds/memory.js';
import type { Feed } from '../../../../src/app/feeds/ports.js';
import type { FeedLeaseRepository } from '../../../../src/app/store.js';
import { ManualClock } from '../../../../src/domain/shared/clock.js';

const START = '2025-07-03T12:00:00.000Z';
const MIN = 60_000;
const LEASE_MS = 5 * MIN;

function feed(n: number): Feed {
  return { url: `https://f${n}.example/rss`, name: `F${n}`, lang: 'en', intervalMinutes: 10, kind: 'news', enabled: true, addedAt: START };
}

/** Leases as the PostgreSQL store keeps them: one owner per feed until its lease ends. */
class LeaseTable implements FeedLeaseRepository {
  readonly rows = new Map<string, { owner: string; until: string }>();

  async tryLease(url: string, owner: string, until: string, now: string): Promise<boolean> {
    const held = this.rows.get(url);
    if (held && held.owner !== owner && Date.parse(held.until) > Date.parse(now)) return false;
    this.rows.set(url, { owner, until });
    return true;
  }

  async release(url: string, owner: string): Promise<boolean> {
    if (this.rows.get(url)?.owner !== owner) return false;
    return this.rows.delete(url);
  }
}

/** Polls that stay open until released, recorded with the process that ran them. */
class Polls {
  readonly log: { process: string; url: string }[] = [];
  private gates: (() => void)[] = [];

  constructor(private readonly health: InMemoryFeedHealthRepository, private readonly clock: ManualClock) {}

  pollAs(process: string): (f: Feed) => Promise<void> {
    return async (f) => {
      this.log.push({ process, url: f.url });
      await new Promise<void>((resolve) => this.gates.push(resolve));
      const next = new Date(this.clock.now().getTime() + f.intervalMinutes * MIN).toISOString();
      await this.health.put({ url: f.url, consecutiveFailures: 0, itemsSeen: 0, paused: false, primed: true, nextPollAt: next });
    };
  }

  async releaseAll(): Promise<void> {
    while (this.gates.length > 0) {
      this.gates.splice(0).forEach((open) => open());
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Lets pending acquisitions and health reads settle. */
  static async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  }
}

let clock: ManualClock;
let feeds: InMemoryFeedRepository;
let health: InMemoryFeedHealthRepository;
let leases: LeaseTable;
let polls: Polls;

function processNamed(name: string): FeedScheduler {
  return new FeedScheduler({
    feeds,
    health,
    clock,
    random: () => 0,
    concurrency: 4,
    poll: polls.pollAs(name),
    lease: storeFeedLease(leases, { owner: name, leaseMs: LEASE_MS, clock }),
  });
}

beforeEach(async () => {
  clock = new ManualClock(START);
  feeds = new InMemoryFeedRepository();
  health = new InMemoryFeedHealthRepository();
  leases = new LeaseTable();
  polls = new Polls(health, clock);
  for (const n of [1, 2, 3, 4]) await feeds.put(feed(n));
});

describe('FeedScheduler with feed leases', () => {
  it('polls each feed in one process only while another process holds it', async () => {
    const a = processNamed('a');
    const b = processNamed('b');
    await a.tick();
    await Polls.settle();
    await b.tick();
    await Polls.settle();
    expect(polls.log.map((p) => p.process)).toEqual(['a', 'a', 'a', 'a']);
    expect([...leases.rows.values()].every((row) => row.owner === 'a')).toBe(true);
    await polls.releaseAll();
    await Promise.all([a.idle(), b.idle()]);
    expect(leases.rows.size).toBe(0);
  });

  it('leaves a feed another process polled meanwhile until the time that process set', async () => {
    const a = processNamed('a');
    const b = processNamed('b');
    await a.tick();
    await Polls.settle();
    // b finds every feed held and asks again at its next round.
    await b.tick();
    await Polls.settle();
    await polls.releaseAll();
    await Promise.all([a.idle(), b.idle()]);
    // By then a has polled them: b takes each lease, finds the feed not due, and gives it back.
    await b.tick();
    await Polls.settle();
    await b.idle();
    expect(polls.log.map((p) => p.process)).toEqual(['a', 'a', 'a', 'a']);
    expect(leases.rows.size).toBe(0);
    clock.advance(11 * MIN);
    await b.tick();
    await Polls.settle();
    expect(polls.log.slice(4).map((p) => p.process)).toEqual(['b', 'b', 'b', 'b']);
    await polls.releaseAll();
    await b.idle();
  });

  it('takes over the feeds of a process that died once their leases run out', async () => {
    const dead = processNamed('dead');
    await dead.tick();
    await Polls.settle();
    expect(polls.log).toHaveLength(4);
    // "dead" never finishes its polls and never gives its leases back.
    const heir = processNamed('heir');
    await heir.tick();
    await Polls.settle();
    clock.advance(LEASE_MS - 1);
    await heir.tick();
    await Polls.settle();
    expect(polls.log.filter((p) => p.process === 'heir')).toEqual([]);
    clock.advance(1);
    await heir.tick();
    await Polls.settle();
    expect(polls.log.filter((p) => p.process === 'heir').map((p) => p.url).sort()).toEqual([1, 2, 3, 4].map((n) => feed(n).url));
    expect([...leases.rows.values()].every((row) => row.owner === 'heir')).toBe(true);
    await polls.releaseAll();
    await heir.idle();
  });

  it('keeps renewing a lease while its poll runs, and stops once it is released', async () => {
    const shortLease = 30;
    const mine = storeFeedLease(leases, { owner: 'slow', leaseMs: shortLease, clock });
    const other = storeFeedLease(leases, { owner: 'other', leaseMs: shortLease, clock });
    const url = feed(1).url;
    expect(await mine.acquire(url)).toBe(true);
    // Three terms pass on the store's clock, two thirds of one at a time, each followed by a renewal.
    for (let round = 0; round < 5; round++) {
      clock.advance((2 * shortLease) / 3);
      await new Promise((resolve) => setTimeout(resolve, shortLease / 2));
      expect(await other.acquire(url)).toBe(false);
    }
    expect(Date.parse(leases.rows.get(url)?.until ?? '')).toBeGreaterThan(clock.now().getTime());
    await mine.release(url);
    expect(leases.rows.has(url)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, shortLease));
    expect(leases.rows.has(url)).toBe(false);
    expect(await other.acquire(url)).toBe(true);
    await other.release(url);
  });

  it('names each process differently', () => {
    const names = new Set(Array.from({ length: 50 }, () => processOwner()));
    expect(names.size).toBe(50);
    expect([...names][0]).toContain(`:${process.pid}:`);
  });
});

/**
 * Feed polling benchmark: N feeds served by a local HTTP server, polled through the real fetcher,
 * parser and poll use case with in-memory repositories.
 *   1. all feeds answer 304, 2. all feeds answer a changed body, 3. a simulated day of scheduled
 *   polling (15-minute intervals, each feed changing once an hour) with memory sampled along the way.
 *   During the day, seen items are kept for 12 hours (the documents hold the last 10 hours), so the
 *   state is bounded and any growth of the heap in the second half of the day would be a leak.
 * Run: node bin/run-ts.mjs bench/feeds.ts [--feeds 1000] [--hours 24] [--concurrency 32]
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DnsAddressGuard } from '../src/adapters/feeds/address-guard.js';
import { feedUserAgent, HttpFeedFetcher } from '../src/adapters/feeds/http-fetcher.js';
import { parseFeed } from '../src/adapters/feeds/parse.js';
import { FeedScheduler } from '../src/adapters/scheduler/feed-scheduler.js';
import { mapBounded } from '../src/app/feeds/bounded.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository, InMemorySeenItemRepository } from '../src/app/feeds/memory.js';
import { pollFeed, type PollDeps, type PollReport } from '../src/app/feeds/poll.js';
import type { Feed } from '../src/app/feeds/ports.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { FeedServer } from '../tests/support/feed-server.js';

const { values } = parseArgs({
  options: { feeds: { type: 'string', default: '1000' }, hours: { type: 'string', default: '24' }, concurrency: { type: 'string', default: '32' } },
});
const FEEDS = Number(values.feeds);
const HOURS = Number(values.hours);
const CONCURRENCY = Number(values.concurrency);
const MIN = 60_000;
const HOUR = 60 * MIN;
const START = Date.parse('2025-07-03T00:00:00Z');
const ITEMS_PER_FEED = 10;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const clock = new ManualClock(new Date(START));
/** Version of a feed's document: bumped by the "all changed" phase, and once an hour per feed during the day. */
let forcedVersion = 0;
const versionOf = (n: number): number => forcedVersion + Math.floor((clock.now().getTime() - START + (n % 60) * MIN) / HOUR);

function rss(n: number, version: number): string {
  const items = Array.from({ length: ITEMS_PER_FEED }, (_, k) => {
    const v = version - k;
    const published = new Date(START + v * HOUR).toUTCString();
    return `<item><title>Feed ${n} report ${v}: security update for the Mopti and Segou regions</title><link>https://feed${n}.example.org/story/${v}</link><guid>https://feed${n}.example.org/story/${v}</guid><pubDate>${published}</pubDate><description><![CDATA[<p>Report <b>${v}</b> on roads near Mopti &amp; Segou.</p>]]></description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://feed${n}.example.org/</link><language>en</language>${items.join('')}</channel></rss>`;
}

function serveFeed(req: IncomingMessage, res: ServerResponse): void {
  const n = Number(/^\/feed\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
  if (Number.isNaN(n)) return void res.writeHead(404).end();
  const version = versionOf(n);
  const etag = `"${n}-${version}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rss(n, version));
}

interface Phase {
  readonly name: string;
  readonly polls: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly outcomes: string;
}

/** Poll outcomes counted as they come, so that the benchmark itself keeps no reports. */
class Tally {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(report: PollReport): void {
    const key = report.ok ? String(report.status) : (report.error?.code ?? 'error');
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }

  toString(): string {
    return [...this.counts].map(([k, v]) => `${k}:${v}`).join(' ');
  }
}

function tally(reports: readonly PollReport[]): string {
  const counts = new Tally();
  reports.forEach((r) => counts.add(r));
  return counts.toString();
}

async function measure(name: string, run: () => Promise<PollReport[]>): Promise<Phase> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const reports = await run();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { name, polls: reports.length, wallMs, cpuMs: (used.user + used.system) / 1000, outcomes: tally(reports) };
}

function memory(): { rssMb: number; heapMb: number } {
  gc();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits);

async function main(): Promise<void> {
  const server = await FeedServer.start({ fallback: serveFeed, recordRequests: false });
  const feedsRepo = new InMemoryFeedRepository();
  const health = new InMemoryFeedHealthRepository();
  const seen = new InMemorySeenItemRepository();
  const feeds: Feed[] = Array.from({ length: FEEDS }, (_, n) => ({
    url: server.url(`/feed/${n}`),
    name: `Feed ${n}`,
    lang: 'en',
    intervalMinutes: 15,
    kind: 'news',
    enabled: true,
    addedAt: new Date(START).toISOString(),
  }));
  await feedsRepo.seedIfEmpty(feeds);
  let passedOn = 0;
  const deps: PollDeps = {
    fetcher: new HttpFeedFetcher({ userAgent: feedUserAgent('bench', 'bench@localhost'), timeoutMs: 15_000, maxBytes: 1 << 20, maxRedirects: 3 }),
    parse: parseFeed,
    guard: new DnsAddressGuard({ allowHosts: ['127.0.0.1'] }),
    health,
    seen,
    clock,
    onItem: async () => void (passedOn += 1),
  };
  const pollAll = (): Promise<PollReport[]> => mapBounded(feeds, CONCURRENCY, (feed) => pollFeed(feed, deps));

  console.log(`feeds: ${FEEDS}, concurrency: ${CONCURRENCY}, items per document: ${ITEMS_PER_FEED}, node ${process.version}`);
  const phases: Phase[] = [];
  phases.push(await measure('first poll (200, primes state)', pollAll));
  phases.push(await measure('all answer 304', pollAll));
  forcedVersion += 1;
  clock.advance(MIN);
  phases.push(await measure('all changed (200, 1 new item each)', pollAll));
  for (const p of phases) {
    console.log(
      `${p.name.padEnd(38)} ${fmt(p.polls / (p.wallMs / 1000)).padStart(6)} polls/s   wall ${fmt(p.wallMs).padStart(6)} ms   CPU ${fmt(p.cpuMs).padStart(6)} ms (${fmt((p.cpuMs * 1000) / p.polls)} µs/poll)   ${p.outcomes}`,
    );
  }

  console.log(`\nsimulated day: ${HOURS} h of scheduled polling, ticks every simulated minute, each feed changes once an hour`);
  const day = new Tally();
  const scheduler = new FeedScheduler({
    feeds: feedsRepo,
    health,
    clock,
    concurrency: CONCURRENCY,
    random: mulberry32(42),
    poll: async (feed) => day.add(await pollFeed(feed, deps)),
  });
  const baseline = memory();
  console.log(`  hour  0: rss ${fmt(baseline.rssMb, 1)} MB, heap ${fmt(baseline.heapMb, 1)} MB`);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let minute = 1; minute <= HOURS * 60; minute += 1) {
    clock.advance(MIN);
    await scheduler.tick();
    await scheduler.idle();
    if (minute % 60 === 0) await seen.pruneBefore(new Date(clock.now().getTime() - 12 * HOUR).toISOString());
    if (minute % (3 * 60) === 0) {
      const m = memory();
      const size = seen.size();
      console.log(`  hour ${String(minute / 60).padStart(2)}: rss ${fmt(m.rssMb, 1)} MB, heap ${fmt(m.heapMb, 1)} MB, polls ${day.total}, seen ids ${size.ids}, story keys ${size.stories}`);
    }
  }
  await scheduler.stop();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const end = memory();
  console.log(
    `  ${day.total} polls (${day.toString()}) in ${fmt(wallMs / 1000, 1)} s wall, ${fmt((used.user + used.system) / 1000)} ms CPU; ${passedOn} items passed on in all`,
  );
  console.log(`  heap after the day: ${fmt(end.heapMb, 1)} MB (${end.heapMb >= baseline.heapMb ? '+' : ''}${fmt(end.heapMb - baseline.heapMb, 1)} MB), rss ${fmt(end.rssMb, 1)} MB`);
  await server.close();
}

/** Seeded PRNG for the scheduler's jitter, so runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

await main();

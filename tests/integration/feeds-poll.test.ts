import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DnsAddressGuard } from '../../src/adapters/feeds/address-guard.js';
import { feedUserAgent, HttpFeedFetcher } from '../../src/adapters/feeds/http-fetcher.js';
import { parseFeed } from '../../src/adapters/feeds/parse.js';
import { FeedScheduler } from '../../src/adapters/scheduler/feed-scheduler.js';
import { formatPollReport } from '../../src/app/feeds/format.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository, InMemorySeenItemRepository } from '../../src/app/feeds/memory.js';
import { pollFeed, type PollDeps } from '../../src/app/feeds/poll.js';
import type { Feed, FeedParser } from '../../src/app/feeds/ports.js';
import { runPollOnce } from '../../src/app/feeds/run-once.js';
import type { RawInput } from '../../src/domain/model.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { FeedServer } from '../support/feed-server.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const HOUR = 3_600_000;

let server: FeedServer;
let clock: ManualClock;
let received: RawInput[];
let parses: number;
let repos: { feeds: InMemoryFeedRepository; health: InMemoryFeedHealthRepository; seen: InMemorySeenItemRepository };
let paused: string[];

const countingParse: FeedParser = async (body, context) => {
  parses += 1;
  return parseFeed(body, context);
};

/** A fresh process over the same store: new transport, parser and guard, same repositories. */
function deps(guard = new DnsAddressGuard({ allowHosts: ['127.0.0.1'] })): PollDeps & { feeds: InMemoryFeedRepository } {
  return {
    ...repos,
    fetcher: new HttpFeedFetcher({ userAgent: feedUserAgent('test', 'ops@example.org'), timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3 }),
    parse: countingParse,
    guard,
    clock,
    onItem: async (raw) => void received.push(raw),
    onPaused: async (feed) => void paused.push(feed.url),
  };
}

function feed(path: string, overrides: Partial<Feed> = {}): Feed {
  return { url: server.url(path), name: `Feed ${path}`, lang: 'fr', intervalMinutes: 15, kind: 'news', enabled: true, addedAt: '2025-07-01T00:00:00.000Z', ...overrides };
}

let version = 1;
const rssV1 = fixture('sahel-news-rss2.xml');
const rssV2 = rssV1.replace(
  '<item>',
  `<item><title>Mopti : couvre-feu prolongé</title><link>https://news.example.org/afrique/mopti-couvre-feu</link><pubDate>Thu, 03 Jul 2025 11:45:00 GMT</pubDate><description>Le couvre-feu est prolongé.</description></item><item>`,
);

beforeAll(async () => {
  server = await FeedServer.start();
  server
    .route('/desk.xml', { body: () => (version === 1 ? rssV1 : rssV2), etag: () => `"v${version}"`, encoding: 'gzip' })
    .route('/google.xml', { body: fixture('google-news-search.xml'), lastModified: 'Thu, 03 Jul 2025 10:20:00 GMT' })
    .route(
      '/outlet.xml',
      {
        body: fixture('google-news-search.xml')
          .replace(/ - Sahel Wire<\/title>/, '</title>')
          .replace(/<link>https:\/\/news\.google\.com\/rss\/articles\/CBMiSGh[^<]*<\/link>/, '<link>https://sahel-wire.example.com/mali-cement</link>')
          .replace(/<guid isPermaLink="false">CBMiSGh[^<]*<\/guid>/, '<guid>sw-1</guid>'),
        contentType: 'text/html; charset=utf-8',
      },
    )
    .route('/advice.atom', { body: fixture('travel-advice.atom'), contentType: 'application/atom+xml' })
    .route('/page', { body: '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>', contentType: 'application/rss+xml' })
    .route('/down', { status: 503, body: 'maintenance' })
    .route('/loop', { status: 302, location: '/loop2' })
    .route('/loop2', { status: 302, location: '/loop' });
});

afterAll(() => server.close());

beforeEach(() => {
  clock = new ManualClock('2025-07-03T12:00:00Z');
  received = [];
  parses = 0;
  paused = [];
  version = 1;
  repos = { feeds: new InMemoryFeedRepository(), health: new InMemoryFeedHealthRepository(), seen: new InMemorySeenItemRepository() };
});

describe('polling feeds served locally', () => {
  it('first poll, 304 without parsing, changed ETag, and a restart that floods nothing', async () => {
    const desk = feed('/desk.xml');
    const first = await pollFeed(desk, deps());
    expect(first).toMatchObject({ ok: true, status: 200, items: 3, newItems: 2, skipped: 1, firstPoll: true });
    expect(received.map((r) => r.title)).toEqual(['Attaque contre un poste de la FAMa dans la région de Ségou', 'Mali : trois ouvriers enlevés près de Kayes']);

    clock.advance(15 * 60_000);
    expect(await pollFeed(desk, deps())).toMatchObject({ ok: true, status: 304, notModified: true });
    expect(parses).toBe(1);
    expect(server.requestsTo('/desk.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');

    version = 2;
    clock.advance(15 * 60_000);
    expect(await pollFeed(desk, deps())).toMatchObject({ ok: true, status: 200, items: 4, newItems: 1 });
    expect(received.at(-1)).toMatchObject({ title: 'Mopti : couvre-feu prolongé', kind: 'news', lang: 'fr', seenAt: '2025-07-03T12:30:00.000Z' });

    await repos.health.put({ ...(await repos.health.get(desk.url))!, etag: '"stale"' });
    expect(await pollFeed(desk, deps())).toMatchObject({ ok: true, status: 200, items: 4, newItems: 0 });
    expect(received).toHaveLength(3);
    expect(await repos.health.get(desk.url)).toMatchObject({ itemsSeen: 4, etag: '"v2"', primed: true });
  });

  it('passes one story reached through an outlet feed and a Google News search once, whatever the content type', async () => {
    await pollFeed(feed('/outlet.xml'), deps());
    const report = await pollFeed(feed('/google.xml'), deps());
    expect(report).toMatchObject({ ok: true, items: 2, newItems: 0, duplicates: 2 });
    expect(received.map((r) => [r.source, r.title])).toEqual([
      ['Bamako Daily', 'Army says attack repelled near Segou'],
      ['Sahel Wire', 'Gunmen abduct workers at cement plant in western Mali'],
    ]);
  });

  it('reads official advice as official documents', async () => {
    clock.set('2025-07-02T12:00:00Z');
    await pollFeed(feed('/advice.atom', { kind: 'official', lang: 'en' }), deps());
    expect(received).toEqual([
      expect.objectContaining({ kind: 'official', title: 'Mali', url: 'https://advice.example.gov/travel/mali/safety-and-security', published: '2025-07-02T10:00:00.000Z' }),
    ]);
  });

  it('types failures, backs off, and pauses a feed that keeps failing', async () => {
    expect(await pollFeed(feed('/page'), deps())).toMatchObject({ ok: false, status: 200, error: { code: 'not_a_feed' } });
    expect(await pollFeed(feed('/loop'), deps())).toMatchObject({ ok: false, error: { code: 'redirect_loop' } });
    expect(await pollFeed(feed('/desk.xml'), deps(new DnsAddressGuard()))).toMatchObject({ ok: false, status: null, error: { code: 'blocked_address' } });

    const down = feed('/down');
    expect(await pollFeed(down, deps())).toMatchObject({ ok: false, status: 503, error: { code: 'http_5xx' }, nextPollAt: '2025-07-03T12:15:00.000Z' });
    clock.advance(12 * HOUR);
    expect(await pollFeed(down, deps())).toMatchObject({ paused: false, nextPollAt: '2025-07-04T00:30:00.000Z' });
    clock.advance(12 * HOUR);
    expect(await pollFeed(down, deps())).toMatchObject({ paused: true });
    expect(paused).toEqual([down.url]);
    expect(await repos.health.get(down.url)).toMatchObject({ consecutiveFailures: 3, failingSince: '2025-07-03T12:00:00.000Z', lastError: { code: 'http_5xx' }, paused: true });
  });

  it('runs the one-shot command path and prints one JSON line per feed', async () => {
    await repos.feeds.put(feed('/desk.xml'));
    await repos.feeds.put(feed('/down'));
    const reports = await runPollOnce({}, deps());
    expect(reports.map((r) => JSON.parse(formatPollReport(r, true)))).toEqual([
      { url: server.url('/desk.xml'), ok: true, status: 200, items: 3, new_items: 2, error: null },
      { url: server.url('/down'), ok: false, status: 503, items: 0, new_items: 0, error: { code: 'http_5xx', message: 'HTTP 503 Service Unavailable' } },
    ]);
    const strict = await runPollOnce({ urls: [server.url('/desk.xml')] }, deps(new DnsAddressGuard()));
    expect(strict[0]?.error?.code).toBe('blocked_address');
    const allowed = await runPollOnce({ urls: [server.url('/desk.xml')], allowPrivate: true }, deps(new DnsAddressGuard()));
    expect(allowed[0]).toMatchObject({ ok: true, status: 304 });
  });

  it('schedules the polls of stored feeds', async () => {
    await repos.feeds.put(feed('/desk.xml'));
    await repos.feeds.put(feed('/google.xml', { intervalMinutes: 30 }));
    const d = deps();
    const scheduler = new FeedScheduler({ feeds: repos.feeds, health: repos.health, clock, random: () => 0, concurrency: 2, poll: (f) => pollFeed(f, d) });
    expect(await scheduler.tick()).toBe(2);
    await scheduler.idle();
    expect(received).toHaveLength(4);
    clock.advance(15 * 60_000);
    expect(await scheduler.tick()).toBe(1);
    await scheduler.idle();
    expect(await repos.health.get(server.url('/desk.xml'))).toMatchObject({ lastStatus: 304 });
    await scheduler.stop();
  });
});

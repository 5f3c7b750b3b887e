import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { InMemoryFeedHealthRepository, InMemorySeenItemRepository } from '../../../../src/app/feeds/memory.js';
import { pollFeed, type PollDeps } from '../../../../src/app/feeds/poll.js';
import type { Feed, FeedHealth } from '../../../../src/app/feeds/ports.js';
import { body, failure, feed, item, KeyedParser, notModified, Pipeline, RecordingGuard, ScriptedFetcher } from './fakes.js';

const NOW = '2025-07-03T12:00:00.000Z';
const HOUR = 3_600_000;

let clock: ManualClock;
let fetcher: ScriptedFetcher;
let parser: KeyedParser;
let pipeline: Pipeline;
let health: InMemoryFeedHealthRepository;
let seen: InMemorySeenItemRepository;
let guard: RecordingGuard;
let paused: { feed: Feed; health: FeedHealth }[];
let metrics: string[];

function deps(extra: Partial<PollDeps> = {}): PollDeps {
  return {
    fetcher,
    parse: parser.parse,
    guard,
    health,
    seen,
    clock,
    onItem: pipeline.onItem,
    onPaused: async (f, h) => void paused.push({ feed: f, health: h }),
    metrics: { poll: (o) => void metrics.push(`poll:${o}`), fetchError: (k) => void metrics.push(`error:${k}`) },
    ...extra,
  };
}

beforeEach(() => {
  clock = new ManualClock(NOW);
  fetcher = new ScriptedFetcher();
  parser = new KeyedParser();
  pipeline = new Pipeline();
  health = new InMemoryFeedHealthRepository();
  seen = new InMemorySeenItemRepository();
  guard = new RecordingGuard();
  paused = [];
  metrics = [];
});

describe('pollFeed, first poll', () => {
  it('remembers everything but passes on only recent dated items, oldest first', async () => {
    parser.set('v1', [
      item('a', 'Kayes abduction', '2025-07-03T09:00:00Z'),
      item('b', 'Old archive piece', '2025-06-01T09:00:00Z'),
      item('c', 'Undated note'),
      item('d', 'Segou attack', '2025-07-02T18:00:00Z'),
    ]);
    fetcher.then(body('v1', { etag: '"e1"' }));
    const report = await pollFeed(feed(), deps());
    expect(report).toMatchObject({ ok: true, status: 200, items: 4, newItems: 2, skipped: 2, firstPoll: true, notModified: false });
    expect(pipeline.received.map((r) => r.title)).toEqual(['Segou attack', 'Kayes abduction']);
    expect(await health.get(feed().url)).toMatchObject({ primed: true, etag: '"e1"', itemsSeen: 4, consecutiveFailures: 0, lastStatus: 200, lastSuccessAt: NOW });
    expect(metrics).toEqual(['poll:ok']);
  });

  it('builds RawInput documents from the feed kind and the clock', async () => {
    parser.set('v1', [{ ...item('guid-1', 'Kayes abduction', '2025-07-03T09:00:00Z', 'https://news.example.org/kayes'), lang: 'fr' }]);
    fetcher.then(body('v1'));
    await pollFeed(feed(), deps());
    expect(pipeline.received[0]).toEqual({
      id: 'https://feeds.example.org/mali.xml#guid-1',
      kind: 'news',
      source: 'Sahel Desk',
      title: 'Kayes abduction',
      body: 'Kayes abduction.',
      url: 'https://news.example.org/kayes',
      published: '2025-07-03T09:00:00Z',
      lang: 'fr',
      seenAt: NOW,
    });
  });
});

describe('pollFeed, later polls', () => {
  beforeEach(async () => {
    parser.set('v1', [item('a', 'Kayes abduction', '2025-07-03T09:00:00Z')]);
    fetcher.then(body('v1', { etag: '"e1"', lastModified: 'Thu, 03 Jul 2025 09:00:00 GMT' }));
    await pollFeed(feed(), deps());
    pipeline.received.length = 0;
    clock.advance(15 * 60_000);
  });

  it('sends the validators and does not parse on 304', async () => {
    fetcher.then(notModified);
    const report = await pollFeed(feed(), deps());
    expect(fetcher.requests.at(-1)).toMatchObject({ etag: '"e1"', lastModified: 'Thu, 03 Jul 2025 09:00:00 GMT' });
    expect(report).toMatchObject({ ok: true, status: 304, notModified: true, items: 0, newItems: 0 });
    expect(parser.calls).toEqual(['v1']);
    expect(await health.get(feed().url)).toMatchObject({ etag: '"e1"', lastStatus: 304, nextPollAt: '2025-07-03T12:30:00.000Z' });
  });

  it('passes on only new items, oldest first, undated ones last', async () => {
    parser.set('v2', [
      item('u', 'Undated bulletin'),
      item('c', 'Gao convoy ambushed', '2025-07-03T12:05:00Z'),
      item('a', 'Kayes abduction', '2025-07-03T09:00:00Z'),
      item('b', 'Menaka aid suspended', '2025-07-03T11:00:00Z'),
    ]);
    fetcher.then(body('v2', { etag: '"e2"' }));
    const report = await pollFeed(feed(), deps());
    expect(report).toMatchObject({ items: 4, newItems: 3, firstPoll: false });
    expect(pipeline.received.map((r) => r.title)).toEqual(['Menaka aid suspended', 'Gao convoy ambushed', 'Undated bulletin']);
    expect(await health.get(feed().url)).toMatchObject({ etag: '"e2"', itemsSeen: 4 });
  });

  it('remembers but does not pass on items older than the maximum age', async () => {
    parser.set('v2', [item('z', 'Resurfaced story from last year', '2024-07-01T00:00:00Z')]);
    fetcher.then(body('v2'));
    expect(await pollFeed(feed(), deps())).toMatchObject({ newItems: 0, skipped: 1 });
    expect(await seen.knownIds(feed().url, ['z'])).toEqual(new Set(['z']));
  });

  it('keeps a rejected item unseen and the old validators, so that it comes again', async () => {
    parser.set('v2', [item('b', 'Menaka aid suspended', '2025-07-03T11:00:00Z'), item('c', 'Gao convoy ambushed', '2025-07-03T12:05:00Z')]);
    pipeline.rejecting.add('Menaka aid suspended');
    fetcher.then(body('v2', { etag: '"e2"' }));
    const report = await pollFeed(feed(), deps());
    expect(report).toMatchObject({ ok: false, newItems: 1, failedItems: 1, error: { code: 'pipeline_error' } });
    expect(await health.get(feed().url)).toMatchObject({ etag: '"e1"', consecutiveFailures: 0 });
    pipeline.rejecting.clear();
    fetcher.then(body('v2', { etag: '"e2"' }));
    expect(await pollFeed(feed(), deps())).toMatchObject({ ok: true, newItems: 1 });
    expect(pipeline.received.map((r) => r.title)).toEqual(['Gao convoy ambushed', 'Menaka aid suspended']);
  });

  it('keeps the old validators after a truncated document', async () => {
    parser.set('v2', [item('b', 'Menaka aid suspended', '2025-07-03T11:00:00Z')], ['truncated']);
    fetcher.then(body('v2', { etag: '"e2"' }));
    expect(await pollFeed(feed(), deps())).toMatchObject({ ok: true, newItems: 1, warnings: ['truncated'] });
    expect((await health.get(feed().url))?.etag).toBe('"e1"');
  });
});

describe('pollFeed across feeds', () => {
  const outlet = feed({ url: 'https://outlet.example.com/rss', name: 'Sahel Wire' });
  const search = feed({ url: 'https://news.google.com/rss/search?q=Mali', name: 'Google News' });

  it('treats one story reached through two feeds as one item, by link or by title', async () => {
    parser.set('outlet', [
      item('o-1', 'Gunmen abduct workers at cement plant in western Mali', '2025-07-03T10:00:00Z', 'https://outlet.example.com/mali-cement'),
      item('o-2', 'Army convoy ambushed on the road to Gao', '2025-07-03T10:30:00Z', 'https://outlet.example.com/gao'),
    ]);
    parser.set('search', [
      item('g-1', 'Gunmen abduct workers at cement plant in western Mali', '2025-07-03T10:15:00Z', 'https://news.google.com/rss/articles/CBMi1'),
      item('g-2', 'Army convoy ambushed near Gao, officials say', '2025-07-03T10:40:00Z', 'https://www.outlet.example.com/gao/'),
      item('g-3', 'Aid groups suspend work in Menaka after threats', '2025-07-03T11:00:00Z', 'https://news.google.com/rss/articles/CBMi3'),
    ]);
    fetcher.then(body('outlet'), body('search'));
    await pollFeed(outlet, deps());
    const report = await pollFeed(search, deps());
    expect(report).toMatchObject({ items: 3, newItems: 1, duplicates: 2 });
    expect(pipeline.received.map((r) => r.title)).toEqual([
      'Gunmen abduct workers at cement plant in western Mali',
      'Army convoy ambushed on the road to Gao',
      'Aid groups suspend work in Menaka after threats',
    ]);
  });

  it('does not confuse short generic titles, and keeps official advice per version', async () => {
    const uk = feed({ url: 'https://advice.example.gov/mali.atom', kind: 'official', name: 'Travel advice' });
    parser.set('uk1', [item('tag:advice,2005:/mali', 'Mali', '2025-07-03T08:00:00Z', 'https://advice.example.gov/mali')]);
    parser.set('uk2', [item('tag:advice,2005:/mali', 'Mali', '2025-07-03T11:00:00Z', 'https://advice.example.gov/mali')]);
    fetcher.then(body('uk1'), body('uk2'));
    await pollFeed(uk, deps());
    await pollFeed(uk, deps());
    expect(pipeline.received.map((r) => [r.kind, r.id])).toEqual([
      ['official', 'tag:advice,2005:/mali@2025-07-03T08:00:00Z'],
      ['official', 'tag:advice,2005:/mali@2025-07-03T11:00:00Z'],
    ]);
  });
});

describe('pollFeed failures', () => {
  it('backs off exponentially and honours Retry-After', async () => {
    fetcher.then(failure('http_5xx', { status: 503 }), failure('timeout'), failure('http_4xx', { status: 429, retryAfterMs: 3 * HOUR }));
    const first = await pollFeed(feed(), deps());
    expect(first).toMatchObject({ ok: false, status: 503, error: { code: 'http_5xx' }, nextPollAt: '2025-07-03T12:15:00.000Z' });
    expect(await pollFeed(feed(), deps())).toMatchObject({ status: null, nextPollAt: '2025-07-03T12:30:00.000Z' });
    expect(await pollFeed(feed(), deps())).toMatchObject({ status: 429, nextPollAt: '2025-07-03T15:00:00.000Z' });
    expect(await health.get(feed().url)).toMatchObject({ consecutiveFailures: 3, failingSince: NOW, lastError: { code: 'http_4xx' }, paused: false });
    expect(metrics).toEqual(['poll:error', 'error:http_5xx', 'poll:error', 'error:timeout', 'poll:error', 'error:http_4xx']);
  });

  it('pauses a feed failing past the configured time, tells once, and resumes on success', async () => {
    fetcher.then(failure('http_5xx', { status: 500 }), failure('http_5xx', { status: 500 }), failure('http_5xx', { status: 500 }));
    await pollFeed(feed(), deps());
    clock.advance(24 * HOUR);
    expect(await pollFeed(feed(), deps())).toMatchObject({ ok: false, paused: true });
    clock.advance(HOUR);
    await pollFeed(feed(), deps());
    expect(paused).toHaveLength(1);
    expect(paused[0]?.health).toMatchObject({ paused: true, pausedAt: '2025-07-04T12:00:00.000Z', consecutiveFailures: 2 });
    parser.set('v1', []);
    fetcher.then(body('v1'));
    await pollFeed(feed(), deps());
    const after = await health.get(feed().url);
    expect(after).toMatchObject({ paused: false, consecutiveFailures: 0 });
    expect(after?.lastError).toBeUndefined();
    expect(after?.failingSince).toBeUndefined();
  });

  it('counts a parse failure as a feed failure and keeps the previous validators', async () => {
    parser.set('v1', [item('a', 'Kayes abduction', '2025-07-03T09:00:00Z')]).fail('garbage', 'not_a_feed');
    fetcher.then(body('v1', { etag: '"e1"' }), body('garbage', { etag: '"e2"' }));
    await pollFeed(feed(), deps());
    expect(await pollFeed(feed(), deps())).toMatchObject({ ok: false, status: 200, error: { code: 'not_a_feed' } });
    expect(await health.get(feed().url)).toMatchObject({ etag: '"e1"', consecutiveFailures: 1, primed: true });
  });

  it('asks the guard with the policy, and a refused address is a failure', async () => {
    const blocked = feed({ url: 'http://blocked.example/feed' });
    expect(await pollFeed(blocked, deps())).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    parser.set('v1', []);
    fetcher.then(body('v1'));
    expect(await pollFeed(blocked, deps({ policy: { allowPrivate: true } }))).toMatchObject({ ok: true });
    expect(guard.calls.map((c) => c.allowPrivate)).toEqual([false, true]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { formatFeedList, formatPollReport } from '../../../../src/app/feeds/format.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository, InMemorySeenItemRepository } from '../../../../src/app/feeds/memory.js';
import { listFeedsWithHealth, runPollOnce, type PollOnceDeps } from '../../../../src/app/feeds/run-once.js';
import { body, failure, feed, item, KeyedParser, Pipeline, RecordingGuard, ScriptedFetcher } from './fakes.js';

let deps: PollOnceDeps;
let fetcher: ScriptedFetcher;
let parser: KeyedParser;
let guard: RecordingGuard;

beforeEach(async () => {
  fetcher = new ScriptedFetcher();
  parser = new KeyedParser();
  guard = new RecordingGuard();
  const feeds = new InMemoryFeedRepository();
  await feeds.put(feed({ url: 'https://a.example/rss', name: 'A' }));
  await feeds.put(feed({ url: 'https://b.example/rss', name: 'B', enabled: false }));
  deps = {
    feeds,
    fetcher,
    parse: parser.parse,
    guard,
    health: new InMemoryFeedHealthRepository(),
    seen: new InMemorySeenItemRepository(),
    clock: new ManualClock('2025-07-03T12:00:00Z'),
    onItem: new Pipeline().onItem,
  };
});

describe('runPollOnce', () => {
  it('polls the enabled feeds', async () => {
    parser.set('a', [item('1', 'Kayes abduction', '2025-07-03T10:00:00Z')]);
    fetcher.then(body('a'));
    const reports = await runPollOnce({}, deps);
    expect(reports.map((r) => [r.url, r.ok, r.items, r.newItems])).toEqual([['https://a.example/rss', true, 1, 1]]);
  });

  it('polls only the given URLs, configured or not, with private addresses allowed on request', async () => {
    fetcher.then(failure('http_4xx', { status: 404 }), failure('network'));
    const reports = await runPollOnce({ urls: ['https://b.example/rss', 'http://blocked.example/x', 'not a url'], allowPrivate: true, concurrency: 1 }, deps);
    expect(reports.map((r) => [r.name, r.status, r.error?.code])).toEqual([
      ['B', 404, 'http_4xx'],
      ['blocked.example', null, 'network'],
      ['not a url', null, 'bad_url'],
    ]);
    expect(guard.calls.every((c) => c.allowPrivate === true)).toBe(true);
  });
});

describe('formatting', () => {
  it('prints one JSON line per feed with a stable shape', async () => {
    parser.set('a', [item('1', 'Kayes abduction', '2025-07-03T10:00:00Z')]);
    fetcher.then(body('a'), failure('http_5xx', { status: 503 }));
    const [good] = await runPollOnce({}, deps);
    const [bad] = await runPollOnce({}, deps);
    expect(JSON.parse(formatPollReport(good!, true))).toEqual({ url: 'https://a.example/rss', ok: true, status: 200, items: 1, new_items: 1, error: null });
    expect(JSON.parse(formatPollReport(bad!, true))).toEqual({ url: 'https://a.example/rss', ok: false, status: 503, items: 0, new_items: 0, error: { code: 'http_5xx', message: 'failed with http_5xx' } });
    expect(formatPollReport(good!, false)).toBe('ok   200  1 items, 1 new  A <https://a.example/rss>');
    expect(formatPollReport(bad!, false)).toBe('FAIL 503  http_5xx: failed with http_5xx  A <https://a.example/rss>');
  });

  it('lists feeds with their health', async () => {
    fetcher.then(failure('timeout'));
    await runPollOnce({}, deps);
    const text = formatFeedList(await listFeedsWithHealth(deps));
    expect(text).toContain('A  [news, fr, every 15 min]  failing');
    expect(text).toContain('last error timeout: failed with timeout (2025-07-03T12:00:00.000Z, 1 in a row)');
    expect(text).toContain('B  [news, fr, every 15 min]  disabled');
    expect(text).toContain('last success never');
    expect(formatFeedList([])).toBe('No feeds.');
  });
});

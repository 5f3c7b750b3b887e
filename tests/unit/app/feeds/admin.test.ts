import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { addFeed, removeFeed, resumeFeed, setFeedEnabled, type FeedAdminDeps } from '../../../../src/app/feeds/admin.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository } from '../../../../src/app/feeds/memory.js';
import { RecordingGuard } from './fakes.js';

let deps: FeedAdminDeps;

beforeEach(() => {
  deps = { feeds: new InMemoryFeedRepository(), health: new InMemoryFeedHealthRepository(), guard: new RecordingGuard(), clock: new ManualClock('2025-07-03T12:00:00Z') };
});

describe('feed administration', () => {
  it('adds a feed with defaults and a normalised URL, once', async () => {
    const added = await addFeed({ url: 'HTTPS://Studio.Example.org/feed/' }, deps);
    expect(added).toEqual({
      ok: true,
      value: { url: 'https://studio.example.org/feed/', name: 'studio.example.org', lang: 'und', intervalMinutes: 30, kind: 'news', enabled: true, addedAt: '2025-07-03T12:00:00.000Z' },
    });
    expect(await addFeed({ url: 'https://studio.example.org/feed/' }, deps)).toMatchObject({ ok: false, error: { code: 'duplicate_feed' } });
  });

  it('refuses invalid input and forbidden addresses', async () => {
    expect(await addFeed({ url: 'ftp://x.example/' }, deps)).toMatchObject({ ok: false, error: { code: 'invalid_feed' } });
    expect(await addFeed({ url: 'https://x.example/', intervalMinutes: 0 }, deps)).toMatchObject({ ok: false, error: { code: 'invalid_feed', message: expect.stringContaining('intervalMinutes') } });
    expect(await addFeed({ url: 'http://blocked.example/rss' }, deps)).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    expect(await addFeed({ url: 'http://blocked.example/rss' }, deps, { allowPrivate: true })).toMatchObject({ ok: true });
  });

  it('disables, resumes and removes feeds, health included', async () => {
    await addFeed({ url: 'https://a.example/rss', name: 'A' }, deps);
    expect(await setFeedEnabled('https://a.example/rss', false, deps)).toMatchObject({ ok: true, value: { enabled: false } });
    await deps.health.put({ url: 'https://a.example/rss', consecutiveFailures: 9, itemsSeen: 5, paused: true, pausedAt: 'x', failingSince: 'y', primed: true });
    const resumed = await resumeFeed('https://a.example/rss', deps);
    expect(resumed).toEqual({ ok: true, value: { url: 'https://a.example/rss', consecutiveFailures: 0, itemsSeen: 5, paused: false, primed: true, nextPollAt: '2025-07-03T12:00:00.000Z' } });
    expect(await removeFeed('https://a.example/rss', deps)).toMatchObject({ ok: true });
    expect(await deps.health.get('https://a.example/rss')).toBeUndefined();
    expect(await removeFeed('https://a.example/rss', deps)).toMatchObject({ ok: false, error: { code: 'unknown_feed' } });
  });
});

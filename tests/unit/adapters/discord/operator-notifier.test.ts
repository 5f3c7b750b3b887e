import { describe, expect, it } from 'vitest';
import { DiscordOperatorNotifier, pausedFeedNotice } from '../../../../src/adapters/discord/operator-notifier.js';
import type { Feed, FeedHealth } from '../../../../src/app/feeds/ports.js';
import { err, ok, type Result } from '../../../../src/domain/shared/result.js';

const feed: Feed = { url: 'https://news.example.org/mali_news.rss', name: 'Mali *News*', lang: 'fr', intervalMinutes: 30, kind: 'news', enabled: true, addedAt: '2026-03-01T00:00:00.000Z' };
const health: FeedHealth = {
  url: feed.url,
  consecutiveFailures: 12,
  itemsSeen: 40,
  paused: true,
  primed: true,
  pausedAt: '2026-03-11T09:30:00.000Z',
  failingSince: '2026-03-10T09:15:42.000Z',
  lastError: { code: 'http_5xx', message: 'HTTP 503', at: '2026-03-11T09:30:00.000Z' },
};

describe('pausedFeedNotice', () => {
  it('says which feed, since when, the last error and how to resume it', () => {
    const text = pausedFeedNotice(feed, health);
    expect(text).toContain('Feed **Mali \\*News\\***');
    expect(text).toContain('<https://news.example.org/mali_news.rss>');
    expect(text).toContain('since 2026-03-10 09:15 UTC');
    expect(text).toContain('the last error was `http_5xx`');
    expect(text).toContain('`/feeds status`');
    expect(text).toContain('`npx sahel-watch poll --once --feed https://news.example.org/mali_news.rss`');
  });

  it('does without the dates and the error when the health has none', () => {
    const text = pausedFeedNotice(feed, { url: feed.url, consecutiveFailures: 3, itemsSeen: 0, paused: true, primed: true });
    expect(text).toContain('failed without a break, and no error was recorded.');
  });
});

describe('DiscordOperatorNotifier', () => {
  it('tells every operator server under one key per pause, and reports each outcome', async () => {
    const told: Array<{ guildId: string; key: string; message: string }> = [];
    const admins = {
      tell: async (guildId: string, message: string, key: string): Promise<Result<void, string>> => {
        told.push({ guildId, key, message });
        return guildId === '1400000000000000002' ? err('unknown_guild', `the bot is not in server ${guildId}`) : ok(undefined);
      },
    };
    const outcomes = await new DiscordOperatorNotifier(admins, ['1400000000000000001', '1400000000000000002']).feedPaused(feed, health);
    expect(outcomes.map((o) => [o.guildId, o.result.ok])).toEqual([
      ['1400000000000000001', true],
      ['1400000000000000002', false],
    ]);
    expect(told.map((t) => t.key)).toEqual([`paused:${feed.url}:${health.pausedAt}`, `paused:${feed.url}:${health.pausedAt}`]);
    expect(told[0]?.message).toBe(pausedFeedNotice(feed, health));
  });
});

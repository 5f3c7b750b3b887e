import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { parseFeedsConfig, seedFeeds } from '../../../../src/app/feeds/config.js';
import { InMemoryFeedRepository } from '../../../../src/app/feeds/memory.js';

const shipped = JSON.parse(readFileSync(new URL('../../../../config/feeds.json', import.meta.url), 'utf8')) as unknown;

describe('feeds configuration', () => {
  it('ships valid defaults: the UK and US official feeds and Google News searches in English and French', () => {
    const result = parseFeedsConfig(shipped);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const urls = result.value.map((f) => f.url);
    expect(urls).toContain('https://www.gov.uk/foreign-travel-advice/mali.atom');
    expect(urls).toContain('https://travel.state.gov/_res/rss/TAsTWs.xml');
    expect(result.value.filter((f) => f.kind === 'official')).toHaveLength(2);
    const google = result.value.filter((f) => f.url.startsWith('https://news.google.com/rss/search'));
    expect(new Set(google.map((f) => f.lang))).toEqual(new Set(['en', 'fr']));
    expect(result.value.length).toBeGreaterThanOrEqual(8);
  });

  it('lists every problem of every feed', () => {
    const result = parseFeedsConfig({ feeds: [{ name: '', url: 'ftp://b.example/', lang: 'de', intervalMinutes: 0, kind: 'blog', enabled: 'yes' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_feeds_config');
    for (const path of ['feeds.0.name', 'feeds.0.url', 'feeds.0.lang', 'feeds.0.intervalMinutes', 'feeds.0.kind', 'feeds.0.enabled']) {
      expect(result.error.message).toContain(path);
    }
  });

  it('refuses the same feed twice, however its URL is spelt', () => {
    const a = { name: 'A', url: 'https://a.example/rss', lang: 'en', intervalMinutes: 10, kind: 'news', enabled: true };
    const result = parseFeedsConfig({ feeds: [a, { ...a, name: 'A again', url: 'https://A.example/rss' }] });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('feeds.1.url: duplicate feed URL https://a.example/rss') } });
  });

  it('seeds the store once, so that removals by admins stick', async () => {
    const repo = new InMemoryFeedRepository();
    const clock = new ManualClock('2025-07-01T00:00:00Z');
    const configs = parseFeedsConfig(shipped);
    if (!configs.ok) throw new Error(configs.error.message);
    expect(await seedFeeds(configs.value, repo, clock)).toBe(configs.value.length);
    const first = (await repo.list())[0];
    expect(first?.addedAt).toBe('2025-07-01T00:00:00.000Z');
    await repo.remove(first?.url ?? '');
    expect(await seedFeeds(configs.value, repo, clock)).toBe(0);
    expect(await repo.list()).toHaveLength(configs.value.length - 1);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/config/settings.js';

describe('settings for several processes', () => {
  it('reads the database schema and the Discord shards from the environment', () => {
    const resolved = resolveSettings(undefined, {
      DATABASE_URL: 'postgres://bot@db:5432/sahel',
      DATABASE_SCHEMA: 'sahel_watch',
      DISCORD_SHARD_COUNT: '4',
      DISCORD_SHARDS: '1, 3',
    });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.databaseSchema).toBe('sahel_watch');
    expect(resolved.value.discord.shards).toEqual({ count: 4, ids: [1, 3] });
  });

  it('runs every shard of a count given alone, and takes shards from the file too', () => {
    const alone = resolveSettings(undefined, { DISCORD_SHARD_COUNT: '2' });
    expect(alone.ok && alone.value.discord.shards).toEqual({ count: 2 });
    const file = resolveSettings({ name: 'settings.json', content: { discord: { shards: { count: 6, ids: [4, 5] } } } }, {});
    expect(file.ok && file.value.discord.shards).toEqual({ count: 6, ids: [4, 5] });
  });

  it('names the problem with shards out of range, repeated, or not numbers', () => {
    for (const [ids, count, expected] of [
      ['0,4', '4', 'shard ids below the shard count'],
      ['1,1', '4', 'each shard id once'],
      ['one', '4', 'expected number'],
    ] as const) {
      const resolved = resolveSettings(undefined, { DISCORD_SHARDS: ids, DISCORD_SHARD_COUNT: count });
      expect(resolved.ok).toBe(false);
      expect(resolved.ok ? '' : resolved.error.message).toContain(expected);
    }
    const noCount = resolveSettings(undefined, { DISCORD_SHARDS: '0' });
    expect(noCount.ok).toBe(false);
  });

  it('refuses a schema that is not a plain lower-case identifier', () => {
    const resolved = resolveSettings(undefined, { DATABASE_SCHEMA: 'public; DROP TABLE x' });
    expect(resolved.ok ? '' : resolved.error.message).toContain('env DATABASE_SCHEMA');
  });

  it('keeps lease and scheduling defaults that suit one process and bound a takeover', () => {
    const resolved = resolveSettings(undefined, {});
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.feeds).toMatchObject({ tickSeconds: 15, startSpreadMs: 60_000, leaseMs: 60_000 });
    expect(resolved.value.delivery.leaseMs).toBe(120_000);
    const badTick = resolveSettings({ name: 'settings.json', content: { feeds: { tickSeconds: 7 } } }, {});
    expect(badTick.ok ? '' : badTick.error.message).toContain('a divisor of 60');
  });
});

import { describe, expect, it } from 'vitest';
import { InMemorySeenItemRepository } from '../../../../src/app/feeds/memory.js';

describe('InMemorySeenItemRepository', () => {
  it('knows ids per feed and story keys across feeds, and forgets by age', async () => {
    const seen = new InMemorySeenItemRepository();
    await seen.record('feed-a', [{ itemId: '1', storyKeys: ['url:x/1'] }], '2025-07-01T00:00:00Z');
    await seen.record('feed-a', [{ itemId: '2', storyKeys: ['url:x/2'] }], '2025-07-03T00:00:00Z');
    expect(await seen.knownIds('feed-a', ['1', '2', '3'])).toEqual(new Set(['1', '2']));
    expect(await seen.knownIds('feed-b', ['1'])).toEqual(new Set());
    expect(await seen.knownStories(['url:x/1', 'url:x/9'])).toEqual(new Set(['url:x/1']));
    expect(await seen.pruneBefore('2025-07-02T00:00:00Z')).toBe(1);
    expect(await seen.knownIds('feed-a', ['1', '2'])).toEqual(new Set(['2']));
    expect(await seen.knownStories(['url:x/1'])).toEqual(new Set());
    expect(seen.size()).toEqual({ ids: 1, stories: 1 });
  });
});

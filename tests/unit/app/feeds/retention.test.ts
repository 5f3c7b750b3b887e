import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { InMemorySeenItemRepository } from '../../../../src/app/feeds/memory.js';
import { forgetOldSeenItems } from '../../../../src/app/feeds/retention.js';

describe('forgetOldSeenItems', () => {
  it('forgets entries older than the retention, but never within the maximum item age', async () => {
    const seen = new InMemorySeenItemRepository();
    await seen.record('f', [{ itemId: 'old', storyKeys: [] }], '2025-01-01T00:00:00Z');
    await seen.record('f', [{ itemId: 'recent', storyKeys: [] }], '2025-06-25T00:00:00Z');
    const clock = new ManualClock('2025-07-03T00:00:00Z');
    expect(await forgetOldSeenItems(seen, clock, 1, { maxAgeMs: 14 * 86_400_000 })).toBe(1);
    expect(await seen.knownIds('f', ['old', 'recent'])).toEqual(new Set(['recent']));
    expect(await forgetOldSeenItems(seen, clock, 1, { maxAgeMs: 2 * 86_400_000 })).toBe(1);
  });
});

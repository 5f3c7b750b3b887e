import { describe, expect, it } from 'vitest';
import { MemoryMessageRefRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../../src/app/delivery/memory.js';
import { channel, subscription } from './fakes.js';
import { describeOutboxContract } from './outbox-contract.js';

describeOutboxContract('memory', () => new MemoryOutboxRepository());

describe('memory subscriptions and message references', () => {
  it('lists by guild and enabled state, and disables with a reason', async () => {
    const repo = new MemorySubscriptionRepository();
    await repo.put(subscription('a', channel(1)));
    await repo.put(subscription('b', { kind: 'console' }));
    expect((await repo.list({ guildId: '100000000000000001' })).map((s) => s.id)).toEqual(['a']);
    expect(await repo.disable('a', 'forbidden', '2025-07-01T00:00:00Z')).toMatchObject({ enabled: false, disabledReason: 'forbidden' });
    expect((await repo.list({ enabledOnly: true })).map((s) => s.id)).toEqual(['b']);
    expect(await repo.disable('zzz', 'x', '2025-07-01T00:00:00Z')).toBeUndefined();
  });

  it('keeps the first message of an incident per place', async () => {
    const refs = new MemoryMessageRefRepository();
    await refs.putIfAbsent('discord:1', 'inc', 'm1', 't');
    await refs.putIfAbsent('discord:1', 'inc', 'm2', 't');
    expect(await refs.get('discord:1', 'inc')).toBe('m1');
    expect(await refs.get('discord:2', 'inc')).toBeUndefined();
  });
});

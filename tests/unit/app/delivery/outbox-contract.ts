import { describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../../../src/domain/advisory/rendered.js';
import type { OutboxEntry, OutboxRepository } from '../../../../src/app/delivery/ports.js';

const message: RenderedMessage = {
  kind: 'advisory', tag: 'NEW', title: 't', text: 't', sources: [],
  discord: { embeds: [], components: [], allowed_mentions: { parse: [] } },
};

function entry(key: string, subscriptionId: string, createdAt: string, incidentId?: string): OutboxEntry {
  return {
    key, idempotencyKey: key.slice(0, 25), subscriptionId, target: { kind: 'console' }, message, createdAt,
    ...(incidentId === undefined ? {} : { incidentId }),
  };
}

const T0 = '2025-07-01T00:00:00.000Z';
const T1 = '2025-07-01T00:01:00.000Z';
const LEASE = '2025-07-01T00:02:00.000Z';

/** What every OutboxRepository must do; store adapters run the same suite. */
export function describeOutboxContract(name: string, make: () => Promise<OutboxRepository> | OutboxRepository): void {
  describe(`OutboxRepository contract: ${name}`, () => {
    it('enqueue is idempotent on the key', async () => {
      const outbox = await make();
      expect(await outbox.enqueue(entry('a', 's1', T0))).toBe(true);
      expect(await outbox.enqueue(entry('a', 's1', T1))).toBe(false);
      expect(await outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 0 });
      expect((await outbox.get('a'))?.createdAt).toBe(T0);
    });

    it('claims due items oldest first, leases them, and gives them back when the lease ends', async () => {
      const outbox = await make();
      await outbox.enqueue(entry('b', 's1', T1));
      await outbox.enqueue(entry('a', 's2', T0));
      expect((await outbox.claimDue(T1, LEASE, 10)).map((i) => i.key)).toEqual(['a', 'b']);
      expect(await outbox.claimDue(T1, LEASE, 10)).toEqual([]);
      expect(await outbox.nextDueAt()).toBe(LEASE);
      expect((await outbox.claimDue(LEASE, '2025-07-01T00:03:00.000Z', 1)).map((i) => i.key)).toEqual(['a']);
    });

    it('keeps the order of one subscription\'s deliveries about one incident', async () => {
      const outbox = await make();
      await outbox.enqueue(entry('new', 's1', T0, 'inc'));
      await outbox.enqueue(entry('update', 's1', T1, 'inc'));
      await outbox.enqueue(entry('other', 's2', T1, 'inc'));
      expect((await outbox.claimDue(T1, LEASE, 10)).map((i) => i.key)).toEqual(['new', 'other']);
      await outbox.markRetry('new', LEASE, { code: 'server_error', message: '502' }, true);
      expect(await outbox.claimDue(T1, LEASE, 10)).toEqual([]);
      await outbox.markSent('other', 'm0', T1);
      expect(await outbox.nextDueAt()).toBe(LEASE);
      await outbox.markSent('new', 'm1', LEASE);
      expect((await outbox.claimDue(LEASE, '2025-07-01T00:05:00.000Z', 10)).map((i) => i.key)).toEqual(['update']);
    });

    it('records retries, sends and failures with their reasons', async () => {
      const outbox = await make();
      await outbox.enqueue(entry('a', 's1', T0));
      await outbox.enqueue(entry('b', 's1', T0));
      await outbox.enqueue(entry('c', 's2', T0));
      await outbox.markRetry('a', T1, { code: 'rate_limited', message: '429' }, false);
      await outbox.markRetry('a', T1, { code: 'network', message: 'reset' }, true);
      expect(await outbox.get('a')).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: T1, lastError: { code: 'network', message: 'reset' } });
      await outbox.markSent('c', 'm9', T1);
      expect(await outbox.get('c')).toMatchObject({ state: 'sent', messageId: 'm9', sentAt: T1 });
      expect(await outbox.failPending('s1', { code: 'subscription_disabled', message: 'forbidden' }, T1)).toBe(2);
      expect((await outbox.list({ state: 'failed', limit: 10 })).map((i) => [i.key, i.lastError?.code])).toEqual([['a', 'subscription_disabled'], ['b', 'subscription_disabled']]);
      await outbox.markFailed('c', { code: 'late', message: 'x' }, T1);
      expect((await outbox.get('c'))?.state).toBe('sent');
      expect(await outbox.nextDueAt()).toBeUndefined();
    });
  });
}

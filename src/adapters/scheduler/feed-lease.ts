import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FeedLeaseRepository } from '../../app/store.js';
import type { Clock } from '../../domain/shared/clock.js';

/** What the scheduler asks before polling a feed when several processes share the feeds. */
export interface FeedLease {
  /** True when this process now holds the feed and may poll it; it keeps the feed until release. */
  acquire(url: string): Promise<boolean>;
  /** Lets the feed go at once. */
  release(url: string): Promise<void>;
}

export interface StoreFeedLeaseOptions {
  /** Names this process among those sharing the store (see processOwner). */
  readonly owner: string;
  /** How long a lease lasts without renewal: the longest a dead process keeps its feeds. */
  readonly leaseMs: number;
  readonly clock: Clock;
  /** Lease renewals that failed (the store was unreachable); the poll goes on. */
  readonly onRenewError?: (url: string, error: unknown) => void;
}

/**
 * Feed leases kept in the shared store. A held lease is renewed three times per term while the poll
 * runs, so a slow poll keeps its feed however long it takes, and a process that dies lets its feeds
 * go one term after its last renewal.
 */
export function storeFeedLease(leases: FeedLeaseRepository, options: StoreFeedLeaseOptions): FeedLease {
  const { owner, leaseMs, clock } = options;
  const renewals = new Map<string, NodeJS.Timeout>();
  const take = (url: string): Promise<boolean> => {
    const now = clock.now();
    return leases.tryLease(url, owner, new Date(now.getTime() + leaseMs).toISOString(), now.toISOString());
  };
  const renew = (url: string) => () => {
    take(url).catch((error: unknown) => options.onRenewError?.(url, error));
  };
  return {
    async acquire(url) {
      if (!(await take(url))) return false;
      clearInterval(renewals.get(url));
      renewals.set(url, setInterval(renew(url), Math.max(1, Math.floor(leaseMs / 3))).unref());
      return true;
    },
    async release(url) {
      clearInterval(renewals.get(url));
      renewals.delete(url);
      await leases.release(url, owner);
    },
  };
}

/** A name for this process that no other process, here or on another host, shares: host, pid and a random part. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

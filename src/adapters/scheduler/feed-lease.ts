import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FeedLeaseRepository } from '../../app/store.js';
import type { Clock } from '../../domain/shared/clock.js';

/** What the scheduler asks before polling a feed when several processes share the feeds. */
export interface FeedLease {
  /** True when this process now holds the feed and may poll it. */
  acquire(url: string): Promise<boolean>;
  /** Lets the feed go at once, instead of when the lease runs out. */
  release(url: string): Promise<void>;
}

export interface StoreFeedLeaseOptions {
  /** Names this process among those sharing the store (see processOwner). */
  readonly owner: string;
  /** How long a lease lasts: the longest a dead process keeps its feeds. */
  readonly leaseMs: number;
  readonly clock: Clock;
}

/** Feed leases kept in the shared store. */
export function storeFeedLease(leases: FeedLeaseRepository, options: StoreFeedLeaseOptions): FeedLease {
  const { owner, leaseMs, clock } = options;
  return {
    acquire: (url) => {
      const now = clock.now();
      return leases.tryLease(url, owner, new Date(now.getTime() + leaseMs).toISOString(), now.toISOString());
    },
    release: async (url) => {
      await leases.release(url, owner);
    },
  };
}

/** A name for this process that no other process, here or on another host, shares: host, pid and a random part. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

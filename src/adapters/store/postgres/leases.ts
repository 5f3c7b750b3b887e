import type { FeedLeaseRepository } from '../../../app/store.js';
import { instant, pgText } from './codec.js';
import type { Database } from './database.js';

/**
 * Leases as rows. The upsert locks the feed's row: of two processes asking at once, the second
 * waits for the first to commit and then sees its lease, so at most one of them gets it.
 */
export class PostgresFeedLeaseRepository implements FeedLeaseRepository {
  constructor(private readonly db: Database) {}

  async tryLease(url: string, owner: string, until: string, now: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO feed_leases (url, owner, lease_until) VALUES ($1, $2, $3)
       ON CONFLICT (url) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
       WHERE feed_leases.owner = excluded.owner OR feed_leases.lease_until <= $4
       RETURNING owner`,
      [pgText(url), pgText(owner), instant(until), instant(now)],
    );
    return rows.length > 0;
  }

  async release(url: string, owner: string): Promise<boolean> {
    const { count } = await this.db.query('DELETE FROM feed_leases WHERE url = $1 AND owner = $2', [pgText(url), pgText(owner)]);
    return count > 0;
  }
}

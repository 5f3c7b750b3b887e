import type {
  DeliveryError,
  OutboxEntry,
  OutboxItem,
  OutboxRepository,
  OutboxState,
} from '../../../app/delivery/ports.js';
import type { OutboxRetention } from '../../../app/retention.js';
import { instant, pgText, rowLimit, toJson } from './codec.js';
import type { Database } from './database.js';
import { Params, where } from './sql.js';
import { HEAD_OF_PAIR, OLDEST_FIRST } from '../sql/outbox-order.js';

interface OutboxRow {
  readonly state: OutboxState;
  readonly attempts: number;
  readonly next_attempt_at: string;
  readonly lease_until: string | null;
  readonly last_error: DeliveryError | null;
  readonly message_id: string | null;
  readonly sent_at: string | null;
  readonly failed_at: string | null;
  readonly entry: OutboxEntry;
}

const COLUMNS = 'state, attempts, next_attempt_at, lease_until, last_error, message_id, sent_at, failed_at, entry';

/**
 * Claiming is one statement: the due rows are locked as they are chosen, and rows another worker
 * is claiming at that moment are skipped rather than waited for, so that workers in any number of
 * processes never hold the same item. PostgreSQL checks a locked row again after the other worker
 * commits, so a row it has just leased no longer qualifies.
 */
const CLAIM = `
  WITH due AS (
    SELECT o.seq FROM outbox o
    WHERE o.state = 'pending' AND o.next_attempt_at <= $1
      AND (o.lease_until IS NULL OR o.lease_until <= $1) AND ${HEAD_OF_PAIR}
    ORDER BY o.created_at, o.seq
    LIMIT $3
    FOR UPDATE OF o SKIP LOCKED
  ), claimed AS (
    UPDATE outbox SET lease_until = $2 FROM due WHERE outbox.seq = due.seq
    RETURNING outbox.*
  )
  SELECT ${COLUMNS} FROM claimed ${OLDEST_FIRST}`;

/** The entry as enqueued never changes; the delivery state lives in columns beside it. */
function toItem(row: OutboxRow): OutboxItem {
  return {
    ...row.entry,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    ...(row.lease_until === null ? {} : { leaseUntil: row.lease_until }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.message_id === null ? {} : { messageId: row.message_id }),
    ...(row.sent_at === null ? {} : { sentAt: row.sent_at }),
    ...(row.failed_at === null ? {} : { failedAt: row.failed_at }),
  };
}

const errorJson = (error: DeliveryError): string => toJson({ code: error.code, message: error.message });

/** A durable outbox shared by every process on the database; an expired lease makes an item due again. */
export class PostgresOutboxRepository implements OutboxRepository, OutboxRetention {
  constructor(private readonly db: Database) {}

  async enqueue(entry: OutboxEntry): Promise<boolean> {
    const createdAt = instant(entry.createdAt);
    const { count } = await this.db.query(
      `INSERT INTO outbox (key, subscription_id, incident_id, created_at, state, attempts, next_attempt_at, entry)
       VALUES ($1, $2, $3, $4, 'pending', 0, $4, $5::jsonb)
       ON CONFLICT (key) DO NOTHING`,
      [pgText(entry.key), pgText(entry.subscriptionId), entry.incidentId === undefined ? null : pgText(entry.incidentId), createdAt, toJson(entry)],
    );
    return count > 0;
  }

  async claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]> {
    const max = rowLimit(limit);
    if (max === 0) return [];
    const { rows } = await this.db.query<OutboxRow>(CLAIM, [instant(now), instant(leaseUntil), max]);
    return rows.map(toItem);
  }

  /**
   * Every claim of an item writes a later lease than the one before (it only succeeds once that
   * one has run out), so the lease a worker was handed identifies its claim: the update finds it
   * unchanged only when no other worker claimed the item since and nobody settled it.
   */
  async extendLease(key: string, heldUntil: string, until: string): Promise<boolean> {
    const { count } = await this.db.query(
      "UPDATE outbox SET lease_until = $3 WHERE key = $1 AND state = 'pending' AND lease_until = $2",
      [pgText(key), instant(heldUntil), instant(until)],
    );
    return count > 0;
  }

  async markSent(key: string, messageId: string, at: string): Promise<void> {
    const { count } = await this.db.query(
      "UPDATE outbox SET state = 'sent', message_id = $2, sent_at = $3, lease_until = NULL WHERE key = $1",
      [pgText(key), pgText(messageId), instant(at)],
    );
    await this.requireChange(key, count);
  }

  async markRetry(key: string, nextAttemptAt: string, error: DeliveryError, countAttempt: boolean): Promise<void> {
    const { count } = await this.db.query(
      `UPDATE outbox SET next_attempt_at = $2, last_error = $3::jsonb, attempts = attempts + $4, lease_until = NULL
       WHERE key = $1 AND state = 'pending'`,
      [pgText(key), instant(nextAttemptAt), errorJson(error), countAttempt ? 1 : 0],
    );
    await this.requireChange(key, count);
  }

  async markFailed(key: string, error: DeliveryError, at: string): Promise<void> {
    const { count } = await this.db.query(
      `UPDATE outbox SET state = 'failed', last_error = $2::jsonb, failed_at = $3, lease_until = NULL
       WHERE key = $1 AND state <> 'sent'`,
      [pgText(key), errorJson(error), instant(at)],
    );
    await this.requireChange(key, count);
  }

  async failPending(subscriptionId: string, error: DeliveryError, at: string): Promise<number> {
    const { count } = await this.db.query(
      `UPDATE outbox SET state = 'failed', last_error = $2::jsonb, failed_at = $3, lease_until = NULL
       WHERE subscription_id = $1 AND state = 'pending'`,
      [pgText(subscriptionId), errorJson(error), instant(at)],
    );
    return count;
  }

  async get(key: string): Promise<OutboxItem | undefined> {
    const { rows } = await this.db.query<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE key = $1`, [pgText(key)]);
    return rows[0] === undefined ? undefined : toItem(rows[0]);
  }

  async list(options: { readonly state?: OutboxState; readonly subscriptionId?: string; readonly limit: number }): Promise<OutboxItem[]> {
    const limit = rowLimit(options.limit);
    if (limit === 0) return [];
    const params = new Params();
    const filter = where([
      options.state !== undefined && `state = ${params.add(options.state)}`,
      options.subscriptionId !== undefined && `subscription_id = ${params.add(pgText(options.subscriptionId))}`,
    ]);
    const { rows } = await this.db.query<OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox ${filter} ${OLDEST_FIRST} LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map(toItem);
  }

  async nextDueAt(): Promise<string | undefined> {
    // GREATEST ignores a NULL lease: the item is then due at its next attempt.
    const { rows } = await this.db.query<{ at: string | null }>(
      `SELECT MIN(GREATEST(o.next_attempt_at, o.lease_until)) AS at FROM outbox o WHERE o.state = 'pending' AND ${HEAD_OF_PAIR}`,
    );
    return rows[0]?.at ?? undefined;
  }

  async counts(): Promise<Record<OutboxState, number>> {
    const counts: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0 };
    const { rows } = await this.db.query<{ state: OutboxState; n: number }>('SELECT state, COUNT(*)::int AS n FROM outbox GROUP BY state');
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  async pruneBefore(at: string): Promise<number> {
    const { count } = await this.db.query("DELETE FROM outbox WHERE state <> 'pending' AND coalesce(sent_at, failed_at) < $1", [instant(at)]);
    return count;
  }

  /** A state change that matched nothing is a no-op when the item exists, a bug when it does not. */
  private async requireChange(key: string, changes: number): Promise<void> {
    if (changes > 0) return;
    const { rows } = await this.db.query('SELECT 1 FROM outbox WHERE key = $1', [pgText(key)]);
    if (rows.length === 0) throw new Error(`outbox has no item ${key}`);
  }
}

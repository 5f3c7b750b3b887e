import type {
  DeliveryError,
  OutboxEntry,
  OutboxItem,
  OutboxRepository,
  OutboxState,
} from '../../../app/delivery/ports.js';
import type { OutboxRetention } from '../../../app/retention.js';
import { fromJson, instant, rowLimit, toJson } from './codec.js';
import type { Db } from './connection.js';
import { StatementCache, where } from './statements.js';
import { HEAD_OF_PAIR, OLDEST_FIRST } from '../sql/outbox-order.js';

interface OutboxRow {
  readonly key: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly next_attempt_at: string;
  readonly lease_until: string | null;
  readonly last_error: string | null;
  readonly message_id: string | null;
  readonly sent_at: string | null;
  readonly failed_at: string | null;
  readonly entry: string;
}

const COLUMNS = 'key, state, attempts, next_attempt_at, lease_until, last_error, message_id, sent_at, failed_at, entry';

/** The entry as enqueued never changes; the delivery state lives in columns beside it. */
function toItem(row: OutboxRow): OutboxItem {
  return {
    ...fromJson<OutboxEntry>(row.entry),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    ...(row.lease_until === null ? {} : { leaseUntil: row.lease_until }),
    ...(row.last_error === null ? {} : { lastError: fromJson<DeliveryError>(row.last_error) }),
    ...(row.message_id === null ? {} : { messageId: row.message_id }),
    ...(row.sent_at === null ? {} : { sentAt: row.sent_at }),
    ...(row.failed_at === null ? {} : { failedAt: row.failed_at }),
  };
}

const errorJson = (error: DeliveryError): string => toJson({ code: error.code, message: error.message });

/**
 * A durable outbox. Claiming leases items inside one write transaction, so that two workers, in
 * one process or two, never hold the same item; an expired lease makes the item due again.
 */
export class SqliteOutboxRepository implements OutboxRepository, OutboxRetention {
  private readonly cache;
  private readonly enqueueStmt;
  private readonly dueStmt;
  private readonly leaseStmt;
  private readonly getStmt;
  private readonly sentStmt;
  private readonly retryStmt;
  private readonly failStmt;
  private readonly failPendingStmt;
  private readonly nextDueStmt;
  private readonly countsStmt;
  private readonly pruneStmt;
  private readonly claimTx;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
    this.enqueueStmt = db.prepare(
      `INSERT INTO outbox (key, subscription_id, incident_id, created_at, state, attempts, next_attempt_at, entry)
       VALUES (@key, @subscriptionId, @incidentId, @createdAt, 'pending', 0, @createdAt, @entry)
       ON CONFLICT (key) DO NOTHING`,
    );
    this.dueStmt = db.prepare<{ now: string; limit: number }, OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox o
       WHERE o.state = 'pending' AND o.next_attempt_at <= @now
         AND (o.lease_until IS NULL OR o.lease_until <= @now) AND ${HEAD_OF_PAIR}
       ${OLDEST_FIRST} LIMIT @limit`,
    );
    this.leaseStmt = db.prepare('UPDATE outbox SET lease_until = ? WHERE key = ?');
    this.getStmt = db.prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE key = ?`);
    this.sentStmt = db.prepare(
      "UPDATE outbox SET state = 'sent', message_id = @messageId, sent_at = @at, lease_until = NULL WHERE key = @key",
    );
    this.retryStmt = db.prepare(
      `UPDATE outbox SET next_attempt_at = @next, last_error = @error, attempts = attempts + @count, lease_until = NULL
       WHERE key = @key AND state = 'pending'`,
    );
    this.failStmt = db.prepare(
      `UPDATE outbox SET state = 'failed', last_error = @error, failed_at = @at, lease_until = NULL
       WHERE key = @key AND state <> 'sent'`,
    );
    this.failPendingStmt = db.prepare(
      `UPDATE outbox SET state = 'failed', last_error = @error, failed_at = @at, lease_until = NULL
       WHERE subscription_id = @subscriptionId AND state = 'pending'`,
    );
    this.nextDueStmt = db.prepare<[], { at: string | null }>(
      `SELECT MIN(CASE WHEN o.lease_until > o.next_attempt_at THEN o.lease_until ELSE o.next_attempt_at END) AS at
       FROM outbox o WHERE o.state = 'pending' AND ${HEAD_OF_PAIR}`,
    );
    this.countsStmt = db.prepare<[], { state: OutboxState; n: number }>(
      'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state',
    );
    // Written to match the partial index outbox_finished; pending items never match.
    this.pruneStmt = db.prepare("DELETE FROM outbox WHERE state <> 'pending' AND coalesce(sent_at, failed_at) < ?");
    this.claimTx = db.transaction((now: string, leaseUntil: string, limit: number): OutboxItem[] => {
      const rows = this.dueStmt.all({ now, limit });
      for (const row of rows) this.leaseStmt.run(leaseUntil, row.key);
      return rows.map((row) => toItem({ ...row, lease_until: leaseUntil }));
    });
  }

  async enqueue(entry: OutboxEntry): Promise<boolean> {
    const result = this.enqueueStmt.run({
      key: entry.key,
      subscriptionId: entry.subscriptionId,
      incidentId: entry.incidentId ?? null,
      createdAt: instant(entry.createdAt),
      entry: toJson(entry),
    });
    return result.changes > 0;
  }

  async claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]> {
    const max = rowLimit(limit);
    if (max === 0) return [];
    return this.claimTx.immediate(instant(now), instant(leaseUntil), max);
  }

  async markSent(key: string, messageId: string, at: string): Promise<void> {
    this.requireChange(key, this.sentStmt.run({ key, messageId, at }).changes);
  }

  async markRetry(key: string, nextAttemptAt: string, error: DeliveryError, countAttempt: boolean): Promise<void> {
    const changes = this.retryStmt.run({
      key,
      next: instant(nextAttemptAt),
      error: errorJson(error),
      count: countAttempt ? 1 : 0,
    }).changes;
    this.requireChange(key, changes);
  }

  async markFailed(key: string, error: DeliveryError, at: string): Promise<void> {
    this.requireChange(key, this.failStmt.run({ key, error: errorJson(error), at }).changes);
  }

  async failPending(subscriptionId: string, error: DeliveryError, at: string): Promise<number> {
    return this.failPendingStmt.run({ subscriptionId, error: errorJson(error), at }).changes;
  }

  async get(key: string): Promise<OutboxItem | undefined> {
    const row = this.getStmt.get(key);
    return row === undefined ? undefined : toItem(row);
  }

  async list(options: { readonly state?: OutboxState; readonly subscriptionId?: string; readonly limit: number }): Promise<OutboxItem[]> {
    const limit = rowLimit(options.limit);
    if (limit === 0) return [];
    const filter = where([
      options.state !== undefined && 'state = @state',
      options.subscriptionId !== undefined && 'subscription_id = @subscriptionId',
    ]);
    const stmt = this.cache.get<[Record<string, string | number>], OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox ${filter} ${OLDEST_FIRST} LIMIT @limit`,
    );
    const params: Record<string, string | number> = { limit };
    if (options.state !== undefined) params['state'] = options.state;
    if (options.subscriptionId !== undefined) params['subscriptionId'] = options.subscriptionId;
    return stmt.all(params).map(toItem);
  }

  async nextDueAt(): Promise<string | undefined> {
    return this.nextDueStmt.get()?.at ?? undefined;
  }

  async counts(): Promise<Record<OutboxState, number>> {
    const counts: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0 };
    for (const row of this.countsStmt.all()) counts[row.state] = row.n;
    return counts;
  }

  async pruneBefore(at: string): Promise<number> {
    return this.pruneStmt.run(instant(at)).changes;
  }

  /** A state change that matched nothing is a no-op when the item exists, a bug when it does not. */
  private requireChange(key: string, changes: number): void {
    if (changes === 0 && this.getStmt.get(key) === undefined) throw new Error(`outbox has no item ${key}`);
  }
}

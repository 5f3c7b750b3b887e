import type { SubscriptionRepository } from '../../../app/delivery/ports.js';
import type { Subscription } from '../../../domain/subscriptions/types.js';
import { fromJson, instant, toJson } from './codec.js';
import type { Db } from './connection.js';
import { StatementCache, where } from './statements.js';

export class SqliteSubscriptionRepository implements SubscriptionRepository {
  private readonly cache;
  private readonly getStmt;
  private readonly putStmt;
  private readonly removeStmt;
  private readonly disableTx;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
    this.getStmt = db.prepare<[string], { body: string }>('SELECT body FROM subscriptions WHERE id = ?');
    this.putStmt = db.prepare(
      `INSERT INTO subscriptions (id, guild_id, enabled, created_at, body)
       VALUES (@id, @guildId, @enabled, @createdAt, @body)
       ON CONFLICT (id) DO UPDATE SET
         guild_id = excluded.guild_id, enabled = excluded.enabled,
         created_at = excluded.created_at, body = excluded.body`,
    );
    this.removeStmt = db.prepare('DELETE FROM subscriptions WHERE id = ?');
    this.disableTx = db.transaction((id: string, reason: string): Subscription | undefined => {
      const row = this.getStmt.get(id);
      if (row === undefined) return undefined;
      const updated: Subscription = { ...fromJson<Subscription>(row.body), enabled: false, disabledReason: reason };
      this.write(updated);
      return updated;
    });
  }

  private write(subscription: Subscription): void {
    this.putStmt.run({
      id: subscription.id,
      guildId: subscription.target.kind === 'discord' ? subscription.target.guildId : null,
      enabled: subscription.enabled ? 1 : 0,
      createdAt: instant(subscription.createdAt),
      body: toJson(subscription),
    });
  }

  async get(id: string): Promise<Subscription | undefined> {
    const row = this.getStmt.get(id);
    return row === undefined ? undefined : fromJson<Subscription>(row.body);
  }

  async put(subscription: Subscription): Promise<void> {
    this.write(subscription);
  }

  async remove(id: string): Promise<boolean> {
    return this.removeStmt.run(id).changes > 0;
  }

  async list(options: { readonly guildId?: string; readonly enabledOnly?: boolean } = {}): Promise<Subscription[]> {
    const filter = where([options.guildId !== undefined && 'guild_id = @guildId', options.enabledOnly === true && 'enabled = 1']);
    const stmt = this.cache.get<[Record<string, string>], { body: string }>(
      `SELECT body FROM subscriptions ${filter} ORDER BY created_at, id`,
    );
    const params = options.guildId === undefined ? {} : { guildId: options.guildId };
    return stmt.all(params).map((row) => fromJson<Subscription>(row.body));
  }

  /** The subscription type has no field for the time; the reason says why. */
  async disable(id: string, reason: string, _at: string): Promise<Subscription | undefined> {
    return this.disableTx(id, reason);
  }
}

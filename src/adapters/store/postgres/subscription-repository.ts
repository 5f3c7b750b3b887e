import type { SubscriptionRepository } from '../../../app/delivery/ports.js';
import type { Subscription } from '../../../domain/subscriptions/types.js';
import { instant, pgText, toJson } from './codec.js';
import type { Database } from './database.js';
import { Params, where } from './sql.js';

export class PostgresSubscriptionRepository implements SubscriptionRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Subscription | undefined> {
    const { rows } = await this.db.query<{ body: Subscription }>('SELECT body FROM subscriptions WHERE id = $1', [pgText(id)]);
    return rows[0]?.body;
  }

  async put(subscription: Subscription): Promise<void> {
    await this.db.query(
      `INSERT INTO subscriptions (id, guild_id, enabled, created_at, body) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (id) DO UPDATE SET
         guild_id = excluded.guild_id, enabled = excluded.enabled,
         created_at = excluded.created_at, body = excluded.body`,
      [
        pgText(subscription.id),
        subscription.target.kind === 'discord' ? pgText(subscription.target.guildId) : null,
        subscription.enabled,
        instant(subscription.createdAt),
        toJson(subscription),
      ],
    );
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM subscriptions WHERE id = $1', [pgText(id)])).count > 0;
  }

  async list(options: { readonly guildId?: string; readonly enabledOnly?: boolean } = {}): Promise<Subscription[]> {
    const params = new Params();
    const filter = where([
      options.guildId !== undefined && `guild_id = ${params.add(pgText(options.guildId))}`,
      options.enabledOnly === true && 'enabled',
    ]);
    const { rows } = await this.db.query<{ body: Subscription }>(
      `SELECT body FROM subscriptions ${filter} ORDER BY created_at, id`,
      params.values,
    );
    return rows.map((row) => row.body);
  }

  /** One statement: a concurrent put either lands before it or is the later word. */
  async disable(id: string, reason: string, _at: string): Promise<Subscription | undefined> {
    const { rows } = await this.db.query<{ body: Subscription }>(
      `UPDATE subscriptions
       SET enabled = false, body = body || jsonb_build_object('enabled', false, 'disabledReason', $2::text)
       WHERE id = $1 RETURNING body`,
      [pgText(id), pgText(reason)],
    );
    return rows[0]?.body;
  }
}

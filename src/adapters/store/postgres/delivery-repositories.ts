import type {
  AdvisoryRepository,
  DigestEntry,
  DigestRepository,
  MessageRefRepository,
} from '../../../app/delivery/ports.js';
import type { DigestRetention } from '../../../app/retention.js';
import type { AdvisorySnapshot } from '../../../domain/advisory/types.js';
import { instant, pgText, toJson } from './codec.js';
import type { Database } from './database.js';

export class PostgresMessageRefRepository implements MessageRefRepository {
  constructor(private readonly db: Database) {}

  async get(targetKey: string, incidentId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT message_id AS id FROM message_refs WHERE target_key = $1 AND incident_id = $2',
      [pgText(targetKey), pgText(incidentId)],
    );
    return rows[0]?.id;
  }

  async putIfAbsent(targetKey: string, incidentId: string, messageId: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO message_refs (target_key, incident_id, message_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (target_key, incident_id) DO NOTHING`,
      [pgText(targetKey), pgText(incidentId), pgText(messageId), instant(at)],
    );
  }
}

export class PostgresAdvisoryRepository implements AdvisoryRepository {
  constructor(private readonly db: Database) {}

  async latest(incidentId: string): Promise<AdvisorySnapshot | undefined> {
    const { rows } = await this.db.query<{ body: AdvisorySnapshot }>('SELECT body FROM advisories WHERE incident_id = $1', [
      pgText(incidentId),
    ]);
    return rows[0]?.body;
  }

  async save(snapshot: AdvisorySnapshot): Promise<void> {
    await this.db.query(
      `INSERT INTO advisories (incident_id, version, updated_at, body) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (incident_id) DO UPDATE SET
         version = excluded.version, updated_at = excluded.updated_at, body = excluded.body`,
      [pgText(snapshot.incidentId), snapshot.version, instant(snapshot.updatedAt), toJson(snapshot)],
    );
  }
}

export class PostgresDigestRepository implements DigestRepository, DigestRetention {
  constructor(private readonly db: Database) {}

  async add(entry: DigestEntry): Promise<boolean> {
    const { count } = await this.db.query(
      `INSERT INTO digest_entries (key, subscription_id, added_at, body) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (key) DO NOTHING`,
      [pgText(entry.key), pgText(entry.subscriptionId), instant(entry.addedAt), toJson(entry)],
    );
    return count > 0;
  }

  async pending(subscriptionId: string, upTo: string): Promise<DigestEntry[]> {
    const { rows } = await this.db.query<{ body: DigestEntry }>(
      'SELECT body FROM digest_entries WHERE subscription_id = $1 AND added_at <= $2 ORDER BY added_at, seq',
      [pgText(subscriptionId), instant(upTo)],
    );
    return rows.map((row) => row.body);
  }

  async remove(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.db.query('DELETE FROM digest_entries WHERE key = ANY($1::text[])', [keys.map(pgText)]);
  }

  async lastRun(subscriptionId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ at: string }>('SELECT last_run AS at FROM digest_runs WHERE subscription_id = $1', [
      pgText(subscriptionId),
    ]);
    return rows[0]?.at;
  }

  async setLastRun(subscriptionId: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO digest_runs (subscription_id, last_run) VALUES ($1, $2)
       ON CONFLICT (subscription_id) DO UPDATE SET last_run = excluded.last_run`,
      [pgText(subscriptionId), pgText(at)],
    );
  }

  async pruneBefore(at: string, keep: readonly string[]): Promise<number> {
    const { count } = await this.db.query('DELETE FROM digest_entries WHERE added_at < $1 AND NOT (subscription_id = ANY($2::text[]))', [
      instant(at),
      keep.map(pgText),
    ]);
    return count;
  }
}

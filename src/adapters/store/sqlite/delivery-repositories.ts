import type {
  AdvisoryRepository,
  DigestEntry,
  DigestRepository,
  MessageRefRepository,
} from '../../../app/delivery/ports.js';
import type { DigestRetention } from '../../../app/retention.js';
import type { AdvisorySnapshot } from '../../../domain/advisory/types.js';
import { fromJson, instant, toJson } from './codec.js';
import type { Db } from './connection.js';

export class SqliteMessageRefRepository implements MessageRefRepository {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string, string], { id: string }>(
      'SELECT message_id AS id FROM message_refs WHERE target_key = ? AND incident_id = ?',
    );
    this.putStmt = db.prepare(
      `INSERT INTO message_refs (target_key, incident_id, message_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (target_key, incident_id) DO NOTHING`,
    );
  }

  async get(targetKey: string, incidentId: string): Promise<string | undefined> {
    return this.getStmt.get(targetKey, incidentId)?.id;
  }

  async putIfAbsent(targetKey: string, incidentId: string, messageId: string, at: string): Promise<void> {
    this.putStmt.run(targetKey, incidentId, messageId, at);
  }
}

export class SqliteAdvisoryRepository implements AdvisoryRepository {
  private readonly latestStmt;
  private readonly saveStmt;

  constructor(db: Db) {
    this.latestStmt = db.prepare<[string], { body: string }>('SELECT body FROM advisories WHERE incident_id = ?');
    this.saveStmt = db.prepare(
      `INSERT INTO advisories (incident_id, version, updated_at, body) VALUES (@incidentId, @version, @updatedAt, @body)
       ON CONFLICT (incident_id) DO UPDATE SET
         version = excluded.version, updated_at = excluded.updated_at, body = excluded.body`,
    );
  }

  async latest(incidentId: string): Promise<AdvisorySnapshot | undefined> {
    const row = this.latestStmt.get(incidentId);
    return row === undefined ? undefined : fromJson<AdvisorySnapshot>(row.body);
  }

  async save(snapshot: AdvisorySnapshot): Promise<void> {
    this.saveStmt.run({
      incidentId: snapshot.incidentId,
      version: snapshot.version,
      updatedAt: instant(snapshot.updatedAt),
      body: toJson(snapshot),
    });
  }
}

export class SqliteDigestRepository implements DigestRepository, DigestRetention {
  private readonly addStmt;
  private readonly pendingStmt;
  private readonly removeStmt;
  private readonly lastRunStmt;
  private readonly setLastRunStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.addStmt = db.prepare(
      `INSERT INTO digest_entries (key, subscription_id, added_at, body) VALUES (@key, @subscriptionId, @addedAt, @body)
       ON CONFLICT (key) DO NOTHING`,
    );
    this.pendingStmt = db.prepare<[string, string], { body: string }>(
      'SELECT body FROM digest_entries WHERE subscription_id = ? AND added_at <= ? ORDER BY added_at, seq',
    );
    this.removeStmt = db.prepare('DELETE FROM digest_entries WHERE key IN (SELECT value FROM json_each(?))');
    this.lastRunStmt = db.prepare<[string], { at: string }>(
      'SELECT last_run AS at FROM digest_runs WHERE subscription_id = ?',
    );
    this.setLastRunStmt = db.prepare(
      `INSERT INTO digest_runs (subscription_id, last_run) VALUES (?, ?)
       ON CONFLICT (subscription_id) DO UPDATE SET last_run = excluded.last_run`,
    );
    this.pruneStmt = db.prepare(
      'DELETE FROM digest_entries WHERE added_at < ? AND subscription_id NOT IN (SELECT value FROM json_each(?))',
    );
  }

  async add(entry: DigestEntry): Promise<boolean> {
    const result = this.addStmt.run({
      key: entry.key,
      subscriptionId: entry.subscriptionId,
      addedAt: instant(entry.addedAt),
      body: toJson(entry),
    });
    return result.changes > 0;
  }

  async pending(subscriptionId: string, upTo: string): Promise<DigestEntry[]> {
    return this.pendingStmt.all(subscriptionId, instant(upTo)).map((row) => fromJson<DigestEntry>(row.body));
  }

  async remove(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) this.removeStmt.run(toJson(keys));
  }

  async lastRun(subscriptionId: string): Promise<string | undefined> {
    return this.lastRunStmt.get(subscriptionId)?.at;
  }

  async setLastRun(subscriptionId: string, at: string): Promise<void> {
    this.setLastRunStmt.run(subscriptionId, at);
  }

  async pruneBefore(at: string, keep: readonly string[]): Promise<number> {
    return this.pruneStmt.run(instant(at), toJson(keep)).changes;
  }
}

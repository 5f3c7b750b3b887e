import type { IncidentRepository } from '../../../app/ports.js';
import type { Incident } from '../../../domain/model.js';
import { fromJson, instant, rowLimit, toJson } from './codec.js';
import type { Db } from './connection.js';
import { StatementCache, where } from './statements.js';

interface BodyRow {
  readonly body: string;
}

/**
 * Incidents as JSON plus the columns queries need; candidate keys in `incident_keys` so that
 * matching reads only the incidents sharing a key with the new document.
 */
export class SqliteIncidentRepository implements IncidentRepository {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly deleteKeysStmt;
  private readonly insertKeyStmt;
  private readonly findByKeysStmt;
  private readonly countStmt;
  private readonly cache;
  private readonly saveTx;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], BodyRow>('SELECT body FROM incidents WHERE id = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO incidents (id, country, created_at, updated_at, body)
       VALUES (@id, @country, @createdAt, @updatedAt, @body)
       ON CONFLICT (id) DO UPDATE SET
         country = excluded.country, created_at = excluded.created_at,
         updated_at = excluded.updated_at, body = excluded.body`,
    );
    this.deleteKeysStmt = db.prepare('DELETE FROM incident_keys WHERE incident_id = ?');
    this.insertKeyStmt = db.prepare('INSERT INTO incident_keys (key, incident_id) VALUES (?, ?) ON CONFLICT (key, incident_id) DO NOTHING');
    // One statement for any number of keys: the keys travel as a JSON array.
    this.findByKeysStmt = db.prepare<[string, number], BodyRow>(
      `SELECT i.body AS body
       FROM incident_keys k JOIN incidents i ON i.id = k.incident_id
       WHERE k.key IN (SELECT value FROM json_each(?))
       GROUP BY i.id
       ORDER BY COUNT(*) DESC, i.updated_at DESC, i.id
       LIMIT ?`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM incidents');
    this.cache = new StatementCache(db);
    this.saveTx = db.transaction((incident: Incident, keys: readonly string[]) => {
      this.upsertStmt.run({
        id: incident.id,
        country: incident.country.toLowerCase(),
        createdAt: instant(incident.createdAt),
        updatedAt: instant(incident.updatedAt),
        body: toJson(incident),
      });
      this.deleteKeysStmt.run(incident.id);
      for (const key of new Set(keys)) this.insertKeyStmt.run(key, incident.id);
    });
  }

  async get(id: string): Promise<Incident | undefined> {
    const row = this.getStmt.get(id);
    return row === undefined ? undefined : fromJson<Incident>(row.body);
  }

  async save(incident: Incident, keys: readonly string[]): Promise<void> {
    this.saveTx(incident, keys);
  }

  async findByKeys(keys: readonly string[], limit: number): Promise<Incident[]> {
    const max = rowLimit(limit);
    if (keys.length === 0 || max === 0) return [];
    return this.findByKeysStmt.all(toJson([...new Set(keys)]), max).map((row) => fromJson<Incident>(row.body));
  }

  async listRecent(options: { since?: string; country?: string; limit: number }): Promise<Incident[]> {
    const limit = rowLimit(options.limit);
    if (limit === 0) return [];
    const params: Record<string, string | number> = { limit };
    if (options.since !== undefined) params['since'] = instant(options.since);
    if (options.country !== undefined) params['country'] = options.country.toLowerCase();
    const filter = where([
      options.since !== undefined && 'updated_at >= @since',
      options.country !== undefined && 'country = @country',
    ]);
    const stmt = this.cache.get<[Record<string, string | number>], BodyRow>(
      `SELECT body FROM incidents ${filter} ORDER BY updated_at DESC, id LIMIT @limit`,
    );
    return stmt.all(params).map((row) => fromJson<Incident>(row.body));
  }

  async count(): Promise<number> {
    return this.countStmt.get()?.n ?? 0;
  }
}

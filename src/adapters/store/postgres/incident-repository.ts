import type { IncidentRepository } from '../../../app/ports.js';
import type { Incident } from '../../../domain/model.js';
import { instant, pgText, rowLimit, sortedUnique, toJson } from './codec.js';
import type { Database } from './database.js';
import { Params, where } from './sql.js';

interface BodyRow {
  readonly body: Incident;
}

/**
 * Incidents as JSONB plus the columns queries need; candidate keys in `incident_keys` so that
 * matching reads only the incidents sharing a key with the new document.
 */
export class PostgresIncidentRepository implements IncidentRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Incident | undefined> {
    const { rows } = await this.db.query<BodyRow>('SELECT body FROM incidents WHERE id = $1', [pgText(id)]);
    return rows[0]?.body;
  }

  async save(incident: Incident, keys: readonly string[]): Promise<void> {
    const id = pgText(incident.id);
    await this.db.transaction(async (tx) => {
      // The upsert locks the incident's row first, so that two saves of one incident re-index in turn.
      await tx.query(
        `INSERT INTO incidents (id, country, created_at, updated_at, body) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (id) DO UPDATE SET
           country = excluded.country, created_at = excluded.created_at,
           updated_at = excluded.updated_at, body = excluded.body`,
        [id, pgText(incident.country.toLowerCase()), instant(incident.createdAt), instant(incident.updatedAt), toJson(incident)],
      );
      await tx.query('DELETE FROM incident_keys WHERE incident_id = $1', [id]);
      await tx.query('INSERT INTO incident_keys (key, incident_id) SELECT k, $2 FROM unnest($1::text[]) AS k', [sortedUnique(keys), id]);
    });
  }

  async findByKeys(keys: readonly string[], limit: number): Promise<Incident[]> {
    const max = rowLimit(limit);
    if (keys.length === 0 || max === 0) return [];
    const { rows } = await this.db.query<BodyRow>(
      `SELECT i.body AS body
       FROM incident_keys k JOIN incidents i ON i.id = k.incident_id
       WHERE k.key = ANY($1::text[])
       GROUP BY i.id
       ORDER BY COUNT(*) DESC, i.updated_at DESC, i.id
       LIMIT $2`,
      [sortedUnique(keys), max],
    );
    return rows.map((row) => row.body);
  }

  async listRecent(options: { since?: string; country?: string; limit: number }): Promise<Incident[]> {
    const limit = rowLimit(options.limit);
    if (limit === 0) return [];
    const params = new Params();
    const filter = where([
      options.since !== undefined && `updated_at >= ${params.add(instant(options.since))}`,
      options.country !== undefined && `country = ${params.add(pgText(options.country.toLowerCase()))}`,
    ]);
    const { rows } = await this.db.query<BodyRow>(
      `SELECT body FROM incidents ${filter} ORDER BY updated_at DESC, id LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((row) => row.body);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM incidents');
    return rows[0]?.n ?? 0;
  }
}

import type { OfficialAdvice } from '../../../domain/advisory/types.js';
import type { OfficialAdviceRepository } from '../../../app/official-advice.js';
import { instant, pgText, toJson } from './codec.js';
import type { Database } from './database.js';

/** The latest advice per publisher and country; an older version arriving late does not replace a newer one. */
export class PostgresOfficialAdviceRepository implements OfficialAdviceRepository {
  constructor(private readonly db: Database) {}

  async put(advice: OfficialAdvice): Promise<void> {
    await this.db.query(
      `INSERT INTO official_advice (source, country, updated, body) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (source, country) DO UPDATE SET updated = excluded.updated, body = excluded.body
       WHERE official_advice.updated <= excluded.updated`,
      [pgText(advice.source), pgText(advice.country), instant(advice.updated), toJson(advice)],
    );
  }

  async forCountry(country: string): Promise<OfficialAdvice[]> {
    const { rows } = await this.db.query<{ body: OfficialAdvice }>(
      'SELECT body FROM official_advice WHERE country = $1 ORDER BY source',
      [pgText(country)],
    );
    return rows.map((row) => row.body);
  }

  async list(): Promise<OfficialAdvice[]> {
    const { rows } = await this.db.query<{ body: OfficialAdvice }>('SELECT body FROM official_advice ORDER BY country, source');
    return rows.map((row) => row.body);
  }
}

import type { OfficialAdviceRepository } from '../../../app/official-advice.js';
import type { OfficialAdvice } from '../../../domain/advisory/types.js';
import { fromJson, instant, toJson } from './codec.js';
import type { Db } from './connection.js';

/** The latest advice per publisher and country; an older version arriving late does not replace a newer one. */
export class SqliteOfficialAdviceRepository implements OfficialAdviceRepository {
  private readonly putStmt;
  private readonly forCountryStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.putStmt = db.prepare(
      `INSERT INTO official_advice (source, country, updated, body) VALUES (@source, @country, @updated, @body)
       ON CONFLICT (source, country) DO UPDATE SET updated = excluded.updated, body = excluded.body
       WHERE official_advice.updated <= excluded.updated`,
    );
    this.forCountryStmt = db.prepare<[string], { body: string }>(
      'SELECT body FROM official_advice WHERE country = ? ORDER BY source',
    );
    this.listStmt = db.prepare<[], { body: string }>('SELECT body FROM official_advice ORDER BY country, source');
  }

  async put(advice: OfficialAdvice): Promise<void> {
    this.putStmt.run({ source: advice.source, country: advice.country, updated: instant(advice.updated), body: toJson(advice) });
  }

  async forCountry(country: string): Promise<OfficialAdvice[]> {
    return this.forCountryStmt.all(country).map((row) => fromJson<OfficialAdvice>(row.body));
  }

  async list(): Promise<OfficialAdvice[]> {
    return this.listStmt.all().map((row) => fromJson<OfficialAdvice>(row.body));
  }
}

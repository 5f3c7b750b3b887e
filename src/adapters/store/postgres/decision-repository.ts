import type { DecisionRecord, DecisionRepository } from '../../../app/ports.js';
import { instant, pgText, toJson } from './codec.js';
import type { Database } from './database.js';

/** An append-only log of matching decisions, kept for explanations and pruned by age. */
export class PostgresDecisionRepository implements DecisionRepository {
  constructor(private readonly db: Database) {}

  async append(record: DecisionRecord): Promise<void> {
    await this.db.query('INSERT INTO decisions (document_id, url, at, body) VALUES ($1, $2, $3, $4::jsonb)', [
      pgText(record.decision.documentId),
      record.url === undefined ? null : pgText(record.url),
      instant(record.at),
      toJson(record),
    ]);
  }

  async findByDocument(idOrUrl: string): Promise<DecisionRecord | undefined> {
    // Two lookups joined rather than one OR, so that each side uses its own index.
    const { rows } = await this.db.query<{ body: DecisionRecord }>(
      `SELECT body FROM (
         SELECT seq, at, body FROM decisions WHERE document_id = $1
         UNION ALL
         SELECT seq, at, body FROM decisions WHERE url = $1
       ) AS found ORDER BY at DESC, seq DESC LIMIT 1`,
      [pgText(idOrUrl)],
    );
    return rows[0]?.body;
  }

  async pruneBefore(at: string): Promise<number> {
    return (await this.db.query('DELETE FROM decisions WHERE at < $1', [instant(at)])).count;
  }
}

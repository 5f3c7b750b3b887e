import type { DecisionRecord, DecisionRepository } from '../../../app/ports.js';
import { fromJson, instant, toJson } from './codec.js';
import type { Db } from './connection.js';

/** An append-only log of matching decisions, kept for explanations and pruned by age. */
export class SqliteDecisionRepository implements DecisionRepository {
  private readonly appendStmt;
  private readonly findStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.appendStmt = db.prepare(
      'INSERT INTO decisions (document_id, url, at, body) VALUES (@documentId, @url, @at, @body)',
    );
    // Two lookups joined rather than one OR, so that each side uses its own index.
    this.findStmt = db.prepare<{ key: string }, { body: string }>(
      `SELECT body FROM (
         SELECT seq, at, body FROM decisions WHERE document_id = @key
         UNION ALL
         SELECT seq, at, body FROM decisions WHERE url = @key
       ) ORDER BY at DESC, seq DESC LIMIT 1`,
    );
    this.pruneStmt = db.prepare('DELETE FROM decisions WHERE at < ?');
  }

  async append(record: DecisionRecord): Promise<void> {
    this.appendStmt.run({
      documentId: record.decision.documentId,
      url: record.url ?? null,
      at: instant(record.at),
      body: toJson(record),
    });
  }

  async findByDocument(idOrUrl: string): Promise<DecisionRecord | undefined> {
    const row = this.findStmt.get({ key: idOrUrl });
    return row === undefined ? undefined : fromJson<DecisionRecord>(row.body);
  }

  async pruneBefore(at: string): Promise<number> {
    return this.pruneStmt.run(instant(at)).changes;
  }
}

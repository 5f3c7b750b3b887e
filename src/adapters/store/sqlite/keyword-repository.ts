import type { KeywordRepository } from '../../../app/ports.js';
import type { KeywordRule } from '../../../domain/model.js';
import { fromJson, toJson } from './codec.js';
import type { Db } from './connection.js';

/** Keyword rules in the order they were first added, so that lists read like the config they came from. */
export class SqliteKeywordRepository implements KeywordRepository {
  private readonly listStmt;
  private readonly putStmt;
  private readonly removeStmt;
  private readonly countStmt;
  private readonly seedTx;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], { body: string }>('SELECT body FROM keyword_rules ORDER BY seq');
    this.putStmt = db.prepare(
      'INSERT INTO keyword_rules (id, body) VALUES (@id, @body) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
    );
    this.removeStmt = db.prepare('DELETE FROM keyword_rules WHERE id = ?');
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM keyword_rules');
    this.seedTx = db.transaction((rules: readonly KeywordRule[]): number => {
      if ((this.countStmt.get()?.n ?? 0) > 0) return 0;
      for (const rule of rules) this.putStmt.run({ id: rule.id, body: toJson(rule) });
      return this.countStmt.get()?.n ?? 0;
    });
  }

  async list(): Promise<KeywordRule[]> {
    return this.listStmt.all().map((row) => fromJson<KeywordRule>(row.body));
  }

  async put(rule: KeywordRule): Promise<void> {
    this.putStmt.run({ id: rule.id, body: toJson(rule) });
  }

  async remove(id: string): Promise<boolean> {
    return this.removeStmt.run(id).changes > 0;
  }

  async seedIfEmpty(rules: readonly KeywordRule[]): Promise<number> {
    // Immediate: two instances starting together must not both seed.
    return this.seedTx.immediate(rules);
  }
}

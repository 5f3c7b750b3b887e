import type { KeywordRepository } from '../../../app/ports.js';
import type { KeywordRule } from '../../../domain/model.js';
import { pgText, toJson } from './codec.js';
import type { Database, Queryable } from './database.js';

const UPSERT = `INSERT INTO keyword_rules (id, body) VALUES ($1, $2::jsonb)
  ON CONFLICT (id) DO UPDATE SET body = excluded.body`;

const put = (q: Queryable, rule: KeywordRule) => q.query(UPSERT, [pgText(rule.id), toJson(rule)]);

/** Keyword rules in the order they were first added, so that lists read like the config they came from. */
export class PostgresKeywordRepository implements KeywordRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<KeywordRule[]> {
    const { rows } = await this.db.query<{ body: KeywordRule }>('SELECT body FROM keyword_rules ORDER BY seq');
    return rows.map((row) => row.body);
  }

  async put(rule: KeywordRule): Promise<void> {
    await put(this.db, rule);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM keyword_rules WHERE id = $1', [pgText(id)])).count > 0;
  }

  async seedIfEmpty(rules: readonly KeywordRule[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      // Writers wait, readers do not: two processes starting together must not both seed.
      await tx.exec('LOCK TABLE keyword_rules IN SHARE ROW EXCLUSIVE MODE');
      const { rows } = await tx.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM keyword_rules) AS found');
      if (rows[0]?.found === true) return 0;
      for (const rule of rules) await put(tx, rule);
      const counted = await tx.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM keyword_rules');
      return counted.rows[0]?.n ?? 0;
    });
  }
}

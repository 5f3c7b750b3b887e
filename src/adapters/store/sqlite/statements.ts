import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

/**
 * Prepared statements kept per SQL text, for queries whose text varies with the filters a caller
 * passes: each variant is prepared once and can use its own index.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt as unknown as Statement<P, R>;
  }
}

/** `WHERE a AND b` from the conditions that apply, or nothing. */
export function where(conditions: readonly (string | false)[]): string {
  const applied = conditions.filter((c): c is string => c !== false);
  return applied.length === 0 ? '' : `WHERE ${applied.join(' AND ')}`;
}

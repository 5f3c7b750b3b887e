/**
 * The little the repositories need from PostgreSQL, so that they are written once and run on a
 * server (node-postgres pool) and in process (PGlite) alike.
 */

export interface QueryResult<R> {
  readonly rows: R[];
  /** Rows inserted, updated or deleted by a data-changing statement; rows returned by a SELECT. */
  readonly count: number;
}

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /**
   * Runs `work` in one transaction on one connection, committed when it resolves and rolled back
   * when it throws. Work that loses a deadlock or a serialization conflict is run again, so it
   * must do nothing outside the database.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` holding the advisory lock `name` of the current schema, which no other session
   * can hold at the same time; `work` itself queries through the database as usual. The lock goes
   * with its session: a process that dies gives it up as soon as the server sees the connection
   * close. Callers in one process queue in front of it (see keyedMutex): a session's advisory
   * locks do not exclude the session itself.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock key of `name` in the current schema: stores in other schemas do not share it. */
export const LOCK_KEY = "hashtext('sahel-watch:' || $1 || ':' || current_schema())";

/** SQLSTATE codes after which the whole transaction can simply be tried again. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

/** The SQLSTATE of an error the server sent (its notices and errors carry a severity); else undefined. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('severity' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Runs `attempt` again when PostgreSQL chose it as the victim of a deadlock or conflict. */
export async function retryConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const state = sqlState(error);
      if (tries >= ATTEMPTS || state === undefined || !RETRYABLE.has(state)) throw error;
    }
  }
}

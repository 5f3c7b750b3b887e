import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database.js';

interface Runner {
  query<R>(sql: string, params?: unknown[]): Promise<Results<R>>;
  exec(sql: string): Promise<unknown>;
}

function queryable(runner: Runner): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await runner.query<R>(sql, [...params]);
      // PGlite counts changed rows in affectedRows and leaves it at 0 for a SELECT.
      return { rows: result.rows, count: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async exec(sql: string): Promise<void> {
      await runner.exec(sql);
    },
  };
}

/**
 * Engines serving an open store. A PGlite engine has a single session, and the store keeps its
 * schema in that session's search_path: a second store on the same engine would move the first.
 */
const serving = new WeakSet<PGlite>();

/** Thrown by pgliteDatabase for an engine that already serves a store. */
export class EngineInUseError extends Error {
  override readonly name = 'EngineInUseError';
}

/**
 * PostgreSQL compiled to WebAssembly, in this process: one connection, whose queries and
 * transactions PGlite runs one at a time. `owned` says whether closing the database closes the
 * engine too (an engine the caller passed in stays open for the caller).
 */
export function pgliteDatabase(engine: PGlite, owned: boolean): Database {
  if (serving.has(engine)) throw new EngineInUseError('this PGlite engine already serves an open store: close that one first');
  serving.add(engine);
  const direct = queryable(engine);
  return {
    ...direct,
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => engine.transaction((tx: Transaction) => work(queryable(tx))),
    // The engine is this process's alone and has one session: the caller's queue is the whole lock.
    exclusive: <T>(_name: string, work: () => Promise<T>) => work(),
    async close() {
      if (!serving.delete(engine)) return;
      if (owned && !engine.closed) await engine.close();
    },
  };
}

import type pg from 'pg';
import { LOCK_KEY, retryConflicts, type Database, type Queryable, type QueryResult } from './database.js';

interface Runner {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

function queryable(runner: Runner): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await runner.query(sql, [...params]);
      return { rows: result.rows as R[], count: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await runner.query(sql);
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const value = await work(queryable(client));
    await client.query('COMMIT');
    return value;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * The lock lives on a connection of its own for as long as `work` runs, so the pool needs at least
 * one more connection for the work's queries.
 */
async function holdingLock<T>(pool: pg.Pool, name: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection whose lock or unlock failed may be in any state: it is closed, which frees the lock.
  let broken = false;
  // A held connection has no listener of the pool's: without this one its loss would end the process.
  const lost = (): void => {
    broken = true;
  };
  client.on('error', lost);
  const lockQuery = (fn: string) =>
    client.query(`SELECT ${fn}(${LOCK_KEY})`, [name]).catch((error: unknown) => {
      broken = true;
      throw error;
    });
  try {
    await lockQuery('pg_advisory_lock');
    try {
      return await work();
    } finally {
      await lockQuery('pg_advisory_unlock').catch(() => undefined);
    }
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

/** A PostgreSQL server through a node-postgres pool; the pool is this database's to close. */
export function poolDatabase(pool: pg.Pool): Database {
  const direct = queryable(pool);
  let closed = false;
  return {
    query<R>(sql: string, params?: readonly unknown[]) {
      return retryConflicts(() => direct.query<R>(sql, params));
    },
    exec: (sql) => direct.exec(sql),
    transaction: (work) => retryConflicts(() => inTransaction(pool, work)),
    exclusive: (name, work) => holdingLock(pool, name, work),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

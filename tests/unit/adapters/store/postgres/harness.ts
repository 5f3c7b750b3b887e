import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../../../../src/adapters/store/postgres/store.js';
import { ManualClock } from '../../../../../src/domain/shared/clock.js';

/** The server `.ci/run` provides; another one can be named in SAHEL_TEST_DATABASE_URL. */
export const SERVER_URL = process.env['SAHEL_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The server's address for test names, without credentials. */
export const SERVER_LABEL = SERVER_URL.replace(/\/\/[^@/]*@/, '//');

/** Starting an engine compiles PostgreSQL's WebAssembly and runs initdb: seconds on a busy machine. */
const ENGINE_START_MS = 120_000;

export const testClock = () => new ManualClock('2025-07-02T08:00:00.000Z');

/** A schema name no other test run uses. */
export function freshSchema(): string {
  return `sw_test_${randomBytes(6).toString('hex')}`;
}

/** One PGlite engine for the whole test file (started once, closed after the last test). */
export function sharedEngine(): () => PGlite {
  let engine: PGlite | undefined;
  beforeAll(async () => {
    engine = await PGlite.create();
  }, ENGINE_START_MS);
  afterAll(async () => {
    await engine?.close();
  });
  return () => {
    if (engine === undefined) throw new Error('the PGlite engine starts before the first test');
    return engine;
  };
}

/** A store in a schema of its own on the engine; closing it drops the schema. */
export async function openOnEngine(engine: PGlite, schema = freshSchema()): Promise<PostgresStore> {
  const store = await openPostgresStore({ pglite: engine, schema, clock: testClock() });
  return {
    ...store,
    close: async () => {
      await store.close();
      await engine.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** True when a PostgreSQL server answers a query at `url` within `timeoutMs`. */
export async function serverAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropServerSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A store in a schema of its own on the server; closing it drops the schema. */
export async function openOnServer(url: string, schema = freshSchema()): Promise<PostgresStore> {
  const store = await openPostgresStore({ url, schema, maxConnections: 4, clock: testClock() });
  return {
    ...store,
    close: async () => {
      await store.close();
      await dropServerSchema(url, schema);
    },
  };
}

import type { Clock } from '../../../domain/shared/clock.js';
import type { Database, Queryable } from './database.js';
import { PostgresStoreError } from './errors.js';
import { MIGRATIONS, type Migration } from './schema.js';

/** Written on the migrations table, so that a schema can be told apart from another program's. */
export const STORE_MARK = 'sahel-watch store';

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** The migrations table of the current schema only, never one further down the search path. */
const MIGRATIONS_TABLE = "to_regclass(quote_ident(current_schema()) || '.schema_migrations')";

async function hasMigrationsTable(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query<{ found: boolean }>(`SELECT ${MIGRATIONS_TABLE} IS NOT NULL AS found`);
  return rows[0]?.found === true;
}

async function isOurs(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query<{ mark: string | null }>(`SELECT obj_description(${MIGRATIONS_TABLE}, 'pg_class') AS mark`);
  return rows[0]?.mark === STORE_MARK;
}

async function otherTables(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
     WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
  );
  return rows[0]?.n ?? 0;
}

async function appliedVersion(tx: Queryable): Promise<number> {
  if (!(await hasMigrationsTable(tx))) return 0;
  const { rows } = await tx.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Refuses a schema that holds another program's tables, or ours at a newer version than this code knows. */
async function checkSchema(tx: Queryable, latest: number): Promise<number> {
  const known = await hasMigrationsTable(tx);
  if (known ? !(await isOurs(tx)) : (await otherTables(tx)) > 0) {
    throw new PostgresStoreError('store.foreign_database', 'the schema holds tables that are not a Sahel Watch store');
  }
  const version = await appliedVersion(tx);
  if (version > latest) {
    throw new PostgresStoreError(
      'store.newer_schema',
      `the store has schema version ${version}, newer than ${latest} known to this version of the program`,
    );
  }
  return version;
}

async function applyOne(tx: Queryable, migration: Migration, clock: Clock): Promise<void> {
  await tx.exec(migration.sql);
  await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
    migration.version,
    migration.name,
    clock.now().toISOString(),
  ]);
}

/**
 * Brings the current schema to the latest version in one transaction and returns the versions
 * applied now (none when it was up to date). A transaction-scoped advisory lock, keyed by the
 * schema's name, makes processes that start together wait for the first one: the others then find
 * nothing left to do. A failed migration leaves the schema as it was.
 */
export async function migrate(db: Database, clock: Clock, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('sahel-watch:migrate:' || current_schema()))");
    const version = await checkSchema(tx, latest);
    if (!(await hasMigrationsTable(tx))) {
      await tx.exec(`
        CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);
        COMMENT ON TABLE schema_migrations IS '${STORE_MARK}';
      `);
    }
    const pending = [...migrations].filter((m) => m.version > version).sort((a, b) => a.version - b.version);
    for (const migration of pending) await applyOne(tx, migration, clock);
    return pending.map((m) => m.version);
  });
}

export async function schemaVersion(db: Queryable): Promise<number> {
  return appliedVersion(db);
}

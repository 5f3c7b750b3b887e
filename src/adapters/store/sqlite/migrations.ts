import type { Clock } from '../../../domain/shared/clock.js';
import type { Db } from './connection.js';
import { StoreOpenError } from './errors.js';
import { MIGRATIONS, type Migration } from './schema.js';

/** Written into the database header so that a restore can tell our files from any other SQLite file. */
export const APPLICATION_ID = 0x53485754;

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export type SchemaCheckCode = 'foreign_database' | 'newer_schema';

export type SchemaCheck =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly code: SchemaCheckCode; readonly message: string };

function userTableCount(db: Db): number {
  const row = db
    .prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n;
}

function hasMigrationsTable(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

function appliedVersion(db: Db): number {
  if (!hasMigrationsTable(db)) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Tells whether a database is one of ours and of a schema this code knows. An empty database
 * passes with version 0. Throws only what the driver throws for a file that is not a database.
 */
export function checkSchema(db: Db, latest: number = LATEST_SCHEMA_VERSION): SchemaCheck {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const ours = appId === APPLICATION_ID && hasMigrationsTable(db);
  if (!ours && (appId !== 0 || userTableCount(db) > 0)) {
    return { ok: false, code: 'foreign_database', message: 'the file is an SQLite database but not a Sahel Watch store' };
  }
  const version = appliedVersion(db);
  if (version > latest) {
    return {
      ok: false,
      code: 'newer_schema',
      message: `the store has schema version ${version}, newer than ${latest} known to this version of the program`,
    };
  }
  return { ok: true, version };
}

function applyOne(db: Db, migration: Migration, clock: Clock): boolean {
  const run = db.transaction(() => {
    // Another process may have applied it while this one waited for the write lock.
    if (appliedVersion(db) >= migration.version) return false;
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      clock.now().toISOString(),
    );
    return true;
  });
  return run.immediate();
}

/**
 * Brings the database to the latest schema, one transaction per migration, and returns the versions
 * applied now (none when it was up to date). Refuses foreign databases and newer schemas.
 */
export function migrate(db: Db, clock: Clock, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const check = checkSchema(db, latest);
  if (!check.ok) throw new StoreOpenError(`store.${check.code}`, check.message);
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
  const pending = [...migrations].filter((m) => m.version > check.version).sort((a, b) => a.version - b.version);
  return pending.filter((m) => applyOne(db, m, clock)).map((m) => m.version);
}

export function schemaVersion(db: Db): number {
  return appliedVersion(db);
}

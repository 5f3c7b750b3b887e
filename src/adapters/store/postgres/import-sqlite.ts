import { err, ok, type Result } from '../../../domain/shared/result.js';
import { openConnection, type Db } from '../sqlite/connection.js';
import { checkSchema, LATEST_SCHEMA_VERSION } from '../sqlite/migrations.js';
import { pgText, toJson } from './codec.js';
import type { Database, Queryable } from './database.js';

export type ImportErrorCode =
  | 'import.source_unreadable'
  | 'import.source_not_store'
  | 'import.source_outdated'
  | 'import.schema_mismatch'
  | 'import.target_not_empty';

export interface ImportReport {
  readonly source: string;
  /** Rows copied per table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Each store's own migration log, and leases, which only matter while processes run (SQLite's own sqlite_* tables are never read). */
const SKIPPED = new Set(['schema_migrations', 'feed_leases']);
const BATCH = 500;

interface TargetTable {
  /** Column name -> PostgreSQL data type. */
  readonly columns: ReadonlyMap<string, string>;
  readonly identity: readonly string[];
  /** Tables this one refers to by foreign key. */
  readonly parents: readonly string[];
}

class ImportRefused extends Error {
  constructor(readonly code: ImportErrorCode, message: string) {
    super(message);
  }
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function openSource(file: string): Db {
  let db: Db | undefined;
  try {
    db = openConnection(file, { fileMustExist: true });
    const check = checkSchema(db);
    if (!check.ok) throw new ImportRefused('import.source_not_store', `${file}: ${check.message}`);
    if (check.version !== LATEST_SCHEMA_VERSION) {
      throw new ImportRefused(
        'import.source_outdated',
        `${file} has schema version ${check.version}, not ${LATEST_SCHEMA_VERSION}: run this version of the bot on it once (with DATABASE_URL unset) so that it upgrades the file, then copy it`,
      );
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof ImportRefused) throw error;
    throw new ImportRefused('import.source_unreadable', `cannot read ${file}: ${(error as Error).message}`);
  }
}

function sourceTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all()
    .map((row) => row.name)
    .filter((name) => !SKIPPED.has(name));
}

async function targetTables(tx: Queryable): Promise<Map<string, TargetTable>> {
  const { rows: columns } = await tx.query<{ table_name: string; column_name: string; data_type: string; is_identity: string }>(
    `SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const { rows: references } = await tx.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  type Building = { columns: Map<string, string>; identity: string[]; parents: string[] };
  const tables = new Map<string, Building>();
  for (const c of columns) {
    const table: Building = tables.get(c.table_name) ?? { columns: new Map(), identity: [], parents: [] };
    table.columns.set(c.column_name, c.data_type);
    if (c.is_identity === 'YES') table.identity.push(c.column_name);
    tables.set(c.table_name, table);
  }
  for (const r of references) tables.get(r.child)?.parents.push(r.parent);
  return tables;
}

/** Parents before the tables that refer to them, so that every foreign key finds its row. */
function inCopyOrder(names: readonly string[], target: ReadonlyMap<string, TargetTable>): string[] {
  const ordered: string[] = [];
  const pending = [...names];
  while (pending.length > 0) {
    const next = pending.findIndex((name) => (target.get(name)?.parents ?? []).every((p) => p === name || ordered.includes(p) || !pending.includes(p)));
    ordered.push(...pending.splice(next === -1 ? 0 : next, 1));
  }
  return ordered;
}

function sourceColumns(db: Db, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
}

/** A SQLite value as the target column takes it: JSON text into JSONB, 0/1 into booleans, text without U+0000. */
function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return toJson(JSON.parse(String(value)));
  if (type === 'boolean') return value === 1 || value === 1n || value === true;
  if (typeof value === 'string') return pgText(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

async function insertBatch(tx: Queryable, table: string, columns: readonly string[], target: TargetTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = columns.map((column) => {
      params.push(convert(row[column], target.columns.get(column) ?? 'text'));
      return `$${params.length}`;
    });
    return `(${slots.join(', ')})`;
  });
  const overriding = columns.some((c) => target.identity.includes(c)) ? 'OVERRIDING SYSTEM VALUE' : '';
  await tx.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) ${overriding} VALUES ${tuples.join(', ')}`, params);
}

async function copyTable(tx: Queryable, source: Db, table: string, target: TargetTable): Promise<number> {
  const columns = sourceColumns(source, table);
  const missing = columns.filter((c) => !target.columns.has(c));
  if (missing.length > 0) throw new ImportRefused('import.schema_mismatch', `table ${table}: the PostgreSQL store has no column ${missing.join(', ')}`);
  let batch: Record<string, unknown>[] = [];
  let copied = 0;
  const rows = source.prepare<[], Record<string, unknown>>(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`).iterate();
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await insertBatch(tx, table, columns, target, batch);
      copied += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await insertBatch(tx, table, columns, target, batch);
  copied += batch.length;
  // Identities go on after the copied rows, so new rows never reuse an id (audit ids are promised unique).
  for (const column of target.identity) {
    await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT COALESCE(MAX(${quote(column)}), 0) + 1 FROM ${quote(table)}), false)`, [
      table,
      column,
    ]);
  }
  return copied;
}

async function requireEmpty(tx: Queryable, target: ReadonlyMap<string, TargetTable>): Promise<void> {
  for (const table of target.keys()) {
    if (SKIPPED.has(table)) continue;
    const { rows } = await tx.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS found`);
    if (rows[0]?.found === true) {
      throw new ImportRefused('import.target_not_empty', `the PostgreSQL store already holds data (table ${table}): copy into a new database or schema`);
    }
  }
}

/**
 * Copies a Sahel Watch SQLite file, table by table and row by row, into this PostgreSQL store in
 * one transaction: either everything arrives or nothing does. The store must hold no data yet and
 * the file must be of the latest schema; the bot must not be running on either.
 */
export async function importSqlite(db: Database, file: string): Promise<Result<ImportReport, ImportErrorCode>> {
  let source: Db | undefined;
  try {
    source = openSource(file);
    const from = source;
    const rows = await db.transaction(async (tx) => {
      const target = await targetTables(tx);
      await requireEmpty(tx, target);
      const tables = sourceTables(from);
      const unknown = tables.filter((t) => !target.has(t));
      if (unknown.length > 0) throw new ImportRefused('import.schema_mismatch', `the PostgreSQL store has no table ${unknown.join(', ')}`);
      const counts: Record<string, number> = {};
      for (const table of inCopyOrder(tables, target)) counts[table] = await copyTable(tx, from, table, target.get(table) as TargetTable);
      return counts;
    });
    return ok({ source: file, rows });
  } catch (error) {
    if (error instanceof ImportRefused) return err(error.code, error.message);
    throw error;
  } finally {
    source?.close();
  }
}

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { systemClock, type Clock } from '../../../domain/shared/clock.js';
import { err, ok, type Result } from '../../../domain/shared/result.js';
import type { Db } from './connection.js';
import { sqliteCode } from './errors.js';
import { databaseFile, MEMORY, type SqliteLocation } from './location.js';
import { checkSchema } from './migrations.js';

export type BackupErrorCode = 'backup.same_file' | 'backup.directory_missing' | 'backup.failed';

export interface BackupInfo {
  readonly file: string;
  readonly bytes: number;
  readonly schemaVersion: number;
  readonly at: string;
}

export type RestoreErrorCode =
  | 'restore.missing'
  | 'restore.same_file'
  | 'restore.not_a_database'
  | 'restore.foreign_database'
  | 'restore.newer_schema'
  | 'restore.corrupt'
  | 'restore.in_use'
  | 'restore.failed';

export interface RestoreInfo {
  /** The live database file, now holding the restored data. */
  readonly file: string;
  readonly from: string;
  readonly schemaVersion: number;
  /** Where the replaced database was moved, so that a wrong restore can be undone; null when there was none. */
  readonly previous: string | null;
}

/** Pages copied per step, so that a backup of a large store does not hold up the event loop. */
const PAGES_PER_STEP = 256;
/** SQLite's largest step: the rest of the database at once, inside one read transaction. */
const ALL_PAGES = 0x7fffffff;
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
}

type InspectCode = 'not_a_database' | 'foreign_database' | 'newer_schema' | 'corrupt';

/**
 * Opens a file that should be a store of a known schema, checks it page by page and returns its
 * schema version. Leaves it as a single file (rollback journal), so that copying it moves all of it.
 */
function inspectAndSeal(file: string): Result<number, InspectCode> {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') return err('corrupt', `integrity check failed: ${check}`);
    const schema = checkSchema(db);
    if (!schema.ok) return err(schema.code, schema.message);
    if (schema.version === 0) return err('foreign_database', 'the file holds no Sahel Watch store');
    db.pragma('journal_mode = DELETE');
    return ok(schema.version);
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') return err('not_a_database', 'the file is not an SQLite database');
    if (code?.startsWith('SQLITE_CORRUPT')) return err('corrupt', 'the database file is damaged');
    throw error;
  } finally {
    db?.close();
  }
}

function sameFile(a: string, b: string): boolean {
  return a !== MEMORY && b !== MEMORY && resolve(a) === resolve(b);
}

/**
 * Online backup through SQLite's backup API, written beside the target and renamed into place when
 * complete and checked. A write by another connection restarts the copy; after a bounded number of
 * steps the rest is copied in one step, which cannot be interrupted, so the backup always ends.
 */
export async function backupDatabase(
  db: Db,
  target: string,
  options: { readonly clock?: Clock } = {},
): Promise<Result<BackupInfo, BackupErrorCode>> {
  if (sameFile(db.name, target)) return err('backup.same_file', 'a backup cannot overwrite the live database');
  if (!existsSync(dirname(resolve(target)))) {
    return err('backup.directory_missing', `the directory of ${target} does not exist`);
  }
  const clock = options.clock ?? systemClock;
  const partial = `${target}.partial`;
  removeWithSideFiles(partial);
  let steps = 0;
  let budget = Infinity;
  try {
    await db.backup(partial, {
      progress: ({ totalPages }) => {
        budget = Math.min(budget, 2 * Math.ceil(totalPages / PAGES_PER_STEP) + 2);
        steps += 1;
        return steps > budget ? ALL_PAGES : PAGES_PER_STEP;
      },
    });
    const sealed = inspectAndSeal(partial);
    if (!sealed.ok) {
      removeWithSideFiles(partial);
      return err('backup.failed', `the backup did not verify: ${sealed.error.message}`);
    }
    removeWithSideFiles(target);
    renameSync(partial, target);
    return ok({ file: target, bytes: statSync(target).size, schemaVersion: sealed.value, at: clock.now().toISOString() });
  } catch (error) {
    removeWithSideFiles(partial);
    return err('backup.failed', `backup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * True when another connection holds the database open. An exclusive lock cannot be taken while
 * any connection of any process has it open in WAL mode, even an idle one.
 */
function inUse(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (sqliteCode(error)?.startsWith('SQLITE_BUSY') || sqliteCode(error)?.startsWith('SQLITE_LOCKED')) return true;
    return false;
  } finally {
    db?.close();
  }
}

function moveWithSideFiles(from: string, to: string): void {
  for (const suffix of ['', ...SIDE_FILES]) {
    if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
  }
}

const restoreSchema = z.object({ from: z.string().min(1) });

export type RestoreOptions = SqliteLocation & { readonly from: string; readonly clock?: Clock };

/**
 * Replaces the live database with a backup. The bot must be stopped: a store still open elsewhere
 * is refused. The backup is copied and checked before anything is replaced, and the replaced
 * database is kept beside the live one under a dated name.
 */
export function restoreDatabase(options: RestoreOptions): Result<RestoreInfo, RestoreErrorCode> {
  const { from } = restoreSchema.parse(options);
  const live = databaseFile(options);
  if (live === MEMORY) return err('restore.failed', 'an in-memory database cannot be restored into');
  if (sameFile(from, live)) return err('restore.same_file', 'the backup is the live database itself');
  if (!existsSync(from)) return err('restore.missing', `no backup file at ${from}`);

  const staged = `${live}.restore`;
  removeWithSideFiles(staged);
  try {
    mkdirSync(dirname(live), { recursive: true });
    copyFileSync(from, staged);
    const inspected = inspectAndSeal(staged);
    if (!inspected.ok) {
      removeWithSideFiles(staged);
      return err(`restore.${inspected.error.code}`, `${from}: ${inspected.error.message}`);
    }
    if (existsSync(live) && inUse(live)) {
      removeWithSideFiles(staged);
      return err('restore.in_use', 'the database is open by a running bot: stop it before restoring');
    }
    let previous: string | null = null;
    if (existsSync(live)) {
      previous = `${live}.before-restore-${(options.clock ?? systemClock).now().toISOString().replace(/[:.]/g, '-')}`;
      moveWithSideFiles(live, previous);
    }
    renameSync(staged, live);
    return ok({ file: live, from, schemaVersion: inspected.value, previous });
  } catch (error) {
    removeWithSideFiles(staged);
    return err('restore.failed', `restore failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

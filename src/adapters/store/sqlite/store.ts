import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreRepositories } from '../../../app/store.js';
import { systemClock, type Clock } from '../../../domain/shared/clock.js';
import type { Result } from '../../../domain/shared/result.js';
import { SqliteAuditRepository } from './audit-repository.js';
import { backupDatabase, type BackupErrorCode, type BackupInfo } from './backup.js';
import { openConnection, type Db } from './connection.js';
import { SqliteDecisionRepository } from './decision-repository.js';
import { SqliteAdvisoryRepository, SqliteDigestRepository, SqliteMessageRefRepository } from './delivery-repositories.js';
import { StoreOpenError, sqliteCode } from './errors.js';
import { SqliteFeedHealthRepository, SqliteFeedRepository, SqliteSeenItemRepository } from './feed-repositories.js';
import { SqliteIncidentRepository } from './incident-repository.js';
import { SqliteKeywordRepository } from './keyword-repository.js';
import { databaseFile, MEMORY, type SqliteLocation } from './location.js';
import { migrate, schemaVersion } from './migrations.js';
import { SqliteOfficialAdviceRepository } from './official-advice-repository.js';
import { SqliteOutboxRepository } from './outbox-repository.js';
import { SqliteSeedRepository } from './seed-repository.js';
import { SqliteSubscriptionRepository } from './subscription-repository.js';

export type SqliteStoreOptions = SqliteLocation & { readonly clock?: Clock };

export interface StoreStats {
  readonly file: string;
  readonly schemaVersion: number;
  readonly sizeBytes: number;
  /** Row count per table. */
  readonly rows: Readonly<Record<string, number>>;
}

export interface SqliteStore extends StoreRepositories {
  readonly file: string;
  /** Schema version after the migrations that ran at open. */
  readonly schemaVersion: number;
  /** Versions migrated at open: empty when the database was already up to date. */
  readonly migrated: readonly number[];
  /** Bytes on disk, the write-ahead log included; pages in use for an in-memory database. */
  sizeBytes(): Promise<number>;
  stats(): Promise<StoreStats>;
  /** A consistent snapshot to `file`, safe while the bot runs. */
  backup(file: string): Promise<Result<BackupInfo, BackupErrorCode>>;
  close(): void;
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function pageBytes(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return pages * size;
}

function rowCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    // Names come from the schema itself, never from a caller.
    const row = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get();
    rows[name] = row?.n ?? 0;
  }
  return rows;
}

function openMigrated(file: string, clock: Clock): { db: Db; migrated: number[] } {
  let db: Db | undefined;
  try {
    db = openConnection(file);
    return { db, migrated: migrate(db, clock) };
  } catch (error) {
    db?.close();
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw new StoreOpenError('store.not_a_database', `${file} is not an SQLite database`);
    if (code?.startsWith('SQLITE_CORRUPT')) throw new StoreOpenError('store.corrupt', `${file} is damaged: restore a backup`);
    throw error;
  }
}

/**
 * Opens (creating when needed) the SQLite store and migrates it to the latest schema.
 * Throws StoreOpenError for a file that is not a Sahel Watch store or is of a newer schema.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const clock = options.clock ?? systemClock;
  const file = databaseFile(options);
  if (file !== MEMORY) mkdirSync(dirname(file), { recursive: true });
  const { db, migrated } = openMigrated(file, clock);
  const inMemory = file === MEMORY;
  const sizeBytes = (): number => (inMemory ? pageBytes(db) : fileBytes(file) + fileBytes(`${file}-wal`));
  return {
    file,
    incidents: new SqliteIncidentRepository(db),
    seeds: new SqliteSeedRepository(db),
    decisions: new SqliteDecisionRepository(db),
    keywords: new SqliteKeywordRepository(db),
    feeds: new SqliteFeedRepository(db),
    feedHealth: new SqliteFeedHealthRepository(db),
    seenItems: new SqliteSeenItemRepository(db),
    subscriptions: new SqliteSubscriptionRepository(db),
    outbox: new SqliteOutboxRepository(db),
    messageRefs: new SqliteMessageRefRepository(db),
    advisories: new SqliteAdvisoryRepository(db),
    digests: new SqliteDigestRepository(db),
    officialAdvice: new SqliteOfficialAdviceRepository(db),
    audit: new SqliteAuditRepository(db),
    schemaVersion: schemaVersion(db),
    migrated,
    sizeBytes: async () => sizeBytes(),
    stats: async () => ({ file, schemaVersion: schemaVersion(db), sizeBytes: sizeBytes(), rows: rowCounts(db) }),
    backup: (target) => backupDatabase(db, target, { clock }),
    close: () => {
      if (!db.open) return;
      // Recommended before closing a long-lived connection: refreshes the planner's statistics.
      db.pragma('optimize');
      db.close();
    },
  };
}

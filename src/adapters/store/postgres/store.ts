import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { z } from 'zod';
import type { OutboxRepository } from '../../../app/delivery/ports.js';
import type { Exclusive, FeedLeaseRepository, StoreRepositories } from '../../../app/store.js';
import { systemClock, type Clock } from '../../../domain/shared/clock.js';
import { err, type Result } from '../../../domain/shared/result.js';
import type { BackupInfo } from '../sqlite/backup.js';
import { keyedMutex } from '../keyed-mutex.js';
import { PostgresAuditRepository } from './audit-repository.js';
import type { Database } from './database.js';
import { PostgresDecisionRepository } from './decision-repository.js';
import { PostgresAdvisoryRepository, PostgresDigestRepository, PostgresMessageRefRepository } from './delivery-repositories.js';
import { openFailure, PostgresStoreError } from './errors.js';
import { PostgresFeedHealthRepository, PostgresFeedRepository, PostgresSeenItemRepository } from './feed-repositories.js';
import { importSqlite, type ImportErrorCode, type ImportReport } from './import-sqlite.js';
import { PostgresIncidentRepository } from './incident-repository.js';
import { PostgresKeywordRepository } from './keyword-repository.js';
import { PostgresFeedLeaseRepository } from './leases.js';
import { migrate, schemaVersion } from './migrations.js';
import { PostgresOfficialAdviceRepository } from './official-advice-repository.js';
import { PostgresOutboxRepository } from './outbox-repository.js';
import { pgliteDatabase } from './pglite-database.js';
import { poolDatabase } from './pool-database.js';
import { PostgresSeedRepository } from './seed-repository.js';
import { PostgresSubscriptionRepository } from './subscription-repository.js';

/** A plain, unquoted PostgreSQL identifier: safe to write into SQL and into a connection option. */
const schemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case PostgreSQL identifier');

const common = {
  /** The schema holding the store's tables, created when missing; default: the connection's search_path. */
  schema: schemaName.optional(),
};

const optionsSchema = z.union([
  z.object({
    url: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL'),
    /** Connections this process keeps open at most; `exclusive` holds one while its work uses another. */
    maxConnections: z.number().int().min(2).max(100).optional(),
    /** How long to wait for a connection before a query fails. */
    connectTimeoutMs: z.number().int().min(100).max(120_000).optional(),
    ...common,
  }),
  z.object({
    /** An engine the caller keeps (and closes), or the directory of one the store opens and closes. */
    pglite: z.union([
      z.string().min(1),
      z.custom<PGlite>((v) => typeof v === 'object' && v !== null && 'transaction' in v && 'exec' in v, 'a PGlite instance'),
    ]),
    ...common,
  }),
]);

export type PostgresLocation = z.input<typeof optionsSchema>;

export type PostgresStoreOptions = PostgresLocation & {
  readonly clock?: Clock;
  /** Errors of idle pooled connections (server restart, network cut); the next query reconnects. */
  readonly onConnectionError?: (error: Error) => void;
};

export interface PostgresStoreStats {
  /** Where the store lives, without credentials. */
  readonly location: string;
  readonly schemaVersion: number;
  readonly sizeBytes: number;
  /** Row count per table. */
  readonly rows: Readonly<Record<string, number>>;
}

export type PostgresBackupErrorCode = 'backup.unsupported';

export interface PostgresStore extends StoreRepositories {
  /** Where the store lives, without credentials: "postgres://host:5432/db (schema s)" or "pglite:…". */
  readonly location: string;
  /** Several processes share the outbox, so a claim's lease can be renewed while it sends. */
  readonly outbox: StoreRepositories['outbox'] & Required<Pick<OutboxRepository, 'extendLease'>>;
  readonly feedLeases: FeedLeaseRepository;
  /** Work under an advisory lock that every process on the schema respects. */
  readonly exclusive: Exclusive;
  /** Schema version after the migrations that ran at open. */
  readonly schemaVersion: number;
  /** Versions migrated at open: empty when the schema was already up to date. */
  readonly migrated: readonly number[];
  /** Bytes of the store's tables, indexes and TOAST data in its schema. */
  sizeBytes(): Promise<number>;
  stats(): Promise<PostgresStoreStats>;
  /** Always `backup.unsupported`: PostgreSQL is backed up with pg_dump or the server's own tools. */
  backup(file: string): Promise<Result<BackupInfo, PostgresBackupErrorCode>>;
  /** Copies an SQLite store's data into this store, which must hold none yet (see importSqlite). */
  importSqlite(file: string): Promise<Result<ImportReport, ImportErrorCode>>;
  close(): Promise<void>;
}

type Options = z.output<typeof optionsSchema>;

/** The server's address without user or password, for messages and logs. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

function locationOf(options: Options): string {
  const where = 'url' in options ? serverOf(options.url) : typeof options.pglite === 'string' ? `pglite:${options.pglite}` : 'pglite';
  return options.schema === undefined ? where : `${where} (schema ${options.schema})`;
}

async function connect(options: Options, onConnectionError: (error: Error) => void): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      application_name: 'sahel-watch',
      // Every pooled connection starts in the store's schema.
      ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    });
    // Without a listener an idle connection's error would end the process.
    pool.on('error', onConnectionError);
    return poolDatabase(pool);
  }
  if (typeof options.pglite !== 'string') return pgliteDatabase(options.pglite, false);
  const { PGlite } = await import('@electric-sql/pglite');
  return pgliteDatabase(await PGlite.create(options.pglite), true);
}

/** Creates the schema when missing; the lock keeps processes starting together from racing. */
async function ensureSchema(db: Database, schema: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sahel-watch:schema:${schema}`]);
    const { rows } = await tx.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rows.length === 0) await tx.exec(`CREATE SCHEMA ${schema}`);
  });
}

/** A PGlite engine has one session, which may have served another schema before. */
async function enterSchema(db: Database, options: Options): Promise<void> {
  if ('url' in options) return;
  await db.exec(options.schema === undefined ? 'RESET search_path' : `SET search_path TO ${options.schema}`);
}

async function sizeOf(db: Database): Promise<number> {
  const { rows } = await db.query<{ bytes: number }>(
    `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::float8 AS bytes
     FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
     WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  return rows[0]?.bytes ?? 0;
}

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
     WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // Names come from the catalogue itself, never from a caller.
    const { rows } = await db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${name.replaceAll('"', '""')}"`);
    counts[name] = rows[0]?.n ?? 0;
  }
  return counts;
}

function assemble(db: Database, location: string, version: number, migrated: readonly number[]): PostgresStore {
  const queue = keyedMutex();
  return {
    location,
    incidents: new PostgresIncidentRepository(db),
    seeds: new PostgresSeedRepository(db),
    decisions: new PostgresDecisionRepository(db),
    keywords: new PostgresKeywordRepository(db),
    feeds: new PostgresFeedRepository(db),
    feedHealth: new PostgresFeedHealthRepository(db),
    seenItems: new PostgresSeenItemRepository(db),
    subscriptions: new PostgresSubscriptionRepository(db),
    outbox: new PostgresOutboxRepository(db),
    messageRefs: new PostgresMessageRefRepository(db),
    advisories: new PostgresAdvisoryRepository(db),
    digests: new PostgresDigestRepository(db),
    officialAdvice: new PostgresOfficialAdviceRepository(db),
    audit: new PostgresAuditRepository(db),
    feedLeases: new PostgresFeedLeaseRepository(db),
    exclusive: (name, work) => queue(name, () => db.exclusive(name, work)),
    schemaVersion: version,
    migrated,
    sizeBytes: () => sizeOf(db),
    stats: async () => ({ location, schemaVersion: await schemaVersion(db), sizeBytes: await sizeOf(db), rows: await rowCounts(db) }),
    backup: async () =>
      err('backup.unsupported', 'a PostgreSQL store is backed up with pg_dump or the server’s own backups, not by the bot'),
    importSqlite: (file) => importSqlite(db, file),
    close: () => db.close(),
  };
}

/**
 * Opens the PostgreSQL store, on a server (`url`) or in process (`pglite`), and migrates its schema
 * to the latest version. Throws PostgresStoreError for bad options, an unreachable server or one
 * that refuses the connection, a schema holding another program's tables, or a newer schema.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const { clock = systemClock, onConnectionError = () => undefined, ...location } = options;
  const parsed = optionsSchema.safeParse(location);
  if (!parsed.success) {
    throw new PostgresStoreError('store.bad_options', `invalid PostgreSQL store options: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const where = locationOf(parsed.data);
  let db: Database | undefined;
  try {
    db = await connect(parsed.data, onConnectionError);
    if (parsed.data.schema !== undefined) await ensureSchema(db, parsed.data.schema);
    await enterSchema(db, parsed.data);
    const migrated = await migrate(db, clock);
    return assemble(db, where, await schemaVersion(db), migrated);
  } catch (error) {
    await db?.close().catch(() => undefined);
    throw openFailure(error, where);
  }
}

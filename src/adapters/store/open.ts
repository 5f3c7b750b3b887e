import type { Logger } from '../logging/logger.js';
import type { Store } from '../../app/store.js';
import type { Settings } from '../../config/settings.js';
import type { Clock } from '../../domain/shared/clock.js';
import { keyedMutex } from './keyed-mutex.js';
import { openPostgresStore } from './postgres/store.js';
import { openSqliteStore } from './sqlite/store.js';

export type StoreSettings = Pick<Settings, 'dataDir' | 'databaseUrl' | 'databaseSchema'>;

/**
 * The store the settings name: PostgreSQL when a database URL is given (several processes may then
 * share it), else the SQLite file in the data directory. Throws the store's own open error
 * (unreachable server, foreign or newer schema, damaged file) for the caller to report.
 */
export async function openStore(settings: StoreSettings, clock: Clock, logger: Logger): Promise<Store> {
  if (settings.databaseUrl === undefined) {
    const sqlite = openSqliteStore({ dataDir: settings.dataDir, clock });
    logger.info({ component: 'store', store: 'sqlite', file: sqlite.file, migrated: sqlite.migrated }, 'store open');
    return sqliteStore(sqlite);
  }
  const postgres = await openPostgresStore({
    url: settings.databaseUrl,
    ...(settings.databaseSchema === undefined ? {} : { schema: settings.databaseSchema }),
    clock,
    onConnectionError: (error) => logger.warn({ component: 'store', err: error }, 'idle database connection lost; the next query reconnects'),
  });
  logger.info({ component: 'store', store: 'postgres', location: postgres.location, migrated: postgres.migrated }, 'store open');
  return { ...postgres, kind: 'postgres' };
}

/** An SQLite file belongs to one process: its lock is this process's queue, and feeds need no lease. */
export function sqliteStore(sqlite: ReturnType<typeof openSqliteStore>): Store {
  return { ...sqlite, kind: 'sqlite', location: sqlite.file, exclusive: keyedMutex() };
}

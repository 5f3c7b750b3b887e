import { parseArgs } from 'node:util';
import { PostgresStoreError } from '../adapters/store/postgres/errors.js';
import { openPostgresStore, type PostgresStore } from '../adapters/store/postgres/store.js';
import { databaseFile } from '../adapters/store/sqlite/location.js';
import { settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

const USAGE = 'usage: sahel-watch copy-to-postgres [--from FILE] [--config FILE]   (with DATABASE_URL set)';

/**
 * `sahel-watch copy-to-postgres`: moves a deployment from SQLite to PostgreSQL. Copies the SQLite
 * store (the data directory's file unless --from names another) into the store DATABASE_URL and
 * DATABASE_SCHEMA name, which must hold no data yet. Stop the bot first.
 */
export async function copyToPostgresCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { from: { type: 'string' }, config: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) {
    io.stderr.write(`${USAGE}\n`);
    return EXIT.usage;
  }
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  if (settings.databaseUrl === undefined) {
    io.stderr.write(`set DATABASE_URL (and DATABASE_SCHEMA if the store has its own schema) to the PostgreSQL store to copy into\n${USAGE}\n`);
    return EXIT.usage;
  }
  const from = values.from ?? databaseFile({ dataDir: settings.dataDir });
  let store: PostgresStore;
  try {
    store = await openPostgresStore({ url: settings.databaseUrl, ...(settings.databaseSchema === undefined ? {} : { schema: settings.databaseSchema }) });
  } catch (error) {
    const code = error instanceof PostgresStoreError ? error.code : 'store.unavailable';
    io.stderr.write(`cannot open the PostgreSQL store (${code}): ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  try {
    const copied = await store.importSqlite(from);
    if (!copied.ok) {
      io.stderr.write(`copy refused (${copied.error.code}): ${copied.error.message}\n`);
      return EXIT.failed;
    }
    const rows = Object.entries(copied.value.rows).map(([table, n]) => `  ${table.padEnd(16)} ${n}`);
    io.stdout.write([`copied ${from} into ${store.location}:`, ...rows, ''].join('\n'));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

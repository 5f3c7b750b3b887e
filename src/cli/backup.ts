import { parseArgs } from 'node:util';
import { restoreDatabase } from '../adapters/store/sqlite/backup.js';
import { openSqliteStore } from '../adapters/store/sqlite/store.js';
import { settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

/** `sahel-watch backup FILE`: a consistent snapshot, safe while the bot runs. */
export async function backupCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { config: { type: 'string' } }, allowPositionals: true, strict: true });
  const target = positionals[0];
  if (!target || positionals.length > 1) {
    io.stderr.write('usage: sahel-watch backup FILE\n');
    return EXIT.usage;
  }
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  if (settings.databaseUrl) {
    io.stderr.write('the store is PostgreSQL (DATABASE_URL): back it up with pg_dump\n');
    return EXIT.usage;
  }
  const store = openSqliteStore({ dataDir: settings.dataDir });
  try {
    const result = await store.backup(target);
    if (!result.ok) {
      io.stderr.write(`backup failed (${result.error.code}): ${result.error.message}\n`);
      return EXIT.failed;
    }
    io.stdout.write(`backup written to ${target}: ${JSON.stringify(result.value)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/** `sahel-watch restore FILE`: replaces the database with a checked backup; the bot must be stopped. */
export async function restoreCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { config: { type: 'string' } }, allowPositionals: true, strict: true });
  const from = positionals[0];
  if (!from || positionals.length > 1) {
    io.stderr.write('usage: sahel-watch restore FILE\n');
    return EXIT.usage;
  }
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  if (settings.databaseUrl) {
    io.stderr.write('the store is PostgreSQL (DATABASE_URL): restore it with pg_restore or psql\n');
    return EXIT.usage;
  }
  const result = restoreDatabase({ dataDir: settings.dataDir, from });
  if (!result.ok) {
    io.stderr.write(`restore refused (${result.error.code}): ${result.error.message}\n`);
    return EXIT.failed;
  }
  io.stdout.write(`restored ${from}: ${JSON.stringify(result.value)}\n`);
  return EXIT.ok;
}

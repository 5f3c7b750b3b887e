import { parseArgs } from 'node:util';
import { loadSettings } from '../config/load.js';
import { ENV_BINDINGS } from '../config/settings.js';
import { EXIT, type CliIo } from './io.js';

/** `sahel-watch config check [FILE]`: validates file + environment without starting anything. */
export async function configCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true });
  const loaded = loadSettings(io.env, positionals[0]);
  if (!loaded.ok) {
    io.stderr.write(`${loaded.error.message}\n`);
    return EXIT.usage;
  }
  const fromEnv = ENV_BINDINGS.filter((b) => io.env[b.name] !== undefined && io.env[b.name] !== '').map((b) => b.name);
  io.stdout.write(`Configuration is valid${loaded.file ? ` (file ${loaded.file}` : ' (no settings file'}${fromEnv.length ? `; environment: ${fromEnv.join(', ')})` : ')'}.\n`);
  const s = loaded.value;
  io.stdout.write(`  store: ${s.databaseUrl ? 'PostgreSQL' : `SQLite in ${s.dataDir}`}\n`);
  io.stdout.write(`  discord: ${s.discord.token ? 'token set' : 'no token: advisories go to the console'}\n`);
  io.stdout.write(`  http: ${s.http.port === 0 ? 'off' : `${s.http.host}:${s.http.port}`}\n`);
  return EXIT.ok;
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppLogger, createCore, runReplay, startBot, type BotExtras } from '../main.js';
import { commandLogger, settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

/** What a recorded feed is saved as; anything else in the directory (a README) is not a feed. */
const FEED_FILE = /\.(xml|rss|atom|rdf|json|feed)$/i;

const USAGE = 'usage: sahel-watch start [--config FILE] [--replay DIR --once [--format text|json]]';

/**
 * `sahel-watch start`: the long-running bot (Discord when a token is set, the console otherwise);
 * with `--replay DIR --once`, a one-shot run over recorded feed files that prints what would be sent.
 */
export async function startCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: 'string' },
      replay: { type: 'string' },
      once: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
    strict: true,
  });
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr.write(`--format must be text or json, not "${values.format}"\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.replay !== undefined && !values.once) {
    io.stderr.write(`--replay runs once: add --once\n${USAGE}\n`);
    return EXIT.usage;
  }
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  if (values.replay !== undefined) return replay(values.replay, values.format, settings, io);
  return runForever(settings, io);
}

async function replay(dir: string, format: 'text' | 'json', settings: NonNullable<ReturnType<typeof settingsFor>>, io: CliIo): Promise<number> {
  let files: string[];
  try {
    files = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && FEED_FILE.test(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch (cause) {
    io.stderr.write(`cannot read the replay directory ${dir}: ${(cause as Error).message}\n`);
    return EXIT.usage;
  }
  const logger = commandLogger(settings, io);
  const core = await createCore({ ...settings, http: { ...settings.http, port: 0 } }, { logger, storeFile: ':memory:' });
  if (!core.ok) {
    io.stderr.write(`${core.error.message}\n`);
    return EXIT.usage;
  }
  const report = await runReplay(core.value, files, { write: (chunk, done) => io.stdout.write(chunk, done) }, format);
  await core.value.store.close();
  for (const e of report.errors) io.stderr.write(`${e.file}: ${e.code}: ${e.message}\n`);
  io.stderr.write(`replayed ${report.feeds} feed files: ${report.items} items, ${report.advisories} advisories\n`);
  return EXIT.ok;
}

async function runForever(settings: NonNullable<ReturnType<typeof settingsFor>>, io: CliIo): Promise<number> {
  const logger = createAppLogger(settings, {});
  const core = await createCore(settings, { logger });
  if (!core.ok) {
    logger.fatal({ code: core.error.code }, core.error.message);
    io.stderr.write(`${core.error.message}\n`);
    return EXIT.usage;
  }
  let extras: BotExtras = {};
  if (settings.discord.token) {
    // Loaded only with a token, so that console mode never loads discord.js.
    const { startDiscord } = await import('../discord-wiring.js');
    const discord = await startDiscord(core.value, settings.discord.token);
    if (!discord.ok) {
      logger.fatal({ code: discord.error.code }, discord.error.message);
      await core.value.store.close();
      return EXIT.failed;
    }
    extras = { discord: discord.value };
  }
  const bot = await startBot(core.value, {}, extras);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ component: 'main', signal }, 'shutting down');
  const report = await bot.stop();
  logger.info({ component: 'main', ...report }, 'stopped');
  return report.failed.length + report.timedOut.length === 0 ? EXIT.ok : EXIT.failed;
}

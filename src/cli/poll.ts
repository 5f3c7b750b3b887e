import { parseArgs } from 'node:util';
import { formatFeedList, formatPollReport } from '../app/feeds/format.js';
import { listFeedsWithHealth, runPollOnce } from '../app/feeds/run-once.js';
import { createCore, type Core } from '../main.js';
import { commandLogger, settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

/**
 * `sahel-watch poll --once [--feed URL ...] [--allow-private] [--json]`: one poll of the configured
 * feeds (or of the URLs given) through the decision, against the bot's own store; advisories it
 * decides wait in the outbox for the running bot.
 */
export async function pollCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      once: { type: 'boolean', default: false },
      feed: { type: 'string', multiple: true },
      'allow-private': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      config: { type: 'string' },
    },
    strict: true,
  });
  if (!values.once) {
    io.stderr.write('usage: sahel-watch poll --once [--feed URL ...] [--allow-private] [--json]\n(the long-running poller is `sahel-watch start`)\n');
    return EXIT.usage;
  }
  return withCore(io, values.config, async (core) => {
    const deps = { ...core.pollDeps(core.ingestDeps(() => undefined)), feeds: core.store.feeds };
    const reports = await runPollOnce(
      { urls: values.feed ?? [], allowPrivate: values['allow-private'], concurrency: core.settings.feeds.concurrency },
      deps,
    );
    for (const report of reports) io.stdout.write(`${formatPollReport(report, values.json)}\n`);
    if (reports.length === 0 && !values.json) io.stdout.write('No enabled feeds to poll.\n');
    return reports.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
  });
}

/** `sahel-watch feeds`: the feeds with their health. */
export async function feedsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { config: { type: 'string' } }, strict: true });
  return withCore(io, values.config, async (core) => {
    const list = await listFeedsWithHealth({ feeds: core.store.feeds, health: core.store.feedHealth });
    io.stdout.write(`${formatFeedList(list)}\n`);
    return EXIT.ok;
  });
}

/** Runs a command against the bot's own store (baseline loaded), closing it afterwards. */
async function withCore(io: CliIo, configFile: string | undefined, work: (core: Core) => Promise<number>): Promise<number> {
  const settings = settingsFor(io, configFile);
  if (!settings) return EXIT.usage;
  const core = await createCore(settings, { logger: commandLogger(settings, io) });
  if (!core.ok) {
    io.stderr.write(`${core.error.message}\n`);
    return EXIT.usage;
  }
  try {
    return await work(core.value);
  } finally {
    await core.value.store.close();
  }
}

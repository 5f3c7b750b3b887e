import { EXIT, processIo, type CliIo, type CommandHandler } from './cli/io.js';

interface Command {
  readonly usage: string;
  readonly summary: string;
  /** Loaded on demand so that one command's dependencies do not slow down or break another. */
  readonly load: () => Promise<CommandHandler>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  start: {
    usage: 'start [--replay DIR --once [--format text|json]]',
    summary: 'run the bot (Discord with DISCORD_TOKEN, the console otherwise); --replay prints what recorded feeds would send',
    load: async () => (await import('./cli/start.js')).startCommand,
  },
  baseline: {
    usage: 'baseline [--json]',
    summary: 'the incidents established by the seed documents',
    load: async () => (await import('./cli/baseline.js')).baselineCommand,
  },
  classify: {
    usage: 'classify --input items.jsonl [--output decisions.jsonl]',
    summary: 'decide new/update/duplicate/ignored for JSON Lines items, from the seed baseline',
    load: async () => (await import('./cli/classify.js')).classifyCommand,
  },
  poll: {
    usage: 'poll --once [--feed URL ...] [--allow-private] [--json]',
    summary: 'poll the feeds once through the decision and report per feed',
    load: async () => (await import('./cli/poll.js')).pollCommand,
  },
  feeds: {
    usage: 'feeds',
    summary: 'list the feeds with their health',
    load: async () => (await import('./cli/poll.js')).feedsCommand,
  },
  'register-commands': {
    usage: 'register-commands [--guild ID]',
    summary: 'register the slash commands with Discord (a guild for development, global otherwise)',
    load: async () => (await import('./cli/register.js')).registerCommand,
  },
  config: {
    usage: 'config check [FILE]',
    summary: 'validate the settings file and environment without starting',
    load: async () => {
      const { configCheck } = await import('./cli/config-check.js');
      return async (args, io) => (args[0] === 'check' ? configCheck(args.slice(1), io) : usage(io, 'config check [FILE]'));
    },
  },
  backup: {
    usage: 'backup FILE',
    summary: 'write a consistent snapshot of the store (safe while the bot runs)',
    load: async () => (await import('./cli/backup.js')).backupCommand,
  },
  restore: {
    usage: 'restore FILE',
    summary: 'replace the store with a backup (stop the bot first)',
    load: async () => (await import('./cli/backup.js')).restoreCommand,
  },
  'copy-to-postgres': {
    usage: 'copy-to-postgres [--from FILE]',
    summary: 'copy the SQLite store into the empty PostgreSQL store of DATABASE_URL (stop the bot first)',
    load: async () => (await import('./cli/copy-to-postgres.js')).copyToPostgresCommand,
  },
};

function usage(io: CliIo, text: string): number {
  io.stderr.write(`usage: sahel-watch ${text}\n`);
  return EXIT.usage;
}

function help(io: CliIo): number {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  io.stdout.write(['usage: sahel-watch <command> [options]', '', 'commands:', ...lines, ''].join('\n'));
  return EXIT.ok;
}

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"; run "sahel-watch help" for the list\n`);
    return EXIT.usage;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return usage(io, `${command.usage}\n${(cause as Error).message}`);
    io.stderr.write(`sahel-watch ${name} failed: ${(cause as Error).stack ?? String(cause)}\n`);
    return EXIT.failed;
  }
}

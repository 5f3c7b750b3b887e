import pino, { type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

export type { Logger } from 'pino';

/** Field paths that may carry a secret anywhere in a log record. */
const REDACT_PATHS = [
  'token', '*.token', '*.*.token', 'discord.token', 'settings.discord.token',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'databaseUrl', '*.databaseUrl', 'DISCORD_TOKEN', 'DATABASE_URL', 'env.DISCORD_TOKEN', 'env.DATABASE_URL',
];

export interface LoggerOptions {
  readonly level: string;
  /** 'auto' is readable on a terminal and JSON everywhere else. */
  readonly format: 'json' | 'pretty' | 'auto';
  /** Secret values (the Discord token, the database URL) scrubbed from every message and string field. */
  readonly secrets?: readonly string[];
  /** Where records go; stdout when absent. Tests pass an in-memory stream. */
  readonly destination?: DestinationStream;
}

function scrubber(secrets: readonly string[]): (value: string) => string {
  const real = secrets.filter((s) => s.length >= 6);
  if (real.length === 0) return (value) => value;
  return (value) => real.reduce((text, secret) => text.split(secret).join('[Redacted]'), value);
}

/**
 * Path redaction covers structured fields; a token pasted into an error message is caught by scrubbing
 * the serialised line, because a leaked token cannot be taken back.
 */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = scrubber(options.secrets ?? []);
  const base = options.destination ?? (wantsPretty(options.format) ? prettyStream() : pino.destination(1));
  const stream: DestinationStream = { write: (line: string) => base.write(scrub(line)) };
  return pino({ level: options.level, redact: { paths: REDACT_PATHS, censor: '[Redacted]' }, base: { app: 'sahel-watch' } }, stream);
}

function prettyStream(): DestinationStream {
  // pino-pretty as a stream (not a worker transport) so that scrubbing happens before formatting.
  return pinoPretty({ colorize: process.stdout.isTTY === true, translateTime: 'SYS:standard', ignore: 'pid,hostname,app' });
}

function wantsPretty(format: LoggerOptions['format']): boolean {
  return format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
}

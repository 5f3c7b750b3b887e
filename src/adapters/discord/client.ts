import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../logging/logger.js';
import { err, ok, type Result } from '../../domain/shared/result.js';
import { restOptions, type RestSettings } from './rest.js';

export interface DiscordClientOptions {
  readonly token: string;
  /** DISCORD_API_URL: a REST proxy or a local test server; discord.com when absent. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  readonly rest?: Omit<RestSettings, 'apiUrl'>;
  /**
   * The gateway shards this process runs, out of `count` for the whole bot; all of them when `ids`
   * is absent. Without it discord.js runs one shard, or those a ShardingManager gave it.
   */
  readonly shards?: { readonly count: number; readonly ids?: readonly number[] | undefined };
}

export type DiscordStartError = 'invalid_token' | 'connect_failed' | 'timeout';

export interface DiscordConnection {
  readonly client: Client;
  /** Logs in and resolves once the session is ready and the guilds have arrived. */
  start(timeoutMs?: number): Promise<Result<void, DiscordStartError>>;
  stop(): Promise<void>;
}

/**
 * A discord.js client with the Guilds intent only (slash commands need nothing privileged) and no
 * mention parsing by default. Reconnecting and resuming after a dropped gateway is discord.js's job;
 * this logs it so that operators can see it happen.
 */
export function createDiscordClient(options: DiscordClientOptions): DiscordConnection {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: restOptions({ ...options.rest, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) }),
    ...(options.shards ? shardOptions(options.shards) : {}),
  });
  watch(client, logger);
  return {
    client,
    start: (timeoutMs = 30_000) => start(client, options.token, timeoutMs, logger),
    stop: () => client.destroy(),
  };
}

function shardOptions(shards: NonNullable<DiscordClientOptions['shards']>): { shards: number[]; shardCount: number } {
  const ids = shards.ids ?? Array.from({ length: shards.count }, (_, id) => id);
  return { shards: [...ids], shardCount: shards.count };
}

async function start(client: Client, token: string, timeoutMs: number, logger: Logger): Promise<Result<void, DiscordStartError>> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  try {
    await client.login(token);
  } catch (error) {
    ready.catch(() => undefined);
    await client.destroy();
    const invalid = error instanceof Error && 'code' in error && error.code === 'TokenInvalid';
    return invalid
      ? err('invalid_token', 'Discord refused the bot token (401); check DISCORD_TOKEN')
      : err('connect_failed', `could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await ready;
  } catch {
    await client.destroy();
    return err('timeout', `the Discord session was not ready within ${timeoutMs} ms`);
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord ready');
  return ok(undefined);
}

function watch(client: Client, logger: Logger): void {
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'discord gateway closed'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord gateway resumed'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ shardId, err: error }, 'discord gateway error'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.rest.on('rateLimited', (info) => logger.debug({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));
}

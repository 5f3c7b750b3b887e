/**
 * Discord's part of the composition root: the gateway client, the interaction router over the bot's
 * services, and the sink and notifier the delivery loop posts through. Loaded only when a token is set.
 */
import { createRequire } from 'node:module';
import { Events, type Client } from 'discord.js';
import { createDiscordClient } from './adapters/discord/client.js';
import { DiscordAdminNotifier } from './adapters/discord/notifier.js';
import { DiscordOperatorNotifier } from './adapters/discord/operator-notifier.js';
import { attachRouter, createInteractionRouter } from './adapters/discord/router.js';
import { DiscordSink } from './adapters/discord/sink.js';
import { DnsAddressGuard } from './adapters/feeds/address-guard.js';
import { httpArticleReader } from './adapters/feeds/article-reader.js';
import { HttpFeedFetcher, feedUserAgent } from './adapters/feeds/http-fetcher.js';
import { createBotServices, type ChannelDirectory } from './app/bot-services.js';
import type { AdminNotifier, DeliverySink } from './app/delivery/ports.js';
import type { Feed, FeedHealth } from './app/feeds/ports.js';
import { err, ok, type Result } from './domain/shared/result.js';
import type { Core } from './main.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface DiscordRuntime {
  readonly sink: DeliverySink;
  readonly notifier: AdminNotifier;
  /**
   * Tells the operator's servers (`discord.operatorGuildIds`) that a feed was paused; absent when
   * none is configured, and then the log line is the only notice.
   */
  readonly feedPaused?: (feed: Feed, health: FeedHealth) => Promise<void>;
  /** True while the gateway session is up (false during a reconnect). */
  isReady(): boolean;
  stop(): Promise<void>;
}

export interface StartDiscordOptions {
  /** How long to wait for the first READY. */
  readonly readyTimeoutMs?: number;
  /** A reply not ready after this long is deferred first (see the router). */
  readonly deferAfterMs?: number;
}

/**
 * Connects to Discord and answers slash commands from then on. The router is attached before login,
 * so that an interaction arriving with the first READY is not missed.
 */
export async function startDiscord(core: Core, token: string, options: StartDiscordOptions = {}): Promise<Result<DiscordRuntime, 'discord_unavailable'>> {
  const { settings, clock } = core;
  const logger = core.logger.child({ component: 'discord' });
  const connection = createDiscordClient({
    token,
    logger,
    ...(settings.discord.apiUrl ? { apiUrl: settings.discord.apiUrl } : {}),
    ...(settings.discord.shards ? { shards: settings.discord.shards } : {}),
  });
  const { client } = connection;
  const allowPrivate = settings.feeds.allowPrivateAddresses;
  const guard = new DnsAddressGuard({ allowPrivate, allowHosts: settings.feeds.allowedHosts });
  const fetcher = new HttpFeedFetcher({
    userAgent: feedUserAgent(version, settings.feeds.operatorContact),
    timeoutMs: settings.feeds.timeoutMs,
    maxBytes: settings.feeds.maxBytes,
    maxRedirects: settings.feeds.maxRedirects,
  });
  const { threshold } = core.config.keywords;
  const services = createBotServices({
    stores: core.store,
    catalogs: core.config.catalogs,
    ...(threshold === undefined ? {} : { relevance: { threshold } }),
    clock,
    guard,
    allowPrivateFeeds: allowPrivate,
    channels: channelDirectory(client),
    articles: httpArticleReader({ fetcher, guard, allowPrivate, clock }),
    operatorGuildIds: settings.discord.operatorGuildIds,
  });
  attachRouter(client, createInteractionRouter({ services, logger, ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }) }));
  const ready = gatewayState(client);
  const started = await connection.start(options.readyTimeoutMs);
  if (!started.ok) return err('discord_unavailable', started.error.message, { cause: started.error.code });
  const notifier = new DiscordAdminNotifier(client);
  const operators = settings.discord.operatorGuildIds;
  return ok({
    sink: new DiscordSink(client.rest),
    notifier,
    ...(operators.length > 0 ? { feedPaused: pausedFeedTeller(new DiscordOperatorNotifier(notifier, operators), logger) } : {}),
    isReady: ready,
    stop: () => connection.stop(),
  });
}

/** A notice that could not be posted is logged: the pause itself is logged by the poller already. */
function pausedFeedTeller(operators: DiscordOperatorNotifier, logger: Core['logger']): NonNullable<DiscordRuntime['feedPaused']> {
  return async (feed, health) => {
    for (const { guildId, result } of await operators.feedPaused(feed, health)) {
      if (!result.ok) logger.warn({ guild: guildId, feed: feed.url, code: result.error.code }, result.error.message);
    }
  };
}

/** Channels as the gateway announced them with their guilds (the Guilds intent keeps this cache whole). */
function channelDirectory(client: Client): ChannelDirectory {
  return {
    inGuild: (guildId, channelId) => {
      const channel = client.channels.cache.get(channelId);
      return channel !== undefined && 'guildId' in channel && channel.guildId === guildId;
    },
  };
}

function gatewayState(client: Client): () => boolean {
  let up = false;
  client.on(Events.ShardReady, () => (up = true));
  client.on(Events.ShardResume, () => (up = true));
  client.on(Events.ShardReconnecting, () => (up = false));
  client.on(Events.ShardDisconnect, () => (up = false));
  return () => up && client.isReady();
}

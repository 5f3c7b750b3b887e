import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, type APIApplicationCommand, type APIMessage, type APIUser } from 'discord.js';
import { systemClock, type Clock } from '../../../src/domain/shared/clock.js';
import { FailureScript, GlobalLimiter, type FailureMatch, type FakeFailure } from './failures.js';
import { FakeGateway, type GatewaySessionInfo, type GatewayStats } from './gateway.js';
import type { RestContext } from './http.js';
import {
  defaultUser,
  directInteractionPayload,
  interactionPayload,
  newInteractionToken,
  type AutocompleteInvocation,
  type CommandInvocation,
  type DirectCommandInvocation,
} from './interactions.js';
import { buildMessage } from './messages.js';
import { userPayload, type FakeGuildConfig, type FakeUserConfig } from './payloads.js';
import { createRestHandler } from './rest.js';
import { SnowflakeSource } from './snowflake.js';
import { FakeStore, type CommandWrite, type InteractionRecord, type InteractionReply, type RecordedRequest } from './store.js';

export type { FakeFailure, FailureMatch } from './failures.js';
export type { FakeChannelConfig, FakeGuildConfig, FakeRoleConfig, FakeUserConfig } from './payloads.js';
export { DEFAULT_OWNER_ID } from './payloads.js';
export type { AutocompleteInvocation, CommandInvocation, DirectCommandInvocation } from './interactions.js';
export type { GatewaySessionInfo } from './gateway.js';
export { shardOf, type ShardPair } from './sharding.js';
export type { CommandWrite, InteractionRecord, InteractionReply, RecordedRequest } from './store.js';
export { defaultUser } from './interactions.js';

export interface FakeDiscordOptions {
  readonly guilds?: readonly FakeGuildConfig[];
  readonly applicationId?: string;
  readonly bot?: FakeUserConfig;
  /** The only bot token accepted; any non-empty token when absent. */
  readonly token?: string;
  readonly clock?: Clock;
  readonly heartbeatIntervalMs?: number;
  /** How long a nonce sent with enforce_nonce keeps returning the first message. */
  readonly nonceWindowMs?: number;
  /** How long after INTERACTION_CREATE the first response is accepted (Discord: 3 s). */
  readonly interactionResponseWindowMs?: number;
  /** Global limit in requests per second for bot-token requests; none when absent. */
  readonly globalRateLimit?: number;
  /** The shard count GET /gateway/bot recommends; 1 when absent. */
  readonly recommendedShards?: number;
  /**
   * Identifies allowed at once (`session_start_limit.max_concurrency`); 1 when absent. discord.js waits
   * 5 s between two identifies of the same bucket (shard id modulo this), so sharded tests raise it.
   */
  readonly maxConcurrency?: number;
}

export const defaultGuild: FakeGuildConfig = {
  id: '1300000000000000001',
  name: 'Sahel Watch HQ',
  channels: [
    { id: '1300000000000000011', name: 'alerts' },
    { id: '1300000000000000012', name: 'general' },
  ],
  roles: [{ id: '1300000000000000021', name: 'Staff', permissions: '32' }],
};

/**
 * A local Discord for tests: REST under /api/v10 and a gateway under /gateway on one 127.0.0.1 port.
 * The real discord.js client connects to it with `rest: { api: fake.url }`.
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly bot: APIUser;
  readonly guilds: readonly FakeGuildConfig[];
  private readonly store = new FakeStore();
  private readonly failures = new FailureScript();
  private readonly clock: Clock;
  private readonly ids: SnowflakeSource;
  private readonly server: Server;
  private readonly gateway: FakeGateway;
  private limiter: GlobalLimiter | null;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.ids = new SnowflakeSource(() => this.clock.now());
    this.applicationId = options.applicationId ?? '1400000000000000001';
    const botConfig = options.bot ?? { id: this.applicationId, username: 'Sahel Watch' };
    this.bot = userPayload(botConfig, true);
    this.guilds = options.guilds ?? [defaultGuild];
    this.limiter = options.globalRateLimit ? new GlobalLimiter(options.globalRateLimit) : null;
    const ctx: RestContext = {
      store: this.store,
      clock: this.clock,
      ids: this.ids,
      failures: this.failures,
      limiter: () => this.limiter,
      bot: botConfig,
      botUser: this.bot,
      applicationId: this.applicationId,
      token: options.token,
      guilds: this.guilds,
      gatewayUrl: () => this.gatewayUrl,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      interactionResponseWindowMs: options.interactionResponseWindowMs ?? 3000,
      recommendedShards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
    };
    this.server = createServer(createRestHandler(ctx));
    this.gateway = new FakeGateway({
      clock: this.clock,
      ids: this.ids,
      applicationId: this.applicationId,
      botUser: this.bot,
      guilds: this.guilds,
      token: options.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      resumeUrl: () => this.gatewayUrl,
      onChange: () => this.store.changed(),
    });
    this.gateway.attach(this.server);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The REST base URL to give discord.js (`rest: { api }`) or DISCORD_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.store.removeAllListeners();
  }

  // --- what happened ---

  requests(): readonly RecordedRequest[] {
    return this.store.requests;
  }

  messages(channelId: string): readonly APIMessage[] {
    return this.store.channelMessages.get(channelId) ?? [];
  }

  /** Messages the bot sent to a user in a direct-message channel. */
  directMessages(userId: string): readonly APIMessage[] {
    return [...this.store.dmChannels].filter(([, user]) => user === userId).flatMap(([channelId]) => this.messages(channelId));
  }

  interaction(id: string): InteractionRecord | undefined {
    return this.store.interactions.get(id);
  }

  interactionReplies(id: string): readonly InteractionReply[] {
    return this.store.interactions.get(id)?.replies ?? [];
  }

  commandWrites(): readonly CommandWrite[] {
    return this.store.commandWrites;
  }

  registeredCommands(guildId?: string): readonly APIApplicationCommand[] {
    return this.store.commands.get(guildId ?? 'global') ?? [];
  }

  get gatewayStats(): Readonly<GatewayStats> {
    return this.gateway.stats;
  }

  /** True while some gateway session is up on an open socket. */
  get gatewayConnected(): boolean {
    return this.gateway.connected;
  }

  /** Every gateway session so far, oldest first, with its shard and the guilds it was given. */
  gatewaySessions(): readonly GatewaySessionInfo[] {
    return this.gateway.sessionList();
  }

  /**
   * Resolves with the first truthy value of `probe`, checked now and after every change the fake sees.
   * Rejects after `timeoutMs` with the recent requests, to make a failing test readable.
   */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (!value) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const recent = this.store.requests.slice(-8).map((r) => `${r.method} ${r.path} -> ${r.status}`);
        reject(new Error(`fake Discord: condition not met within ${timeoutMs} ms; recent requests: ${recent.join('; ')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.store.off('change', check);
      };
      this.store.on('change', check);
      check();
    });
  }

  // --- scripting ---

  /** Makes matching requests fail (403, 404, 429 with real headers, 5xx, or a closed socket). */
  failWhen(match: FailureMatch, failure: FakeFailure): void {
    this.failures.add(match, failure);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  setGlobalRateLimit(perSecond: number | null): void {
    this.limiter = perSecond ? new GlobalLimiter(perSecond) : null;
  }

  /** A message posted by someone else, for replies to refer to. */
  seedMessage(channelId: string, content: string, author: FakeUserConfig): APIMessage {
    const message = buildMessage({ id: this.ids.next(), channelId, author: userPayload(author), at: this.clock.now(), content, allowedMentions: { parse: [] } });
    this.store.addChannelMessage(message);
    this.store.changed();
    return message;
  }

  /** Each of these acts on the sessions of one shard id, or of every shard when it is absent. */
  dropGateway(code?: number, shardId?: number): void {
    this.gateway.drop(code, shardId);
  }

  requestGatewayReconnect(shardId?: number): void {
    this.gateway.requestReconnect(shardId);
  }

  invalidateGatewaySession(shardId?: number): void {
    this.gateway.invalidateSession(shardId);
  }

  /**
   * Sends INTERACTION_CREATE for a registered slash command to the sessions of the guild's shard. While
   * a client is disconnected the event waits in its session and is replayed on RESUME, as on Discord.
   * Returns the interaction id.
   */
  slashCommand(invocation: CommandInvocation): string {
    return this.sendInteraction(invocation, undefined);
  }

  autocomplete(invocation: AutocompleteInvocation): string {
    return this.sendInteraction(invocation, invocation.focused);
  }

  /**
   * Sends INTERACTION_CREATE for a global command used in the user's DM with the bot. Discord sends
   * guild-less events to shard 0. Returns the interaction id.
   */
  directCommand(invocation: DirectCommandInvocation): string {
    const command = this.store.commands.get('global')?.find((c) => c.name === invocation.name);
    if (!command) throw new Error(`/${invocation.name} is not registered globally (PUT the commands first)`);
    const userId = (invocation.user ?? defaultUser).id;
    const channelId = [...this.store.dmChannels].find(([, user]) => user === userId)?.[0] ?? this.ids.next();
    this.store.dmChannels.set(channelId, userId);
    const id = this.ids.next();
    const token = newInteractionToken();
    this.recordInteraction({ id, token, guildId: null, channelId, commandName: invocation.name });
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, undefined, directInteractionPayload({ id, applicationId: this.applicationId, command, channelId }, invocation, token));
    return id;
  }

  private recordInteraction(fields: Pick<InteractionRecord, 'id' | 'token' | 'guildId' | 'channelId' | 'commandName'>): void {
    this.store.interactions.set(fields.id, {
      ...fields,
      applicationId: this.applicationId,
      createdAt: this.clock.now().getTime(),
      replies: [],
      acknowledged: false,
      deferred: false,
      ephemeral: false,
      original: null,
      followUps: [],
      choices: null,
    });
  }

  private sendInteraction(invocation: CommandInvocation, focused: string | undefined): string {
    const guild = this.guilds.find((candidate) => candidate.id === invocation.guildId);
    if (!guild) throw new Error(`unknown guild ${invocation.guildId}`);
    const command = this.findCommand(invocation.name, guild.id);
    const id = this.ids.next();
    const token = newInteractionToken();
    const payload = interactionPayload({ id, applicationId: this.applicationId, guild, command, joinedAt: this.clock.now() }, invocation, token, focused);
    this.recordInteraction({ id, token, guildId: guild.id, channelId: invocation.channelId, commandName: invocation.name });
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, guild.id, payload);
    return id;
  }

  private findCommand(name: string, guildId: string): APIApplicationCommand {
    const command = [...(this.store.commands.get(guildId) ?? []), ...(this.store.commands.get('global') ?? [])].find((c) => c.name === name);
    if (!command) throw new Error(`/${name} is not registered (PUT the commands first)`);
    return command;
  }
}

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes, type APIUser } from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';
import type { Clock } from '../../../src/domain/shared/clock.js';
import { guildCreatePayload, type FakeGuildConfig } from './payloads.js';
import { covers, validShard, type ShardPair } from './sharding.js';
import type { SnowflakeSource } from './snowflake.js';

interface Dispatched {
  readonly s: number;
  readonly t: string;
  readonly d: unknown;
}

interface Session {
  readonly id: string;
  readonly shard: ShardPair;
  /** The guilds of the session's shard, announced in READY and GUILD_CREATE. */
  readonly guildIds: readonly string[];
  seq: number;
  /** Every dispatch of the session, so that a RESUME can replay what the client missed. */
  readonly sent: Dispatched[];
  socket: WebSocket | null;
  resumable: boolean;
  readonly intents: number;
}

export interface GatewayOptions {
  readonly clock: Clock;
  readonly ids: SnowflakeSource;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly FakeGuildConfig[];
  readonly token: string | undefined;
  readonly heartbeatIntervalMs: number;
  readonly resumeUrl: () => string;
  readonly onChange: () => void;
}

export interface GatewayStats {
  identifies: number;
  resumes: number;
  heartbeats: number;
  connections: number;
  readonly intents: number[];
  /** The shard each IDENTIFY asked for; [0, 1] when it named none. */
  readonly shards: ShardPair[];
}

/** What a test can see of one gateway session. */
export interface GatewaySessionInfo {
  readonly id: string;
  readonly shard: ShardPair;
  readonly guildIds: readonly string[];
  readonly connected: boolean;
  readonly resumable: boolean;
}

const frameSchema = z.object({ op: z.number().int(), d: z.unknown().optional() });
const identifySchema = z.object({ token: z.string(), intents: z.number().int(), properties: z.object({}).loose(), shard: z.tuple([z.number().int(), z.number().int()]).optional() });
const resumeSchema = z.object({ token: z.string(), session_id: z.string(), seq: z.number().int().nullable() });

/**
 * A gateway speaking uncompressed JSON frames, sharded as Discord shards: each session gets the guilds
 * of the shard it identified for, and a guild's events go to every live session of that guild's shard
 * (several clients may run the same shard, as two copies of a bot do on Discord).
 */
export class FakeGateway {
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, heartbeats: 0, connections: 0, intents: [], shards: [] };
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: GatewayOptions) {
    this.wss.on('connection', (socket: WebSocket) => this.onConnection(socket));
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        if (url.searchParams.get('v') !== '10' || url.searchParams.get('encoding') !== 'json') {
          ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Only v10 with JSON encoding');
          return;
        }
        this.wss.emit('connection', ws, req);
      });
    });
  }

  /** True while some session is identified or resumed on an open socket. */
  get connected(): boolean {
    return [...this.sessions.values()].some(isOpen);
  }

  sessionList(): readonly GatewaySessionInfo[] {
    return [...this.sessions.values()].map((s) => ({ id: s.id, shard: s.shard, guildIds: s.guildIds, connected: isOpen(s), resumable: s.resumable }));
  }

  /**
   * Sends a guild's event to every live session of its shard, or queues it for replay in those whose
   * client is away. Discord sends the events of a guild-less context (a direct message) to shard 0.
   * When no live session has the shard the event is lost, as on Discord while the bot is offline.
   */
  dispatch(event: string, guildId: string | undefined, data: unknown): void {
    const holds = (s: Session): boolean => (guildId === undefined ? s.shard[0] === 0 : covers(s.shard, guildId));
    const all = [...this.sessions.values()];
    if (!all.some(holds)) throw new Error(`no gateway session has the shard of ${guildId ? `guild ${guildId}` : 'direct messages'}`);
    for (const session of all.filter((s) => s.resumable && holds(s))) this.push(session, event, data);
  }

  /** Drops the sockets (of one shard, or all) the way a network failure does (1006) or with a close code the client resumes from. */
  drop(code?: number, shardId?: number): void {
    for (const socket of this.openSockets(shardId)) {
      if (code === undefined) socket.terminate();
      else socket.close(code, 'fake gateway drop');
    }
  }

  /** Asks the clients (of one shard, or all) to reconnect and resume (opcode 7). */
  requestReconnect(shardId?: number): void {
    for (const socket of this.openSockets(shardId)) socket.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
  }

  /** Forgets the sessions (of one shard, or all), so that the next RESUME is refused and the client must identify again. */
  invalidateSession(shardId?: number): void {
    for (const session of this.live(shardId)) {
      session.resumable = false;
      session.socket?.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
    }
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    this.stats.connections += 1;
    let session: Session | null = null;
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
    socket.on('message', (data: RawData) => {
      const frame = parseFrame(data);
      if (!frame) {
        socket.close(GatewayCloseCodes.DecodeError, 'Decode error');
        return;
      }
      session = this.onFrame(socket, session, frame.op, frame.d);
    });
    socket.on('close', (code: number) => {
      if (!session || session.socket !== socket) return;
      session.socket = null;
      // Discord ends a session the client closes normally; other closes leave it resumable.
      if (code === 1000 || code === 1001) session.resumable = false;
      this.options.onChange();
    });
  }

  private onFrame(socket: WebSocket, session: Session | null, op: number, d: unknown): Session | null {
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.stats.heartbeats += 1;
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
        this.options.onChange();
        return session;
      case GatewayOpcodes.Identify:
        if (session) return closeWith(socket, GatewayCloseCodes.AlreadyAuthenticated, session);
        return this.identify(socket, d);
      case GatewayOpcodes.Resume:
        if (session) return closeWith(socket, GatewayCloseCodes.AlreadyAuthenticated, session);
        return this.resume(socket, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        return session ?? closeWith(socket, GatewayCloseCodes.NotAuthenticated, null);
      default:
        return closeWith(socket, GatewayCloseCodes.UnknownOpcode, session);
    }
  }

  private identify(socket: WebSocket, d: unknown): Session | null {
    const parsed = identifySchema.safeParse(d);
    if (!parsed.success) return closeWith(socket, GatewayCloseCodes.DecodeError, null);
    if (!this.tokenAccepted(parsed.data.token)) return closeWith(socket, GatewayCloseCodes.AuthenticationFailed, null);
    const shard: ShardPair = parsed.data.shard ?? [0, 1];
    if (!validShard(shard)) return closeWith(socket, GatewayCloseCodes.InvalidShard, null);
    this.stats.identifies += 1;
    this.stats.intents.push(parsed.data.intents);
    this.stats.shards.push(shard);
    const guilds = this.options.guilds.filter((guild) => covers(shard, guild.id));
    const session: Session = {
      id: this.options.ids.next(),
      shard,
      guildIds: guilds.map((guild) => guild.id),
      seq: 0,
      sent: [],
      socket,
      resumable: true,
      intents: parsed.data.intents,
    };
    this.sessions.set(session.id, session);
    this.push(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: this.options.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      shard,
      application: { id: this.options.applicationId, flags: 0 },
    });
    for (const guild of guilds) {
      this.push(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(guild, this.options.clock.now()));
    }
    return session;
  }

  private resume(socket: WebSocket, d: unknown): Session | null {
    const parsed = resumeSchema.safeParse(d);
    if (!parsed.success) return closeWith(socket, GatewayCloseCodes.DecodeError, null);
    const session = this.sessions.get(parsed.data.session_id);
    if (!session?.resumable || !this.tokenAccepted(parsed.data.token)) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return null;
    }
    this.stats.resumes += 1;
    session.socket?.terminate();
    session.socket = socket;
    const from = parsed.data.seq ?? 0;
    for (const missed of session.sent.filter((event) => event.s > from)) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...missed }));
    }
    this.push(session, GatewayDispatchEvents.Resumed, null);
    return session;
  }

  private push(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const dispatched: Dispatched = { s: session.seq, t: event, d: data };
    session.sent.push(dispatched);
    if (session.socket?.readyState === WebSocket.OPEN) {
      session.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...dispatched }));
    }
    this.options.onChange();
  }

  /** Sessions a client may still resume, of one shard or all. */
  private live(shardId: number | undefined): Session[] {
    return [...this.sessions.values()].filter((s) => s.resumable && (shardId === undefined || s.shard[0] === shardId));
  }

  private openSockets(shardId: number | undefined): WebSocket[] {
    return this.live(shardId).flatMap((s) => (s.socket ? [s.socket] : []));
  }

  private tokenAccepted(token: string): boolean {
    return this.options.token === undefined ? token.length > 0 : token === this.options.token;
  }
}

function isOpen(session: Session): boolean {
  return session.socket?.readyState === WebSocket.OPEN;
}

function parseFrame(data: RawData): z.infer<typeof frameSchema> | undefined {
  try {
    const parsed = frameSchema.safeParse(JSON.parse(data.toString()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function closeWith(socket: WebSocket, code: number, session: Session | null): Session | null {
  socket.close(code);
  return session;
}

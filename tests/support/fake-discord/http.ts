import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIUser } from 'discord.js';
import type { Clock } from '../../../src/domain/shared/clock.js';
import type { FailureScript, GlobalLimiter } from './failures.js';
import type { FakeGuildConfig, FakeUserConfig } from './payloads.js';
import type { SnowflakeSource } from './snowflake.js';
import type { FakeStore } from './store.js';

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What every route handler can see. */
export interface RestContext {
  readonly store: FakeStore;
  readonly clock: Clock;
  readonly ids: SnowflakeSource;
  readonly failures: FailureScript;
  readonly limiter: () => GlobalLimiter | null;
  readonly bot: FakeUserConfig;
  readonly botUser: APIUser;
  readonly applicationId: string;
  /** The only token accepted; any non-empty token when absent. */
  readonly token: string | undefined;
  readonly guilds: readonly FakeGuildConfig[];
  readonly gatewayUrl: () => string;
  readonly nonceWindowMs: number;
  readonly interactionResponseWindowMs: number;
  readonly recommendedShards: number;
  readonly maxConcurrency: number;
}

export interface RouteRequest {
  readonly method: string;
  readonly segments: readonly string[];
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export function apiError(status: number, code: number, message: string, errors?: Record<string, unknown>): Reply {
  return { status, body: errors ? { code, message, errors } : { code, message } };
}

export const notFound = (): Reply => apiError(404, 0, '404: Not Found');

export function findChannel(ctx: RestContext, channelId: string): { guild: FakeGuildConfig; name: string } | undefined {
  for (const guild of ctx.guilds) {
    const channel = guild.channels.find((candidate) => candidate.id === channelId);
    if (channel) return { guild, name: channel.name };
  }
  return undefined;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A 204 must carry no JSON content type: @discordjs/rest would try to parse the empty body. */
export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text).toString() });
  res.end(text);
}

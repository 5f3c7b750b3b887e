import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeFailure } from './failures.js';
import { apiError, notFound, readBody, send, type Reply, type RestContext, type RouteRequest } from './http.js';
import { createMessage, getChannel, getGuild, getMessage, openDirectMessage } from './routes-channels.js';
import { currentApplication, gatewayBot, listCommands, overwriteCommands } from './routes-commands.js';
import { deleteOriginal, editOriginal, followUp, getOriginal, interactionCallback } from './routes-interactions.js';
import type { RecordedRequest } from './store.js';

const API_PREFIX = ['api', 'v10'];

type Route = (ctx: RestContext, request: RouteRequest) => Reply | undefined;

/** Routes by method and path segments; the first that answers wins. */
const routes: readonly Route[] = [
  (ctx, r) => (r.method === 'GET' && is(r.segments, ['gateway', 'bot']) ? gatewayBot(ctx) : undefined),
  (ctx, r) => (r.method === 'GET' && is(r.segments, ['users', '@me']) ? { status: 200, body: ctx.botUser } : undefined),
  (ctx, r) => (r.method === 'POST' && is(r.segments, ['users', '@me', 'channels']) ? openDirectMessage(ctx, r.body) : undefined),
  (ctx, r) => (r.method === 'GET' && is(r.segments, ['applications', '@me']) ? currentApplication(ctx) : undefined),
  (ctx, r) => {
    const [a, app, c, guild, e] = r.segments;
    if (a !== 'applications' || !app) return undefined;
    const guildId = c === 'guilds' && guild && e === 'commands' && r.segments.length === 5 ? guild : undefined;
    const global = c === 'commands' && r.segments.length === 3;
    if (!guildId && !global) return undefined;
    if (r.method === 'PUT') return overwriteCommands(ctx, app, guildId, r.body);
    return r.method === 'GET' ? listCommands(ctx, guildId) : undefined;
  },
  (ctx, r) => {
    const [a, channel, c, message] = r.segments;
    if (a !== 'channels' || !channel) return undefined;
    if (r.segments.length === 2 && r.method === 'GET') return getChannel(ctx, channel);
    if (c !== 'messages') return undefined;
    if (r.segments.length === 3 && r.method === 'POST') return createMessage(ctx, channel, r.body);
    return r.segments.length === 4 && message && r.method === 'GET' ? getMessage(ctx, channel, message) : undefined;
  },
  (ctx, r) => (r.method === 'GET' && r.segments[0] === 'guilds' && r.segments.length === 2 && r.segments[1] ? getGuild(ctx, r.segments[1]) : undefined),
  (ctx, r) => {
    const [a, id, token, c] = r.segments;
    if (a !== 'interactions' || !id || !token || c !== 'callback' || r.method !== 'POST') return undefined;
    return interactionCallback(ctx, id, token, r.body, r.query.with_response === 'true');
  },
  (ctx, r) => {
    const [a, app, token, c, which] = r.segments;
    if (a !== 'webhooks' || !app || !token) return undefined;
    if (r.segments.length === 3 && r.method === 'POST') return followUp(ctx, app, token, r.body, r.query.wait === 'true');
    if (c !== 'messages' || which !== '@original' || r.segments.length !== 5) return undefined;
    if (r.method === 'GET') return getOriginal(ctx, app, token);
    if (r.method === 'PATCH') return editOriginal(ctx, app, token, r.body);
    return r.method === 'DELETE' ? deleteOriginal(ctx, app, token) : undefined;
  },
];

function is(segments: readonly string[], expected: readonly string[]): boolean {
  return segments.length === expected.length && expected.every((value, index) => segments[index] === value);
}

/** Interaction endpoints use the interaction token, not the bot token, and sit outside the global limit. */
function usesInteractionToken(segments: readonly string[]): boolean {
  return segments[0] === 'interactions' || segments[0] === 'webhooks';
}

export function createRestHandler(ctx: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      send(res, apiError(500, 0, `fake failure: ${String(error)}`));
    });
  };
}

async function handle(ctx: RestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const raw = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  const method = (req.method ?? 'GET').toUpperCase();
  const bodyBuffer = await readBody(req);
  const body = parseBody(bodyBuffer, req.headers['content-type']);
  const segments = raw.slice(API_PREFIX.length);
  const path = `/${segments.join('/')}`;
  const recorded: RecordedRequest = {
    at: ctx.clock.now().toISOString(),
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    authorized: isAuthorized(ctx, req.headers.authorization),
    body,
    status: 0,
  };
  ctx.store.requests.push(recorded);
  const reply = respond(ctx, { method, segments, query: recorded.query, body }, recorded, raw);
  if (reply === 'close') {
    recorded.status = -1;
    ctx.store.changed();
    req.socket.destroy();
    return;
  }
  recorded.status = reply.status;
  ctx.store.changed();
  send(res, reply);
}

function respond(ctx: RestContext, request: RouteRequest, recorded: RecordedRequest, raw: readonly string[]): Reply | 'close' {
  if (!API_PREFIX.every((part, index) => raw[index] === part)) return notFound();
  const channelId = request.segments[0] === 'channels' ? request.segments[1] : undefined;
  const failure = ctx.failures.take({ method: request.method, path: recorded.path, ...(channelId ? { channelId } : {}) });
  if (failure) return failureReply(failure);
  const viaInteraction = usesInteractionToken(request.segments);
  if (!viaInteraction && !recorded.authorized) return apiError(401, 0, '401: Unauthorized');
  const limiter = ctx.limiter();
  const wait = viaInteraction || !limiter ? 0 : limiter.admit(ctx.clock.now().getTime());
  if (wait > 0) return rateLimited(wait, true, 'global');
  for (const route of routes) {
    const reply = route(ctx, request);
    if (reply) return reply;
  }
  return notFound();
}

function isAuthorized(ctx: RestContext, header: string | undefined): boolean {
  if (!header?.startsWith('Bot ')) return false;
  const token = header.slice(4);
  return ctx.token === undefined ? token.length > 0 : token === ctx.token;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parseBody(buffer: Buffer, contentType: string | undefined): unknown {
  if (buffer.length === 0) return undefined;
  const text = buffer.toString('utf8');
  if (!contentType?.startsWith('application/json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const failureBodies: Readonly<Record<number, { code: number; message: string }>> = {
  400: { code: 50035, message: 'Invalid Form Body' },
  401: { code: 0, message: '401: Unauthorized' },
  403: { code: 50001, message: 'Missing Access' },
  404: { code: 10003, message: 'Unknown Channel' },
};

function failureReply(failure: FakeFailure): Reply | 'close' {
  if ('closeSocket' in failure) return 'close';
  if (failure.status === 429) return rateLimited(failure.retryAfterSec, failure.global ?? false, failure.scope ?? (failure.global ? 'global' : 'user'));
  const known = failureBodies[failure.status] ?? { code: 0, message: `${failure.status}: Server Error` };
  return apiError(failure.status, failure.code ?? known.code, failure.message ?? known.message);
}

/** A 429 as Discord sends it: whole seconds in Retry-After, the precise value in the body. */
function rateLimited(retryAfterSec: number, global: boolean, scope: string): Reply {
  const headers: Record<string, string> = {
    'retry-after': Math.max(1, Math.ceil(retryAfterSec)).toString(),
    'x-ratelimit-scope': scope,
  };
  if (global) {
    headers['x-ratelimit-global'] = 'true';
  } else {
    Object.assign(headers, {
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': retryAfterSec.toFixed(3),
      'x-ratelimit-bucket': 'fake-bucket',
    });
  }
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfterSec, global } };
}

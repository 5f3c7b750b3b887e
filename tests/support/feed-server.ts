import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';

/**
 * A local HTTP feed server for tests and benchmarks, on 127.0.0.1 and an ephemeral port.
 * Routes are registered by the test; each answers with a status, a body, validators for conditional
 * GET, optional compression, and optional slowness (delay, drip, or a stall after some bytes).
 */

export interface RouteSpec {
  readonly status?: number;
  /** A function is called on every request, so that a body can change between polls. */
  readonly body?: string | Uint8Array | (() => string | Uint8Array);
  readonly contentType?: string;
  readonly etag?: string | (() => string);
  readonly lastModified?: string;
  readonly encoding?: 'gzip' | 'deflate';
  /** Redirect target (with a 3xx status). */
  readonly location?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait before sending headers. */
  readonly delayMs?: number;
  /** Send the body in chunks of this many bytes with `dripMs` between them. */
  readonly dripBytes?: number;
  readonly dripMs?: number;
  /** Send this many body bytes, then nothing more, keeping the connection open. */
  readonly stallAfterBytes?: number;
  /** Announce a Content-Length (default true unless stalling or dripping). */
  readonly contentLength?: boolean;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

export class FeedServer {
  readonly requests: RecordedRequest[] = [];
  /** Sockets that were closed, by either side. */
  closedSockets = 0;
  private readonly routes = new Map<string, RouteSpec | RouteHandler>();
  private readonly sockets = new Set<Socket>();
  private readonly closeWaiters: (() => void)[] = [];
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly fallback?: RouteHandler,
    private readonly record = true,
  ) {}

  static async start(options: { fallback?: RouteHandler; recordRequests?: boolean } = {}): Promise<FeedServer> {
    const server = createServer();
    const instance = new FeedServer(server, options.fallback, options.recordRequests ?? true);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => instance.handle(req, res));
    server.on('connection', (socket: Socket) => instance.track(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance.port = (server.address() as AddressInfo).port;
    return instance;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  route(path: string, spec: RouteSpec | RouteHandler): this {
    this.routes.set(path, spec);
    return this;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves once `count` sockets in total have closed. */
  async socketsClosed(count: number): Promise<void> {
    while (this.closedSockets < count) await new Promise<void>((resolve) => this.closeWaiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.closedSockets += 1;
      this.closeWaiters.splice(0).forEach((wake) => wake());
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    if (this.record) this.requests.push({ path, headers: req.headers });
    const route = this.routes.get(path);
    if (typeof route === 'function') return route(req, res);
    if (route) return void serve(route, req, res);
    if (this.fallback) return this.fallback(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

async function serve(spec: RouteSpec, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (spec.delayMs) await sleep(spec.delayMs);
  const etag = typeof spec.etag === 'function' ? spec.etag() : spec.etag;
  const validators = { ...(etag && { etag }), ...(spec.lastModified && { 'last-modified': spec.lastModified }) };
  if (isNotModified(req, etag, spec.lastModified)) {
    res.writeHead(304, validators).end();
    return;
  }
  const raw = typeof spec.body === 'function' ? spec.body() : (spec.body ?? '');
  const plain = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
  const body = spec.encoding === 'gzip' ? gzipSync(plain) : spec.encoding === 'deflate' ? deflateSync(plain) : plain;
  const streaming = spec.stallAfterBytes !== undefined || spec.dripBytes !== undefined;
  const headers: Record<string, string> = {
    'content-type': spec.contentType ?? 'application/rss+xml; charset=utf-8',
    ...validators,
    ...(spec.encoding && { 'content-encoding': spec.encoding }),
    ...(spec.location && { location: spec.location }),
    ...((spec.contentLength ?? !streaming) && { 'content-length': String(body.length) }),
    ...spec.headers,
  };
  res.writeHead(spec.status ?? 200, headers);
  if (spec.stallAfterBytes !== undefined) {
    res.write(body.subarray(0, spec.stallAfterBytes));
    return;
  }
  if (spec.dripBytes !== undefined) {
    for (let at = 0; at < body.length && !res.destroyed; at += spec.dripBytes) {
      res.write(body.subarray(at, at + spec.dripBytes));
      await sleep(spec.dripMs ?? 10);
    }
    res.end();
    return;
  }
  res.end(body);
}

function isNotModified(req: IncomingMessage, etag: string | undefined, lastModified: string | undefined): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (etag !== undefined && ifNoneMatch !== undefined) return ifNoneMatch.split(',').some((tag) => tag.trim() === etag);
  const since = req.headers['if-modified-since'];
  return lastModified !== undefined && since !== undefined && since === lastModified;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

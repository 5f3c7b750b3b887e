import { err, ok, type Result } from '../../domain/shared/result.js';
import type { FeedErrorCode, FeedFetcher, FetchFailureDetail, FetchRequest, FetchResponse } from '../../app/feeds/ports.js';

export interface HttpFeedFetcherOptions {
  /** Names the bot and how to reach its operator (see feedUserAgent). */
  readonly userAgent: string;
  /** For the whole exchange, body included; on expiry the request is aborted and its socket closed. */
  readonly timeoutMs: number;
  /** Decompressed body size cap, enforced while the body streams in. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** The global fetch unless given (a fake in tests of callers, never needed for the local server). */
  readonly fetch?: typeof fetch;
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function feedUserAgent(version: string, operatorContact: string): string {
  return `SahelWatch/${version} (+${operatorContact})`;
}

type Fetched = Result<FetchResponse, FeedErrorCode>;

/**
 * Feed transport on the global fetch (undici): conditional GET, manual redirects re-checked by the
 * address guard at every hop, a deadline that aborts (and so closes) the connection, gzip/deflate
 * decoding by undici, and a size cap counted on the decoded stream so that a compression bomb stops early.
 */
export class HttpFeedFetcher implements FeedFetcher {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpFeedFetcherOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async fetch(request: FetchRequest): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return err('bad_url', `not a URL: ${request.url}`);
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      return await this.follow(url, request, controller);
    } catch (cause) {
      controller.abort();
      return timedOut ? err('timeout', `no complete answer within ${this.options.timeoutMs} ms`) : networkError(cause);
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(start: URL, request: FetchRequest, controller: AbortController): Promise<Fetched> {
    const visited = new Set<string>([start.href]);
    let url = start;
    for (let hop = 0; ; hop += 1) {
      const allowed = await request.checkAddress(url);
      if (!allowed.ok) return allowed;
      const response = await this.fetchImpl(url, { headers: this.headers(request), redirect: 'manual', signal: controller.signal });
      if (!REDIRECTS.has(response.status)) return this.answer(response, url, controller);
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) return err('bad_response', `HTTP ${response.status} redirect without a Location`, { status: response.status });
      const next = new URL(location, url);
      if (visited.has(next.href)) return err('redirect_loop', `redirect loop back to ${next.href}`, { status: response.status });
      if (hop + 1 > this.options.maxRedirects) return err('redirect_loop', `more than ${this.options.maxRedirects} redirects`, { status: response.status });
      visited.add(next.href);
      url = next;
    }
  }

  private headers(request: FetchRequest): Record<string, string> {
    return {
      'user-agent': this.options.userAgent,
      accept: ACCEPT,
      ...(request.etag !== undefined && { 'if-none-match': request.etag }),
      ...(request.lastModified !== undefined && { 'if-modified-since': request.lastModified }),
    };
  }

  private async answer(response: Response, url: URL, controller: AbortController): Promise<Fetched> {
    const status = response.status;
    if (status === 304) {
      await response.body?.cancel();
      return ok({ kind: 'not_modified', status: 304, url: url.href });
    }
    if (status < 200 || status > 299) {
      await response.body?.cancel();
      const detail: FetchFailureDetail = { status, ...retryAfter(response) };
      if (status >= 500) return err('http_5xx', `HTTP ${status} ${response.statusText}`.trim(), detail);
      if (status >= 400) return err('http_4xx', `HTTP ${status} ${response.statusText}`.trim(), detail);
      return err('bad_response', `unexpected HTTP ${status}`, detail);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const encoded = response.headers.get('content-encoding');
    if (!encoded && declared > this.options.maxBytes) {
      controller.abort();
      return err('too_large', `body of ${declared} bytes is over the ${this.options.maxBytes}-byte cap`, { status });
    }
    const body = await readCapped(response, this.options.maxBytes);
    if (!body) {
      controller.abort();
      return err('too_large', `body is over the ${this.options.maxBytes}-byte cap`, { status });
    }
    const contentType = response.headers.get('content-type');
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return ok({
      kind: 'body',
      status,
      url: url.href,
      body,
      ...(contentType !== null && { contentType }),
      ...(etag !== null && { etag }),
      ...(lastModified !== null && { lastModified }),
    });
  }
}

/** The body, or undefined as soon as it grows past the cap. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function retryAfter(response: Response): { retryAfterMs?: number } {
  const value = response.headers.get('retry-after');
  if (!value) return {};
  if (/^\d+$/.test(value.trim())) return { retryAfterMs: Number(value.trim()) * 1000 };
  // An HTTP date is measured against the server's own Date header, not against our clock.
  const at = Date.parse(value);
  const now = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(at) || Number.isNaN(now) ? {} : { retryAfterMs: Math.max(0, at - now) };
}

function networkError(cause: unknown): Fetched {
  const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
  const reason = inner?.code ?? inner?.message ?? (cause as Error).message ?? String(cause);
  return err('network', `connection failed: ${reason}`);
}

import type { RawInput } from '../../../../src/domain/model.js';
import { err, ok, type Result } from '../../../../src/domain/shared/result.js';
import type {
  AddressGuard,
  Feed,
  FeedErrorCode,
  FeedFetcher,
  FeedItem,
  FeedParser,
  FetchRequest,
  FetchResponse,
  ParsedFeed,
} from '../../../../src/app/feeds/ports.js';

/** Test doubles for the feed ports: scripted transport and parser, recording pipeline. */

export type Scripted = Result<FetchResponse, FeedErrorCode>;

export class ScriptedFetcher implements FeedFetcher {
  readonly requests: FetchRequest[] = [];
  private readonly script: Scripted[] = [];

  then(...answers: Scripted[]): this {
    this.script.push(...answers);
    return this;
  }

  async fetch(request: FetchRequest): Promise<Scripted> {
    this.requests.push(request);
    const allowed = await request.checkAddress(new URL(request.url));
    if (!allowed.ok) return allowed;
    const next = this.script.shift();
    if (!next) throw new Error(`no scripted answer for ${request.url}`);
    return next;
  }
}

export const body = (text: string, validators: { etag?: string; lastModified?: string } = {}): Scripted =>
  ok({ kind: 'body', status: 200, url: 'https://feeds.example.org/final', body: Buffer.from(text), contentType: 'application/rss+xml', ...validators });
export const notModified: Scripted = ok({ kind: 'not_modified', status: 304, url: 'https://feeds.example.org/final' });
export const failure = (code: FeedErrorCode, detail?: { status?: number; retryAfterMs?: number }): Scripted => err(code, `failed with ${code}`, detail);

/** A parser that maps a body (a key) to the items registered for it. */
export class KeyedParser {
  readonly calls: string[] = [];
  private readonly feeds = new Map<string, Result<ParsedFeed, FeedErrorCode>>();

  set(key: string, items: readonly FeedItem[], warnings: readonly string[] = []): this {
    this.feeds.set(key, ok({ format: 'rss2', items, warnings }));
    return this;
  }

  fail(key: string, code: FeedErrorCode): this {
    this.feeds.set(key, err(code, `cannot parse ${key}`));
    return this;
  }

  readonly parse: FeedParser = async (body) => {
    const key = typeof body === 'string' ? body : Buffer.from(body).toString();
    this.calls.push(key);
    return this.feeds.get(key) ?? err('parse_error', `unknown body ${key}`);
  };
}

export class RecordingGuard implements AddressGuard {
  readonly calls: { url: string; allowPrivate: boolean | undefined }[] = [];
  async check(url: URL, options?: { allowPrivate?: boolean }): Promise<Result<void, FeedErrorCode>> {
    this.calls.push({ url: url.href, allowPrivate: options?.allowPrivate });
    return url.hostname === 'blocked.example' && options?.allowPrivate !== true ? err('blocked_address', 'blocked') : ok(undefined);
  }
}

export class Pipeline {
  readonly received: RawInput[] = [];
  readonly rejecting = new Set<string>();
  readonly onItem = async (raw: RawInput, _feed: Feed): Promise<void> => {
    if (this.rejecting.has(raw.title ?? '')) throw new Error(`pipeline refused ${raw.title ?? raw.id}`);
    this.received.push(raw);
  };
}

export function item(id: string, title: string, published?: string, link?: string): FeedItem {
  return { id, title, summary: `${title}.`, source: 'Sahel Desk', lang: 'fr', ...(published && { published }), ...(link && { link }) };
}

export function feed(overrides: Partial<Feed> = {}): Feed {
  return {
    url: 'https://feeds.example.org/mali.xml',
    name: 'Sahel Desk',
    lang: 'fr',
    intervalMinutes: 15,
    kind: 'news',
    enabled: true,
    addedAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

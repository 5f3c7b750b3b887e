import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsAddressGuard } from '../../../../src/adapters/feeds/address-guard.js';
import { feedUserAgent, HttpFeedFetcher } from '../../../../src/adapters/feeds/http-fetcher.js';
import type { FetchRequest } from '../../../../src/app/feeds/ports.js';
import { FeedServer } from '../../../support/feed-server.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Mali</title><item><title>Kayes</title></item></channel></rss>';
const open = new DnsAddressGuard({ allowPrivate: true });
const strict = new DnsAddressGuard();

let server: FeedServer;
const fetcher = new HttpFeedFetcher({ userAgent: feedUserAgent('0.1.0', 'ops@sahel-watch.example'), timeoutMs: 400, maxBytes: 4096, maxRedirects: 3 });

function request(path: string, extra: Partial<FetchRequest> = {}): FetchRequest {
  return { url: server.url(path), checkAddress: (url) => open.check(url), ...extra };
}

beforeAll(async () => {
  server = await FeedServer.start();
  server
    .route('/feed', { body: RSS, etag: '"v1"', lastModified: 'Thu, 03 Jul 2025 09:00:00 GMT' })
    .route('/gzip', { body: RSS, encoding: 'gzip' })
    .route('/deflate', { body: RSS, encoding: 'deflate' })
    .route('/html', { body: '<html><body>hi</body></html>', contentType: 'text/html' })
    .route('/stall', { body: RSS, stallAfterBytes: 20 })
    .route('/slow-headers', { body: RSS, delayMs: 2000 })
    .route('/drip', { body: RSS.repeat(5), dripBytes: 10, dripMs: 40 })
    .route('/big-declared', { body: 'x'.repeat(5000) })
    .route('/big-streamed', { body: 'x'.repeat(50_000), contentLength: false, dripBytes: 8192, dripMs: 1 })
    .route('/bomb', { body: `<rss>${' '.repeat(200_000)}</rss>`, encoding: 'gzip' })
    .route('/loop-a', { status: 302, location: '/loop-b' })
    .route('/loop-b', { status: 301, location: '/loop-a' })
    .route('/hop1', { status: 301, location: '/hop2' })
    .route('/hop2', { status: 307, location: '/hop3' })
    .route('/hop3', { status: 308, location: '/hop4' })
    .route('/hop4', { status: 302, location: '/feed' })
    .route('/moved', { status: 301, location: '/feed' })
    .route('/nowhere', { status: 302 })
    .route('/missing', { status: 404, body: 'not here' })
    .route('/limited', { status: 429, headers: { 'retry-after': '120' } })
    .route('/broken', { status: 503, headers: { 'retry-after': 'Thu, 03 Jul 2025 10:05:00 GMT', date: 'Thu, 03 Jul 2025 10:00:00 GMT' } });
});

afterAll(() => server.close());

describe('HttpFeedFetcher', () => {
  it('fetches a body with its validators and names the bot and its operator', async () => {
    const result = await fetcher.fetch(request('/feed'));
    expect(result).toMatchObject({ ok: true, value: { kind: 'body', status: 200, etag: '"v1"', lastModified: 'Thu, 03 Jul 2025 09:00:00 GMT' } });
    if (result.ok && result.value.kind === 'body') expect(Buffer.from(result.value.body).toString()).toBe(RSS);
    expect(server.requestsTo('/feed').at(-1)?.headers['user-agent']).toBe('SahelWatch/0.1.0 (+ops@sahel-watch.example)');
  });

  it('sends If-None-Match and If-Modified-Since and reads 304 as not modified', async () => {
    const result = await fetcher.fetch(request('/feed', { etag: '"v1"', lastModified: 'Thu, 03 Jul 2025 09:00:00 GMT' }));
    expect(result).toEqual({ ok: true, value: { kind: 'not_modified', status: 304, url: server.url('/feed') } });
    const headers = server.requestsTo('/feed').at(-1)?.headers;
    expect(headers?.['if-none-match']).toBe('"v1"');
    expect(headers?.['if-modified-since']).toBe('Thu, 03 Jul 2025 09:00:00 GMT');
  });

  it('decodes gzip and deflate bodies', async () => {
    for (const path of ['/gzip', '/deflate']) {
      const result = await fetcher.fetch(request(path));
      expect(result.ok && result.value.kind === 'body' && Buffer.from(result.value.body).toString()).toBe(RSS);
    }
    expect(server.requestsTo('/gzip').at(-1)?.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('returns a body of the wrong content type: the parser decides what it is', async () => {
    expect(await fetcher.fetch(request('/html'))).toMatchObject({ ok: true, value: { contentType: 'text/html' } });
  });

  it('times out a stalled body and closes the socket', async () => {
    const closedBefore = server.closedSockets;
    const started = Date.now();
    expect(await fetcher.fetch(request('/stall'))).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2000);
    await server.socketsClosed(closedBefore + 1);
  });

  it('times out slow headers and a body that drips past the deadline', async () => {
    expect(await fetcher.fetch(request('/slow-headers'))).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(await fetcher.fetch(request('/drip'))).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('refuses bodies over the cap, declared or streamed, compressed or not', async () => {
    for (const path of ['/big-declared', '/big-streamed', '/bomb']) {
      expect(await fetcher.fetch(request(path)), path).toMatchObject({ ok: false, error: { code: 'too_large' } });
    }
  });

  it('follows redirects up to the limit, reporting the final URL', async () => {
    expect(await fetcher.fetch(request('/moved'))).toMatchObject({ ok: true, value: { url: server.url('/feed'), status: 200 } });
    expect(await fetcher.fetch(request('/hop2'))).toMatchObject({ ok: true, value: { url: server.url('/feed') } });
    expect(await fetcher.fetch(request('/hop1'))).toMatchObject({ ok: false, error: { code: 'redirect_loop', message: 'more than 3 redirects' } });
    expect(await fetcher.fetch(request('/loop-a'))).toMatchObject({ ok: false, error: { code: 'redirect_loop', message: expect.stringContaining('loop') } });
    expect(await fetcher.fetch(request('/nowhere'))).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('checks the address again at every redirect', async () => {
    const seen: string[] = [];
    const result = await fetcher.fetch(
      request('/moved', {
        checkAddress: async (url) => {
          seen.push(url.pathname);
          return url.pathname === '/feed' ? strict.check(url) : open.check(url);
        },
      }),
    );
    expect(seen).toEqual(['/moved', '/feed']);
    expect(result).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    expect(await fetcher.fetch({ url: server.url('/feed'), checkAddress: (url) => strict.check(url) })).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
  });

  it('types 4xx and 5xx answers and reads Retry-After', async () => {
    expect(await fetcher.fetch(request('/missing'))).toMatchObject({ ok: false, error: { code: 'http_4xx', detail: { status: 404 } } });
    expect(await fetcher.fetch(request('/limited'))).toMatchObject({ ok: false, error: { code: 'http_4xx', detail: { status: 429, retryAfterMs: 120_000 } } });
    expect(await fetcher.fetch(request('/broken'))).toMatchObject({ ok: false, error: { code: 'http_5xx', detail: { status: 503, retryAfterMs: 300_000 } } });
  });

  it('reports refused connections and bad URLs', async () => {
    const closed = await FeedServer.start();
    const url = closed.url('/feed');
    await closed.close();
    expect(await fetcher.fetch({ url, checkAddress: (u) => open.check(u) })).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringContaining('ECONNREFUSED') } });
    expect(await fetcher.fetch({ url: 'not a url', checkAddress: (u) => open.check(u) })).toMatchObject({ ok: false, error: { code: 'bad_url' } });
  });
});

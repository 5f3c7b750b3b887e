import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../../domain/shared/result.js';
import type { FeedErrorCode, FeedFetcher, FetchRequest, FetchResponse } from '../../app/feeds/ports.js';

/** Serves file:// feed URLs from disk: replays of recorded feeds go through the same poll as live ones. */
export class FileFeedFetcher implements FeedFetcher {
  constructor(private readonly maxBytes: number) {}

  async fetch(request: FetchRequest): Promise<Result<FetchResponse, FeedErrorCode>> {
    const url = new URL(request.url);
    if (url.protocol !== 'file:') return err('network', `only file:// URLs can be replayed, not ${url.protocol}`);
    let body: Buffer;
    try {
      body = await readFile(fileURLToPath(url));
    } catch (cause) {
      return err('network', `cannot read ${fileURLToPath(url)}: ${(cause as Error).message}`);
    }
    if (body.byteLength > this.maxBytes) return err('too_large', `the file is over the ${this.maxBytes}-byte cap`);
    return ok({ kind: 'body', status: 200, url: request.url, body: new Uint8Array(body) });
  }
}

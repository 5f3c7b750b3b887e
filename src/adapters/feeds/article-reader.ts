import type { ArticleReader } from '../../app/bot-services.js';
import type { AddressGuard, FeedFetcher } from '../../app/feeds/ports.js';
import type { RawInput } from '../../domain/model.js';
import type { Clock } from '../../domain/shared/clock.js';
import { err, ok, type Result } from '../../domain/shared/result.js';
import { decodeFeedBytes } from './decode.js';

export interface ArticleReaderDeps {
  /** The feed transport: same address checks at every redirect, same deadline and size cap. */
  readonly fetcher: FeedFetcher;
  readonly guard: AddressGuard;
  readonly allowPrivate: boolean;
  readonly clock: Clock;
}

/** Only the head of a page is searched for its title. */
const TITLE_SEARCH = 20_000;
const TITLE = /<title[^>]*>([^<]{1,500})<\/title>/i;

/**
 * Reads one web page as a document for a dry run: the pipeline cleans the HTML as it does a feed
 * item's body. The page's host stands for its outlet.
 */
export function httpArticleReader(deps: ArticleReaderDeps): ArticleReader {
  return {
    async read(url: string): Promise<Result<RawInput, string>> {
      const fetched = await deps.fetcher.fetch({ url, checkAddress: (target) => deps.guard.check(target, { allowPrivate: deps.allowPrivate }) });
      if (!fetched.ok) return err(fetched.error.code, fetched.error.message);
      const response = fetched.value;
      if (response.kind !== 'body') return err('bad_response', `${url} answered without a body`);
      const decoded = decodeFeedBytes(response.body, response.contentType);
      if (!decoded.ok) return decoded;
      const title = TITLE.exec(decoded.value.text.slice(0, TITLE_SEARCH))?.[1]?.trim();
      return ok({
        id: response.url,
        kind: 'news',
        source: new URL(response.url).hostname,
        body: decoded.value.text,
        url: response.url,
        seenAt: deps.clock.now().toISOString(),
        ...(title ? { title } : {}),
      });
    },
  };
}

import type { RawInput } from '../../domain/model.js';
import { foldForMatch } from '../../domain/text/normalize.js';
import type { Feed, FeedItem } from './ports.js';

/**
 * How items are recognised again: per feed by id, across feeds by story keys, and as documents
 * of the pipeline by a globally unique id.
 */

/** Titles shorter than this are too generic ("Mali", "Latest news") to identify a story. */
const MIN_TITLE_WORDS = 6;

/**
 * The id remembered for an item in its feed. An official advisory re-issued under the same guid
 * with a new date is new advice, so official items are remembered per version.
 */
export function seenIdOf(item: FeedItem, feed: Feed): string {
  return feed.kind === 'official' ? `${item.id}@${item.published ?? ''}` : item.id;
}

/**
 * Keys under which one news story reached through two feeds (an outlet's own feed and a Google
 * News search, or the English and French searches) is recognised: its link without scheme and
 * "www.", and its folded title when long enough. Official items have none: each feed is its own
 * authority and two advisories never stand for each other.
 */
export function storyKeys(item: FeedItem, feed: Feed): string[] {
  if (feed.kind === 'official') return [];
  const keys: string[] = [];
  if (item.link) keys.push(`url:${linkKey(item.link)}`);
  const words = foldForMatch(item.title).split(' ').filter(Boolean);
  if (words.length >= MIN_TITLE_WORDS) keys.push(`title:${words.join(' ')}`);
  return keys;
}

function linkKey(link: string): string {
  const url = new URL(link);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.hostname.replace(/^www\./, '')}${path}${url.search}`;
}

/** Document id in the pipeline: URL-like ids are global already; others are scoped by the feed. */
export function documentId(seenId: string, feed: Feed): string {
  return /^(https?:|tag:|urn:)/i.test(seenId) ? seenId : `${feed.url}#${seenId}`;
}

export function toRawInput(item: FeedItem, feed: Feed, seenId: string, seenAt: string): RawInput {
  return {
    id: documentId(seenId, feed),
    kind: feed.kind,
    source: item.source,
    ...(item.title && { title: item.title }),
    body: item.summary,
    ...(item.link !== undefined && { url: item.link }),
    ...(item.published !== undefined && { published: item.published }),
    ...(item.lang !== undefined && { lang: item.lang }),
    seenAt,
  };
}

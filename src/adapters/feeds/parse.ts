import { err, ok, type Result } from '../../domain/shared/result.js';
import type { FeedErrorCode, ParseContext, ParsedFeed } from '../../app/feeds/ports.js';
import { restoreC1 } from './cp1252.js';
import { decodeFeedBytes } from './decode.js';
import { readJsonFeed } from './json-feed.js';
import { normalizeFeed } from './normalize-items.js';
import { readXmlFeed } from './xml-feed.js';
import { stripLeadingJunk } from './xml-prepare.js';

/**
 * A fetched body to normalised items: decode, sniff JSON or XML, read, normalise.
 * Never throws: an unexpected failure of a library becomes a parse_error.
 */
export async function parseFeed(body: string | Uint8Array, context: ParseContext): Promise<Result<ParsedFeed, FeedErrorCode>> {
  try {
    return await parse(body, context);
  } catch (cause) {
    return err('parse_error', `unreadable feed: ${(cause as Error).message ?? String(cause)}`);
  }
}

async function parse(body: string | Uint8Array, context: ParseContext): Promise<Result<ParsedFeed, FeedErrorCode>> {
  const decoded = typeof body === 'string' ? ok({ text: body, lossy: false, encoding: 'string' }) : decodeFeedBytes(body, context.contentType);
  if (!decoded.ok) return decoded;
  const warnings = decoded.value.lossy ? [`guessed_encoding:${decoded.value.encoding}`] : [];
  // The XML parser drops C1 controls; in feeds they are Windows-1252 punctuation stored as Unicode.
  const start = restoreC1(decoded.value.text.replace(/^\uFEFF/, '').trimStart());
  if (start === '') return err('not_a_feed', 'empty document');
  const raw = start.startsWith('{') || start.startsWith('[') ? readJsonFeed(start) : await readXmlFeed(stripLeadingJunk(start));
  if (!raw.ok) return raw;
  return ok(normalizeFeed(raw.value, context, warnings));
}

import { createHash } from 'node:crypto';
import type { FeedItem, ParseContext, ParsedFeed } from '../../app/feeds/ports.js';
import { cleanBlock, cleanLine } from './clean-text.js';
import { parseFeedDate } from './dates.js';
import { canonicalLink, looksLikeLink } from './links.js';
import type { RawFeed, RawItem } from './raw-feed.js';

/** Items beyond this are dropped (with a warning): no feed that matters here carries more. */
export const MAX_ITEMS = 1000;
const MAX_SUMMARY_CHARS = 8000;

export function normalizeFeed(raw: RawFeed, context: ParseContext, warnings: readonly string[]): ParsedFeed {
  const base = resolveBase(raw.base, context.url);
  const feedLang = langCode(raw.lang) ?? langCode(context.lang);
  const title = raw.title ? cleanLine(raw.title) : '';
  const source = context.sourceName?.trim() || title || hostOf(context.url);
  const itemContext: ItemContext = { base, source, ...(feedLang !== undefined && { lang: feedLang }) };
  const items = distinctIds(raw.items.slice(0, MAX_ITEMS).map((rawItem) => normalizeItem(rawItem, itemContext)));
  const link = canonicalLink(raw.link, base);
  const allWarnings = [...warnings, ...raw.warnings, ...(raw.items.length > MAX_ITEMS ? [`items_capped:${raw.items.length}`] : [])];
  return {
    format: raw.format,
    ...(title && { title }),
    ...(link !== undefined && { link }),
    ...(feedLang !== undefined && { lang: feedLang }),
    items,
    warnings: allWarnings,
  };
}

/**
 * Some feeds give every item the same guid. Repeated entries are dropped; different items sharing an
 * id get a suffix from their own content, the same whatever their order in the document.
 */
function distinctIds(items: readonly FeedItem[]): FeedItem[] {
  const fingerprint = (item: FeedItem): string => digest(`${item.title}\n${item.published ?? ''}\n${item.summary}`).slice(0, 12);
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
  const variants = new Map<string, Set<string>>();
  for (const item of items) {
    if ((counts.get(item.id) ?? 0) > 1) variants.set(item.id, (variants.get(item.id) ?? new Set()).add(fingerprint(item)));
  }
  const kept = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    const id = (variants.get(item.id)?.size ?? 0) > 1 ? `${item.id}#${fingerprint(item)}` : item.id;
    if (kept.has(id)) continue;
    kept.add(id);
    out.push(id === item.id ? item : { ...item, id });
  }
  return out;
}

interface ItemContext {
  readonly base: string;
  readonly source: string;
  readonly lang?: string;
}

function normalizeItem(raw: RawItem, context: ItemContext): FeedItem {
  const outlet = raw.sourceName ? cleanLine(raw.sourceName) : '';
  const title = withoutOutletSuffix(cleanLine(raw.title ?? ''), outlet);
  const link = itemLink(raw, context.base);
  const published = raw.dates.map(parseFeedDate).find((d) => d !== undefined);
  const body = raw.bodies.find((b) => b.trim() !== '');
  const summary = body ? cleanBlock(body, MAX_SUMMARY_CHARS) : '';
  const lang = langCode(raw.lang) ?? context.lang;
  const author = raw.author ? cleanLine(raw.author) : '';
  return {
    id: raw.guid?.trim() || link || syntheticId(title, raw.dates[0] ?? '', title || raw.dates[0] ? '' : summary),
    ...(link !== undefined && { link }),
    title,
    summary,
    ...(published !== undefined && { published }),
    source: outlet || context.source,
    ...(lang !== undefined && { lang }),
    ...(author && { author }),
  };
}

/** The link, else a guid that is a permalink, else an Atom id that is a URL. */
function itemLink(raw: RawItem, base: string): string | undefined {
  const direct = canonicalLink(raw.link, base);
  if (direct !== undefined) return direct;
  if (raw.guidIsPermaLink === false || !looksLikeLink(raw.guid)) return undefined;
  return canonicalLink(raw.guid, base);
}

/** Google News titles read "Headline - Outlet"; the outlet is kept apart as the source. */
function withoutOutletSuffix(title: string, outlet: string): string {
  if (!outlet) return title;
  const suffix = ` - ${outlet}`;
  return title.endsWith(suffix) && title.length > suffix.length ? title.slice(0, -suffix.length).trim() : title;
}

function syntheticId(title: string, date: string, body: string): string {
  return `sha256:${digest(`${title}\n${date}\n${body}`).slice(0, 32)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function resolveBase(base: string | undefined, url: string): string {
  if (!base) return url;
  try {
    return new URL(base.trim(), url).href;
  } catch {
    return url;
  }
}

function langCode(lang: string | undefined): string | undefined {
  return /^\s*([a-z]{2})(?![a-z])/i.exec(lang ?? '')?.[1]?.toLowerCase();
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

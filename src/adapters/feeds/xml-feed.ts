import Parser from 'rss-parser';
import { err, ok, type Result } from '../../domain/shared/result.js';
import type { FeedErrorCode, FeedFormat } from '../../app/feeds/ports.js';
import type { RawFeed, RawItem } from './raw-feed.js';
import {
  closeTruncated,
  ensureChannel,
  escapeLooseAmpersands,
  extractEmbeddedAtom,
  flattenXhtml,
  removeDoctype,
  renameAtomDates,
  rootAttribute,
  scanProlog,
  type Prolog,
} from './xml-prepare.js';

/**
 * RSS 0.9x/1.0/2.0 and Atom (0.3 and 1.0) through rss-parser's parseString, after the text-level
 * repairs of xml-prepare.ts. A truncated document is closed and parsed again, with a warning.
 */

type Loose = Record<string, unknown>;

const ITEM_FIELDS = [
  ['guid', 'swGuid', { keepArray: true }],
  ['source', 'swSource', { keepArray: true }],
  ['sw-published', 'swPublished'],
  ['sw-updated', 'swUpdated'],
  ['issued', 'swIssued'],
  ['created', 'swCreated'],
  ['modified', 'swModified'],
  ['dc:date', 'swDcDate'],
  ['dc:language', 'swLanguage'],
];
const FEED_FIELDS = [['dc:language', 'swLanguage']];

function newParser(): Parser<Loose, Loose> {
  // One parser per document: xml2js keeps state between calls and a failed parse can leave it dirty.
  const customFields = { item: ITEM_FIELDS, feed: FEED_FIELDS } as unknown as Parser.CustomFields<Loose, Loose>;
  return new Parser<Loose, Loose>({ defaultRSS: 2, customFields });
}

const FEED_ROOTS = /^(rss|feed|([\w.-]+:)?RDF)$/;

export async function readXmlFeed(text: string): Promise<Result<RawFeed, FeedErrorCode>> {
  let prolog = scanProlog(text);
  if (!prolog) return err('not_a_feed', text.trim() === '' ? 'empty document' : 'no root element');
  let source = text;
  if (!FEED_ROOTS.test(prolog.rootName)) {
    const atom = extractEmbeddedAtom(text);
    if (!atom) return err('not_a_feed', `root element <${prolog.rootName}> is not a feed`);
    source = atom;
    prolog = { rootStart: 0, rootName: 'feed' };
  }
  const format = formatOf(source, prolog);
  const prepared = prepare(source, prolog, format);
  const first = await tryParse(prepared);
  if (first.ok) return ok(toRawFeed(first.value, format, source, prolog, []));
  const closed = closeTruncated(prepared);
  if (closed !== undefined) {
    const second = await tryParse(closed);
    if (second.ok) return ok(toRawFeed(second.value, format, source, prolog, ['truncated']));
  }
  return first;
}

function formatOf(text: string, prolog: Prolog): FeedFormat {
  if (prolog.rootName === 'feed') return 'atom';
  if (prolog.rootName === 'rss') return 'rss2';
  const rootTag = text.slice(prolog.rootStart, text.indexOf('>', prolog.rootStart));
  return rootTag.includes('my.netscape.com/rdf/simple/0.9') ? 'rss090' : 'rss1';
}

function prepare(text: string, prolog: Prolog, format: FeedFormat): string {
  const body = escapeLooseAmpersands(removeDoctype(text, prolog));
  const rescanned = scanProlog(body) ?? prolog;
  return format === 'atom' ? renameAtomDates(flattenXhtml(body)) : ensureChannel(body, rescanned);
}

async function tryParse(xml: string): Promise<Result<Parser.Output<Loose>, FeedErrorCode>> {
  try {
    return ok(await newParser().parseString(xml));
  } catch (cause) {
    const message = (cause as Error).message.split('\n')[0] ?? 'unreadable XML';
    const code = /not recognized/i.test(message) ? 'not_a_feed' : 'parse_error';
    return err(code, message);
  }
}

function toRawFeed(output: Parser.Output<Loose>, format: FeedFormat, text: string, prolog: Prolog, warnings: string[]): RawFeed {
  const feed = output as unknown as Loose;
  const title = textOf(feed['title']);
  const link = textOf(feed['link']);
  const lang = textOf(feed['language']) || textOf(feed['swLanguage']);
  const base = rootAttribute(text, prolog, 'xml:base') ?? channelBase(text);
  return {
    format,
    ...(title && { title }),
    ...(link && { link }),
    ...(lang && { lang }),
    ...(base !== undefined && { base }),
    items: output.items.map((item) => toRawItem(item as Loose)),
    warnings,
  };
}

function channelBase(text: string): string | undefined {
  const at = text.search(/<channel[\s>]/);
  return at < 0 ? undefined : rootAttribute(text, { rootStart: at, rootName: 'channel' }, 'xml:base');
}

function toRawItem(item: Loose): RawItem {
  const guid = first(item['swGuid']);
  const guidText = textOf(guid) || textOf(item['id']);
  const permaLink = attribute(guid, 'isPermaLink');
  const sourceName = outletName(first(item['swSource']));
  const title = textOf(item['title']);
  const link = textOf(item['link']);
  const author = textOf(item['creator']) || textOf(item['author']);
  const lang = textOf(item['language']) || textOf(item['swLanguage']);
  const bodies = [item['content:encoded'], item['content'], item['summary']].map(textOf).filter(Boolean);
  const dateFields = ['swPublished', 'pubDate', 'swDcDate', 'date', 'swIssued', 'swCreated', 'swUpdated', 'swModified'];
  return {
    ...(guidText && { guid: guidText }),
    ...(permaLink !== undefined && { guidIsPermaLink: permaLink.trim().toLowerCase() !== 'false' }),
    ...(link && { link }),
    ...(title && { title }),
    bodies,
    dates: dateFields.map((field) => textOf(item[field])).filter(Boolean),
    ...(sourceName && { sourceName }),
    ...(author && { author }),
    ...(lang && { lang }),
  };
}

/** RSS <source> holds the outlet's name; Atom <source> is an element whose <title> names it. */
function outletName(source: unknown): string {
  if (typeof source === 'object' && source !== null && !Array.isArray(source) && 'title' in source) return textOf(source.title);
  return textOf(source);
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function attribute(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const attrs = (node as Loose)['$'];
  const value = typeof attrs === 'object' && attrs !== null ? (attrs as Loose)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Text of an xml2js node: a string, an array of nodes, or an element with "_" text and children. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).filter(Boolean).join(' ');
  if (typeof node !== 'object' || node === null) return '';
  return Object.entries(node)
    .filter(([key]) => key !== '$')
    .map(([, value]) => textOf(value))
    .filter(Boolean)
    .join(' ');
}

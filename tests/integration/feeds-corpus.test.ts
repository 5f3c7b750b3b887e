import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/adapters/feeds/parse.js';
import { FEED_ERROR_CODES, type FeedErrorCode, type FeedItem, type ParsedFeed } from '../../src/app/feeds/ports.js';
import type { Result } from '../../src/domain/shared/result.js';

/**
 * Every file of the shared real-world corpus (../shared/feeds-corpus, beside the repository) either
 * yields normalised items or a typed error, within a time bound; where the manifest's notes state
 * what the source library's own test expects (item counts, first titles, dates), that holds too.
 */

const root = new URL('../../../shared/feeds-corpus/', import.meta.url);
const available = existsSync(new URL('MANIFEST.tsv', root));
const PER_FILE_MS = 10_000;

interface Row {
  readonly file: string;
  readonly format: string;
  readonly expected: 'parse' | 'error';
  readonly notes: string;
}

function manifest(): Row[] {
  const lines = readFileSync(new URL('MANIFEST.tsv', root), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file = '', , , format = '', , expected = '', notes = ''] = line.split('\t');
    return { file, format, expected: expected === 'error' ? 'error' : 'parse', notes };
  });
}

/** The library test's own expectations (the note before "| auto:") and the machine item count. */
interface Expectations {
  count?: number;
  autoCount?: number;
  firstTitle?: string;
  firstId?: string;
  nthTitle?: [number, string];
  firstDate?: { instant?: number; day?: string };
}

function expectations(note: string): Expectations {
  const text = note.split('| auto:')[0] ?? '';
  const out: Expectations = {};
  const auto = /\| auto: (\d+) items/.exec(note);
  if (auto) out.autoCount = Number(auto[1]);
  const count = /(?:test|golden|expected|spec)[^;|]*?\b(\d+) (?:items?|entries|entry|leads|articles)\b/.exec(text);
  if (count) out.count = Number(count[1]);
  const title = /(?:first(?: title| entry| item)?|\b1 (?:item|entry)) "((?:[^"\\]|\\.)*)"/.exec(text);
  if (title?.[1] && !/\d{4} \d\d:\d\d/.test(title[1])) out.firstTitle = title[1].replace(/\\"/g, '"');
  const id = /first id "([^"]+)"/.exec(text);
  if (id?.[1]) out.firstId = id[1];
  const nth = /item\[(\d+)\] "([^"]+)"/.exec(text);
  if (nth?.[1] && nth[2]) out.nthTitle = [Number(nth[1]), nth[2]];
  const date = dateExpectation(text);
  if (date) out.firstDate = date;
  return out;
}

function dateExpectation(text: string): Expectations['firstDate'] {
  const epoch = /publishedAt (\d{10})\b/.exec(text)?.[1];
  if (epoch) return { instant: Number(epoch) * 1000 };
  const iso = /published (\d{4}-\d{2}-\d{2}T[\d:]+(?:Z|[+-]\d{2}:\d{2}))/.exec(text)?.[1] ?? /"[^"]*", (\d{4}-\d{2}-\d{2}T[\d:]+Z)\b/.exec(text)?.[1];
  if (iso) return { instant: Date.parse(iso) };
  const ruby = /published ([A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} [\d:]{8} UTC \d{4})/.exec(text)?.[1];
  if (ruby) return { instant: Date.parse(ruby) };
  const rfc = /first (?:pubDate|entry) "([^"]*\d{4} \d\d:\d\d:\d\d[^"]*)"/.exec(text)?.[1];
  if (rfc) return { instant: Date.parse(rfc) };
  const day = /(?:item|"[^"]*"), (\d{4}-\d{2}-\d{2})(?!T)/.exec(text)?.[1];
  return day ? { day } : undefined;
}

async function parseBounded(bytes: Uint8Array): Promise<Result<ParsedFeed, FeedErrorCode>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PER_FILE_MS} ms`)), PER_FILE_MS);
  });
  try {
    return await Promise.race([parseFeed(bytes, { url: 'https://corpus.example/feed', sourceName: 'Corpus' }), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function checkItem(item: FeedItem): void {
  expect(item.id.trim()).not.toBe('');
  if (item.link !== undefined) expect(item.link).toMatch(/^https?:\/\/[^\s]+$/);
  if (item.published !== undefined) expect(new Date(item.published).toISOString()).toBe(item.published);
  expect(item.source.trim()).not.toBe('');
  expect(item.title).not.toMatch(/\s{2}|^\s|\s$/);
  expect(item.title + item.summary).not.toMatch(/[\u0080-\u009f]/);
}

/** Google News titles lose their " - Outlet" suffix; a note ending in "…" gives a prefix. */
function sameTitle(item: FeedItem | undefined, expected: string): boolean {
  const title = item?.title ?? '';
  if (expected.endsWith('…')) return title.startsWith(expected.slice(0, -1));
  return title === expected || `${title} - ${item?.source ?? ''}` === expected;
}

describe.skipIf(!available)(available ? 'feeds corpus' : 'feeds corpus: SKIPPED, ../shared/feeds-corpus is missing', () => {
  const rows = available ? manifest() : [];

  it('lists every corpus file in its manifest', () => {
    const onDisk = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name !== 'MANIFEST.tsv' && d.name !== 'SUMMARY.md')
      .map((d) => `${d.parentPath.slice(new URL(root).pathname.length)}/${d.name}`.replace(/^\/+/, ''));
    expect(new Set(rows.map((r) => r.file))).toEqual(new Set(onDisk));
  });

  it('finds expectations to check in the notes', () => {
    const found = rows.map((row) => expectations(row.notes));
    const tally = (key: keyof Expectations): number => found.filter((e) => e[key] !== undefined).length;
    expect(tally('count')).toBeGreaterThanOrEqual(60);
    expect(tally('autoCount')).toBeGreaterThanOrEqual(150);
    expect(tally('firstTitle')).toBeGreaterThanOrEqual(30);
    expect(tally('firstDate')).toBeGreaterThanOrEqual(20);
  });

  it.each(available ? manifest() : [])('$file ($format, expected $expected)', async (row) => {
    const result = await parseBounded(readFileSync(new URL(row.file, root)));
    if (!result.ok) {
      expect(FEED_ERROR_CODES).toContain(result.error.code);
      expect(result.error.message.length).toBeGreaterThan(0);
      expect(row.expected, `${result.error.code}: ${result.error.message}`).toBe('error');
      return;
    }
    const feed = result.value;
    feed.items.forEach(checkItem);
    if (row.expected === 'error') {
      expect(feed.warnings.length > 0 || feed.items.length === 0, 'a broken file parses only with warnings or to nothing').toBe(true);
      return;
    }
    const want = expectations(row.notes);
    if (want.count !== undefined) expect(feed.items).toHaveLength(want.count);
    if (want.autoCount !== undefined) expect(feed.items).toHaveLength(want.autoCount);
    if (want.firstTitle !== undefined) expect(sameTitle(feed.items[0], want.firstTitle), `first title "${feed.items[0]?.title}"`).toBe(true);
    if (want.nthTitle) expect(feed.items[want.nthTitle[0]]?.title).toBe(want.nthTitle[1]);
    if (want.firstId !== undefined) expect(feed.items[0]?.id).toBe(want.firstId);
    if (want.firstDate?.instant !== undefined) expect(Date.parse(feed.items[0]?.published ?? '')).toBe(want.firstDate.instant);
    if (want.firstDate?.day !== undefined) expect(feed.items[0]?.published?.slice(0, 10)).toBe(want.firstDate.day);
  });
});

import { z } from 'zod';
import { err, ok, type Result } from '../../domain/shared/result.js';
import type { FeedErrorCode } from '../../app/feeds/ports.js';
import type { RawFeed, RawItem } from './raw-feed.js';

/** JSON Feed 1.0/1.1 and "RSS in JSON" (scripting.com), validated with zod, item by item. */

const text = z.string();
const idLike = z.union([z.string(), z.number()]).transform(String);
const person = z.looseObject({ name: text.optional() });

const jsonFeedItem = z.looseObject({
  id: idLike.optional(),
  url: text.optional(),
  external_url: text.optional(),
  title: text.optional(),
  content_html: text.optional(),
  content_text: text.optional(),
  summary: text.optional(),
  date_published: text.optional(),
  date_modified: text.optional(),
  author: person.optional(),
  authors: z.array(person).optional(),
  language: text.optional(),
});

const jsonFeed = z.looseObject({
  version: text.regex(/^https?:\/\/jsonfeed\.org\/version\//),
  title: text.optional(),
  home_page_url: text.optional(),
  language: text.optional(),
  items: z.array(z.unknown()),
});

const rssInJsonItem = z.looseObject({
  title: text.optional(),
  link: text.optional(),
  description: text.optional(),
  pubDate: text.optional(),
  guid: z.union([text, z.looseObject({ value: text.optional(), '#value': text.optional() })]).optional(),
  author: text.optional(),
});

const rssInJson = z.looseObject({
  rss: z.looseObject({
    channel: z.looseObject({
      title: text.optional(),
      link: text.optional(),
      language: text.optional(),
      item: z.union([z.array(z.unknown()), z.unknown().transform((one) => [one])]).optional(),
    }),
  }),
});

export function readJsonFeed(body: string): Result<RawFeed, FeedErrorCode> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (cause) {
    return err('parse_error', `invalid JSON: ${(cause as Error).message}`);
  }
  const feed = jsonFeed.safeParse(data);
  if (feed.success) return ok(fromJsonFeed(feed.data));
  const rss = rssInJson.safeParse(data);
  if (rss.success) return ok(fromRssInJson(rss.data));
  return err('not_a_feed', 'JSON document that is neither a JSON Feed nor RSS in JSON');
}

function eachValid<S extends z.ZodType>(schema: S, values: readonly unknown[], warnings: string[]): z.infer<S>[] {
  const items: z.infer<S>[] = [];
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
  }
  if (items.length < values.length) warnings.push(`skipped_items:${values.length - items.length}`);
  return items;
}

function fromJsonFeed(feed: z.infer<typeof jsonFeed>): RawFeed {
  const warnings: string[] = [];
  const items = eachValid(jsonFeedItem, feed.items, warnings).map((item): RawItem => {
    const author = item.authors?.[0]?.name ?? item.author?.name;
    const link = item.url ?? item.external_url;
    return {
      ...(item.id !== undefined && { guid: item.id }),
      ...(link !== undefined && { link }),
      ...(item.title !== undefined && { title: item.title }),
      bodies: [item.content_html, item.content_text, item.summary].filter((b): b is string => b !== undefined),
      dates: [item.date_published, item.date_modified].filter((d): d is string => d !== undefined),
      ...(author !== undefined && { author }),
      ...(item.language !== undefined && { lang: item.language }),
    };
  });
  return {
    format: 'json',
    ...(feed.title !== undefined && { title: feed.title }),
    ...(feed.home_page_url !== undefined && { link: feed.home_page_url }),
    ...(feed.language !== undefined && { lang: feed.language }),
    items,
    warnings,
  };
}

function fromRssInJson(data: z.infer<typeof rssInJson>): RawFeed {
  const warnings: string[] = [];
  const channel = data.rss.channel;
  const items = eachValid(rssInJsonItem, channel.item ?? [], warnings).map((item): RawItem => {
    const guid = typeof item.guid === 'string' ? item.guid : (item.guid?.value ?? item.guid?.['#value']);
    return {
      ...(guid !== undefined && { guid }),
      ...(item.link !== undefined && { link: item.link }),
      ...(item.title !== undefined && { title: item.title }),
      bodies: item.description !== undefined ? [item.description] : [],
      dates: item.pubDate !== undefined ? [item.pubDate] : [],
      ...(item.author !== undefined && { author: item.author }),
    };
  });
  return {
    format: 'json',
    ...(channel.title !== undefined && { title: channel.title }),
    ...(channel.link !== undefined && { link: channel.link }),
    ...(channel.language !== undefined && { lang: channel.language }),
    items,
    warnings,
  };
}

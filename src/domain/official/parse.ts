import type { OfficialAdvice, OfficialSource } from '../advisory/types.js';
import type { Gazetteer } from '../extract/gazetteer.js';
import { fold } from '../text/normalize.js';

/** What an official feed item says, before it is tied to a country. */
export interface OfficialItem {
  readonly title: string;
  readonly text: string;
  readonly url?: string;
  readonly published?: string;
  readonly seenAt: string;
}

const US_LEVEL = /\blevel\s*([1-4])\s*[:\-–]?\s*(exercise normal precautions|exercise increased caution|reconsider travel|do not travel)?/i;

/** UK and French phrasing mapped onto the US 1-4 scale, strongest first. */
const PROSE_LEVELS: ReadonlyArray<{ level: 1 | 2 | 3 | 4; pattern: RegExp }> = [
  { level: 4, pattern: /\badvises? against all travel to (the whole of )?\b/ },
  { level: 4, pattern: /\b(do not travel|formellement deconseille)\b/ },
  { level: 3, pattern: /\b(advises? against all but essential travel|reconsider travel|deconseille sauf raison imperative)\b/ },
  { level: 2, pattern: /\b(exercise increased caution|vigilance renforcee)\b/ },
];

const PUBLISHERS: ReadonlyArray<readonly [string, OfficialSource]> = [
  ['gov.uk', 'uk'],
  ['state.gov', 'us'],
  ['diplomatie.gouv.fr', 'fr'],
  ['mea.gov.in', 'in'],
  ['gc.ca', 'ca'],
  ['canada.ca', 'ca'],
  ['smartraveller.gov.au', 'au'],
];

/** Which publisher an official feed belongs to, from its URL; undefined for unknown publishers. */
export function officialSourceOf(url: string | undefined): OfficialSource | undefined {
  if (!url) return undefined;
  const host = (() => {
    try {
      return new URL(url).hostname.toLowerCase();
    } catch {
      return '';
    }
  })();
  return PUBLISHERS.find(([domain]) => host === domain || host.endsWith(`.${domain}`))?.[1];
}

function countryOf(title: string, url: string | undefined, gazetteer: Gazetteer): string | undefined {
  const countries = gazetteer.entries.filter((e) => e.kind === 'country');
  const head = fold(title.split(/\s[-–|]\s|:/)[0] ?? title).trim();
  const slug = url ? fold(decodeURIComponent(new URL(url).pathname)).replace(/[-_]/g, ' ') : '';
  const named = (text: string) =>
    countries.find((c) => c.names.some((n) => new RegExp(`(^|[^a-z])${escapeRegExp(fold(n))}([^a-z]|$)`).test(text)));
  return (named(head) ?? named(slug))?.country;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function levelOf(title: string, text: string): 1 | 2 | 3 | 4 | undefined {
  const us = US_LEVEL.exec(title) ?? US_LEVEL.exec(text.slice(0, 2_000));
  if (us?.[1]) return Number(us[1]) as 1 | 2 | 3 | 4;
  const folded = fold(`${title} ${text.slice(0, 4_000)}`);
  return PROSE_LEVELS.find((p) => p.pattern.test(folded))?.level;
}

function summaryOf(title: string, text: string): string {
  const firstSentence = text.split(/(?<=[.!?])\s+/)[0]?.trim() ?? '';
  const summary = firstSentence.length > 0 && firstSentence !== title ? `${title}: ${firstSentence}` : title;
  return summary.length > 400 ? `${summary.slice(0, 397)}...` : summary;
}

/**
 * Reads the country and level an official feed item states. Nothing is guessed: an item that
 * names no known country, or whose publisher is unknown, yields nothing.
 */
export function readOfficialAdvice(item: OfficialItem, feedUrl: string, gazetteer: Gazetteer): OfficialAdvice | undefined {
  const source = officialSourceOf(item.url) ?? officialSourceOf(feedUrl);
  const country = countryOf(item.title, item.url, gazetteer);
  if (!source || !country) return undefined;
  const level = levelOf(item.title, item.text);
  return {
    source,
    country,
    ...(level === undefined ? {} : { level }),
    summary: summaryOf(item.title, item.text),
    url: item.url ?? feedUrl,
    updated: item.published ?? item.seenAt,
  };
}

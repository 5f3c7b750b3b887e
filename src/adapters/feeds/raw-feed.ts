import type { FeedFormat } from '../../app/feeds/ports.js';

/** What a format reader extracts, before normalisation (see normalize-items.ts). All text still raw. */
export interface RawItem {
  readonly guid?: string;
  /** RSS guid isPermaLink (absent means true, per the RSS spec). */
  readonly guidIsPermaLink?: boolean;
  readonly link?: string;
  readonly title?: string;
  /** Candidate bodies, fullest first (content:encoded, content, description/summary). */
  readonly bodies: readonly string[];
  /** Candidate dates, preferred first (published, then updated). */
  readonly dates: readonly string[];
  /** The outlet named by the item itself (Google News <source>). */
  readonly sourceName?: string;
  readonly author?: string;
  readonly lang?: string;
}

export interface RawFeed {
  readonly format: FeedFormat;
  readonly title?: string;
  readonly link?: string;
  readonly lang?: string;
  /** xml:base of the document, if any. */
  readonly base?: string;
  readonly items: readonly RawItem[];
  readonly warnings: readonly string[];
}

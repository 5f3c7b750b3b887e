import type { OfficialAdvice } from '../domain/advisory/types.js';
import type { Gazetteer } from '../domain/extract/gazetteer.js';
import type { RawInput } from '../domain/model.js';
import { officialSourceOf, readOfficialAdvice } from '../domain/official/parse.js';
import { buildDocument } from '../domain/text/document.js';
import type { OfficialAdviceSource } from './delivery/ports.js';
import type { Feed } from './feeds/ports.js';

/** The latest advice per publisher and country. */
export interface OfficialAdviceRepository {
  /** Keeps the newer of the stored and the given advice for its (source, country). */
  put(advice: OfficialAdvice): Promise<void>;
  forCountry(country: string): Promise<OfficialAdvice[]>;
  list(): Promise<OfficialAdvice[]>;
}

export interface OfficialAdviceTracker extends OfficialAdviceSource {
  /** Reads an item of an official feed and keeps what it says about a country's travel advice. */
  record(raw: RawInput, feed: Feed): Promise<OfficialAdvice | undefined>;
}

export function officialAdviceTracker(repository: OfficialAdviceRepository, gazetteer: Gazetteer): OfficialAdviceTracker {
  return {
    forCountry: (country) => repository.forCountry(country),
    async record(raw, feed) {
      // An official publisher's item is advice whichever feed carried it (a news search may).
      if (feed.kind !== 'official' && officialSourceOf(raw.url) === undefined) return undefined;
      const doc = buildDocument(raw);
      const text = doc.ok ? doc.value.text : '';
      const title = raw.title ?? (doc.ok ? doc.value.title : '');
      const advice = readOfficialAdvice(
        { title, text, seenAt: raw.seenAt, ...(raw.url ? { url: raw.url } : {}), ...(raw.published ? { published: raw.published } : {}) },
        feed.url,
        gazetteer,
      );
      if (advice) await repository.put(advice);
      return advice;
    },
  };
}

/** In-memory repository for one-shot runs and tests. */
export class MemoryOfficialAdviceRepository implements OfficialAdviceRepository {
  private readonly byKey = new Map<string, OfficialAdvice>();

  async put(advice: OfficialAdvice): Promise<void> {
    const key = `${advice.source}:${advice.country}`;
    const known = this.byKey.get(key);
    if (!known || known.updated <= advice.updated) this.byKey.set(key, advice);
  }

  async forCountry(country: string): Promise<OfficialAdvice[]> {
    return [...this.byKey.values()].filter((a) => a.country === country).sort((a, b) => a.source.localeCompare(b.source));
  }

  async list(): Promise<OfficialAdvice[]> {
    return [...this.byKey.values()];
  }
}

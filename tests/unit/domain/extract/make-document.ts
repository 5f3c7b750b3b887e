import { fileURLToPath } from 'node:url';
import { loadCatalogs } from '../../../../src/config/catalogs.js';
import type { Catalogs } from '../../../../src/domain/extract/facts.js';
import type { Document, Lang, Sentence } from '../../../../src/domain/model.js';
import { fold } from '../../../../src/domain/text/normalize.js';

/**
 * A small Document for extractor tests: sentence 0 is the title, the body is split on ". ",
 * and the title with the first three body sentences form the lead.
 */
export function makeDocument(title: string, body = '', options: { lang?: Lang; published?: string } = {}): Document {
  const parts = body.length === 0 ? [] : body.split('. ').map((part, i, all) => (i < all.length - 1 ? `${part}.` : part));
  const texts = [title, ...parts];
  const sentences: Sentence[] = texts.map((text, index) => ({ index, text, folded: fold(text), lead: index <= 3 }));
  return {
    id: 'test',
    kind: 'news',
    source: 'test',
    title,
    text: parts.join(' '),
    sentences,
    lang: options.lang ?? 'en',
    ...(options.published === undefined ? {} : { published: options.published }),
    publishedFrom: options.published === undefined ? 'seen' : 'metadata',
    seenAt: '2025-07-03T12:00:00Z',
  };
}

/** A one-sentence document: the sentence is the title. */
export function sentenceDocument(text: string, lang: Lang = 'en'): Document {
  return makeDocument(text, '', { lang });
}

export const notBackground = (): boolean => false;
export const allBackground = (): boolean => true;

/** The project's own catalogs, as the bot loads them. */
export function projectCatalogs(): Catalogs {
  const loaded = loadCatalogs(fileURLToPath(new URL('../../../../config', import.meta.url)));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

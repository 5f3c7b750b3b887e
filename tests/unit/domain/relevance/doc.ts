import type { Document, Lang } from '../../../../src/domain/model.js';
import { fold } from '../../../../src/domain/text/normalize.js';

/** A Document as the text builder would make it: the title is sentence 0, the lead is the title and first two body sentences. */
export function makeDoc(title: string, body: string, lang: Lang = 'en'): Document {
  const parts = [title, ...body.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0)];
  return {
    id: 'doc-1',
    kind: 'news',
    source: 'Test Wire',
    title,
    text: body,
    sentences: parts.map((text, index) => ({ index, text, folded: fold(text), lead: index <= 2 })),
    lang,
    publishedFrom: 'seen',
    seenAt: '2025-07-03T00:00:00Z',
  };
}

import type { DateFact, Document } from '../model.js';
import { parseDateExpressions } from '../text/date-expressions.js';
import { findDateline, type Dateline } from '../text/dateline.js';
import { isBackgroundSentence } from './background.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
/** A date this long before the document's own date recalls the past, whatever the sentence says. */
const BACKGROUND_DAYS = 365;
const DAY_MS = 86_400_000;

/** The document's own date line, with `index` counted in doc.sentences. */
function ownDateline(doc: Document): (Dateline & { readonly index: number }) | undefined {
  const found = findDateline(doc.sentences.slice(1).map((s) => s.text), doc.seenAt.slice(0, 10));
  return found === undefined ? undefined : { ...found, index: found.index + 1 };
}

function dateOf(doc: Document, dateline: { readonly date: string } | undefined): string | undefined {
  if (doc.publishedFrom !== 'seen' && doc.published !== undefined && ISO_DAY.test(doc.published)) return doc.published.slice(0, 10);
  return dateline?.date;
}

/** The document's own date: metadata, else a date line or byline in the text. */
export function documentDate(doc: Document): string | undefined {
  return dateOf(doc, ownDateline(doc));
}

/**
 * Every date in the document, resolved against the document's own date (or the day it was seen):
 * "on Tuesday" is the latest Tuesday on or before it, "July 1" takes the year that keeps it so.
 * The document's own date line is role 'publication'. Dates in background sentences, and dates more
 * than a year before the document's own date, are background.
 */
function longBefore(date: string, reference: string): boolean {
  return Date.parse(reference) - Date.parse(date) > BACKGROUND_DAYS * DAY_MS;
}

export function extractDates(doc: Document): DateFact[] {
  const dateline = ownDateline(doc);
  const own = dateOf(doc, dateline);
  const reference = own ?? doc.seenAt.slice(0, 10);
  const facts: DateFact[] = [];
  for (const sentence of doc.sentences) {
    const expressions = parseDateExpressions(sentence.text, reference, doc.lang, sentence.folded);
    if (expressions.length === 0) continue;
    const background = isBackgroundSentence(sentence);
    for (const e of expressions) {
      const publication = sentence.index === dateline?.index && e.index === dateline.offset;
      facts.push({
        date: e.date,
        precision: e.precision,
        role: publication ? 'publication' : 'event',
        background: publication ? false : background || (own !== undefined && longBefore(e.date, own)),
        matched: e.text,
        evidence: { sentence: sentence.index, text: sentence.text },
      });
    }
  }
  return facts;
}

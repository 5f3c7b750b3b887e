import type { DateFact, Document, Sentence } from '../model.js';
import { fold } from '../text/normalize.js';
import { type DateExpression, mayOpenDate, parseDateExpressions, WEEKDAY_WORDS } from '../text/date-expressions.js';
import { datelineAhead, sentenceDateline, type Dateline } from '../text/dateline.js';
import { comesAfterAt, isBackgroundSentence } from './background.js';
import type { BackgroundTest } from './places.js';
import { boundariesAreTokens, documentTokens, sentenceHas, type Tokens, vocabularyWhere } from './tokens.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
/** A year written out in digits ("June 2025", "of 2024", "2025-07-01"); "this year" has none. */
export const WRITTEN_YEAR = /\b(?:19|20)\d{2}\b/;
/** A date this long before the document's own date recalls the past, whatever the sentence says. */
const BACKGROUND_DAYS = 365;
const DAY_MS = 86_400_000;
/**
 * Days after the earliest day an undated story can have been published (Document.publishedAfter) in
 * which a year-less day it gives may lie, when no later dated item bounds it: after the last dated item
 * of a stream, months may pass ("samedi 12 décembre" two months on is that December's, not one of years before).
 */
const PUBLISHED_AFTER_AHEAD = 365;

/** The document's own date line, with `index` counted in doc.sentences. */
function ownDateline(doc: Document): (Dateline & { readonly index: number }) | undefined {
  const reference = doc.seenAt.slice(0, 10);
  return sentenceDateline(doc.sentences, reference, datelineAhead(reference, doc.publishedBefore));
}

function dateOf(doc: Document, dateline: { readonly date: string } | undefined): string | undefined {
  if (doc.publishedFrom !== 'seen' && doc.published !== undefined && ISO_DAY.test(doc.published)) return doc.published.slice(0, 10);
  return dateline?.date;
}

/** The document's own date: metadata, else a date line or byline in the text. */
export function documentDate(doc: Document): string | undefined {
  return dateOf(doc, ownDateline(doc));
}

/** Whether `date` lies more than `days` days before `reference` (ISO days or date-times). */
export function longBefore(date: string, reference: string, days = BACKGROUND_DAYS): boolean {
  return Date.parse(reference) - Date.parse(date) > days * DAY_MS;
}

/**
 * Years before the day it was read that a year written alone may still be the text's own: a seed read a
 * year or two after it was written still counts its "in 2025", a report of today does not take the
 * "2012" it recalls for its own time.
 */
const RECENT_YEARS = 5;

/** A year alone, long before the text was read, is one it recalls ("occupied in 2012"), not its own. */
function recalledYear(e: DateExpression, seen: string): boolean {
  return e.precision === 'year' && Number(seen.slice(0, 4)) - Number(e.date.slice(0, 4)) > RECENT_YEARS;
}

/**
 * The day against which an undated document's year-less dates are resolved.
 *
 * When a document's only date is the day it was seen, that day may be long after it was written (a
 * seed loaded today, an old page picked up late), and "July 1" resolved against it can land in the
 * wrong year. The years the text writes out are the evidence it gives of its own time: an article
 * naming "June 2025" was written in June 2025 or later, and writers leave the year out of dates in
 * their own year. So year-less dates are placed on or before the end of the latest year the text
 * writes out, when that year ended before the day it was seen; otherwise, and for a story of a stream,
 * the seen day stays the reference. Dates after the seen day are plans or slips, not evidence of when
 * the text was written. Only resolution moves: the publication date stays unknown.
 */
function undatedReference(doc: Document, seen: string): string {
  // A story of a stream came out shortly before the next dated item: a year it writes out is as likely
  // one it looks back on ("a year after the violence of 2018", "the first attack since Grand-Bassam in
  // 2016") as its own.
  if (doc.publishedBefore !== undefined) return seen;
  let latest: string | undefined;
  for (const sentence of doc.sentences) {
    if (!WRITTEN_YEAR.test(sentence.folded)) continue;
    for (const e of parseDateExpressions(sentence.text, seen, doc.lang, sentence.folded)) {
      if (!e.explicitYear || !WRITTEN_YEAR.test(e.text) || e.date > seen || recalledYear(e, seen)) continue;
      if (latest === undefined || e.date > latest) latest = e.date;
    }
  }
  if (latest === undefined) return seen;
  const yearEnd = `${latest.slice(0, 4)}-12-31`;
  return yearEnd < seen ? yearEnd : seen;
}

/**
 * How an undated document's dates are read. Where the stream it came in tells the earliest day it can
 * have come out (see Document.publishedAfter), against that day, with year-less days up to the latest
 * day it can have come out, or PUBLISHED_AFTER_AHEAD days when that is not known; otherwise see
 * undatedReference.
 */
function undatedReading(doc: Document): { reference: string; ahead: number } {
  const after = doc.publishedAfter;
  if (after === undefined) return { reference: undatedReference(doc, doc.seenAt.slice(0, 10)), ahead: 0 };
  const before = doc.publishedBefore;
  const window = before === undefined ? PUBLISHED_AFTER_AHEAD : Math.round((Date.parse(before) - Date.parse(after)) / DAY_MS);
  return { reference: after, ahead: Math.max(window, 0) };
}

const DATE_WORDS = vocabularyWhere(mayOpenDate);

/** "Article mis à jour le 17 novembre 2021", "Updated on March 3": the day the text changed, not a day of the news. */
const STAMP_BEFORE = /\b(?:mis(?:e)? a jour|actualise|modifie|publie|updated|published|last modified)(?: le| on)?\s*:?\s*$/;

function stampsTheText(text: string, at: number): boolean {
  return STAMP_BEFORE.test(fold(text.slice(Math.max(0, at - 30), at)));
}

/** False only where parseDateExpressions is known to find nothing (see mayOpenDate): most sentences name no date. */
function mayHoldDate(tokens: Tokens): boolean {
  const { text, folded } = tokens.sentence;
  return !boundariesAreTokens(tokens) || text.length !== folded.length || sentenceHas(tokens, DATE_WORDS);
}

/**
 * Every date in the document, resolved against the document's own date (for an undated document, see
 * undatedReading): "on Tuesday" is the latest Tuesday on or before it, "July 1" takes the year that
 * keeps it so. The document's own date line is role 'publication'. Dates in background
 * sentences, and dates more than a year before the document's own date, are background.
 */
export function extractDates(doc: Document, backgroundOf: BackgroundTest = isBackgroundSentence): DateFact[] {
  const dateline = ownDateline(doc);
  const own = dateOf(doc, dateline);
  const { reference, ahead } = own !== undefined ? { reference: own, ahead: 0 } : undatedReading(doc);
  const facts: DateFact[] = [];
  for (const tokens of documentTokens(doc)) {
    if (!mayHoldDate(tokens)) continue;
    const { sentence } = tokens;
    const expressions = parseDateExpressions(sentence.text, reference, doc.lang, sentence.folded, ahead);
    if (expressions.length === 0) continue;
    const background = backgroundOf(sentence);
    const subjectEnds = background ? ownSubjectEnd(sentence) : -1;
    for (const e of expressions) {
      const publication = (sentence.index === dateline?.index && e.index === dateline.offset) || stampsTheText(sentence.text, e.index);
      facts.push({
        date: e.date,
        precision: e.precision,
        role: publication ? 'publication' : 'event',
        background: publication ? false : (background && e.index >= subjectEnds) || (own !== undefined && longBefore(e.date, own)),
        matched: e.text,
        evidence: { sentence: sentence.index, text: sentence.text },
      });
    }
  }
  return pinWeekdays(facts);
}

/**
 * "Today's attack comes two weeks after a similar attack in Silgadji": in a background sentence that
 * looks back only for what comes after "comes after", the days before it are the news's own. Where
 * they end, -1 when none are.
 */
function ownSubjectEnd(sentence: Sentence): number {
  const after = comesAfterAt(sentence);
  return after > 0 && !isBackgroundSentence(sentence) ? after : -1;
}

/** The weekday a date names in words ("mardi", "Tuesday"), if any. */
function weekdayOf(matched: string): string | undefined {
  const words = fold(matched).split(/[^a-z]+/);
  return WEEKDAY_WORDS.find((day) => words.includes(day));
}

/**
 * "according to a balance announced on Tuesday, September 27 ... a government report on Tuesday night":
 * a bare weekday is the day the text pins that weekday to elsewhere, not the one before the day it is
 * read against. So is a day of the month written without its weekday or year ("Ce 30 septembre, des
 * tirs ... ce vendredi 30 septembre"): the weekday says which year's it is, the bare day only guesses.
 */
function pinWeekdays(facts: DateFact[]): DateFact[] {
  const named = facts.map((f) => (f.precision === 'day' ? weekdayOf(f.matched) : undefined));
  const pinned = new Map<string, string>();
  facts.forEach((f, i) => {
    const day = named[i];
    if (day === undefined || !/\d/.test(f.matched)) return;
    if (!pinned.has(day)) pinned.set(day, f.date);
    if (!WRITTEN_YEAR.test(f.matched) && !pinned.has(f.date.slice(5))) pinned.set(f.date.slice(5), f.date);
  });
  if (pinned.size === 0) return facts;
  return facts.map((f, i) => {
    const day = named[i];
    const date = day !== undefined ? (/\d/.test(f.matched) ? undefined : pinned.get(day)) : yearless(f) ? pinned.get(f.date.slice(5)) : undefined;
    return date === undefined || date === f.date ? f : { ...f, date };
  });
}

/** A day of the month written without its year, with or without a weekday: "30 septembre", "Sept. 30". */
export const yearless = (f: DateFact): boolean => f.precision === 'day' && /\d/.test(f.matched) && !WRITTEN_YEAR.test(f.matched) && !/^\d{4}-/.test(f.matched);

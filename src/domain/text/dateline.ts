import type { Sentence } from '../model.js';
import { parseDateExpressions } from './date-expressions.js';
import { fold } from './normalize.js';

/**
 * The document's own date as printed in its text: on a line of its own ("Jul 03 2025",
 * "date 2025-11-10") or as a wire dateline opening the lead ("BAMAKO, July 3 (Reuters) - ...").
 */
export interface Dateline {
  /** YYYY-MM-DD */
  readonly date: string;
  /** The date as written. */
  readonly matched: string;
  /** Where `matched` starts in the trimmed line. */
  readonly offset: number;
  /** A line of its own, rather than a wire dateline opening the lead's first sentence. */
  readonly standalone: boolean;
}

/** Datelines sit near the top of a page. */
const SCAN_LINES = 15;
/** Datelines are short; anything longer is a sentence that happens to hold a date. */
const MAX_LENGTH = 80;
const HAS_DIGIT = /\d/;
const LABEL = /^(?:date|dated|published|publie|posted|updated|last updated|mis a jour|modifie|le)(?:\s+(?:on|le))?\s*[:|-]?\s*/;
/** What may follow the date on its line: a time and a zone ("14:22 IST", "à 10h30 GMT"). */
const TRAILER = /^[\s,|:-]*(?:(?:at|a)\s+)?(?:\d{1,2}(?:[:h.]\d{2})?\s*(?:am|pm)?)?\s*(?:[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*$/;
/**
 * A wire dateline: place, date, optional agency, then a dash ("BAMAKO, July 3 (Reuters) -", "LONDON, May
 * 3, 2023/APO Group/ --", a release's "Bamako/New York, January 8, 2021—"), or straight into the lead
 * where a page dropped the dash ("Bamako, January 8 A Swiss woman").
 */
const WIRE_PLACE = /^\p{Lu}[\p{L}'’.-]*(?:[ /]\p{Lu}[\p{L}'’.-]*){0,3}(?:, \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?)?,\s*(?:le\s+)?/u;
const WIRE_SUFFIX = /^\s*(?:\([^()]{1,40}\)\s*|\/[^/]{1,40}\/\s*)?[-–—:]|^\s+(?=\p{Lu}[\p{Ll}\s])/u;
/** A date label glued in front of the headline, as some scrapers leave it: " date 2025-11-10 Five Indians ...". */
const GLUED = /^(?:date|published|updated|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s+(?=\S)/i;

/**
 * A line that is nothing but a full date with a written year, optionally labelled and followed by a
 * time; or that opens with such a date and a dash.
 */
function standalone(line: string, reference: string): Dateline | undefined {
  // A longer line can only be a date before a dash: the date parser is not asked of every opening sentence.
  if (line.length > MAX_LENGTH && !DASH_AHEAD.test(line)) return undefined;
  const trimmed = line.slice(0, MAX_LENGTH);
  const folded = fold(trimmed);
  const label = LABEL.exec(folded);
  const offset = label === null ? 0 : label[0].length;
  const [first] = parseDateExpressions(trimmed.slice(offset), reference, 'und', folded.slice(offset));
  if (first === undefined || first.index !== 0 || first.precision !== 'day' || !first.explicitYear) return undefined;
  const rest = folded.slice(offset + first.text.length);
  if (line.length <= MAX_LENGTH && TRAILER.test(rest)) return { date: first.date, matched: first.text, offset, standalone: true };
  // "June 6, 2016 – Boko Haram Kills 2 Nigerian Soldiers": the date heads the line the page repeats its headline on.
  return offset === 0 && DASHED.test(rest) ? { date: first.date, matched: first.text, offset, standalone: false } : undefined;
}

const DASHED = /^\s*[–—-]\s/;
/** A dash within the first words, where one would follow a date. */
const DASH_AHEAD = /^.{6,40}?\s[–—-]\s/;

/** A sentence opening with a wire dateline; the year may be left out, as wires do. */
function wire(trimmed: string, reference: string, ahead: number): Dateline | undefined {
  const place = WIRE_PLACE.exec(trimmed);
  if (place === null) return undefined;
  const head = trimmed.slice(0, place[0].length + MAX_LENGTH);
  const first = parseDateExpressions(head, reference, 'und', fold(head), ahead)[0];
  if (first === undefined || first.index !== place[0].length || first.precision !== 'day') return undefined;
  if (!WIRE_SUFFIX.test(head.slice(first.index + first.text.length))) return undefined;
  const date = first.explicitYear ? first.date : dayWithin(first.date, reference, ahead);
  return { date, matched: first.text, offset: first.index, standalone: false };
}

/**
 * A dateline is the day the text came out: when that can be any day from `reference` to `ahead` days
 * after it, a day written without its year falls in the year that puts it there, if one does.
 */
function dayWithin(date: string, reference: string, ahead: number): string {
  const from = Date.parse(reference.slice(0, 10));
  const to = from + ahead * 86_400_000;
  const year = Number(date.slice(0, 4));
  for (const candidate of [year, year + 1]) {
    const day = `${String(candidate).padStart(4, '0')}${date.slice(4)}`;
    const at = Date.parse(day);
    if (at >= from && at <= to) return day;
  }
  return date;
}

/**
 * Reads the document's own date from a line: a date line, or a wire dateline opening a sentence.
 * `reference` (YYYY-MM-DD) places dates written without a year, which may also lie up to `ahead`
 * days after it when the reference is only the earliest day the text can have come out.
 */
export function parseDateline(line: string, reference: string, ahead = 0): Dateline | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || !HAS_DIGIT.test(trimmed.slice(0, MAX_LENGTH + 40))) return undefined;
  return standalone(trimmed, reference) ?? wire(trimmed, reference, ahead);
}

/**
 * Days after the day an undated item of a stream was read as of (the latest publication before it) in
 * which it can have come out: up to the next dated item's day. "DAKAR, July 23" read on 22 July with
 * a dated item of 24 July after it is this year's 23 July, not last year's.
 */
export function datelineAhead(reference: string, publishedBefore: string | undefined): number {
  if (publishedBefore === undefined) return 0;
  return Math.max(0, Math.round((Date.parse(publishedBefore.slice(0, 10)) - Date.parse(reference)) / 86_400_000));
}

/** Splits a glued date label off the front of a line: [" date 2025-11-10", "Five Indians ..."]. */
export function splitGluedDateline(line: string): [string, string] | undefined {
  const m = GLUED.exec(line.trim());
  if (m === null) return undefined;
  const trimmed = line.trim();
  return [trimmed.slice(0, m[0].length).trim(), trimmed.slice(m[0].length)];
}

/** The first dateline among the first lines of a text, with its line index. */
export function findDateline(lines: readonly string[], reference: string, ahead = 0): (Dateline & { readonly index: number }) | undefined {
  const end = Math.min(lines.length, SCAN_LINES);
  for (let index = 0; index < end; index++) {
    const found = parseDateline(lines[index] ?? '', reference, ahead);
    if (found !== undefined) return { ...found, index };
  }
  return undefined;
}

type IndexedDateline = Dateline & { readonly index: number };

interface BodyDateline {
  readonly sentences: readonly Sentence[];
  /** The reading (see parseDateline) it was found with. */
  readonly reference: string;
  readonly ahead: number;
  readonly found: IndexedDateline | undefined;
}

/**
 * The body dateline of the sentence list seen last: a document's facts are extracted right after it
 * is built, so one remembered list serves, where a weak map entry per document cost more.
 */
let lastBodyDateline: BodyDateline | undefined;

/** Records the dateline found among `sentences` (index counted in them) for sentenceDateline. */
export function rememberSentenceDateline(sentences: readonly Sentence[], reference: string, ahead: number, found: IndexedDateline | undefined): void {
  lastBodyDateline = { sentences, reference, ahead, found };
}

/**
 * The first dateline among a document's body sentences (sentence 0, the title, excepted), with
 * its index in `sentences`. A document's is found when it is built and asked for again when its
 * facts are extracted, so it is kept with the sentence list.
 */
export function sentenceDateline(sentences: readonly Sentence[], reference: string, ahead = 0): IndexedDateline | undefined {
  const known = lastBodyDateline;
  if (known?.sentences === sentences && known.reference === reference && known.ahead === ahead) return known.found;
  const inBody = findDateline(sentences.slice(1).map((s) => s.text), reference, ahead);
  const found = inBody === undefined ? undefined : { ...inBody, index: inBody.index + 1 };
  rememberSentenceDateline(sentences, reference, ahead, found);
  return found;
}

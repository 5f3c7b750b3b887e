import { parseDateExpressions } from './date-expressions.js';
import { fold } from './normalize.js';

/** The document's own date as printed on a line of its own ("Jul 03 2025", "date 2025-11-10"). */
export interface Dateline {
  /** YYYY-MM-DD */
  readonly date: string;
  /** The date as written. */
  readonly matched: string;
}

/** Datelines sit near the top of a page. */
const SCAN_LINES = 15;
/** Datelines are short; anything longer is a sentence that happens to hold a date. */
const MAX_LENGTH = 80;
const LABEL = /^(?:date|dated|published|publie|posted|updated|last updated|mis a jour|modifie|le)(?:\s+(?:on|le))?\s*[:|-]?\s*/;
/** What may follow the date on its line: a time and a zone ("14:22 IST", "à 10h30 GMT"). */
const TRAILER = /^[\s,|:-]*(?:(?:at|a)\s+)?(?:\d{1,2}(?:[:h.]\d{2})?\s*(?:am|pm)?)?\s*(?:[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*$/;
/** A date label glued in front of the headline, as some scrapers leave it: " date 2025-11-10 Five Indians ...". */
const GLUED = /^(?:date|published|updated|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s+(?=\S)/i;

/**
 * Reads a line that is nothing but a full date (day, month and written year), optionally labelled
 * and followed by a time. `reference` only matters for formats chrono resolves relative to a day.
 */
export function parseDateline(line: string, reference: string): Dateline | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH || !/\d/.test(trimmed)) return undefined;
  const folded = fold(trimmed);
  const label = LABEL.exec(folded);
  const offset = label === null ? 0 : label[0].length;
  const body = trimmed.slice(offset);
  const [first] = parseDateExpressions(body, reference, 'und', folded.slice(offset));
  if (first === undefined || first.index !== 0 || first.precision !== 'day' || !first.explicitYear) return undefined;
  const rest = folded.slice(offset + first.text.length);
  return TRAILER.test(rest) ? { date: first.date, matched: first.text } : undefined;
}

/** Splits a glued date label off the front of a line: [" date 2025-11-10", "Five Indians ..."]. */
export function splitGluedDateline(line: string): [string, string] | undefined {
  const m = GLUED.exec(line.trim());
  if (m === null) return undefined;
  const trimmed = line.trim();
  return [trimmed.slice(0, m[0].length).trim(), trimmed.slice(m[0].length)];
}

/** The first dateline among the first lines of a text, with its line index. */
export function findDateline(lines: readonly string[], reference: string): (Dateline & { readonly index: number }) | undefined {
  const end = Math.min(lines.length, SCAN_LINES);
  for (let index = 0; index < end; index++) {
    const found = parseDateline(lines[index] ?? '', reference);
    if (found !== undefined) return { ...found, index };
  }
  return undefined;
}

import * as chrono from 'chrono-node';
import type { Lang } from '../model.js';
import { dateCore, vocabularyOf, type VocabularyTest } from './date-core.js';
import { fold } from './normalize.js';
import { allMatches, foldedWords, wordTree } from './regex.js';

export type DatePrecision = 'day' | 'month' | 'year';

/** A calendar date found in a piece of text, resolved against a reference day. */
export interface DateExpression {
  /** Offset of `text` in the parsed string. */
  readonly index: number;
  /** The text as written ("Tuesday, July 1", "1er juillet 2025", "since 2012"). */
  readonly text: string;
  /** YYYY-MM-DD; the first day of the period for month or year precision. */
  readonly date: string;
  readonly precision: DatePrecision;
  /** True when the year was written out or follows from a relative phrase, not guessed. */
  readonly explicitYear: boolean;
}

/**
 * Parsers for times of day, numeric slash dates and "within/later" spans are removed: events are
 * dated to the day, "3/7" is ambiguous between locales, and those parsers cost most of chrono's time.
 * chrono exposes its parsers only as instances, so they are recognised by class name.
 */
const UNWANTED = /Time(?:Expression|UnitWithin|UnitLater)|CasualTime|Slash|EndOf|Timezone|MergeDateTime|MergeDateRange|ForwardDate/;

interface PatternSource {
  innerPattern?: (context?: unknown) => unknown;
}

/**
 * Some of chrono's French parsers build a new pattern object on every call ("il y a ...", "hier"),
 * which defeats chrono's cache of the compiled pattern: it is rebuilt for every parse. Their patterns
 * do not depend on the call, so the first one is kept. A parser that cannot be asked is left as it is.
 */
function pinPattern(parser: chrono.Parser): chrono.Parser {
  const source = parser as chrono.Parser & PatternSource;
  try {
    const first = source.innerPattern?.();
    const second = source.innerPattern?.();
    if (first instanceof RegExp && second instanceof RegExp && first !== second && first.source === second.source && first.flags === second.flags) {
      source.innerPattern = () => first;
    }
  } catch {
    // A pattern that needs a parsing context is built per call by design.
  }
  return parser;
}

function lean(base: chrono.Chrono): chrono.Chrono {
  const copy = base.clone();
  copy.parsers = copy.parsers.filter((p) => !UNWANTED.test(p.constructor.name)).map(pinPattern);
  copy.refiners = copy.refiners.filter((r) => !UNWANTED.test(r.constructor.name));
  return copy;
}

const parsers: Record<'en' | 'fr', chrono.Chrono> = { en: lean(chrono.en.casual), fr: lean(chrono.fr.casual) };

/** The sources of a chrono's patterns, or undefined when one of them cannot be had without parsing. */
function patternSources(parsing: chrono.Chrono): string[] | undefined {
  const sources: string[] = [];
  for (const parser of parsing.parsers) {
    try {
      sources.push(parser.pattern({ option: {} } as unknown as Parameters<chrono.Parser['pattern']>[0]).source);
    } catch {
      return undefined;
    }
  }
  return sources;
}

/**
 * chrono's vocabulary for each language a text may be read in (see date-core.ts); without it,
 * windows are read whole.
 */
const vocabularies = ((): Readonly<Record<Lang, VocabularyTest>> | undefined => {
  const en = patternSources(parsers.en);
  const fr = patternSources(parsers.fr);
  if (en === undefined || fr === undefined) return undefined;
  return { en: vocabularyOf(en), fr: vocabularyOf(fr), und: vocabularyOf([...en, ...fr]) };
})();

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const FR_MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const FR_WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
/** English and French weekdays and month names, folded, for readers that must know a calendar word when they see one. */
export const WEEKDAY_WORDS: readonly string[] = [...EN_WEEKDAYS, ...FR_WEEKDAYS];
export const MONTH_WORDS: readonly string[] = [...EN_MONTHS, ...FR_MONTHS];
const EN_RELATIVE = ['yesterday', 'today', 'tonight', 'ago', ...['last', 'this', 'past', 'next'].flatMap((w) => ['year', 'month', 'week', 'weekend'].map((unit) => `${w} ${unit}`))];
const FR_RELATIVE = ['hier', 'avant-hier', "aujourd'hui", 'il y a', 'dernier', 'derniere', 'passe', 'passee', 'cette annee', 'cette semaine', 'ce mois'];

/**
 * Where a date may start or end, matched on folded text. chrono runs only on a short window around
 * each of these: running it over whole sentences would cost more than all other extraction together.
 */
const ANCHOR = new RegExp(
  foldedWords([wordTree([...EN_MONTHS, ...EN_MONTHS_SHORT, ...EN_WEEKDAYS, ...FR_MONTHS, ...FR_WEEKDAYS, ...EN_RELATIVE, ...FR_RELATIVE]), String.raw`\d{4}-\d{2}-\d{2}`]),
  'g',
);
/** The first word of each anchor and of the French month and "l'an dernier" patterns, as folded text cuts words. */
const FIRST_WORDS: ReadonlySet<string> = new Set(
  [...EN_MONTHS, ...EN_MONTHS_SHORT, ...EN_WEEKDAYS, ...FR_MONTHS, ...FR_WEEKDAYS, ...EN_RELATIVE, ...FR_RELATIVE, 'dernier', 'passe'].map((w) => w.split(/[^a-z]/)[0] ?? w),
);
const FOUR_DIGITS = /^\d{4}$/;

/**
 * Whether a word of folded ASCII text may open a date that parseDateExpressions finds there: the
 * first word of an anchor, a word ending in a French month (FRENCH_MONTH lets a word run into the
 * month: "enjanvier"), or four digits (a year, an ISO day). In folded text that is ASCII and
 * aligned with its original, a sentence without such a word holds no date, and a caller that has
 * its words need not look.
 */
export function mayOpenDate(word: string): boolean {
  return FIRST_WORDS.has(word) || FOUR_DIGITS.test(word) || FR_MONTHS.some((month) => word.endsWith(month));
}

/** Words of context chrono needs around an anchor: "three days ago", "le 1er juillet 2025", "on Tuesday, July 1, 2025". */
const WORDS_BEFORE = 2;
const WORDS_AFTER = 3;
/** Bounds a window when "words" are long runs without spaces. */
const MAX_REACH = 60;
/** Parsed windows, keyed by language, reference day and text; short windows recur ("on July 1 when"). */
const cache = new Map<string, readonly DateExpression[]>();
/** Per map; a window and its readings take a few hundred bytes, so a full map stays within a few megabytes. */
const CACHE_LIMIT = 20_000;

/** Years count only after a word that makes them a time ("since 2012", "en 2017"), never as counts. */
const YEAR = /\b(?=[a-z])(?:in|since|during|until|till|from|by|of|before|after|en|depuis|des|jusqu'en|avant|apres)\s+((?:19|20)\d{2})\b(?![.,]\d)(?:\s*(?:,|and|et|or|ou)\s*((?:19|20)\d{2})\b(?![.,]\d))?(?:\s+([a-z]+))?/g;
/** A lower-case plural after the number makes it a count ("by 2000 soldiers"). */
const NOT_PLURAL = new Set(['this', 'was', 'has', 'its', 'does', 'across', 'towards', 'versus', 'plus', 'thus', 'unless', 'whereas', 'as', 'is']);

/** chrono's French parsers need a day: "en juin 2025" and "depuis octobre" are read here. */
const FRENCH_MONTH = /\b(?:en|depuis|debut|fin|mi-|courant|d'ici)\s*(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)(?:\s+((?:19|20)\d{2}))?\b/g;
/** chrono reads "l'année dernière" but not "l'an dernier". */
const FRENCH_LAST_YEAR = /\bl'an (?:dernier|passe)\b/g;

/** Matches that are not calendar dates of an event: "now", "a day before" (relative to another event). */
const REJECTED = /^(?:now|maintenant|right now|(?:a|an|the|one|un|une)\s+(?:day|week|month|year|jour|semaine|mois|an)s?\s+(?:before|after|later|earlier|avant|apres|plus tard))$/;
/** In print, English months are capitalised: lower-case "may" and "march" are verbs. */
const VERB_MONTH = /^(?:may|march)$/;

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

function shiftDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function precisionOf(c: chrono.ParsedComponents): DatePrecision | undefined {
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return undefined;
}

/** The first day of the period a date stands for, at its precision. */
function periodStart(year: number, month: number, day: number, precision: DatePrecision): string {
  return isoDay(year, precision === 'year' ? 1 : month, precision === 'day' ? day : 1);
}

/** "In September, 35 people died", "In June, 2,000 fled": a number after the month's comma starts the next clause. */
const MONTH_THEN_COMMA = /^(\p{L}+),\s*\d/u;

function fromChrono(result: chrono.ParsedResult, reference: string, ahead: number): DateExpression | undefined {
  const text = result.text.replace(/[\s,.;:]+$/, '');
  if (VERB_MONTH.test(text) || REJECTED.test(fold(text))) return undefined;
  const c = result.start;
  const monthWord = MONTH_THEN_COMMA.exec(text)?.[1];
  if (monthWord !== undefined) return monthAlone(result.index, monthWord, c.get('month'), reference);
  const precision = precisionOf(c);
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (precision === undefined || year === null || month === null || day === null) return undefined;
  const explicitYear = c.isCertain('year');
  const weekday = writtenWeekday(c);
  let date = periodStart(year, month, day, precision);
  // News reports the past: an undated "Tuesday" is the latest one on or before the reference.
  if (!c.isCertain('day') && c.isCertain('weekday')) {
    if (date > reference) date = shiftDays(date, -7);
  } else if (!explicitYear && precision === 'day') {
    date = yearlessDay(month, day, weekday, reference, ahead);
  } else if (precision === 'day' && weekday !== undefined) {
    date = slippedMonthOfYear(year, month, day, weekday, latestWritten(reference, ahead)) ?? date;
  } else if (!explicitYear && date > reference) {
    date = periodStart(year - 1, month, day, precision);
  }
  return { index: result.index, text, date, precision, explicitYear };
}

/** The weekday written beside a day of the month ("Saturday, June 7"), 0 for Sunday. */
function writtenWeekday(c: chrono.ParsedComponents): number | undefined {
  return c.isCertain('weekday') && c.isCertain('day') ? (c.get('weekday') ?? undefined) : undefined;
}

/** The latest day a text may have been written (see parseDateExpressions). */
function latestWritten(reference: string, ahead: number): string {
  return ahead > 0 ? shiftDays(reference, ahead) : reference;
}

/** Years before the default one in which a written weekday is sought (the calendar repeats within eleven). */
const WEEKDAY_YEARS_BACK = 6;
/**
 * How long before the earliest day a text may have been written a year-less day can lie when a weekday
 * names its year: "dimanche 18 mars" in a story of March 2019 is a slip of the day or the weekday, not
 * 18 March 2018, which no writer would leave without its year a year on.
 */
const WEEKDAY_REACH_DAYS = 2 * 90;

/**
 * A day and month written without a year. News reports the past, so it is the latest such day on or
 * before the reference, or up to `ahead` days after it when the reference is only the earliest the text
 * may have been written (see parseDateExpressions). A weekday written beside it names the year: the
 * latest such year in which the day falls on that weekday, unless none within reach does (a slip).
 */
function yearlessDay(month: number, day: number, weekday: number | undefined, reference: string, ahead: number): string {
  const limit = latestWritten(reference, ahead);
  const year = Number(limit.slice(0, 4));
  const latest = isoDay(year, month, day) > limit ? year - 1 : year;
  const likeliest = (): string => isoDay(likeliestYear(month, day, latest, reference, limit), month, day);
  if (weekday === undefined) return likeliest();
  const reach = shiftDays(reference, -WEEKDAY_REACH_DAYS);
  for (let back = 0; back <= WEEKDAY_YEARS_BACK; back++) {
    const candidate = isoDay(latest - back, month, day);
    if (candidate < reach) break;
    if (new Date(`${candidate}T00:00:00Z`).getUTCDay() === weekday) return candidate;
  }
  return monthSlip(month, day, weekday, reference, limit) ?? likeliest();
}

/** Days before the earliest day a text may have been written within which a slipped month's day may lie. */
const SLIP_DAYS = 14;

/**
 * "dans la nuit du vendredi 4 au samedi 5 mai" in a report of early June: no recent year has 5 May on a
 * Saturday, but the month next to the one written has, in the days the text is about. The month is the
 * slip: writers copy a weekday from the calendar and a month from memory.
 */
function monthSlip(month: number, day: number, weekday: number, reference: string, limit: string): string | undefined {
  const earliest = shiftDays(reference, -SLIP_DAYS);
  const year = Number(limit.slice(0, 4));
  for (const shift of [-1, 1]) {
    for (const y of [year, year - 1]) {
      const candidate = nextMonthsDay(y, month + shift, day, weekday);
      if (candidate !== undefined && candidate >= earliest && candidate <= limit) return candidate;
    }
  }
  return undefined;
}

/** The day of the month `month` (1-based, 0 or 13 for the months either side of a year) when it exists and falls on `weekday`. */
function nextMonthsDay(year: number, month: number, day: number, weekday: number): string | undefined {
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCDate() === day && at.getUTCDay() === weekday ? isoDay(at.getUTCFullYear(), at.getUTCMonth() + 1, day) : undefined;
}

/**
 * "Dimanche 4 novembre 2022" in a report of December 2022: 4 November 2022 was a Friday, 4 December a
 * Sunday. A day whose written weekday is wrong for it is the same day of the month before or after in
 * that year that has the weekday, if that day is not after the text came out (see monthSlip).
 */
function slippedMonthOfYear(year: number, month: number, day: number, weekday: number, limit: string): string | undefined {
  if (weekdayOfDay(year, month, day) === weekday) return undefined;
  for (const shift of [-1, 1]) {
    const candidate = nextMonthsDay(year, month + shift, day, weekday);
    if (candidate !== undefined && candidate.startsWith(String(year)) && candidate <= limit) return candidate;
  }
  return undefined;
}

/** Whether the weekday written beside a full date is not that date's. */
function weekdayWrong(c: chrono.ParsedComponents): boolean {
  const weekday = writtenWeekday(c);
  return weekday !== undefined && weekdayOfDay(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1) !== weekday;
}

/** 0 for Sunday; `month` is 1-based. */
function weekdayOfDay(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Writers leave the year out of recent days: the likelihood of a year-less day falls by e every this many days of its age. */
const YEARLESS_AGE_DAYS = 90;

/**
 * The year of a day and month for a text that came out some day from `reference` to `limit`. On each
 * of those days the text would mean the latest such day on or before it, and the older that day, the
 * less likely it is written without its year: each year counts the days on which it would be meant,
 * weighted by that likelihood. A text that came out between late September 2023 and December 2024 and
 * speaks of "7 September" more likely means 2023, the latest for eleven of those months, than 2024.
 */
function likeliestYear(month: number, day: number, latest: number, reference: string, limit: string): number {
  const start = Date.parse(`${reference}T00:00:00Z`) / DAY_MS;
  let next = Date.parse(`${limit}T00:00:00Z`) / DAY_MS + 1;
  let best = latest;
  let bestWeight = -1;
  for (let year = latest; year >= Number(reference.slice(0, 4)) - 1; year--) {
    const at = Date.parse(`${isoDay(year, month, day)}T00:00:00Z`) / DAY_MS;
    const weight = Math.exp(-(Math.max(at, start) - at) / YEARLESS_AGE_DAYS) - Math.exp(-(next - at) / YEARLESS_AGE_DAYS);
    if (weight > bestWeight) {
      best = year;
      bestWeight = weight;
    }
    if (!(at > start)) break;
    next = at;
  }
  return best;
}

/** The month on its own, in the latest year that keeps it on or before the reference. */
function monthAlone(index: number, text: string, month: number | null, reference: string): DateExpression | undefined {
  if (month === null) return undefined;
  const year = Number(reference.slice(0, 4));
  const date = isoDay(year, month, 1) > reference ? isoDay(year - 1, month, 1) : isoDay(year, month, 1);
  return { index, text, date, precision: 'month', explicitYear: false };
}

function yearExpression(index: number, text: string, year: string): DateExpression {
  return { index, text, date: `${year}-01-01`, precision: 'year', explicitYear: true };
}

function years(text: string, folded: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (const m of allMatches(YEAR, folded)) {
    const [whole, first = '', second, next] = m;
    if (next !== undefined && next.length > 3 && next.endsWith('s') && !NOT_PLURAL.has(next)) continue;
    const firstEnd = whole.indexOf(first) + first.length;
    found.push(yearExpression(m.index, text.slice(m.index, m.index + firstEnd), first));
    if (second !== undefined) {
      const at = m.index + whole.indexOf(second, firstEnd);
      found.push(yearExpression(at, text.slice(at, at + second.length), second));
    }
  }
  return found;
}

function frenchMonths(text: string, folded: string, reference: string): DateExpression[] {
  const found: DateExpression[] = [];
  const refYear = Number(reference.slice(0, 4));
  for (const m of allMatches(FRENCH_MONTH, folded)) {
    const month = FR_MONTHS.indexOf(m[1] ?? '') + 1;
    const written = m[2];
    let date = isoDay(written === undefined ? refYear : Number(written), month, 1);
    if (written === undefined && date > reference) date = isoDay(refYear - 1, month, 1);
    found.push({ index: m.index, text: text.slice(m.index, m.index + m[0].length), date, precision: 'month', explicitYear: written !== undefined });
  }
  // The literal is sought first: a search for it is far quicker than the pattern's scan, and seldom succeeds.
  if (!folded.includes("l'an ")) return found;
  for (const m of allMatches(FRENCH_LAST_YEAR, folded)) {
    found.push(yearExpression(m.index, text.slice(m.index, m.index + m[0].length), String(refYear - 1)));
  }
  return found;
}

/** Start of the word `count` words before `from`. */
function wordsBack(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i > 0; n++) {
    while (i > 0 && text.charCodeAt(i - 1) <= 32) i--;
    while (i > 0 && text.charCodeAt(i - 1) > 32) i--;
  }
  return i;
}

/** End of the word `count` words after `from`. */
function wordsForward(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i < text.length; n++) {
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
    while (i < text.length && text.charCodeAt(i) > 32) i++;
  }
  return i;
}

const DIGIT_NEXT = /^\s*\d/;
const DIGIT_BEFORE = /\d\s*$/;

/**
 * A lower-case "may" or "march" with no number beside it is a verb (see VERB_MONTH): parsing a
 * window around it would only find the word itself, and "may" is among the commonest words of news.
 */
function isVerbAnchor(text: string, at: number, word: string): boolean {
  if ((word !== 'may' && word !== 'march') || text.charCodeAt(at) !== word.charCodeAt(0)) return false;
  const end = at + word.length;
  return !DIGIT_NEXT.test(text.slice(end, end + 4)) && !DIGIT_BEFORE.test(text.slice(Math.max(0, at - 4), at));
}

/** Merged [start, end) windows of a few words around the anchors; `text` is the original of `folded`, aligned with it. */
function windows(text: string, folded: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of allMatches(ANCHOR, folded)) {
    if (isVerbAnchor(text, m.index, m[0])) continue;
    const start = Math.max(m.index - MAX_REACH, wordsBack(folded, m.index, WORDS_BEFORE));
    const end = Math.min(m.index + m[0].length + MAX_REACH, wordsForward(folded, m.index + m[0].length, WORDS_AFTER));
    const last = spans[spans.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  return spans;
}

function overlaps(a: DateExpression, b: DateExpression): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

/** The last reference day's noon: one document's sentences share it, and parsing the string each time costs more than the lookup. */
let lastReference = { day: '', instant: new Date(0) };
function referenceInstant(reference: string): Date {
  if (lastReference.day !== reference) lastReference = { day: reference, instant: new Date(`${reference}T12:00:00Z`) };
  return lastReference.instant;
}

/**
 * How a date found at one reference day follows another: it stays (written out in full), moves with
 * the reference year ("this year", "two years ago" as chrono reads them), or is the latest such day,
 * month or weekday on or before the reference ("July 1", "in July", "Tuesday"), which is what
 * fromChrono makes of chrono's nearest one. Anything else ("yesterday", "last Tuesday") is read anew
 * for each reference day. chrono finds the same matches whatever the reference, save one: a year-less
 * February 29 is dropped in the years without one, so windows that may name it, and the reference
 * day February 29 itself, are always read per day.
 */
type Recipe =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'years'; readonly offset: number }
  | { readonly kind: 'latest'; readonly month: number; readonly day: number; readonly weekday?: number }
  | { readonly kind: 'weekday'; readonly weekday: number };
interface FloatingReading {
  readonly expression: DateExpression;
  readonly recipe: Recipe;
}

const LEAP_DAY_RISK = /29|ninth|neuf/i;
/** Words that make a date relative to the reference, or to another date, beside what chrono resolves. */
const RELATIVE_WORD = /\b(?:ago|il y a|last|next|this|past|after|before|later|dernier|derniere|prochain|prochaine|apres|avant)\b/;
const floating = new Map<string, readonly FloatingReading[]>();

function recipeOf(result: chrono.ParsedResult, e: DateExpression, refYear: number): Recipe | undefined {
  const c = result.start;
  const written = e.text.includes(e.date.slice(0, 4)) && !RELATIVE_WORD.test(fold(e.text));
  if (e.precision === 'year') return written ? { kind: 'fixed' } : { kind: 'years', offset: Number(e.date.slice(0, 4)) - refYear };
  if (RELATIVE_WORD.test(fold(e.text))) return undefined;
  // A weekday that is wrong for the day written moves it only for some references (see slippedMonthOfYear).
  if (c.isCertain('year')) return written && c.isCertain('month') && (e.precision === 'month' || c.isCertain('day')) && !weekdayWrong(c) ? { kind: 'fixed' } : undefined;
  if (!c.isCertain('month')) return e.precision === 'day' && c.isCertain('weekday') && !c.isCertain('day') ? { kind: 'weekday', weekday: c.get('weekday') ?? -1 } : undefined;
  if (e.precision === 'day' && !c.isCertain('day')) return undefined;
  // The month and day as written: a slipped month resolves to another (see monthSlip), differently for each reference.
  const latest = { kind: 'latest', month: c.get('month') ?? Number(e.date.slice(5, 7)), day: c.get('day') ?? Number(e.date.slice(8, 10)) } as const;
  const weekday = writtenWeekday(c);
  return weekday === undefined ? latest : { ...latest, weekday };
}

function resolve({ expression, recipe }: FloatingReading, reference: string, ahead: number): DateExpression {
  const refYear = Number(reference.slice(0, 4));
  switch (recipe.kind) {
    case 'fixed':
      return expression;
    case 'years':
      return { ...expression, date: `${String(refYear + recipe.offset).padStart(4, '0')}-01-01` };
    case 'latest': {
      if (expression.precision === 'day') return { ...expression, date: yearlessDay(recipe.month, recipe.day, recipe.weekday, reference, ahead) };
      const date = isoDay(refYear, recipe.month, recipe.day);
      return { ...expression, date: date > reference ? isoDay(refYear - 1, recipe.month, recipe.day) : date };
    }
    case 'weekday': {
      const back = (new Date(`${reference}T00:00:00Z`).getUTCDay() - recipe.weekday + 7) % 7;
      return { ...expression, date: shiftDays(reference, -back) };
    }
  }
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
}

/** chrono's reading of one window, offsets relative to the window; memoised. */
function parseWindow(window: string, reference: string, lang: Lang, ahead: number): readonly DateExpression[] {
  const leapDay = reference.endsWith('-02-29');
  const floatingKey = `${lang}|${window}`;
  const float = leapDay ? undefined : floating.get(floatingKey);
  if (float !== undefined) return float.map((f) => resolve(f, reference, ahead));
  const key = `${lang}|${reference}|${ahead}|${window}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const instant = referenceInstant(reference);
  const refYear = Number(reference.slice(0, 4));
  const parsed: DateExpression[] = [];
  const readings: FloatingReading[] = [];
  let floats = !leapDay && !LEAP_DAY_RISK.test(window);
  for (const l of LANGS[lang]) {
    for (const r of parsers[l].parse(window, { instant, timezone: 0 })) {
      const e = fromChrono(r, reference, ahead);
      if (e === undefined) continue;
      parsed.push(e);
      const recipe = floats ? recipeOf(r, e, refYear) : undefined;
      if (recipe === undefined) floats = false;
      else readings.push({ expression: e, recipe });
    }
  }
  if (floats) remember(floating, floatingKey, readings);
  else remember(cache, key, parsed);
  return parsed;
}

/** 'und' texts are read as English and French. */
const LANGS: Readonly<Record<Lang, readonly ('en' | 'fr')[]>> = { en: ['en'], fr: ['fr'], und: ['en', 'fr'] };
/** Most sentences hold no year at all: the year patterns are only run on those that may. */
const YEAR_DIGITS = /(?:19|20)\d{2}/;

/** The first reading of a stretch of text wins. */
function addUnlessOverlapping(found: DateExpression[], candidate: DateExpression): void {
  if (!found.some((f) => overlaps(f, candidate))) found.push(candidate);
}

/**
 * Every calendar date in `text`, resolved against `reference` (YYYY-MM-DD, the document's date).
 * `folded` is fold(text), which the caller usually has already; 'und' texts are read as English and French.
 * `ahead` is for a reference that is only the earliest day the text may have been written: a day and
 * month written without a year up to that many days after it are taken in the reference's year.
 */
export function parseDateExpressions(text: string, reference: string, lang: Lang, folded: string = fold(text), ahead = 0): DateExpression[] {
  // Offsets found on the folded text index the original only when folding kept every character in place.
  const aligned = folded.length === text.length;
  const found: DateExpression[] = [];
  for (const [start, end] of aligned ? windows(text, folded) : [[0, text.length] as [number, number]]) {
    const window = text.slice(start, end);
    const core = vocabularies === undefined ? undefined : dateCore(window, vocabularies[lang]);
    const from = start + (core?.[0] ?? 0);
    const read = core === undefined ? window : window.slice(core[0], core[1]);
    for (const e of parseWindow(read, reference, lang, ahead)) addUnlessOverlapping(found, { ...e, index: e.index + from });
  }
  if (aligned) {
    if (lang !== 'en') for (const e of frenchMonths(text, folded, reference)) addUnlessOverlapping(found, e);
    if (YEAR_DIGITS.test(folded)) for (const e of years(text, folded)) addUnlessOverlapping(found, e);
  }
  return found.filter((e) => !weekdayOfASpan(e, text)).sort((a, b) => a.index - b.index);
}

/**
 * "dans la nuit du dimanche 29 au lundi 30 septembre": a weekday read alone, its day of the month
 * written after it, is the first day of a span whose month comes at its end, not the latest such
 * weekday; the span's other end gives the day.
 */
function weekdayOfASpan(e: DateExpression, text: string): boolean {
  return e.precision === 'day' && !/\d/.test(e.text) && /^\s+\d{1,2}(?:er)?\s+(?:au|to|and|et|-|–)\s/.test(text.slice(e.index + e.text.length, e.index + e.text.length + 12));
}

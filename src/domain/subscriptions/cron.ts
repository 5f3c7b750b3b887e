import { err, ok, type Result } from '../shared/result.js';

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week) evaluated in an IANA
 * time zone with Intl, so that the next digest run is a pure function of the expression, the zone
 * and an instant. Names (jan-dec, sun-sat), ranges, lists and steps are accepted; day-of-week 7
 * is Sunday. As in classic cron, when both day fields are restricted a day matching either runs.
 */
export interface CronSchedule {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
  readonly dayRestricted: boolean;
  readonly weekdayRestricted: boolean;
}

export type CronError = 'invalid_cron' | 'invalid_timezone' | 'no_run';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly nameBase?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS, nameBase: 0 },
];

function atom(text: string, spec: FieldSpec): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  return index >= 0 ? index + (spec.nameBase ?? 0) : undefined;
}

function parseField(text: string, spec: FieldSpec): Result<number[], 'invalid_cron'> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(part);
    if (!match) return err('invalid_cron', `cannot read "${part}" in the ${spec.name} field`);
    const [, range = '', stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = spec.min;
    let to = spec.max;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      const start = atom(a, spec);
      const end = b === undefined ? (stepText === undefined ? start : spec.max) : atom(b, spec);
      if (start === undefined || end === undefined) return err('invalid_cron', `unknown value in "${part}" (${spec.name})`);
      from = start;
      to = end;
    }
    if (step < 1 || from < spec.min || to > spec.max || from > to) {
      return err('invalid_cron', `"${part}" is out of range for the ${spec.name} field (${spec.min}-${spec.max})`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return ok([...values].sort((x, y) => x - y));
}

export function parseCron(expression: string): Result<CronSchedule, 'invalid_cron'> {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    return err('invalid_cron', `a schedule has five fields (minute hour day month weekday), got ${parts.length}: "${expression}"`);
  }
  const parsed: number[][] = [];
  for (const [i, spec] of FIELDS.entries()) {
    const field = parseField(parts[i] as string, spec);
    if (!field.ok) return field;
    parsed.push(field.value);
  }
  const [minutes = [], hours = [], days = [], months = [], weekdays = []] = parsed;
  return ok({
    minutes,
    hours,
    days: new Set(days),
    months: new Set(months),
    weekdays: new Set(weekdays.map((d) => d % 7)),
    dayRestricted: parts[2] !== '*',
    weekdayRestricted: parts[4] !== '*',
  });
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function wallTime(instant: number, timeZone: string): WallTime & { readonly second: number } {
  const parts: Record<string, number> = {};
  for (const p of zoneFormat(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 0, month: parts['month'] ?? 1, day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0, minute: parts['minute'] ?? 0, second: parts['second'] ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant a wall time happens in a zone: the earlier one when clocks go back, and, when
 * clocks go forward over it, the instant the gap ends at (a digest is late, never skipped).
 */
function instantOf(w: WallTime, timeZone: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const offsets = new Set([offsetAt(guess - DAY, timeZone), offsetAt(guess, timeZone), offsetAt(guess + DAY, timeZone)]);
  const candidates = [...offsets].map((o) => guess - o);
  const exact = candidates.filter((t) => {
    const back = wallTime(t, timeZone);
    return back.year === w.year && back.month === w.month && back.day === w.day && back.hour === w.hour && back.minute === w.minute;
  });
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

function dayMatches(s: CronSchedule, year: number, month: number, day: number): boolean {
  if (!s.months.has(month)) return false;
  const dom = s.days.has(day);
  const dow = s.weekdays.has(new Date(Date.UTC(year, month - 1, day)).getUTCDay());
  if (s.dayRestricted && s.weekdayRestricted) return dom || dow;
  return dom && dow;
}

// Long enough for "29 February on a Monday", which can take decades; short enough to stay quick.
const SEARCH_DAYS = 366 * 30;

/** The first run of the schedule strictly after `after`, in the given IANA time zone. */
export function nextRun(schedule: CronSchedule, timeZone: string, after: Date): Result<Date, CronError> {
  if (!isValidTimeZone(timeZone)) return err('invalid_timezone', `unknown time zone "${timeZone}"`);
  const start = wallTime(after.getTime(), timeZone);
  const startDay = Date.UTC(start.year, start.month - 1, start.day);
  for (let d = 0; d < SEARCH_DAYS; d++) {
    const date = new Date(startDay + d * DAY);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (!dayMatches(schedule, year, month, day)) continue;
    for (const hour of schedule.hours) {
      if (d === 0 && hour < start.hour - 1) continue;
      for (const minute of schedule.minutes) {
        const t = instantOf({ year, month, day, hour, minute }, timeZone);
        if (t > after.getTime()) return ok(new Date(t));
      }
    }
  }
  return err('no_run', 'the schedule never runs');
}

/** The next digest run after `after` for a cron expression in a time zone. */
export function nextDigestRun(cron: string, timeZone: string, after: Date): Result<Date, CronError> {
  const schedule = parseCron(cron);
  return schedule.ok ? nextRun(schedule.value, timeZone, after) : schedule;
}

/** Calendar arithmetic on ISO dates (YYYY-MM-DD or full date-times), in whole UTC days. */

const DAY_MS = 86_400_000;
export const WEEK_DAYS = 7;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** Dates read again and again (publication times of an incident's sources): each is parsed once. */
const MAX_REMEMBERED = 8192;
const days = new Map<string, string | null>();

/** The YYYY-MM-DD part of an ISO date or date-time, or undefined when it is not one. */
export function isoDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let day = days.get(value);
  if (day === undefined) {
    day = parseDay(value) ?? null;
    if (days.size >= MAX_REMEMBERED) days.clear();
    days.set(value, day);
  }
  return day ?? undefined;
}

function parseDay(value: string): string | undefined {
  const match = ISO_DAY.exec(value);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2025-02-30 over into March: a day that does not come back unchanged does not exist.
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** Days since 1970-01-01 of a YYYY-MM-DD day; read by hand because matching calls it for every candidate. */
export function dayNumber(day: string): number {
  if (isDigitDay(day)) {
    const year = digits(day, 0, 4);
    const month = digits(day, 5, 7);
    // Date.UTC reads years below 100 as 19xx, and months outside the year roll over: it stays the reference there.
    if (year >= 100 && month >= 1 && month <= 12) return civilDays(year, month, digits(day, 8, 10));
    return Date.UTC(year, month - 1, digits(day, 8, 10)) / DAY_MS;
  }
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar, by integer arithmetic (Hinnant's
 * days_from_civil): years counted from March, so that the leap day ends them. Linear in the day of the
 * month, so a day past the month's end rolls over as Date.UTC rolls it.
 */
function civilDays(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Digits where YYYY-MM-DD has them: read in place, as Number() would read the slices. */
function isDigitDay(day: string): boolean {
  if (day.length < 10) return false;
  for (const at of DIGIT_POSITIONS) {
    const code = day.charCodeAt(at);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 0x30;
  return value;
}

export function daysBetween(a: string, b: string): number {
  return Math.abs(dayNumber(a) - dayNumber(b));
}

/** "2025-07" for any ISO date. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The month `delta` months from `month` ("2025-01", -1 -> "2024-12"). */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(a: string, b: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return Math.abs(index(a) - index(b));
}

/** The ISO day `delta` days from `day`. */
export function shiftDay(day: string, delta: number): string {
  return new Date((dayNumber(day) + delta) * DAY_MS).toISOString().slice(0, 10);
}

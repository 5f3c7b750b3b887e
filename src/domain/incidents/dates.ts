/** Calendar arithmetic on ISO dates (YYYY-MM-DD or full date-times), in whole UTC days. */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The YYYY-MM-DD part of an ISO date or date-time, or undefined when it is not one. */
export function isoDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = ISO_DAY.exec(value);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
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

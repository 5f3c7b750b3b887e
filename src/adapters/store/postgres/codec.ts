/**
 * Values on their way into PostgreSQL. Domain objects go into JSONB as JSON text (a JavaScript
 * array given as a parameter would become a PostgreSQL array instead); instants go into text
 * columns in one canonical form, so that comparing text in SQL compares instants.
 */

const NUL = '\u0000';
const REPLACEMENT = '\uFFFD';

/**
 * PostgreSQL text and JSONB cannot hold U+0000, which a hostile or broken feed can put into an id
 * or a title; it becomes U+FFFD instead of failing the write.
 */
export function pgText(value: string): string {
  return value.includes(NUL) ? value.replaceAll(NUL, REPLACEMENT) : value;
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return pgText(value);
  if (Array.isArray(value)) return value.map(withoutNul);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [pgText(k), withoutNul(v)]));
}

export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  // JSON.stringify writes U+0000 as the escape \u0000; only then is the slower walk needed.
  return text.includes('\\u0000') ? JSON.stringify(withoutNul(JSON.parse(text))) : text;
}

/** Canonical UTC form of an ISO instant; text that is not a date is kept as it is. */
export function instant(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? pgText(value) : new Date(ms).toISOString();
}

/** Callers asking for less than one row, or for a number that is not one, get none. */
export function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/** Distinct values in code-unit order: concurrent writers then lock index entries in one order. */
export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values.map(pgText))].sort();
}

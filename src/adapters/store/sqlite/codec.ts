/** Domain objects are stored as JSON text: plain data in, plain data out. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/**
 * Canonical UTC form of an ISO instant, so that text comparison in SQL orders instants correctly
 * whatever offset or precision the caller used. Text that is not a date is kept as it is.
 */
export function instant(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** SQLite treats a negative LIMIT as "no limit"; callers asking for less than one row get none. */
export function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

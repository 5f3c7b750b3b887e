/** Instants compared as milliseconds, so that offsets and precision do not change the order. */
export function millis(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Limits behave as in the SQL stores: less than one row asked for, none given. */
export function rowLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

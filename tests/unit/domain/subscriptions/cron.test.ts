import { describe, expect, it } from 'vitest';
import { nextDigestRun, parseCron } from '../../../../src/domain/subscriptions/cron.js';

function next(cron: string, tz: string, after: string): string {
  const r = nextDigestRun(cron, tz, new Date(after));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.toISOString();
}

describe('nextDigestRun', () => {
  it('runs strictly after the given instant', () => {
    expect(next('0 8 * * *', 'Africa/Bamako', '2025-07-01T07:59:59Z')).toBe('2025-07-01T08:00:00.000Z');
    expect(next('0 8 * * *', 'Africa/Bamako', '2025-07-01T08:00:00Z')).toBe('2025-07-02T08:00:00.000Z');
  });

  it('reads the wall clock of the zone', () => {
    expect(next('0 9 * * mon', 'Asia/Kolkata', '2025-07-01T00:00:00Z')).toBe('2025-07-07T03:30:00.000Z');
    expect(next('0 18 * * *', 'Europe/Paris', '2025-07-01T00:00:00Z')).toBe('2025-07-01T16:00:00.000Z');
    expect(next('0 18 * * *', 'Europe/Paris', '2025-12-01T00:00:00Z')).toBe('2025-12-01T17:00:00.000Z');
  });

  it('runs once when clocks go back, and at the end of the gap when they go forward', () => {
    expect(next('30 2 * * *', 'Europe/Paris', '2025-10-25T12:00:00Z')).toBe('2025-10-26T00:30:00.000Z');
    expect(next('30 2 * * *', 'Europe/Paris', '2025-10-26T00:30:00Z')).toBe('2025-10-27T01:30:00.000Z');
    expect(next('30 2 * * *', 'Europe/Paris', '2025-03-29T12:00:00Z')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('handles steps, ranges, lists, names and both day fields', () => {
    expect(next('*/15 * * * *', 'UTC', '2025-03-01T00:07:00Z')).toBe('2025-03-01T00:15:00.000Z');
    expect(next('0 6,18 * * *', 'UTC', '2025-03-01T07:00:00Z')).toBe('2025-03-01T18:00:00.000Z');
    expect(next('0 0 * jul-aug sun', 'UTC', '2025-03-01T00:00:00Z')).toBe('2025-07-06T00:00:00.000Z');
    expect(next('0 0 1 * 7', 'UTC', '2025-03-02T00:00:00Z')).toBe('2025-03-09T00:00:00.000Z');
    expect(next('0 0 29 2 *', 'UTC', '2025-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('returns typed errors for bad expressions, zones and schedules that never run', () => {
    const codes = [
      nextDigestRun('0 8 * *', 'UTC', new Date(0)),
      nextDigestRun('61 8 * * *', 'UTC', new Date(0)),
      nextDigestRun('0 8 * * funday', 'UTC', new Date(0)),
      nextDigestRun('0 8 * * *', 'Mars/Olympus', new Date(0)),
      nextDigestRun('0 0 31 2 *', 'UTC', new Date(0)),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual(['invalid_cron', 'invalid_cron', 'invalid_cron', 'invalid_timezone', 'no_run']);
  });

  it('parses a schedule once for reuse', () => {
    const s = parseCron('5 4 * * 1-5');
    expect(s.ok && [s.value.minutes, s.value.hours, [...s.value.weekdays]]).toEqual([[5], [4], [1, 2, 3, 4, 5]]);
  });
});

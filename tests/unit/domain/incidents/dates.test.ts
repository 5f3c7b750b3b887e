import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, shiftDay } from '../../../../src/domain/incidents/dates.js';

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const DAY_MS = 86_400_000;

describe('dayNumber', () => {
  it('counts the days Date.UTC counts, leap years, century rules and days past a month end included', () => {
    const disagreements: string[] = [];
    for (const year of [1, 99, 100, 1600, 1700, 1899, 1900, 1970, 1999, 2000, 2024, 2025, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let date = 0; date <= 32; date++) {
          const day = `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
          if (dayNumber(day) !== Date.UTC(year, month - 1, date) / DAY_MS) disagreements.push(day);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('reads the day of a date-time and measures days apart either way round', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2025-07-01T09:30:00Z')).toBe(dayNumber('2025-07-01'));
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(1);
    expect(shiftDay('2024-12-31', 1)).toBe('2025-01-01');
  });
});

import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_POLL_POLICY, healthAfterFailure, healthAfterSuccess, initialHealth } from '../../../../src/app/feeds/health.js';

const MIN = 60_000;

describe('backoffMs', () => {
  it('starts at the interval, doubles, and stops at the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => backoffMs(15 * MIN, n, 360 * MIN) / MIN)).toEqual([15, 30, 60, 120, 240, 360, 360]);
  });

  it('never goes below the interval even when the ceiling is lower', () => {
    expect(backoffMs(720 * MIN, 3, 360 * MIN)).toBe(720 * MIN);
  });
});

describe('feed health transitions', () => {
  const at = new Date('2025-07-03T12:00:00Z');

  it('a success clears the failure state and keeps validators unless given new ones', () => {
    const failing = { ...initialHealth('u'), etag: '"a"', consecutiveFailures: 4, failingSince: '2025-07-02T00:00:00Z', paused: true, pausedAt: '2025-07-03T00:00:00Z', lastError: { code: 'timeout' as const, message: 'm', at: 'x' } };
    const next = healthAfterSuccess(failing, { at, nextPollAt: new Date('2025-07-03T12:15:00Z'), status: 304, newlySeen: 0 });
    expect(next).toEqual({ url: 'u', etag: '"a"', itemsSeen: 0, primed: true, paused: false, consecutiveFailures: 0, lastPollAt: at.toISOString(), lastSuccessAt: at.toISOString(), lastStatus: 304, nextPollAt: '2025-07-03T12:15:00.000Z' });
    expect(healthAfterSuccess(failing, { at, nextPollAt: at, status: 200, newlySeen: 3, validators: {} }).etag).toBeUndefined();
  });

  it('a failure keeps when the run of failures started and pauses once it is long enough', () => {
    const first = healthAfterFailure(initialHealth('u'), { at, intervalMs: 15 * MIN, code: 'http_5xx', message: 'HTTP 503', status: 503 }, DEFAULT_POLL_POLICY);
    expect(first).toMatchObject({ pausedNow: false, health: { failingSince: at.toISOString(), consecutiveFailures: 1, lastStatus: 503, lastError: { code: 'http_5xx', message: 'HTTP 503' } } });
    const later = new Date(at.getTime() + DEFAULT_POLL_POLICY.pauseAfterMs);
    const second = healthAfterFailure(first.health, { at: later, intervalMs: 15 * MIN, code: 'timeout', message: 't' }, DEFAULT_POLL_POLICY);
    expect(second.pausedNow).toBe(true);
    expect(second.health).toMatchObject({ paused: true, pausedAt: later.toISOString(), failingSince: at.toISOString(), consecutiveFailures: 2 });
    expect(second.health.lastStatus).toBeUndefined();
    const third = healthAfterFailure(second.health, { at: later, intervalMs: 15 * MIN, code: 'timeout', message: 't' }, DEFAULT_POLL_POLICY);
    expect(third.pausedNow).toBe(false);
  });
});

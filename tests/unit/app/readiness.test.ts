import { describe, expect, it } from 'vitest';
import { assessReadiness } from '../../../src/app/readiness.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('assessReadiness', () => {
  it('is ready in console mode with a fresh poll', () => {
    const r = assessReadiness({ storeOpen: true, feeds: [{ url: 'u', lastSuccess: '2026-03-01T11:45:00Z', intervalMinutes: 15, since: '2026-03-01T00:00:00Z' }] }, now);
    expect(r.ready).toBe(true);
    expect(r.checks.map((c) => c.name)).toEqual(['store', 'polling']);
  });

  it('is not ready when the last successful poll is older than twice the interval', () => {
    const r = assessReadiness({ storeOpen: true, feeds: [{ url: 'u', lastSuccess: '2026-03-01T11:29:00Z', intervalMinutes: 15, since: '2026-03-01T00:00:00Z' }] }, now);
    expect(r.ready).toBe(false);
    expect(r.checks.find((c) => c.name === 'polling')?.ok).toBe(false);
  });

  it('gives a feed that never succeeded two intervals from start before failing', () => {
    const young = assessReadiness({ storeOpen: true, feeds: [{ url: 'u', intervalMinutes: 15, since: '2026-03-01T11:50:00Z' }] }, now);
    const old = assessReadiness({ storeOpen: true, feeds: [{ url: 'u', intervalMinutes: 15, since: '2026-03-01T10:00:00Z' }] }, now);
    expect(young.ready).toBe(true);
    expect(old.ready).toBe(false);
  });

  it('requires Discord only when a token is configured', () => {
    const r = assessReadiness({ storeOpen: true, discordReady: false, feeds: [] }, now);
    expect(r.ready).toBe(false);
    expect(r.checks.find((c) => c.name === 'discord')?.detail).toBe('not connected');
  });

  it('is not ready with a closed store', () => {
    expect(assessReadiness({ storeOpen: false, feeds: [] }, now).ready).toBe(false);
  });
});

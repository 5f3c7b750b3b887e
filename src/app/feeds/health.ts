import type { FeedErrorCode, FeedHealth } from './ports.js';

/** How polls treat age, failures and addresses. Settings map onto it in the composition root. */
export interface PollPolicy {
  /** On a feed's first poll, only items published this recently go to the pipeline. */
  readonly firstPollMaxAgeMs: number;
  /** On later polls, items older than this are remembered but not passed on (resurfaced archives). */
  readonly maxAgeMs: number;
  /** A feed failing without a break for this long is paused and the admins are told. */
  readonly pauseAfterMs: number;
  /** Ceiling of the exponential backoff after failures. */
  readonly maxBackoffMs: number;
  /** Lets feed URLs resolve to private and loopback addresses. */
  readonly allowPrivate: boolean;
}

const HOUR = 3_600_000;

export const DEFAULT_POLL_POLICY: PollPolicy = {
  firstPollMaxAgeMs: 48 * HOUR,
  maxAgeMs: 14 * 24 * HOUR,
  pauseAfterMs: 24 * HOUR,
  maxBackoffMs: 6 * HOUR,
  allowPrivate: false,
};

export function initialHealth(url: string): FeedHealth {
  return { url, consecutiveFailures: 0, itemsSeen: 0, paused: false, primed: false };
}

/** The interval after one failure, doubling with each further one, capped (never below the interval). */
export function backoffMs(intervalMs: number, failures: number, maxBackoffMs: number): number {
  const doubled = intervalMs * 2 ** Math.max(0, Math.min(failures - 1, 30));
  return Math.max(intervalMs, Math.min(doubled, maxBackoffMs));
}

/** Health after a successful exchange: failure state cleared, a paused feed resumes. */
export function healthAfterSuccess(
  health: FeedHealth,
  update: { at: Date; nextPollAt: Date; status: number; newlySeen: number; validators?: { etag?: string; lastModified?: string } },
): FeedHealth {
  const { lastError: _e, failingSince: _f, pausedAt: _p, etag, lastModified, ...rest } = health;
  const validators = update.validators ?? { ...(etag !== undefined && { etag }), ...(lastModified !== undefined && { lastModified }) };
  return {
    ...rest,
    ...(validators.etag !== undefined && { etag: validators.etag }),
    ...(validators.lastModified !== undefined && { lastModified: validators.lastModified }),
    lastPollAt: update.at.toISOString(),
    lastSuccessAt: update.at.toISOString(),
    lastStatus: update.status,
    consecutiveFailures: 0,
    nextPollAt: update.nextPollAt.toISOString(),
    itemsSeen: health.itemsSeen + update.newlySeen,
    paused: false,
    primed: true,
  };
}

export interface FailureUpdate {
  readonly at: Date;
  readonly intervalMs: number;
  readonly code: FeedErrorCode;
  readonly message: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
}

/** Health after a failure: backoff, and a pause once failures have lasted `pauseAfterMs`. */
export function healthAfterFailure(health: FeedHealth, update: FailureUpdate, policy: PollPolicy): { health: FeedHealth; pausedNow: boolean } {
  const failures = health.consecutiveFailures + 1;
  const failingSince = health.failingSince ?? update.at.toISOString();
  const delay = Math.max(backoffMs(update.intervalMs, failures, policy.maxBackoffMs), update.retryAfterMs ?? 0);
  const pausedNow = !health.paused && update.at.getTime() - Date.parse(failingSince) >= policy.pauseAfterMs;
  const { lastStatus: _s, ...rest } = health;
  const next: FeedHealth = {
    ...rest,
    ...(update.status !== undefined && { lastStatus: update.status }),
    lastPollAt: update.at.toISOString(),
    lastError: { code: update.code, message: update.message, at: update.at.toISOString() },
    failingSince,
    consecutiveFailures: failures,
    nextPollAt: new Date(update.at.getTime() + delay).toISOString(),
    paused: health.paused || pausedNow,
    ...(pausedNow && { pausedAt: update.at.toISOString() }),
  };
  return { health: next, pausedNow };
}

/** Failures a test can script, per channel, per route or for every request. */
export type FakeFailure =
  | { readonly status: 400 | 401 | 403 | 404 | 500 | 502 | 503 | 504; readonly code?: number; readonly message?: string }
  | { readonly status: 429; readonly retryAfterSec: number; readonly global?: boolean; readonly scope?: 'user' | 'shared' | 'global' }
  | { readonly closeSocket: true };

export interface FailureMatch {
  readonly channelId?: string;
  readonly method?: string;
  /** Matched against the decoded path after /api/v10, e.g. "/channels/123/messages". */
  readonly path?: string | RegExp;
  /** How many requests fail before the rule is spent; unlimited when absent. */
  readonly times?: number;
}

interface FailureRule {
  readonly match: FailureMatch;
  readonly failure: FakeFailure;
  remaining: number;
}

export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly channelId?: string;
}

export class FailureScript {
  private rules: FailureRule[] = [];

  add(match: FailureMatch, failure: FakeFailure): void {
    this.rules.push({ match, failure, remaining: match.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first live rule that matches; spends one of its uses. */
  take(request: RequestFacts): FakeFailure | undefined {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && matches(candidate.match, request));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.failure;
  }
}

function matches(match: FailureMatch, request: RequestFacts): boolean {
  if (match.method && match.method.toUpperCase() !== request.method) return false;
  if (match.channelId && match.channelId !== request.channelId) return false;
  if (match.path instanceof RegExp) return match.path.test(request.path);
  if (typeof match.path === 'string') return match.path === request.path;
  return true;
}

/** One-second windows opened by the first request after the previous one closed, like a bucket reset. */
export class GlobalLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private count = 0;
  constructor(readonly perSecond: number) {}

  /** Seconds to wait when the request is over the limit, or 0 when it may pass (and is then counted). */
  admit(now: number): number {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    if (this.count >= this.perSecond) return Math.max(0.001, (this.windowStart + 1000 - now) / 1000);
    this.count += 1;
    return 0;
  }
}

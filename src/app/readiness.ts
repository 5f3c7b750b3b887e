/** Inputs of the readiness verdict, gathered by the composition root at request time. */
export interface ReadinessInputs {
  readonly storeOpen: boolean;
  /** undefined when no token is configured (console mode): Discord is then not required. */
  readonly discordReady?: boolean;
  /** Feeds that are enabled and not paused, with their last successful poll and interval. */
  readonly feeds: ReadonlyArray<{ readonly url: string; readonly lastSuccess?: string; readonly intervalMinutes: number; readonly since: string }>;
}

export interface ReadinessCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: readonly ReadinessCheck[];
}

/**
 * Ready means working, not just online: the store is open, Discord is connected when a token is set,
 * and polling is alive (the newest successful poll is younger than twice its feed's interval).
 * A feed that has never succeeded only counts against readiness once two intervals have passed
 * since it was added or since the bot started (`since`).
 */
export function assessReadiness(inputs: ReadinessInputs, now: Date): Readiness {
  const checks: ReadinessCheck[] = [{ name: 'store', ok: inputs.storeOpen, detail: inputs.storeOpen ? 'open' : 'closed' }];
  if (inputs.discordReady !== undefined) {
    checks.push({ name: 'discord', ok: inputs.discordReady, detail: inputs.discordReady ? 'connected' : 'not connected' });
  }
  checks.push(pollingCheck(inputs.feeds, now));
  return { ready: checks.every((c) => c.ok), checks };
}

function pollingCheck(feeds: ReadinessInputs['feeds'], now: Date): ReadinessCheck {
  if (feeds.length === 0) return { name: 'polling', ok: true, detail: 'no enabled feeds' };
  const fresh = feeds.filter((feed) => {
    const reference = Date.parse(feed.lastSuccess ?? feed.since);
    return now.getTime() - reference <= 2 * feed.intervalMinutes * 60_000;
  });
  const ok = fresh.length > 0;
  return { name: 'polling', ok, detail: ok ? `${fresh.length}/${feeds.length} feeds polled recently` : 'no feed polled successfully within twice its interval' };
}

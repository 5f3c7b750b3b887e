import { renderDigest } from '../../domain/advisory/digest.js';
import type { Clock } from '../../domain/shared/clock.js';
import { nextDigestRun } from '../../domain/subscriptions/cron.js';
import type { Subscription } from '../../domain/subscriptions/types.js';
import { digestKey, idempotencyKey } from './keys.js';
import type { DigestRepository, OutboxRepository, SubscriptionRepository } from './ports.js';

export interface DigestDeps {
  readonly subscriptions: SubscriptionRepository;
  readonly digests: DigestRepository;
  readonly outbox: OutboxRepository;
  readonly clock: Clock;
}

export interface DigestReport {
  /** Digest messages written to the outbox (one a crashed run already wrote is not counted again). */
  readonly enqueued: number;
  /** Periods that ended with nothing to report (no message is sent for them). */
  readonly empty: number;
  readonly errors: readonly { readonly subscriptionId: string; readonly code: string; readonly message: string }[];
}

// Missed runs after an outage make one period; the cap bounds the work (a week of a minutely schedule).
const MAX_CATCH_UP = 10_000;

/** The latest scheduled run at or before `now`, or undefined when none is due since `after`. */
function latestDueRun(cron: string, timezone: string, after: Date, now: Date) {
  let run = nextDigestRun(cron, timezone, after);
  if (!run.ok || run.value > now) return run.ok ? { ok: true as const, value: undefined } : run;
  for (let i = 0; i < MAX_CATCH_UP; i++) {
    const next = nextDigestRun(cron, timezone, run.value);
    if (!next.ok || next.value > now) break;
    run = next;
  }
  return run;
}

type DigestMode = Extract<Subscription['mode'], { kind: 'digest' }>;

async function runOne(deps: DigestDeps, sub: Subscription, mode: DigestMode, now: Date): Promise<'enqueued' | 'empty' | 'idle' | { code: string; message: string }> {
  const from = (await deps.digests.lastRun(sub.id)) ?? sub.createdAt;
  const due = latestDueRun(mode.cron, mode.timezone, new Date(from), now);
  if (!due.ok) return due.error;
  if (due.value === undefined) return 'idle';
  const to = due.value.toISOString();
  const entries = await deps.digests.pending(sub.id, to);
  let written = false;
  if (entries.length > 0) {
    const key = digestKey(sub.id, to);
    written = await deps.outbox.enqueue({
      key,
      idempotencyKey: idempotencyKey(key),
      subscriptionId: sub.id,
      target: sub.target,
      message: renderDigest(entries.map((e) => e.advisory), { from, to, timezone: mode.timezone }, sub.lang),
      createdAt: now.toISOString(),
    });
    await deps.digests.remove(entries.map((e) => e.key));
  }
  // Last: a crash before this line repeats the period, and the outbox key makes that harmless.
  await deps.digests.setLastRun(sub.id, to);
  if (entries.length === 0) return 'empty';
  return written ? 'enqueued' : 'idle';
}

/** For every digest subscription whose period has ended, one summary message into the outbox. */
export async function runDueDigests(deps: DigestDeps): Promise<DigestReport> {
  const now = deps.clock.now();
  let enqueued = 0;
  let empty = 0;
  const errors: { subscriptionId: string; code: string; message: string }[] = [];
  for (const sub of await deps.subscriptions.list({ enabledOnly: true })) {
    if (sub.mode.kind !== 'digest') continue;
    const outcome = await runOne(deps, sub, sub.mode, now);
    if (outcome === 'enqueued') enqueued += 1;
    else if (outcome === 'empty') empty += 1;
    else if (outcome !== 'idle') errors.push({ subscriptionId: sub.id, ...outcome });
  }
  return { enqueued, empty, errors };
}

/** When the next digest of any subscription is due, so a scheduler can sleep until then. */
export async function nextDigestDue(deps: Pick<DigestDeps, 'subscriptions' | 'digests'>): Promise<Date | undefined> {
  let next: Date | undefined;
  for (const sub of await deps.subscriptions.list({ enabledOnly: true })) {
    if (sub.mode.kind !== 'digest') continue;
    const from = (await deps.digests.lastRun(sub.id)) ?? sub.createdAt;
    const run = nextDigestRun(sub.mode.cron, sub.mode.timezone, new Date(from));
    if (run.ok && (next === undefined || run.value < next)) next = run.value;
  }
  return next;
}

import { labels } from '../../domain/advisory/i18n.js';
import type { RenderLang } from '../../domain/advisory/types.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { Failure } from '../../domain/shared/result.js';
import { targetKey } from '../../domain/subscriptions/types.js';
import {
  failureDetail,
  type AdminNotifier,
  type DeliverySink,
  type MessageRefRepository,
  type OutboxItem,
  type OutboxRepository,
  type SendError,
  type SubscriptionRepository,
} from './ports.js';

export interface RetryPolicy {
  /** Counted failures (5xx, network) after which an item is given up. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long a claimed item stays reserved; keep it above the sink's own timeout. */
  readonly leaseMs: number;
  readonly batchSize: number;
}

/** Backoff doubles from 5 s to 30 min: 16 attempts ride out an outage of about two to four hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 16,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  leaseMs: 2 * 60_000,
  batchSize: 25,
};

export interface WorkerDeps {
  readonly outbox: OutboxRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly messageRefs: MessageRefRepository;
  readonly sink: DeliverySink;
  readonly notifier: AdminNotifier;
  readonly clock: Clock;
  /** Uniform in [0, 1): jitter for backoff. */
  readonly random: () => number;
  readonly policy?: Partial<RetryPolicy>;
}

export interface DeliveryReport {
  readonly claimed: number;
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  /** Items put back untouched after a global rate limit. */
  readonly deferred: number;
  readonly disabledSubscriptions: readonly string[];
  readonly noticesFailed: readonly { readonly subscriptionId: string; readonly message: string }[];
}

/** Exponential backoff with jitter: half fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

interface Tally {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
  disabled: string[];
  noticesFailed: { subscriptionId: string; message: string }[];
}

type Step = 'continue' | 'stop';

const iso = (ms: number): string => new Date(ms).toISOString();

async function send(deps: WorkerDeps, item: OutboxItem) {
  const replyTo = item.incidentId === undefined ? undefined : await deps.messageRefs.get(targetKey(item.target), item.incidentId);
  try {
    return await deps.sink.send(item.target, item.message, {
      idempotencyKey: item.idempotencyKey,
      ...(replyTo === undefined ? {} : { replyTo }),
    });
  } catch (e) {
    const failure: Failure<SendError> = { code: 'network', message: `sink failed: ${e instanceof Error ? e.message : String(e)}` };
    return { ok: false as const, error: failure };
  }
}

async function disableTarget(deps: WorkerDeps, item: OutboxItem, lang: RenderLang, failure: Failure<SendError>, tally: Tally): Promise<void> {
  const at = deps.clock.now().toISOString();
  const why = `${failure.code}: ${failure.message}`;
  await deps.subscriptions.disable(item.subscriptionId, why, at);
  await deps.outbox.failPending(item.subscriptionId, { code: 'subscription_disabled', message: why }, at);
  tally.disabled.push(item.subscriptionId);
  if (item.target.kind !== 'discord') return;
  const reason = failure.code === 'forbidden' ? 'forbidden' : 'not_found';
  const notice = await deps.notifier.notify({
    guildId: item.target.guildId,
    channelId: item.target.channelId,
    subscriptionId: item.subscriptionId,
    reason,
    message: labels(lang).channelDisabled(`<#${item.target.channelId}>`, reason, item.subscriptionId),
    at,
  });
  if (!notice.ok) tally.noticesFailed.push({ subscriptionId: item.subscriptionId, message: notice.error.message });
}

async function handleFailure(deps: WorkerDeps, policy: RetryPolicy, item: OutboxItem, lang: RenderLang, failure: Failure<SendError>, tally: Tally): Promise<Step> {
  const now = deps.clock.now().getTime();
  const error = { code: failure.code, message: failure.message };
  switch (failure.code) {
    case 'rate_limited': {
      const detail = failureDetail(failure);
      await deps.outbox.markRetry(item.key, iso(now + (detail.retryAfterMs ?? policy.baseDelayMs)), error, false);
      tally.retried += 1;
      return detail.global ? 'stop' : 'continue';
    }
    case 'server_error':
    case 'network': {
      const attempts = item.attempts + 1;
      if (attempts >= policy.maxAttempts) {
        await deps.outbox.markFailed(item.key, { code: failure.code, message: `gave up after ${attempts} attempts: ${failure.message}` }, iso(now));
        tally.failed += 1;
      } else {
        await deps.outbox.markRetry(item.key, iso(now + backoffMs(attempts, policy, deps.random)), error, true);
        tally.retried += 1;
      }
      return 'continue';
    }
    case 'forbidden':
    case 'not_found':
      await deps.outbox.markFailed(item.key, error, iso(now));
      tally.failed += 1;
      await disableTarget(deps, item, lang, failure, tally);
      return 'continue';
    case 'bad_request':
      await deps.outbox.markFailed(item.key, error, iso(now));
      tally.failed += 1;
      return 'continue';
  }
}

/**
 * A batch is sent one item at a time, so a slow remote can outlast the lease of the items at its
 * end. Each item's lease is renewed for a full term just before it is sent; an item claimed by
 * another worker in the meantime is left to that worker.
 */
async function holdLease(deps: WorkerDeps, policy: RetryPolicy, item: OutboxItem): Promise<boolean> {
  if (deps.outbox.extendLease === undefined || item.leaseUntil === undefined) return true;
  return deps.outbox.extendLease(item.key, item.leaseUntil, iso(deps.clock.now().getTime() + policy.leaseMs));
}

async function deliverOne(deps: WorkerDeps, policy: RetryPolicy, item: OutboxItem, tally: Tally): Promise<Step> {
  const sub = await deps.subscriptions.get(item.subscriptionId);
  if (!sub?.enabled) {
    const reason = sub ? `subscription disabled${sub.disabledReason ? `: ${sub.disabledReason}` : ''}` : 'subscription removed';
    await deps.outbox.markFailed(item.key, { code: 'subscription_disabled', message: reason }, deps.clock.now().toISOString());
    tally.failed += 1;
    return 'continue';
  }
  if (!(await holdLease(deps, policy, item))) return 'continue';
  const result = await send(deps, item);
  if (!result.ok) return handleFailure(deps, policy, item, sub.lang, result.error, tally);
  // Recorded before anything else: once the remote has it, no path may send it again.
  const at = deps.clock.now().toISOString();
  await deps.outbox.markSent(item.key, result.value.messageId, at);
  tally.sent += 1;
  if (item.incidentId !== undefined) {
    await deps.messageRefs.putIfAbsent(targetKey(item.target), item.incidentId, result.value.messageId, at);
  }
  return 'continue';
}

/**
 * Claims the due outbox items and sends them one by one. 429s wait as long as the remote asks
 * (a global one puts the rest of the batch back), 5xx and network errors back off up to a limit,
 * 403/404 disable the subscription and tell the guild's admins, and anything claimed but not
 * settled (a crash) is due again when its lease ends.
 */
export async function deliverDue(deps: WorkerDeps): Promise<DeliveryReport> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.policy };
  const now = deps.clock.now().getTime();
  const items = await deps.outbox.claimDue(iso(now), iso(now + policy.leaseMs), policy.batchSize);
  const tally: Tally = { sent: 0, retried: 0, failed: 0, deferred: 0, disabled: [], noticesFailed: [] };
  for (let i = 0; i < items.length; i++) {
    const step = await deliverOne(deps, policy, items[i] as OutboxItem, tally);
    if (step === 'stop') {
      const resumeAt = (await deps.outbox.get((items[i] as OutboxItem).key))?.nextAttemptAt ?? iso(now);
      for (const rest of items.slice(i + 1)) {
        await deps.outbox.markRetry(rest.key, resumeAt, { code: 'deferred', message: 'global rate limit' }, false);
        tally.deferred += 1;
      }
      break;
    }
  }
  return {
    claimed: items.length,
    sent: tally.sent,
    retried: tally.retried,
    failed: tally.failed,
    deferred: tally.deferred,
    disabledSubscriptions: tally.disabled,
    noticesFailed: tally.noticesFailed,
  };
}

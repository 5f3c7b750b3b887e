import type { Advisory, AdvisorySnapshot, OfficialAdvice } from '../../domain/advisory/types.js';
import type { RenderedMessage } from '../../domain/advisory/rendered.js';
import { err, type Failure, type Result } from '../../domain/shared/result.js';
import type { DeliveryTarget, Subscription } from '../../domain/subscriptions/types.js';

/**
 * Ports of the delivery use cases. Implementations: ./memory.ts (tests, single-shot runs) and the
 * store adapters. Every write is durable before the promise resolves: the outbox is what makes a
 * crash or an outage lose nothing.
 */

export interface SubscriptionRepository {
  get(id: string): Promise<Subscription | undefined>;
  /** Inserts or replaces. */
  put(subscription: Subscription): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Oldest first. */
  list(options?: { readonly guildId?: string; readonly enabledOnly?: boolean }): Promise<Subscription[]>;
  /** Sets enabled=false with the reason; returns the updated subscription, undefined when unknown. */
  disable(id: string, reason: string, at: string): Promise<Subscription | undefined>;
}

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface DeliveryError {
  readonly code: string;
  readonly message: string;
}

/** What the fan-out writes: one message for one subscription, before anything is sent. */
export interface OutboxEntry {
  /** "incidentId:version:subscriptionId" for advisories, "digest:subscriptionId:runAt" for digests. */
  readonly key: string;
  /** At most 25 characters: Discord's `nonce`, sent with `enforce_nonce`. */
  readonly idempotencyKey: string;
  readonly subscriptionId: string;
  readonly target: DeliveryTarget;
  /** Set for advisories: updates reply to the incident's first message in the same channel. */
  readonly incidentId?: string;
  readonly message: RenderedMessage;
  readonly createdAt: string;
}

export interface OutboxItem extends OutboxEntry {
  readonly state: OutboxState;
  /** Failed attempts that count towards the limit (rate limits do not). */
  readonly attempts: number;
  readonly nextAttemptAt: string;
  /** While in the future, a worker holds the item; after it, the item is due again (crash recovery). */
  readonly leaseUntil?: string;
  readonly lastError?: DeliveryError;
  readonly messageId?: string;
  readonly sentAt?: string;
  readonly failedAt?: string;
}

export interface OutboxRepository {
  /** Writes a pending item due at its createdAt, unless the key exists; true when written. */
  enqueue(entry: OutboxEntry): Promise<boolean>;
  /**
   * Leases up to `limit` pending items that are due (nextAttemptAt <= now) and not leased
   * (no lease, or lease <= now), oldest first. Items of one subscription about one incident go
   * in order: an item is not claimed while an older pending item of the same pair exists.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]>;
  /**
   * Moves the lease of a claimed item to `until`, only while it is still the claim that handed
   * out `heldUntil`: pending, and not claimed again by another worker after that lease ran out.
   * False when the claim was lost. Stores shared by several processes offer it, so that a worker
   * whose lease ran out while it sent earlier items does not send an item another worker holds.
   */
  extendLease?(key: string, heldUntil: string, until: string): Promise<boolean>;
  markSent(key: string, messageId: string, at: string): Promise<void>;
  /** Back to pending without lease, due at `nextAttemptAt`; `countAttempt` adds one to attempts. */
  markRetry(key: string, nextAttemptAt: string, error: DeliveryError, countAttempt: boolean): Promise<void>;
  markFailed(key: string, error: DeliveryError, at: string): Promise<void>;
  /** Fails every pending item of a subscription (it was disabled); returns how many. */
  failPending(subscriptionId: string, error: DeliveryError, at: string): Promise<number>;
  get(key: string): Promise<OutboxItem | undefined>;
  /** Oldest first. */
  list(options: { readonly state?: OutboxState; readonly subscriptionId?: string; readonly limit: number }): Promise<OutboxItem[]>;
  /**
   * When the earliest claimable pending item becomes due (ISO), considering leases and the order
   * above (an item waiting behind an older one of its pair does not count); undefined when none.
   */
  nextDueAt(): Promise<string | undefined>;
  counts(): Promise<Record<OutboxState, number>>;
}

/** The first message posted about an incident in each place, so that updates reply to it. */
export interface MessageRefRepository {
  get(targetKey: string, incidentId: string): Promise<string | undefined>;
  /** Keeps an existing reference: the first message stays the thread's root. */
  putIfAbsent(targetKey: string, incidentId: string, messageId: string, at: string): Promise<void>;
}

/** The last advisory issued per incident, for status tags, versions and "what changed". */
export interface AdvisoryRepository {
  latest(incidentId: string): Promise<AdvisorySnapshot | undefined>;
  save(snapshot: AdvisorySnapshot): Promise<void>;
}

export interface DigestEntry {
  /** Same shape as an outbox key: "incidentId:version:subscriptionId". */
  readonly key: string;
  readonly subscriptionId: string;
  readonly advisory: Advisory;
  readonly addedAt: string;
}

export interface DigestRepository {
  /** Idempotent on the key; true when written. */
  add(entry: DigestEntry): Promise<boolean>;
  /** Entries added at or before `upTo`, oldest first. */
  pending(subscriptionId: string, upTo: string): Promise<DigestEntry[]>;
  remove(keys: readonly string[]): Promise<void>;
  /** End of the last digest period handled for the subscription. */
  lastRun(subscriptionId: string): Promise<string | undefined>;
  setLastRun(subscriptionId: string, at: string): Promise<void>;
}

/** Current official travel advice, as the official feeds last told us. */
export interface OfficialAdviceSource {
  forCountry(country: string): Promise<OfficialAdvice[]>;
}

export type SendError = 'rate_limited' | 'server_error' | 'network' | 'forbidden' | 'not_found' | 'bad_request';

export interface SendFailureDetail {
  /** For rate limits: how long to wait, as the remote said (Retry-After). */
  readonly retryAfterMs?: number;
  /** The limit applies to every request, not only to this channel. */
  readonly global?: boolean;
  readonly status?: number;
}

export interface SendOptions {
  /** Stable per delivery across retries and restarts; Discord's `nonce` with `enforce_nonce`. */
  readonly idempotencyKey: string;
  /** Remote id of the incident's first message in this place; the sink posts a reply to it. */
  readonly replyTo?: string;
}

/**
 * Where messages go. A sink answers each send with a value, never by throwing, and bounds its own
 * time (a timeout becomes `network`). A Discord sink should send replies with
 * `fail_if_not_exists: false`, so a deleted first message does not block the update.
 */
export interface DeliverySink {
  send(target: DeliveryTarget, message: RenderedMessage, options: SendOptions): Promise<Result<{ readonly messageId: string }, SendError>>;
}

export function sendFailure(code: SendError, message: string, detail?: SendFailureDetail): { readonly ok: false; readonly error: Failure<SendError> } {
  return err(code, message, detail);
}

export function failureDetail(failure: Failure): SendFailureDetail {
  const d = failure.detail;
  if (typeof d !== 'object' || d === null) return {};
  const { retryAfterMs, global, status } = d as Record<string, unknown>;
  return {
    ...(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? { retryAfterMs } : {}),
    ...(typeof global === 'boolean' ? { global } : {}),
    ...(typeof status === 'number' ? { status } : {}),
  };
}

export interface AdminNotice {
  readonly guildId: string;
  readonly channelId: string;
  readonly subscriptionId: string;
  readonly reason: 'forbidden' | 'not_found';
  /** What happened and what to do, for the guild's admins. */
  readonly message: string;
  readonly at: string;
}

/** Tells a guild's admins that one of its subscriptions was disabled (Discord: system channel or owner). */
export interface AdminNotifier {
  notify(notice: AdminNotice): Promise<Result<void, string>>;
}

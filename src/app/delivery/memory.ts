import type { AdvisorySnapshot } from '../../domain/advisory/types.js';
import type { Subscription } from '../../domain/subscriptions/types.js';
import type { DigestRetention, OutboxRetention } from '../retention.js';
import type {
  AdvisoryRepository,
  DeliveryError,
  DigestEntry,
  DigestRepository,
  MessageRefRepository,
  OutboxEntry,
  OutboxItem,
  OutboxRepository,
  OutboxState,
  SubscriptionRepository,
} from './ports.js';

/**
 * In-memory repositories. Values are copied in and out, as a store would, so that callers can
 * never change what is stored by holding on to an object.
 */

const copy = <T>(value: T): T => structuredClone(value);

export class MemorySubscriptionRepository implements SubscriptionRepository {
  private readonly items = new Map<string, Subscription>();

  async get(id: string): Promise<Subscription | undefined> {
    const s = this.items.get(id);
    return s && copy(s);
  }

  async put(subscription: Subscription): Promise<void> {
    this.items.set(subscription.id, copy(subscription));
  }

  async remove(id: string): Promise<boolean> {
    return this.items.delete(id);
  }

  async list(options: { readonly guildId?: string; readonly enabledOnly?: boolean } = {}): Promise<Subscription[]> {
    return [...this.items.values()]
      .filter((s) => !options.enabledOnly || s.enabled)
      .filter((s) => options.guildId === undefined || (s.target.kind === 'discord' && s.target.guildId === options.guildId))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map(copy);
  }

  async disable(id: string, reason: string, _at: string): Promise<Subscription | undefined> {
    const s = this.items.get(id);
    if (!s) return undefined;
    const updated: Subscription = { ...s, enabled: false, disabledReason: reason };
    this.items.set(id, updated);
    return copy(updated);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class MemoryOutboxRepository implements OutboxRepository, OutboxRetention {
  private readonly items = new Map<string, Mutable<OutboxItem>>();
  private sequence = 0;
  private readonly order = new Map<string, number>();

  async enqueue(entry: OutboxEntry): Promise<boolean> {
    if (this.items.has(entry.key)) return false;
    this.items.set(entry.key, { ...copy(entry), state: 'pending', attempts: 0, nextAttemptAt: entry.createdAt });
    this.order.set(entry.key, this.sequence++);
    return true;
  }

  private oldestFirst(): Mutable<OutboxItem>[] {
    return [...this.items.values()].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt) || (this.order.get(a.key) ?? 0) - (this.order.get(b.key) ?? 0));
  }

  async claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]> {
    const t = Date.parse(now);
    const blocked = new Set<string>();
    const claimed: OutboxItem[] = [];
    for (const item of this.oldestFirst()) {
      if (item.state !== 'pending') continue;
      const group = item.incidentId === undefined ? undefined : `${item.subscriptionId}|${item.incidentId}`;
      if (group !== undefined && blocked.has(group)) continue;
      if (group !== undefined) blocked.add(group);
      const due = Date.parse(item.nextAttemptAt) <= t && (item.leaseUntil === undefined || Date.parse(item.leaseUntil) <= t);
      if (!due || claimed.length >= limit) continue;
      item.leaseUntil = leaseUntil;
      claimed.push(copy(item));
    }
    return claimed;
  }

  private require(key: string): Mutable<OutboxItem> {
    const item = this.items.get(key);
    if (!item) throw new Error(`outbox has no item ${key}`);
    return item;
  }

  async markSent(key: string, messageId: string, at: string): Promise<void> {
    const item = this.require(key);
    item.state = 'sent';
    item.messageId = messageId;
    item.sentAt = at;
    delete item.leaseUntil;
  }

  async markRetry(key: string, nextAttemptAt: string, error: DeliveryError, countAttempt: boolean): Promise<void> {
    const item = this.require(key);
    if (item.state !== 'pending') return;
    item.nextAttemptAt = nextAttemptAt;
    item.lastError = { ...error };
    if (countAttempt) item.attempts += 1;
    delete item.leaseUntil;
  }

  async markFailed(key: string, error: DeliveryError, at: string): Promise<void> {
    const item = this.require(key);
    if (item.state === 'sent') return;
    item.state = 'failed';
    item.lastError = { ...error };
    item.failedAt = at;
    delete item.leaseUntil;
  }

  async failPending(subscriptionId: string, error: DeliveryError, at: string): Promise<number> {
    let n = 0;
    for (const item of this.items.values()) {
      if (item.subscriptionId !== subscriptionId || item.state !== 'pending') continue;
      await this.markFailed(item.key, error, at);
      n += 1;
    }
    return n;
  }

  async get(key: string): Promise<OutboxItem | undefined> {
    const item = this.items.get(key);
    return item && copy(item);
  }

  async list(options: { readonly state?: OutboxState; readonly subscriptionId?: string; readonly limit: number }): Promise<OutboxItem[]> {
    return this.oldestFirst()
      .filter((i) => options.state === undefined || i.state === options.state)
      .filter((i) => options.subscriptionId === undefined || i.subscriptionId === options.subscriptionId)
      .slice(0, options.limit)
      .map(copy);
  }

  async nextDueAt(): Promise<string | undefined> {
    let next: number | undefined;
    const heads = new Set<string>();
    for (const item of this.oldestFirst()) {
      if (item.state !== 'pending') continue;
      const group = item.incidentId === undefined ? undefined : `${item.subscriptionId}|${item.incidentId}`;
      if (group !== undefined && heads.has(group)) continue;
      if (group !== undefined) heads.add(group);
      const t = Math.max(Date.parse(item.nextAttemptAt), item.leaseUntil === undefined ? 0 : Date.parse(item.leaseUntil));
      if (next === undefined || t < next) next = t;
    }
    return next === undefined ? undefined : new Date(next).toISOString();
  }

  async counts(): Promise<Record<OutboxState, number>> {
    const out: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0 };
    for (const item of this.items.values()) out[item.state] += 1;
    return out;
  }

  /** Retention (see app/retention.ts): sent and failed items finished before `at`; never pending ones. */
  async pruneBefore(at: string): Promise<number> {
    const limit = Date.parse(at);
    let removed = 0;
    for (const item of [...this.items.values()]) {
      const finished = item.state === 'sent' ? item.sentAt : item.state === 'failed' ? item.failedAt : undefined;
      if (finished === undefined || Date.parse(finished) >= limit) continue;
      this.items.delete(item.key);
      this.order.delete(item.key);
      removed += 1;
    }
    return removed;
  }
}

export class MemoryMessageRefRepository implements MessageRefRepository {
  private readonly refs = new Map<string, string>();

  async get(targetKey: string, incidentId: string): Promise<string | undefined> {
    return this.refs.get(`${targetKey}|${incidentId}`);
  }

  async putIfAbsent(targetKey: string, incidentId: string, messageId: string, _at: string): Promise<void> {
    const key = `${targetKey}|${incidentId}`;
    if (!this.refs.has(key)) this.refs.set(key, messageId);
  }
}

export class MemoryAdvisoryRepository implements AdvisoryRepository {
  private readonly snapshots = new Map<string, AdvisorySnapshot>();

  async latest(incidentId: string): Promise<AdvisorySnapshot | undefined> {
    const s = this.snapshots.get(incidentId);
    return s && copy(s);
  }

  async save(snapshot: AdvisorySnapshot): Promise<void> {
    this.snapshots.set(snapshot.incidentId, copy(snapshot));
  }
}

export class MemoryDigestRepository implements DigestRepository, DigestRetention {
  private readonly entries = new Map<string, DigestEntry>();
  private readonly runs = new Map<string, string>();

  async add(entry: DigestEntry): Promise<boolean> {
    if (this.entries.has(entry.key)) return false;
    this.entries.set(entry.key, copy(entry));
    return true;
  }

  async pending(subscriptionId: string, upTo: string): Promise<DigestEntry[]> {
    const limit = Date.parse(upTo);
    return [...this.entries.values()]
      .filter((e) => e.subscriptionId === subscriptionId && Date.parse(e.addedAt) <= limit)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
      .map(copy);
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const k of keys) this.entries.delete(k);
  }

  async lastRun(subscriptionId: string): Promise<string | undefined> {
    return this.runs.get(subscriptionId);
  }

  async setLastRun(subscriptionId: string, at: string): Promise<void> {
    this.runs.set(subscriptionId, at);
  }

  /** Retention (see app/retention.ts): entries added before `at`, except those of `keep`. */
  async pruneBefore(at: string, keep: readonly string[]): Promise<number> {
    const limit = Date.parse(at);
    const kept = new Set(keep);
    let removed = 0;
    for (const entry of [...this.entries.values()]) {
      if (kept.has(entry.subscriptionId) || Date.parse(entry.addedAt) >= limit) continue;
      this.entries.delete(entry.key);
      removed += 1;
    }
    return removed;
  }
}

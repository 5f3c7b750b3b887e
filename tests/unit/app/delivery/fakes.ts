import type { RenderedMessage } from '../../../../src/domain/advisory/rendered.js';
import type { Clock } from '../../../../src/domain/shared/clock.js';
import { ok, type Result } from '../../../../src/domain/shared/result.js';
import type { DeliveryTarget, Subscription } from '../../../../src/domain/subscriptions/types.js';
import { targetKey } from '../../../../src/domain/subscriptions/types.js';
import { sendFailure, type AdminNotice, type AdminNotifier, type DeliverySink, type SendError, type SendFailureDetail, type SendOptions } from '../../../../src/app/delivery/ports.js';

export interface Posted {
  readonly id: string;
  readonly target: string;
  readonly nonce: string;
  readonly replyTo?: string;
  readonly message: RenderedMessage;
  readonly at: string;
}

export type Scripted = { readonly code: SendError; readonly detail?: SendFailureDetail } | 'throw';

/**
 * A remote that behaves like Discord's message-create endpoint for what the worker cares about:
 * a nonce seen within the window returns the first message instead of posting again, and
 * per-channel failures can be scripted.
 */
export class FakeRemote {
  readonly posted: Posted[] = [];
  readonly calls: string[] = [];
  private readonly nonces = new Map<string, { id: string; at: number }>();
  private readonly scripts = new Map<string, Scripted[]>();
  private next = 1;

  constructor(private readonly clock: Clock, private readonly nonceWindowMs = 5 * 60_000) {}

  private downUntil = 0;

  /** Every send answers 503 until the given instant: an outage of the remote. */
  down(until: Date): void {
    this.downUntil = until.getTime();
  }

  /** The next sends to this target answer these failures, in order. */
  fail(target: DeliveryTarget, ...failures: Scripted[]): void {
    this.scripts.set(targetKey(target), [...(this.scripts.get(targetKey(target)) ?? []), ...failures]);
  }

  /** Posts (or recognises the nonce); returns the message id. */
  accept(target: DeliveryTarget, message: RenderedMessage, options: SendOptions): string {
    const now = this.clock.now().getTime();
    const seen = this.nonces.get(options.idempotencyKey);
    if (seen && now - seen.at <= this.nonceWindowMs) return seen.id;
    const id = `m${this.next++}`;
    this.nonces.set(options.idempotencyKey, { id, at: now });
    this.posted.push({
      id, target: targetKey(target), nonce: options.idempotencyKey, message, at: new Date(now).toISOString(),
      ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
    });
    return id;
  }

  sink(): DeliverySink {
    return {
      send: async (target, message, options) => {
        this.calls.push(options.idempotencyKey);
        if (this.clock.now().getTime() < this.downUntil) return sendFailure('server_error', 'service unavailable', { status: 503 });
        const script = this.scripts.get(targetKey(target));
        const scripted = script?.shift();
        if (scripted === 'throw') throw new Error('socket hang up');
        if (scripted) return sendFailure(scripted.code, `scripted ${scripted.code}`, scripted.detail);
        return ok({ messageId: this.accept(target, message, options) });
      },
    };
  }
}

export class RecordingNotifier implements AdminNotifier {
  readonly notices: AdminNotice[] = [];
  constructor(private readonly failWith?: string) {}
  async notify(notice: AdminNotice): Promise<Result<void, string>> {
    this.notices.push(notice);
    return this.failWith ? { ok: false, error: { code: 'notify_failed', message: this.failWith } } : ok(undefined);
  }
}

let counter = 0;

export function channel(n: number): DeliveryTarget {
  return { kind: 'discord', guildId: '100000000000000001', channelId: `2${String(n).padStart(17, '0')}` };
}

export function subscription(id: string, target: DeliveryTarget, extra: Partial<Subscription> = {}): Subscription {
  counter += 1;
  return {
    id,
    target,
    filters: { minSeverity: 1 },
    mode: { kind: 'realtime' },
    lang: 'en',
    enabled: true,
    createdBy: '300000000000000003',
    createdAt: `2025-06-01T00:00:00.${String(counter % 1000).padStart(3, '0')}Z`,
    ...extra,
  };
}

import { renderAdvisory, type RenderedMessage } from '../../domain/advisory/rendered.js';
import type { Advisory, RenderLang } from '../../domain/advisory/types.js';
import type { Clock } from '../../domain/shared/clock.js';
import { matchesSubscription } from '../../domain/subscriptions/match.js';
import { deliveryKey, idempotencyKey } from './keys.js';
import type { DigestRepository, OutboxRepository, SubscriptionRepository } from './ports.js';

export interface FanOutDeps {
  readonly subscriptions: SubscriptionRepository;
  readonly outbox: OutboxRepository;
  readonly digests: DigestRepository;
  readonly clock: Clock;
}

export interface FanOutReport {
  /** Realtime deliveries written to the outbox (already present ones are not counted). */
  readonly enqueued: number;
  /** Entries kept for a later digest. */
  readonly digested: number;
  /** Enabled subscriptions whose filters let the advisory through but that already had it. */
  readonly duplicates: number;
  /** Enabled subscriptions whose filters did not match. */
  readonly unmatched: number;
}

/**
 * Writes one delivery per matching realtime subscription, rendered in its language, and one
 * digest entry per matching digest subscription. Keys make a repeated fan-out a no-op.
 */
export async function fanOutAdvisory(deps: FanOutDeps, advisory: Advisory): Promise<FanOutReport> {
  const at = deps.clock.now().toISOString();
  // Rendering is the costly part and depends only on the language.
  const rendered = new Map<RenderLang, RenderedMessage>();
  const render = (lang: RenderLang): RenderedMessage => {
    const message = rendered.get(lang) ?? renderAdvisory(advisory, lang);
    rendered.set(lang, message);
    return message;
  };
  let enqueued = 0;
  let digested = 0;
  let duplicates = 0;
  let unmatched = 0;
  for (const sub of await deps.subscriptions.list({ enabledOnly: true })) {
    if (!matchesSubscription(advisory, sub)) {
      unmatched += 1;
      continue;
    }
    const key = deliveryKey(advisory.incidentId, advisory.version, sub.id);
    const written = sub.mode.kind === 'digest'
      ? await deps.digests.add({ key, subscriptionId: sub.id, advisory, addedAt: at })
      : await deps.outbox.enqueue({
        key,
        idempotencyKey: idempotencyKey(key),
        subscriptionId: sub.id,
        target: sub.target,
        incidentId: advisory.incidentId,
        message: render(sub.lang),
        createdAt: at,
      });
    if (!written) duplicates += 1;
    else if (sub.mode.kind === 'digest') digested += 1;
    else enqueued += 1;
  }
  return { enqueued, digested, duplicates, unmatched };
}

import type { Subscription } from '../domain/subscriptions/types.js';
import type { Clock } from '../domain/shared/clock.js';
import type { SubscriptionRepository } from './delivery/ports.js';

export const CONSOLE_SUBSCRIPTION_ID = 'console';

/**
 * Without Discord, the terminal is the one channel: it hears every advisory, realtime. An operator
 * who disabled or narrowed it keeps their choice.
 */
export async function ensureConsoleSubscription(subscriptions: SubscriptionRepository, clock: Clock): Promise<Subscription> {
  const known = await subscriptions.get(CONSOLE_SUBSCRIPTION_ID);
  if (known) return known;
  const subscription: Subscription = {
    id: CONSOLE_SUBSCRIPTION_ID,
    target: { kind: 'console' },
    filters: { minSeverity: 1 },
    mode: { kind: 'realtime' },
    lang: 'en',
    enabled: true,
    createdBy: 'config',
    createdAt: clock.now().toISOString(),
  };
  await subscriptions.put(subscription);
  return subscription;
}

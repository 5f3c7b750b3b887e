import type { Clock } from '../../domain/shared/clock.js';
import { DEFAULT_POLL_POLICY, type PollPolicy } from './health.js';
import type { SeenItemRepository } from './ports.js';

const DAY = 86_400_000;

/**
 * Forgets seen items older than the retention. An item forgotten while its feed still lists it comes
 * back as unseen, and only the age limit keeps it from the pipeline: so the retention is never
 * allowed to be shorter than the maximum age plus a day.
 */
export async function forgetOldSeenItems(
  seen: SeenItemRepository,
  clock: Clock,
  retentionDays: number,
  policy: Pick<PollPolicy, 'maxAgeMs'> = DEFAULT_POLL_POLICY,
): Promise<number> {
  const keepMs = Math.max(retentionDays * DAY, policy.maxAgeMs + DAY);
  return seen.pruneBefore(new Date(clock.now().getTime() - keepMs).toISOString());
}

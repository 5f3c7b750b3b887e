import type { Clock } from '../domain/shared/clock.js';
import type { AuditRepository } from './audit.js';
import type { SubscriptionRepository } from './delivery/ports.js';
import type { SeenItemRepository } from './feeds/ports.js';
import { forgetOldSeenItems } from './feeds/retention.js';
import type { DecisionRepository } from './ports.js';

/**
 * Retention: what grows with every polled item is forgotten after a configured age, so that the
 * store stays bounded over months of polling. Incidents, advisories, message references and
 * official advice are kept: they grow with events, not with polls, and they are the record.
 */

const DAY = 86_400_000;

/** The delivery records a store can forget. */
export interface OutboxRetention {
  /**
   * Forgets sent items sent before `at` and failed items failed before `at`; pending items are
   * never touched, however old. Returns how many were forgotten. The advisory snapshots remember
   * which documents were announced, so a forgotten item is not sent again when its document returns.
   */
  pruneBefore(at: string): Promise<number>;
}

export interface DigestRetention {
  /**
   * Forgets entries added before `at` except those of the subscriptions in `keep`. A digest run
   * removes the entries it sends, so old entries left behind belong to subscriptions that no longer
   * collect them (removed, disabled, switched to real time); `keep` protects those whose digest
   * period is longer than the retention. Returns how many were forgotten.
   */
  pruneBefore(at: string, keep: readonly string[]): Promise<number>;
}

export interface RetentionStores {
  readonly seenItems: SeenItemRepository;
  readonly decisions: Pick<DecisionRepository, 'pruneBefore'>;
  readonly outbox: OutboxRetention;
  readonly digests: DigestRetention;
  readonly subscriptions: Pick<SubscriptionRepository, 'list'>;
  readonly audit?: Pick<AuditRepository, 'pruneBefore'>;
}

/** Ages in days, as in the settings' `retention` section. Without `auditDays` the audit log is kept. */
export interface RetentionPolicy {
  readonly seenItemsDays: number;
  readonly decisionsDays: number;
  readonly deliveriesDays: number;
  readonly auditDays?: number;
}

/** How many records each store forgot, and the cut-off used for each. */
export interface RetentionReport {
  readonly at: string;
  readonly seenItems: number;
  readonly decisions: number;
  readonly outbox: number;
  readonly digests: number;
  readonly audit: number;
  readonly cutoffs: {
    readonly decisions: string;
    readonly deliveries: string;
    readonly audit?: string;
  };
}

const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * DAY).toISOString();

/** Subscriptions that still collect digest entries: their pending entries wait for the end of a period. */
async function collectingDigests(subscriptions: RetentionStores['subscriptions']): Promise<string[]> {
  const enabled = await subscriptions.list({ enabledOnly: true });
  return enabled.filter((s) => s.mode.kind === 'digest').map((s) => s.id);
}

/**
 * Prunes every store by its age limit, once; run it daily. Seen items keep at least the poll
 * policy's maximum item age (see forgetOldSeenItems), so that nothing forgotten comes back as new.
 */
export async function runRetention(stores: RetentionStores, policy: RetentionPolicy, clock: Clock): Promise<RetentionReport> {
  const now = clock.now();
  const decisionsCutoff = daysBefore(now, policy.decisionsDays);
  const deliveriesCutoff = daysBefore(now, policy.deliveriesDays);
  const auditCutoff = policy.auditDays === undefined ? undefined : daysBefore(now, policy.auditDays);
  const seenItems = await forgetOldSeenItems(stores.seenItems, clock, policy.seenItemsDays);
  const decisions = await stores.decisions.pruneBefore(decisionsCutoff);
  const outbox = await stores.outbox.pruneBefore(deliveriesCutoff);
  const digests = await stores.digests.pruneBefore(deliveriesCutoff, await collectingDigests(stores.subscriptions));
  const audit = auditCutoff !== undefined && stores.audit ? await stores.audit.pruneBefore(auditCutoff) : 0;
  return {
    at: now.toISOString(),
    seenItems,
    decisions,
    outbox,
    digests,
    audit,
    cutoffs: {
      decisions: decisionsCutoff,
      deliveries: deliveriesCutoff,
      ...(auditCutoff === undefined ? {} : { audit: auditCutoff }),
    },
  };
}

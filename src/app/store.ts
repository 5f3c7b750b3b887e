import type { AuditRepository } from './audit.js';
import type {
  AdvisoryRepository,
  DigestRepository,
  MessageRefRepository,
  OutboxRepository,
  SubscriptionRepository,
} from './delivery/ports.js';
import type { FeedHealthRepository, FeedRepository, SeenItemRepository } from './feeds/ports.js';
import type { OfficialAdviceRepository } from './official-advice.js';
import type { DecisionRepository, IncidentRepository, KeywordRepository, SeedRepository } from './ports.js';
import type { DigestRetention, OutboxRetention } from './retention.js';

/**
 * Which process polls a feed: a lease held by an owner until a time. Several processes sharing one
 * database each ask for a feed before polling it; one gets it, the others leave the feed alone
 * until the lease is released or runs out (its holder died or hung).
 */
export interface FeedLeaseRepository {
  /**
   * Takes or renews the lease of `url` for `owner` until `until` (ISO); true when `owner` now
   * holds it. Refused while another owner holds a lease that ends after `now`.
   */
  tryLease(url: string, owner: string, until: string, now: string): Promise<boolean>;
  /** Gives the lease back, only if `owner` holds it; true when it did. */
  release(url: string, owner: string): Promise<boolean>;
}

/**
 * Runs `work` while no other caller, in this process or another one on the same store, runs work
 * under the same name. Matching takes it, so that two processes reading two feeds that carry the
 * same story at the same moment cannot both open an incident for it.
 */
export type Exclusive = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** The repositories every store offers, whichever database holds them. */
export interface StoreRepositories {
  readonly incidents: IncidentRepository;
  readonly seeds: SeedRepository;
  readonly decisions: DecisionRepository;
  readonly keywords: KeywordRepository;
  readonly feeds: FeedRepository;
  readonly feedHealth: FeedHealthRepository;
  readonly seenItems: SeenItemRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly outbox: OutboxRepository & OutboxRetention;
  readonly messageRefs: MessageRefRepository;
  readonly advisories: AdvisoryRepository;
  readonly digests: DigestRepository & DigestRetention;
  readonly officialAdvice: OfficialAdviceRepository;
  readonly audit: AuditRepository;
}

/** The store the bot runs on: the repositories plus what the runtime needs of the database. */
export interface Store extends StoreRepositories {
  /** Where the data lives, without credentials ("data/sahel-watch.db", "postgres://db:5432/sahel (schema s)"). */
  readonly location: string;
  readonly kind: 'sqlite' | 'postgres';
  /** Present when several processes may share the store: each feed is then polled under a lease. */
  readonly feedLeases?: FeedLeaseRepository;
  readonly exclusive: Exclusive;
  sizeBytes(): Promise<number>;
  close(): Promise<void> | void;
}

import type { FeedAdminError } from '../../app/feeds/admin.js';
import type { Feed } from '../../app/feeds/ports.js';
import type { FeedWithHealth } from '../../app/feeds/run-once.js';
import type { AuditEntry } from '../../app/audit.js';
import type { CountryStatus } from '../../app/queries/status.js';
import type { RenderLang } from '../../domain/advisory/types.js';
import type { Decision, Incident, KeywordRule, Relevance } from '../../domain/model.js';
import type { Result } from '../../domain/shared/result.js';
import type { DeliveryMode, Subscription, SubscriptionFilters } from '../../domain/subscriptions/types.js';

/**
 * What the slash commands need from the application. The composition root implements it over the
 * app layer; the Discord adapter only parses options, calls it and words the answer.
 * Every call names who asked, so that the implementation can check scope and keep an audit trail.
 */

export interface Actor {
  readonly userId: string;
  /** The user's name as shown ("aminata" or "name#1234"), for audit lines. */
  readonly tag: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly lang: RenderLang;
}

export interface IncidentQuery {
  readonly days: number;
  readonly country?: string;
}

export interface IncidentChoice {
  readonly id: string;
  readonly title: string;
}

export interface SubscribeRequest {
  readonly channelId: string;
  readonly filters: SubscriptionFilters;
  readonly mode: DeliveryMode;
  readonly lang: RenderLang;
}

export interface NewFeed {
  readonly url: string;
  readonly name?: string;
  readonly kind?: Feed['kind'];
  readonly lang?: 'en' | 'fr';
}

export interface WhyAnswer {
  /** Title of the article, or the start of the text that was given. */
  readonly subject: string;
  readonly url?: string;
  /** True when the decision is the one recorded when the item came in; false for a dry run now. */
  readonly recorded: boolean;
  /** When the recorded decision was taken (ISO). */
  readonly at?: string;
  readonly decision: Decision;
}

/** The rules in force and the latest changes made to them, newest first. */
export interface KeywordListing {
  readonly rules: readonly KeywordRule[];
  readonly changes: readonly AuditEntry[];
}

export type { CountryStatus, FeedsSummary, StatusAssessment } from '../../app/queries/status.js';

export type SubscribeError = 'invalid_subscription' | 'channel_not_in_guild' | 'limit_reached';
/** A change to what every server receives, asked from a server that is not the operator's. */
export type ScopeError = 'not_operator';
export type KeywordError = 'invalid_keyword_rule' | 'unknown_rule' | ScopeError;
export type WhyError = 'not_found' | 'fetch_failed' | 'invalid_input';

export interface KeywordServices {
  /** Adds the rule, or replaces the rule with the same id. */
  add(rule: KeywordRule, actor: Actor): Promise<Result<KeywordRule, KeywordError>>;
  remove(id: string, actor: Actor): Promise<Result<KeywordRule, KeywordError>>;
  list(actor: Actor): Promise<KeywordListing>;
  /** Scores a text, or the article at a URL, against the rules in force, without recording anything. */
  test(input: string, actor: Actor): Promise<Result<Relevance, WhyError>>;
}

export interface FeedServices {
  add(feed: NewFeed, actor: Actor): Promise<Result<Feed, FeedAdminError | ScopeError>>;
  remove(url: string, actor: Actor): Promise<Result<Feed, FeedAdminError | ScopeError>>;
  list(actor: Actor): Promise<readonly Feed[]>;
  status(actor: Actor): Promise<readonly FeedWithHealth[]>;
}

export interface BotServices {
  status(country: string, actor: Actor): Promise<CountryStatus>;
  incidents(query: IncidentQuery, actor: Actor): Promise<readonly Incident[]>;
  incident(id: string, actor: Actor): Promise<Result<Incident, 'not_found'>>;
  /** Incidents whose id or title contains the text, most recent first; a few dozen at most. */
  autocompleteIncidents(text: string, actor: Actor): Promise<readonly IncidentChoice[]>;
  subscribe(request: SubscribeRequest, actor: Actor): Promise<Result<Subscription, SubscribeError>>;
  /** Refuses (not_found) a subscription of another guild. */
  unsubscribe(id: string, actor: Actor): Promise<Result<Subscription, 'not_found'>>;
  subscriptions(guildId: string, actor: Actor): Promise<readonly Subscription[]>;
  readonly keywords: KeywordServices;
  readonly feeds: FeedServices;
  /** Explains the decision about an article (by URL or text): relevance, incident match, reasons. */
  why(input: string, actor: Actor): Promise<Result<WhyAnswer, WhyError>>;
}

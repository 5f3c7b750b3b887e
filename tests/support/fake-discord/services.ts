import type { FeedWithHealth } from '../../../src/app/feeds/run-once.js';
import type { Feed } from '../../../src/app/feeds/ports.js';
import type {
  Actor,
  BotServices,
  CountryStatus,
  IncidentChoice,
  IncidentQuery,
  KeywordListing,
  NewFeed,
  SubscribeRequest,
  WhyAnswer,
  WhyError,
} from '../../../src/adapters/discord/services.js';
import type { AuditEntry } from '../../../src/app/audit.js';
import { assessIncidents } from '../../../src/app/queries/status.js';
import type { OfficialAdvice } from '../../../src/domain/advisory/types.js';
import type { Incident, KeywordRule, Relevance } from '../../../src/domain/model.js';
import { err, ok, type Result } from '../../../src/domain/shared/result.js';
import type { Subscription } from '../../../src/domain/subscriptions/types.js';
import { incidentFixture } from '../store-fixtures.js';

export interface ServiceCall {
  readonly method: string;
  readonly actor: Actor;
  readonly args: readonly unknown[];
}

/** The July 2025 abduction at Kayes as the seeds report it, with the disputed claim kept. */
export const kayesIncident: Incident = incidentFixture({
  id: 'inc-20250701-kayes-kidnapping',
  title: 'Three Indian nationals abducted at the Diamond Cement Factory, Kayes',
  severity: 4,
  baseline: false,
  sources: [
    { documentId: 'doc-1', name: 'The Wire', url: 'https://thewire.in/', kind: 'news', firstSeen: '2025-07-03T08:00:00.000Z', published: '2025-07-03' },
    { documentId: 'doc-2', name: 'Hindustan Times', kind: 'news', firstSeen: '2025-07-03T09:00:00.000Z' },
  ],
  updatedAt: '2025-07-04T10:00:00.000Z',
});

export const ukAdvice: OfficialAdvice = {
  source: 'uk',
  country: 'ml',
  summary: 'FCDO advises against all travel to Mali.',
  url: 'https://www.gov.uk/foreign-travel-advice/mali',
  updated: '2025-07-02T12:00:00.000Z',
};

/**
 * In-memory services for the Discord adapter's tests: they keep what commands change, record every
 * call with its actor, and can hold calls back to exercise deferred replies.
 */
export class FakeBotServices implements BotServices {
  readonly calls: ServiceCall[] = [];
  incidentList: Incident[] = [kayesIncident];
  subscriptionList: Subscription[] = [];
  rules: KeywordRule[] = [{ id: 'kidnap', kind: 'include', terms: ['kidnap*', 'enlev*'], weight: 2 }];
  feedList: Feed[] = [];
  /** Keyword changes, oldest first. */
  changes: AuditEntry[] = [];
  private held: Promise<void> | null = null;
  private nextId = 1;

  /** Holds every call until the returned function is called. */
  hold(): () => void {
    let release = (): void => undefined;
    this.held = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.held = null;
      release();
    };
  }

  private audit(actor: Actor, action: string, subject: string): void {
    this.changes.push({ at: '2025-07-05T10:00:00.000Z', actor: { userId: actor.userId, tag: actor.tag, guildId: actor.guildId }, action, subject });
  }

  private async record(method: string, actor: Actor, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, actor, args });
    await this.held;
  }

  async status(country: string, actor: Actor): Promise<CountryStatus> {
    await this.record('status', actor, country);
    const incidents = this.incidentList.filter((i) => i.country === country);
    const assessment = assessIncidents(incidents);
    return {
      country,
      since: '2025-06-04T00:00:00.000Z',
      incidents,
      official: country === 'ml' ? [ukAdvice] : [],
      ...(assessment ? { assessment } : {}),
      feeds: { active: 3, lastPollAt: '2025-07-05T10:00:00.000Z', lastSuccessAt: '2025-07-05T10:00:00.000Z', failing: 1, paused: 0 },
    };
  }

  async incidents(query: IncidentQuery, actor: Actor): Promise<readonly Incident[]> {
    await this.record('incidents', actor, query);
    return this.incidentList.filter((i) => !query.country || i.country === query.country);
  }

  async incident(id: string, actor: Actor): Promise<Result<Incident, 'not_found'>> {
    await this.record('incident', actor, id);
    const found = this.incidentList.find((i) => i.id === id);
    return found ? ok(found) : err('not_found', `no incident ${id}`);
  }

  async autocompleteIncidents(text: string, actor: Actor): Promise<readonly IncidentChoice[]> {
    await this.record('autocompleteIncidents', actor, text);
    return this.incidentList.filter((i) => i.id.includes(text) || i.title.toLowerCase().includes(text.toLowerCase())).map((i) => ({ id: i.id, title: i.title }));
  }

  async subscribe(request: SubscribeRequest, actor: Actor): Promise<Result<Subscription, 'invalid_subscription' | 'channel_not_in_guild' | 'limit_reached'>> {
    await this.record('subscribe', actor, request);
    const subscription: Subscription = {
      id: `sub-${this.nextId++}`,
      target: { kind: 'discord', guildId: actor.guildId, channelId: request.channelId },
      filters: request.filters,
      mode: request.mode,
      lang: request.lang,
      enabled: true,
      createdBy: actor.userId,
      createdAt: '2025-07-05T00:00:00.000Z',
    };
    this.subscriptionList.push(subscription);
    return ok(subscription);
  }

  async unsubscribe(id: string, actor: Actor): Promise<Result<Subscription, 'not_found'>> {
    await this.record('unsubscribe', actor, id);
    const found = this.subscriptionList.find((s) => s.id === id && s.target.kind === 'discord' && s.target.guildId === actor.guildId);
    if (!found) return err('not_found', `no subscription ${id}`);
    this.subscriptionList = this.subscriptionList.filter((s) => s !== found);
    return ok(found);
  }

  async subscriptions(guildId: string, actor: Actor): Promise<readonly Subscription[]> {
    await this.record('subscriptions', actor, guildId);
    return this.subscriptionList.filter((s) => s.target.kind === 'discord' && s.target.guildId === guildId);
  }

  readonly keywords = {
    add: async (rule: KeywordRule, actor: Actor): Promise<Result<KeywordRule, 'invalid_keyword_rule' | 'unknown_rule'>> => {
      await this.record('keywords.add', actor, rule);
      this.rules = [...this.rules.filter((r) => r.id !== rule.id), rule];
      this.audit(actor, 'keyword.add', rule.id);
      return ok(rule);
    },
    remove: async (id: string, actor: Actor): Promise<Result<KeywordRule, 'invalid_keyword_rule' | 'unknown_rule'>> => {
      await this.record('keywords.remove', actor, id);
      const found = this.rules.find((r) => r.id === id);
      if (!found) return err('unknown_rule', `no rule ${id}`);
      this.rules = this.rules.filter((r) => r !== found);
      this.audit(actor, 'keyword.remove', id);
      return ok(found);
    },
    list: async (actor: Actor): Promise<KeywordListing> => {
      await this.record('keywords.list', actor);
      return { rules: this.rules, changes: [...this.changes].reverse() };
    },
    test: async (text: string, actor: Actor): Promise<Result<Relevance, WhyError>> => {
      await this.record('keywords.test', actor, text);
      if (text.startsWith('http')) return err('not_found', 'not seen');
      const matched = /kidnap\w*|enlev\w*/i.exec(text)?.[0];
      return ok(
        matched
          ? { relevant: true, score: 2, threshold: 1.5, hits: [{ rule: 'kidnap', kind: 'include', weight: 2, matched }] }
          : { relevant: false, score: 0, threshold: 1.5, hits: [] },
      );
    },
  };

  readonly feeds = {
    add: async (feed: NewFeed, actor: Actor): Promise<Result<Feed, 'duplicate_feed'>> => {
      await this.record('feeds.add', actor, feed);
      if (this.feedList.some((f) => f.url === feed.url)) return err('duplicate_feed', `${feed.url} is already a feed`);
      const added: Feed = { url: feed.url, name: feed.name ?? new URL(feed.url).hostname, lang: feed.lang ?? 'und', intervalMinutes: 30, kind: feed.kind ?? 'news', enabled: true, addedAt: '2025-07-05T00:00:00.000Z' };
      this.feedList.push(added);
      return ok(added);
    },
    remove: async (url: string, actor: Actor): Promise<Result<Feed, 'unknown_feed'>> => {
      await this.record('feeds.remove', actor, url);
      const found = this.feedList.find((f) => f.url === url);
      if (!found) return err('unknown_feed', `${url} is not a feed`);
      this.feedList = this.feedList.filter((f) => f !== found);
      return ok(found);
    },
    list: async (actor: Actor): Promise<readonly Feed[]> => {
      await this.record('feeds.list', actor);
      return this.feedList;
    },
    status: async (actor: Actor): Promise<readonly FeedWithHealth[]> => {
      await this.record('feeds.status', actor);
      return this.feedList.map((feed) => ({ feed, health: { url: feed.url, consecutiveFailures: 2, itemsSeen: 14, paused: false, primed: true, lastPollAt: '2025-07-05T10:00:00.000Z', lastSuccessAt: '2025-07-05T09:00:00.000Z', lastError: { code: 'timeout', message: 'no answer within 15 s', at: '2025-07-05T10:00:00.000Z' } } }));
    },
  };

  async why(input: string, actor: Actor): Promise<Result<WhyAnswer, 'not_found' | 'fetch_failed' | 'invalid_input'>> {
    await this.record('why', actor, input);
    if (!input.startsWith('http')) return err('not_found', 'not seen');
    return ok({
      subject: 'Three Indians Kidnapped in Mali Amid Coordinated Attacks',
      url: input,
      recorded: true,
      at: '2025-07-03T08:05:00.000Z',
      decision: {
        documentId: 'doc-1',
        action: 'new',
        incidentId: kayesIncident.id,
        relevance: { relevant: true, score: 4.5, threshold: 1.5, hits: [{ rule: 'kidnap', kind: 'include', weight: 2, matched: 'kidnapped' }] },
        score: 0,
        changes: [],
        reasons: [{ code: 'relevance', message: 'relevant (4.5 >= 1.5)' }, { code: 'new', message: 'no known incident at Kayes in early July' }],
      },
    });
  }
}

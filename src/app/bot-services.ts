import { createHash, randomBytes } from 'node:crypto';
import type {
  Actor,
  BotServices,
  FeedServices,
  IncidentChoice,
  KeywordServices,
  ScopeError,
  SubscribeError,
  SubscribeRequest,
  WhyAnswer,
  WhyError,
} from '../adapters/discord/services.js';
import type { Catalogs } from '../domain/extract/facts.js';
import type { Incident, RawInput } from '../domain/model.js';
import type { RelevanceOptions } from '../domain/relevance/score.js';
import { parseKeywordRule } from '../domain/relevance/schema.js';
import type { Clock } from '../domain/shared/clock.js';
import { err, ok, type Result } from '../domain/shared/result.js';
import { parseSubscription, type Subscription } from '../domain/subscriptions/types.js';
import { fold } from '../domain/text/normalize.js';
import type { AuditActor, AuditDetail, AuditRepository, KnownAuditAction } from './audit.js';
import type { SubscriptionRepository } from './delivery/ports.js';
import { createEngine, type Engine, type Stores } from './engine.js';
import { addFeed, removeFeed } from './feeds/admin.js';
import type { AddressGuard, FeedHealthRepository, FeedRepository } from './feeds/ports.js';
import { listFeedsWithHealth } from './feeds/run-once.js';
import type { OfficialAdviceRepository } from './official-advice.js';
import { activeIncidents, countryStatus, daysAgo } from './queries/status.js';

/** Every repository the slash commands read or change. */
export interface BotStores extends Stores {
  readonly feeds: FeedRepository;
  readonly feedHealth: FeedHealthRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly officialAdvice: OfficialAdviceRepository;
  readonly audit: AuditRepository;
}

/** Reads the article behind a URL, for `/why` and `/keywords test` on links the bot has not seen. */
export interface ArticleReader {
  read(url: string): Promise<Result<RawInput, string>>;
}

/** What the chat platform knows about its servers. */
export interface ChannelDirectory {
  /** True when the channel belongs to the guild, as the bot sees it. */
  inGuild(guildId: string, channelId: string): boolean;
}

export interface BotServicesDeps {
  readonly stores: BotStores;
  readonly catalogs: Catalogs;
  /** The relevance options the live engine uses, so that dry runs decide as it would. */
  readonly relevance?: RelevanceOptions;
  readonly clock: Clock;
  /** Refuses feed URLs that resolve to private or metadata addresses. */
  readonly guard: AddressGuard;
  readonly allowPrivateFeeds?: boolean;
  readonly channels?: ChannelDirectory;
  readonly articles?: ArticleReader;
  /** Subscription ids; random unless given. */
  readonly newId?: () => string;
  readonly maxSubscriptionsPerGuild?: number;
  /**
   * Servers whose admins may change keyword rules and feeds, which every server shares; when empty
   * or absent, any server's admins may.
   */
  readonly operatorGuildIds?: readonly string[];
}

export const DEFAULT_MAX_SUBSCRIPTIONS_PER_GUILD = 25;
const RECENT_CHANGES = 10;
const AUTOCOMPLETE_POOL = 200;
const AUTOCOMPLETE_CHOICES = 25;
const INCIDENT_LIST_LIMIT = 200;
/** An input this short without spaces may be a document id (a seed file, a feed item id). */
const MAX_DOCUMENT_ID = 300;

const randomId = (): string => `sub-${randomBytes(5).toString('hex')}`;

/**
 * The application behind the slash commands: queries over the store, admin changes written to the
 * audit log with who made them, and explanations that never write (a dry run decides against the
 * incidents as they are, through an engine whose writes go nowhere).
 */
export function createBotServices(deps: BotServicesDeps): BotServices {
  const { stores, clock } = deps;
  const dryRun = createEngine({
    store: readOnly(stores),
    catalogs: deps.catalogs,
    clock,
    ...(deps.relevance ? { relevance: deps.relevance } : {}),
  });
  const audit = auditLog(stores.audit, clock);
  const scope = operatorScope(deps.operatorGuildIds);
  return {
    status: (country) => countryStatus(country, { ...stores, clock }),
    incidents: (query) =>
      activeIncidents(stores.incidents, { since: daysAgo(clock, query.days), limit: INCIDENT_LIST_LIMIT, ...(query.country ? { country: query.country } : {}) }),
    incident: async (id) => {
      const found = await stores.incidents.get(id);
      return found ? ok(found) : err('not_found', `no incident "${id}"`);
    },
    autocompleteIncidents: async (text) => choices(await stores.incidents.listRecent({ limit: AUTOCOMPLETE_POOL }), text),
    subscribe: (request, actor) => subscribe(request, actor, deps, audit),
    unsubscribe: async (id, actor) => {
      const found = await stores.subscriptions.get(id);
      if (!found || found.target.kind !== 'discord' || found.target.guildId !== actor.guildId) return err('not_found', `no subscription "${id}" in this server`);
      await stores.subscriptions.remove(id);
      await audit(actor, 'subscription.remove', id, describeSubscription(found));
      return ok(found);
    },
    subscriptions: (guildId) => stores.subscriptions.list({ guildId }),
    keywords: keywordServices(deps, dryRun, audit, scope),
    feeds: feedServices(deps, audit, scope),
    why: (input) => why(input.trim(), deps, dryRun),
  };
}

/** Refuses a change to the shared configuration from a server that is not the operator's. */
type ScopeCheck = (actor: Actor) => Result<void, ScopeError>;

function operatorScope(guildIds: readonly string[] = []): ScopeCheck {
  const operators = new Set(guildIds);
  return (actor) =>
    operators.size === 0 || operators.has(actor.guildId)
      ? ok(undefined)
      : err('not_operator', `keyword rules and feeds are shared by every server and are managed from the operator's server, not ${actor.guildId}`);
}

type Audit = (actor: Actor, action: KnownAuditAction, subject: string, detail?: AuditDetail) => Promise<void>;

function auditLog(repository: AuditRepository, clock: Clock): Audit {
  return async (actor, action, subject, detail) => {
    const who: AuditActor = { userId: actor.userId, tag: actor.tag.slice(0, 100) || actor.userId, guildId: actor.guildId };
    await repository.append({ at: clock.now().toISOString(), actor: who, action, subject, ...(detail === undefined ? {} : { detail }) });
  };
}

/** Store values are plain JSON already; this only tells the type system so. */
const asDetail = (value: object): AuditDetail => JSON.parse(JSON.stringify(value)) as AuditDetail;

const describeSubscription = (s: Subscription): AuditDetail =>
  asDetail({ channelId: s.target.kind === 'discord' ? s.target.channelId : s.target.kind, filters: s.filters, mode: s.mode, lang: s.lang });

function choices(incidents: readonly Incident[], text: string): IncidentChoice[] {
  const wanted = fold(text.trim());
  return incidents
    .filter((incident) => wanted === '' || fold(incident.id).includes(wanted) || fold(incident.title).includes(wanted))
    .slice(0, AUTOCOMPLETE_CHOICES)
    .map((incident) => ({ id: incident.id, title: incident.title }));
}

async function subscribe(request: SubscribeRequest, actor: Actor, deps: BotServicesDeps, audit: Audit): Promise<Result<Subscription, SubscribeError>> {
  const { subscriptions } = deps.stores;
  if (deps.channels && !deps.channels.inGuild(actor.guildId, request.channelId)) {
    return err('channel_not_in_guild', `channel ${request.channelId} is not in this server`);
  }
  const max = deps.maxSubscriptionsPerGuild ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_GUILD;
  if ((await subscriptions.list({ guildId: actor.guildId })).length >= max) return err('limit_reached', `this server has ${max} subscriptions already`);
  const parsed = parseSubscription({
    id: (deps.newId ?? randomId)(),
    target: { kind: 'discord', guildId: actor.guildId, channelId: request.channelId },
    filters: request.filters,
    mode: request.mode,
    lang: request.lang,
    enabled: true,
    createdBy: actor.userId,
    createdAt: deps.clock.now().toISOString(),
  });
  if (!parsed.ok) return parsed;
  await subscriptions.put(parsed.value);
  await audit(actor, 'subscription.add', parsed.value.id, describeSubscription(parsed.value));
  return parsed;
}

function keywordServices(deps: BotServicesDeps, dryRun: Engine, audit: Audit, scope: ScopeCheck): KeywordServices {
  const { keywords } = deps.stores;
  return {
    async add(rule, actor) {
      const allowed = scope(actor);
      if (!allowed.ok) return allowed;
      const parsed = parseKeywordRule(rule);
      if (!parsed.ok) return err('invalid_keyword_rule', parsed.error.message);
      const existed = (await keywords.list()).some((known) => known.id === parsed.value.id);
      await keywords.put(parsed.value);
      await audit(actor, existed ? 'keyword.update' : 'keyword.add', parsed.value.id, asDetail(parsed.value));
      return parsed;
    },
    async remove(id, actor) {
      const allowed = scope(actor);
      if (!allowed.ok) return allowed;
      const found = (await keywords.list()).find((known) => known.id === id);
      if (!found) return err('unknown_rule', `no rule "${id}"`);
      await keywords.remove(id);
      await audit(actor, 'keyword.remove', id, asDetail(found));
      return ok(found);
    },
    async list() {
      const [rules, changes] = await Promise.all([keywords.list(), deps.stores.audit.list({ actionPrefix: 'keyword.', limit: RECENT_CHANGES })]);
      return { rules, changes };
    },
    async test(input) {
      const raw = await rawInputFor(input.trim(), deps);
      if (!raw.ok) return raw;
      const decided = await dryRun.process(raw.value);
      return decided.ok ? ok(decided.value.decision.relevance) : err('invalid_input', decided.error.message);
    },
  };
}

function feedServices(deps: BotServicesDeps, audit: Audit, scope: ScopeCheck): FeedServices {
  const { feeds, feedHealth } = deps.stores;
  const admin = { feeds, health: feedHealth, guard: deps.guard, clock: deps.clock };
  return {
    async add(feed, actor) {
      const allowed = scope(actor);
      if (!allowed.ok) return allowed;
      const added = await addFeed(feed, admin, { allowPrivate: deps.allowPrivateFeeds === true });
      if (added.ok) await audit(actor, 'feed.add', added.value.url, asDetail({ name: added.value.name, kind: added.value.kind, lang: added.value.lang }));
      return added;
    },
    async remove(url, actor) {
      const allowed = scope(actor);
      if (!allowed.ok) return allowed;
      const removed = await removeFeed(url, admin);
      if (removed.ok) await audit(actor, 'feed.remove', removed.value.url, asDetail({ name: removed.value.name }));
      return removed;
    },
    list: async () => (await feeds.list()).sort((a, b) => a.name.localeCompare(b.name)),
    status: () => listFeedsWithHealth({ feeds, health: feedHealth }),
  };
}

function httpUrl(input: string): URL | undefined {
  if (!/^https?:\/\//i.test(input)) return undefined;
  try {
    return new URL(input);
  } catch {
    return undefined;
  }
}

/**
 * The recorded decision when the item came through (by URL or document id); otherwise a dry run on
 * the text given, or on the article read from the URL.
 */
async function why(input: string, deps: BotServicesDeps, dryRun: Engine): Promise<Result<WhyAnswer, WhyError>> {
  const url = httpUrl(input);
  const keys = url ? [...new Set([input, url.href])] : !/\s/.test(input) && input.length <= MAX_DOCUMENT_ID ? [input] : [];
  for (const key of keys) {
    const record = await deps.stores.decisions.findByDocument(key);
    if (record) return ok({ subject: record.title, ...(record.url ? { url: record.url } : {}), recorded: true, at: record.at, decision: record.decision });
  }
  const raw = await rawInputFor(input, deps);
  if (!raw.ok) return raw;
  const decided = await dryRun.process(raw.value);
  if (!decided.ok) return err('invalid_input', decided.error.message);
  const { document, decision } = decided.value;
  return ok({ subject: document.title, ...(url ? { url: url.href } : {}), recorded: false, decision });
}

/** A URL is read through the article reader when there is one; any other input is the text itself. */
async function rawInputFor(input: string, deps: BotServicesDeps): Promise<Result<RawInput, WhyError>> {
  if (input.length === 0) return err('invalid_input', 'nothing to read');
  const url = httpUrl(input);
  if (url) {
    if (!deps.articles) return err('not_found', `no decision was recorded for ${url.href}`);
    const read = await deps.articles.read(url.href);
    return read.ok ? read : err('fetch_failed', read.error.message);
  }
  const id = `text:${createHash('sha256').update(input).digest('hex').slice(0, 16)}`;
  return ok({ id, kind: 'news', source: 'Discord', body: input, seenAt: deps.clock.now().toISOString() });
}

/** The stores as the dry run sees them: every read goes through, every write is dropped. */
function readOnly(stores: Stores): Stores {
  const { incidents, decisions, seeds, keywords } = stores;
  return {
    incidents: {
      get: (id) => incidents.get(id),
      findByKeys: (keys, limit) => incidents.findByKeys(keys, limit),
      listRecent: (options) => incidents.listRecent(options),
      count: () => incidents.count(),
      save: async () => undefined,
    },
    decisions: {
      findByDocument: (key) => decisions.findByDocument(key),
      append: async () => undefined,
      pruneBefore: async () => 0,
    },
    seeds: { get: (name) => seeds.get(name), list: () => seeds.list(), put: async () => undefined },
    keywords: { list: () => keywords.list(), put: async () => undefined, remove: async () => false, seedIfEmpty: async () => 0 },
  };
}

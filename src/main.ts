/**
 * The composition root: the only place that wires settings, store, services and sinks together.
 * Everything below it receives its dependencies; nothing below it reads the environment.
 */
import { createRequire } from 'node:module';
import { basename, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileFeedFetcher } from './adapters/feeds/file-fetcher.js';
import { initialHealth } from './app/feeds/health.js';
import { HttpFeedFetcher, feedUserAgent } from './adapters/feeds/http-fetcher.js';
import { DnsAddressGuard } from './adapters/feeds/address-guard.js';
import { parseFeed } from './adapters/feeds/parse.js';
import { consoleSink, type ConsoleFormat, type TextOutput } from './adapters/console/sink.js';
import { startOpsServer, type OpsServer } from './adapters/http/server.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { createPrometheusMetrics, type PrometheusMetrics } from './adapters/metrics/prometheus.js';
import { DailyJob } from './adapters/scheduler/daily-job.js';
import { DeliveryLoop } from './adapters/scheduler/delivery-loop.js';
import { processOwner, storeFeedLease, type FeedLease } from './adapters/scheduler/feed-lease.js';
import { FeedScheduler } from './adapters/scheduler/feed-scheduler.js';
import { directorySeedSource } from './adapters/seeds/directory.js';
import { openStore, sqliteStore } from './adapters/store/open.js';
import { openSqliteStore } from './adapters/store/sqlite/store.js';
import { runDueDigests } from './app/delivery/digest.js';
import type { AdminNotifier, DeliverySink } from './app/delivery/ports.js';
import { routingSink } from './app/delivery/routing.js';
import { deliverDue } from './app/delivery/worker.js';
import { createEngine, type Engine } from './app/engine.js';
import { seedFeeds } from './app/feeds/config.js';
import { pollFeed, type PollDeps } from './app/feeds/poll.js';
import type { Feed, FeedHealth } from './app/feeds/ports.js';
import { ingestItem, type IngestDeps } from './app/ingest.js';
import type { Metrics } from './app/metrics.js';
import { assessReadiness } from './app/readiness.js';
import { runRetention } from './app/retention.js';
import { runShutdown, type ShutdownReport, type ShutdownStep } from './app/shutdown.js';
import type { FeedLeaseRepository, Store } from './app/store.js';
import { formatBaselineTable, formatSeedReport } from './app/format-baseline.js';
import { loadProjectConfig, type ProjectConfig } from './config/project-config.js';
import type { Settings } from './config/settings.js';
import { systemClock, type Clock } from './domain/shared/clock.js';
import { err, ok, type Result } from './domain/shared/result.js';
import { officialAdviceTracker, type OfficialAdviceTracker } from './app/official-advice.js';
import { ensureConsoleSubscription } from './app/console-subscription.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * Matching and filing run under this exclusive name: processes sharing a store reading the same
 * story from two feeds at once must not both open an incident for it.
 */
const PIPELINE = 'pipeline';

export interface BotOptions {
  readonly clock?: Clock;
  readonly random?: () => number;
  /** Where console advisories are printed (stdout unless given). */
  readonly output?: TextOutput;
  readonly consoleFormat?: ConsoleFormat;
  /** Log destination (stdout unless given); tests pass an in-memory sink. */
  readonly logDestination?: { write(line: string): void };
}

/** The pieces every mode shares: store, config, engine, metrics and the pipeline into the outbox. */
export interface Core {
  readonly settings: Settings;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly store: Store;
  readonly config: ProjectConfig;
  readonly engine: Engine;
  readonly metrics: PrometheusMetrics;
  readonly officialAdvice: OfficialAdviceTracker;
  ingestDeps(onPublished: () => void): IngestDeps;
  pollDeps(ingest: IngestDeps): PollDeps;
}

export type StartErrorCode = 'invalid_config' | 'store_unavailable' | 'discord_unavailable';

export function createAppLogger(settings: Settings, options: BotOptions): Logger {
  const secrets = [settings.discord.token, settings.databaseUrl].filter((s): s is string => typeof s === 'string');
  return createLogger({
    level: settings.log.level,
    format: settings.log.format,
    secrets,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
}

/** Opens the store, reads config/ and loads the seed baseline. */
export async function createCore(
  settings: Settings,
  options: BotOptions & { storeFile?: string; logger: Logger },
): Promise<Result<Core, StartErrorCode>> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const config = loadProjectConfig(settings.configDir);
  if (!config.ok) return err('invalid_config', config.error.message);
  let store: Store;
  try {
    store = options.storeFile ? sqliteStore(openSqliteStore({ file: options.storeFile, clock })) : await openStore(settings, clock, logger);
  } catch (cause) {
    return err('store_unavailable', `cannot open the store: ${(cause as Error).message}`);
  }
  const { keywords } = config.value;
  const engine = createEngine({
    store,
    catalogs: config.value.catalogs,
    clock,
    rules: keywords.rules,
    ...(keywords.threshold === undefined ? {} : { relevance: { threshold: keywords.threshold } }),
  });
  const baseline = await store.exclusive(PIPELINE, () => engine.loadBaseline(directorySeedSource(settings.seedsDir)));
  logger.info({ component: 'baseline', loaded: baseline.loaded, unchanged: baseline.unchanged, skipped: baseline.skipped }, 'seed baseline ready');
  for (const seed of baseline.seeds.filter((s) => s.status === 'skipped')) {
    logger.warn({ component: 'baseline', seed: seed.name, code: seed.error?.code }, seed.error?.message ?? 'seed skipped');
  }
  logger.debug({ component: 'baseline' }, formatSeedReport(baseline));
  await seedFeeds(config.value.feeds, store.feeds, clock);
  const metrics = createPrometheusMetrics();
  metrics.setOutboxDepthSource(async () => (await store.outbox.counts()).pending);
  const officialAdvice = officialAdviceTracker(store.officialAdvice, config.value.catalogs.gazetteer);
  return ok(assembleCore({ settings, logger, clock, store, config: config.value, engine, metrics, officialAdvice }));
}

function assembleCore(parts: Omit<Core, 'ingestDeps' | 'pollDeps'>): Core {
  const { settings, store, clock, metrics } = parts;
  const guard = new DnsAddressGuard({ allowPrivate: settings.feeds.allowPrivateAddresses, allowHosts: settings.feeds.allowedHosts });
  const fetcher = new HttpFeedFetcher({
    userAgent: feedUserAgent(version, settings.feeds.operatorContact),
    timeoutMs: settings.feeds.timeoutMs,
    maxBytes: settings.feeds.maxBytes,
    maxRedirects: settings.feeds.maxRedirects,
  });
  return {
    ...parts,
    ingestDeps: (onPublished) => ({
      process: (raw, processOptions) => parts.engine.process(raw, processOptions),
      publish: { ...store, clock, officialAdvice: parts.officialAdvice, assistance: parts.config.assistance },
      metrics,
      onPublished,
    }),
    pollDeps: (ingest) => ({
      fetcher,
      parse: parseFeed,
      guard,
      health: store.feedHealth,
      seen: store.seenItems,
      clock,
      metrics,
      onPaused: async (feed, health) => {
        parts.logger.warn(
          { component: 'poller', feed: feed.url, since: health.failingSince, code: health.lastError?.code },
          `feed "${feed.name}" paused after failing since ${health.failingSince ?? 'its last success'}; an admin can resume it`,
        );
      },
      onItem: async (raw, feed) => {
        await parts.officialAdvice.record(raw, feed);
        const outcome = await store.exclusive(PIPELINE, () => ingestItem(raw, ingest));
        if (outcome.kind === 'rejected') parts.logger.info({ component: 'pipeline', item: outcome.id, code: outcome.code }, outcome.message);
      },
      policy: {
        firstPollMaxAgeMs: settings.feeds.firstPollMaxAgeHours * 3_600_000,
        pauseAfterMs: settings.feeds.pauseAfterHours * 3_600_000,
        allowPrivate: settings.feeds.allowPrivateAddresses,
      },
    }),
  };
}

export interface DeliveryWiring {
  readonly sink: DeliverySink;
  readonly notifier: AdminNotifier;
}

/** The delivery work of one tick: due outbox items, then due digests. */
export function deliveryWork(core: Core, wiring: DeliveryWiring, random: () => number, metrics: Metrics): () => Promise<void> {
  const { store, clock, settings } = core;
  return async () => {
    await runDueDigests({ subscriptions: store.subscriptions, digests: store.digests, outbox: store.outbox, clock });
    const report = await deliverDue({
      outbox: store.outbox,
      subscriptions: store.subscriptions,
      messageRefs: store.messageRefs,
      sink: wiring.sink,
      notifier: wiring.notifier,
      clock,
      random,
      policy: { maxAttempts: settings.delivery.maxAttempts, leaseMs: settings.delivery.leaseMs },
    });
    metrics.delivery('sent', report.sent);
    metrics.delivery('retry', report.retried);
    metrics.delivery('failed', report.failed);
    metrics.delivery('disabled', report.disabledSubscriptions.length);
  };
}

export interface RunningBot {
  readonly core: Core;
  readonly httpPort?: number;
  /** Stops everything in order within the configured bound. */
  stop(): Promise<ShutdownReport>;
}

export interface BotExtras {
  /** Discord wiring (client, sink, notifier, interactions), when a token is configured. */
  readonly discord?: {
    readonly sink: DeliverySink;
    readonly notifier: AdminNotifier;
    /** Tells the operator's servers that a feed was paused, besides the log line. */
    readonly feedPaused?: (feed: Feed, health: FeedHealth) => Promise<void>;
    isReady(): boolean;
    stop(): Promise<void>;
  };
}

/** The long-running bot: polling, decisions, delivery, ops endpoints. */
export async function startBot(core: Core, options: BotOptions, extras: BotExtras = {}): Promise<RunningBot> {
  const { settings, store, logger, clock } = core;
  const consoleOut = consoleSink({ output: options.output ?? process.stdout, format: options.consoleFormat ?? 'text' });
  if (!extras.discord) {
    await ensureConsoleSubscription(store.subscriptions, clock);
    await printBriefing(core, options.output ?? process.stdout);
  }
  const wiring: DeliveryWiring = {
    sink: routingSink({ console: consoleOut, ...(extras.discord ? { discord: countingRateLimits(extras.discord.sink, core.metrics) } : {}) }),
    notifier: extras.discord?.notifier ?? logNotifier(logger),
  };
  const random = options.random ?? Math.random;
  const delivery = new DeliveryLoop(deliveryWork(core, wiring, random, core.metrics), settings.delivery.intervalMs, (error) =>
    logger.error({ component: 'delivery', err: error }, 'delivery run failed'),
  );
  const ingest = core.ingestDeps(() => delivery.kick());
  const pollDeps = withPausedNotice(core.pollDeps(ingest), extras.discord?.feedPaused);
  const scheduler = new FeedScheduler({
    feeds: store.feeds,
    health: store.feedHealth,
    clock,
    random,
    concurrency: settings.feeds.concurrency,
    tick: `*/${settings.feeds.tickSeconds} * * * * *`,
    startSpreadMs: settings.feeds.startSpreadMs,
    ...(store.feedLeases ? { lease: feedLease(store.feedLeases, settings, clock, logger) } : {}),
    poll: (feed) => pollAndLog(feed, pollDeps, logger),
    onError: (feed, error) => logger.error({ component: 'scheduler', feed: feed.url, err: error }, 'poll crashed'),
  });
  const retention = new DailyJob(
    'retention',
    async () => {
      const report = await runRetention(store, settings.retention, clock);
      logger.info({ component: 'retention', ...report }, 'old records pruned');
    },
    (error) => logger.error({ component: 'retention', err: error }, 'retention failed'),
  );
  const startedAt = clock.now().toISOString();
  const ops = settings.http.port === 0 ? undefined : await startOps(core, startedAt, extras);
  delivery.start();
  scheduler.start();
  retention.start();
  void scheduler.tick();
  logger.info({ component: 'main', http: ops?.port ?? 'off', discord: extras.discord ? 'on' : 'console' }, 'Sahel Watch is running');
  const steps: ShutdownStep[] = [
    { name: 'scheduler', run: () => scheduler.stop() },
    { name: 'delivery', run: () => delivery.stop() },
    { name: 'retention', run: () => retention.stop() },
    ...(extras.discord ? [{ name: 'discord', run: () => extras.discord?.stop() ?? Promise.resolve() }] : []),
    ...(ops ? [{ name: 'http', run: () => ops.close() }] : []),
    { name: 'store', run: async () => store.close() },
  ];
  const timers = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref()) };
  return {
    core,
    ...(ops ? { httpPort: ops.port } : {}),
    stop: () => runShutdown(steps, settings.shutdownTimeoutMs, timers),
  };
}

/** Console mode opens with what the bot already knows, so a first run shows something at once. */
async function printBriefing(core: Core, output: TextOutput): Promise<void> {
  const incidents = await core.store.incidents.listRecent({ limit: 20 });
  const table = incidents.length > 0 ? formatBaselineTable(incidents).split('\n\n')[0] : 'No incidents known yet.';
  const text = [
    'Sahel Watch (console mode: set DISCORD_TOKEN to post to Discord)',
    '',
    'Known incidents:',
    table,
    '',
    'New alerts and updates will be printed here as the feeds bring them.',
    '',
  ].join('\n');
  await new Promise<void>((resolve) => output.write(`${text}\n`, () => resolve()));
}

function feedLease(leases: FeedLeaseRepository, settings: Settings, clock: Clock, logger: Logger): FeedLease {
  const owner = processOwner();
  logger.info({ component: 'scheduler', owner }, 'feeds are shared with other processes: each is polled under a lease');
  return storeFeedLease(leases, {
    owner,
    leaseMs: settings.feeds.leaseMs,
    clock,
    onRenewError: (url, error) => logger.warn({ component: 'scheduler', feed: url, err: error }, 'feed lease not renewed'),
  });
}

async function pollAndLog(feed: Feed, deps: PollDeps, logger: Logger): Promise<void> {
  const report = await pollFeed(feed, deps);
  const fields = { component: 'poller', feed: feed.url, status: report.status, items: report.items, new: report.newItems };
  if (report.ok) logger.info(fields, report.notModified ? 'feed not modified' : 'feed polled');
  else logger.warn({ ...fields, code: report.error?.code, paused: report.paused }, report.error?.message ?? 'poll failed');
}

function startOps(core: Core, startedAt: string, extras: BotExtras): Promise<OpsServer> {
  const { store, settings, clock } = core;
  const readiness = async () => {
    const [feeds, health] = await Promise.all([store.feeds.list(), store.feedHealth.list()]);
    const byUrl = new Map(health.map((h) => [h.url, h]));
    const active = feeds.filter((f) => f.enabled && byUrl.get(f.url)?.paused !== true);
    return assessReadiness(
      {
        storeOpen: true,
        ...(extras.discord ? { discordReady: extras.discord.isReady() } : {}),
        feeds: active.map((f) => {
          const last = byUrl.get(f.url)?.lastSuccessAt;
          const since = f.addedAt > startedAt ? f.addedAt : startedAt;
          return { url: f.url, intervalMinutes: f.intervalMinutes, since, ...(last ? { lastSuccess: last } : {}) };
        }),
      },
      clock.now(),
    );
  };
  return startOpsServer({ readiness, registry: core.metrics.registry }, { port: settings.http.port, host: settings.http.host });
}

function withPausedNotice(deps: PollDeps, feedPaused: ((feed: Feed, health: FeedHealth) => Promise<void>) | undefined): PollDeps {
  if (!feedPaused) return deps;
  const logged = deps.onPaused;
  return {
    ...deps,
    onPaused: async (feed, health) => {
      await logged?.(feed, health);
      await feedPaused(feed, health);
    },
  };
}

/** Counts Discord's rate-limit answers for /metrics as they pass on to the delivery worker. */
function countingRateLimits(sink: DeliverySink, metrics: Metrics): DeliverySink {
  return {
    send: async (target, message, options) => {
      const result = await sink.send(target, message, options);
      if (!result.ok && result.error.code === 'rate_limited') metrics.rateLimited();
      return result;
    },
  };
}

/** Without Discord there is nobody to tell in a guild: the notice goes to the operator's log. */
function logNotifier(logger: Logger): AdminNotifier {
  return {
    notify: async (notice) => {
      logger.warn({ component: 'delivery', subscription: notice.subscriptionId, reason: notice.reason }, notice.message);
      return ok(undefined);
    },
  };
}

export interface ReplayReport {
  readonly feeds: number;
  readonly items: number;
  readonly advisories: number;
  readonly errors: ReadonlyArray<{ file: string; code: string; message: string }>;
}

/**
 * `start --replay DIR --once`: every feed file in DIR is a feed seen for the first time whose items
 * are all new (no first-poll learning, no age cut-off); the loop runs once and the advisories are
 * printed to `output`. The store is in memory, so a replay never touches the bot's data.
 */
export async function runReplay(core: Core, files: readonly string[], output: TextOutput, format: ConsoleFormat): Promise<ReplayReport> {
  const { store, clock, settings } = core;
  await ensureConsoleSubscription(store.subscriptions, clock);
  const ingest = core.ingestDeps(() => undefined);
  const base = core.pollDeps(ingest);
  const deps: PollDeps = {
    ...base,
    fetcher: new FileFeedFetcher(settings.feeds.maxBytes),
    guard: { check: async () => ok(undefined) },
    policy: { ...base.policy, firstPollMaxAgeMs: Number.POSITIVE_INFINITY, maxAgeMs: Number.POSITIVE_INFINITY },
  };
  const errors: Array<{ file: string; code: string; message: string }> = [];
  let items = 0;
  const addedAt = clock.now().toISOString();
  for (const file of files) {
    const url = pathToFileURL(resolvePath(file)).href;
    const feed: Feed = { url, name: basename(file), lang: 'und', intervalMinutes: 60, kind: 'news', enabled: true, addedAt };
    await store.feedHealth.put({ ...initialHealth(url), primed: true });
    const report = await pollFeed(feed, deps);
    items += report.newItems;
    if (!report.ok && report.error) errors.push({ file, code: report.error.code, message: report.error.message });
  }
  const sink = consoleSink({ output, format });
  const counts = { sent: 0 };
  for (;;) {
    const work = await deliverDue({
      outbox: store.outbox,
      subscriptions: store.subscriptions,
      messageRefs: store.messageRefs,
      sink,
      notifier: logNotifier(core.logger),
      clock,
      random: () => 0.5,
    });
    counts.sent += work.sent;
    if (work.claimed === 0) break;
  }
  return { feeds: files.length, items, advisories: counts.sent, errors };
}

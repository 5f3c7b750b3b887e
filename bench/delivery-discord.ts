/**
 * One advisory fanned out to 1,000 Discord channels, delivered over real HTTP: the SQLite outbox,
 * the worker (`deliverDue`) and the real `DiscordSink` on @discordjs/rest, against the fake Discord
 * on 127.0.0.1 enforcing Discord's global limit (50 requests per second, 429 with the real headers).
 * Prints deliveries per second, the share of the limit used, the 429s, and the messages the fake
 * holds per channel (lost: none; duplicated: more than one).
 *
 *   node bin/run-ts.mjs bench/delivery-discord.ts [--channels N] [--limit N] [--cap-seconds N]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDiscordRest } from '../src/adapters/discord/rest.js';
import { DiscordSink } from '../src/adapters/discord/sink.js';
import { directorySeedSource } from '../src/adapters/seeds/directory.js';
import { openSqliteStore, type SqliteStore } from '../src/adapters/store/sqlite/store.js';
import { fanOutAdvisory } from '../src/app/delivery/fanout.js';
import { deliverDue, type WorkerDeps } from '../src/app/delivery/worker.js';
import { createEngine } from '../src/app/engine.js';
import { loadProjectConfig } from '../src/config/project-config.js';
import { composeAdvisory } from '../src/domain/advisory/compose.js';
import type { Advisory } from '../src/domain/advisory/types.js';
import type { Decision } from '../src/domain/model.js';
import { systemClock, type Clock } from '../src/domain/shared/clock.js';
import { ok } from '../src/domain/shared/result.js';
import type { Subscription } from '../src/domain/subscriptions/types.js';
import { FakeDiscord } from '../tests/support/fake-discord/index.js';
import type { FakeGuildConfig } from '../tests/support/fake-discord/index.js';

const { values: flags } = parseArgs({
  options: {
    channels: { type: 'string', default: '1000' },
    limit: { type: 'string', default: '50' },
    'cap-seconds': { type: 'string', default: '60' },
  },
});
const CHANNELS = Number(flags.channels);
const LIMIT = Number(flags.limit);
const CAP_MS = Number(flags['cap-seconds']) * 1000;
const CHANNELS_PER_GUILD = 100;
const TOKEN = 'bench-token';
const ROOT = new URL('..', import.meta.url).pathname;

const guildId = (g: number): string => `15${String(g).padStart(16, '0')}`;
const channelId = (i: number): string => `16${String(i).padStart(16, '0')}`;

function guilds(channels: number): FakeGuildConfig[] {
  const out: FakeGuildConfig[] = [];
  for (let g = 0; g * CHANNELS_PER_GUILD < channels; g++) {
    const ids = [...Array(Math.min(CHANNELS_PER_GUILD, channels - g * CHANNELS_PER_GUILD)).keys()].map((k) => g * CHANNELS_PER_GUILD + k);
    out.push({ id: guildId(g), name: `Bench guild ${g}`, channels: ids.map((i) => ({ id: channelId(i), name: `alerts-${i}` })) });
  }
  return out;
}

function subscription(i: number): Subscription {
  return {
    id: `sub-${i}`,
    target: { kind: 'discord', guildId: guildId(Math.floor(i / CHANNELS_PER_GUILD)), channelId: channelId(i) },
    filters: { countries: ['ml'], minSeverity: 1 },
    mode: { kind: 'realtime' },
    // A quarter in French: the fan-out renders once per language.
    lang: i % 4 === 0 ? 'fr' : 'en',
    enabled: true,
    createdBy: 'bench',
    createdAt: '2025-07-01T00:00:00.000Z',
  };
}

/** The July 2025 Kayes abduction as the seeds establish it, announced as a new incident. */
async function seedAdvisory(store: SqliteStore, clock: Clock): Promise<Advisory> {
  const config = loadProjectConfig(join(ROOT, 'config'));
  if (!config.ok) throw new Error(config.error.message);
  const engine = createEngine({ store, catalogs: config.value.catalogs, clock, rules: config.value.keywords.rules });
  await engine.loadBaseline(directorySeedSource(join(ROOT, 'seeds')));
  const incident = (await store.incidents.listRecent({ limit: 50 })).find((i) => i.eventDate === '2025-07-01');
  if (!incident) throw new Error('the seed baseline has no incident dated 2025-07-01');
  const decision: Decision = {
    documentId: incident.sources[0]?.documentId ?? incident.id,
    action: 'new',
    incidentId: incident.id,
    relevance: { relevant: true, score: 1, threshold: 1, hits: [] },
    score: 1,
    changes: [],
    reasons: [],
  };
  const advisory = composeAdvisory(incident, decision, { officialAdvice: [], assistance: config.value.assistance, now: clock.now() });
  if (!advisory.ok) throw new Error(advisory.error.message);
  return advisory.value;
}

/**
 * Posts per second up to the start of the last second's worth of posts: a run ends with a burst of up
 * to `LIMIT` posts in a fresh window, which would flatter a rate taken over the whole run.
 */
function sustainedRate(acceptedAt: readonly number[]): number {
  const upTo = acceptedAt.length - LIMIT;
  const first = acceptedAt[0];
  const mark = acceptedAt[upTo];
  if (upTo < LIMIT || first === undefined || mark === undefined) return Number.NaN;
  return upTo / ((mark - first) / 1000);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface DrainReport {
  readonly elapsedMs: number;
  readonly rounds: number;
  readonly capped: boolean;
}

/** Runs the worker until nothing is pending, sleeping only when every pending item waits (a 429's Retry-After). */
async function drain(deps: WorkerDeps, store: SqliteStore): Promise<DrainReport> {
  const started = performance.now();
  let rounds = 0;
  for (;;) {
    if (performance.now() - started > CAP_MS) return { elapsedMs: performance.now() - started, rounds, capped: true };
    rounds += 1;
    const report = await deliverDue(deps);
    const next = await store.outbox.nextDueAt();
    if (next === undefined) return { elapsedMs: performance.now() - started, rounds, capped: false };
    if (report.claimed === 0) await sleep(Math.max(1, Date.parse(next) - systemClock.now().getTime()));
  }
}

async function main(): Promise<void> {
  const clock = systemClock;
  const fake = new FakeDiscord({ token: TOKEN, guilds: guilds(CHANNELS) });
  await fake.start();
  fake.setGlobalRateLimit(LIMIT);
  const store = openSqliteStore({ file: ':memory:', clock });
  try {
    for (let i = 0; i < CHANNELS; i++) await store.subscriptions.put(subscription(i));
    const advisory = await seedAdvisory(store, clock);
    const fanOutStart = performance.now();
    const fanOut = await fanOutAdvisory({ ...store, clock }, advisory);
    const fanOutMs = performance.now() - fanOutStart;

    const rest = createDiscordRest(TOKEN, { apiUrl: fake.url });
    let clientWaits = 0;
    rest.on('rateLimited', () => (clientWaits += 1));
    const deps: WorkerDeps = {
      outbox: store.outbox,
      subscriptions: store.subscriptions,
      messageRefs: store.messageRefs,
      sink: new DiscordSink(rest),
      notifier: { notify: async () => ok(undefined) },
      clock,
      random: Math.random,
    };
    const run = await drain(deps, store);

    const posts = fake.requests().filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    const accepted = posts.filter((r) => r.status === 200);
    const limited = posts.filter((r) => r.status === 429).length;
    const perChannel = [...Array(CHANNELS).keys()].map((i) => fake.messages(channelId(i)).length);
    const lost = perChannel.filter((n) => n === 0).length;
    const duplicated = perChannel.filter((n) => n > 1).length;
    const counts = await store.outbox.counts();
    const rate = counts.sent / (run.elapsedMs / 1000);
    const sustained = sustainedRate(accepted.map((r) => Date.parse(r.at)));

    console.log(`delivery over HTTP: 1 advisory to ${CHANNELS} channels, fake Discord on 127.0.0.1 with a global limit of ${LIMIT} req/s`);
    console.log(`fan-out: ${fanOut.enqueued} deliveries rendered and queued in ${fanOutMs.toFixed(0)} ms`);
    console.log(`delivered: ${counts.sent} in ${(run.elapsedMs / 1000).toFixed(2)} s, ${rate.toFixed(1)} deliveries/s from the worker's start to an empty outbox`);
    console.log(`sustained: ${sustained.toFixed(1)} deliveries/s = ${((100 * sustained) / LIMIT).toFixed(1)}% of the ${LIMIT} req/s limit (accepted posts before the last second's burst)`);
    console.log(`requests: ${posts.length} posts, ${accepted.length} accepted, ${limited} answered 429; client-side rate-limit waits: ${clientWaits}; worker rounds: ${run.rounds}`);
    console.log(`messages per channel: lost ${lost} (none), duplicated ${duplicated} (more than one); outbox sent ${counts.sent}, pending ${counts.pending}, failed ${counts.failed}`);
    if (run.capped) console.log(`stopped at the ${CAP_MS / 1000} s cap with deliveries still pending`);
    if (lost > 0 || duplicated > 0 || run.capped) process.exitCode = 1;
  } finally {
    store.close();
    await fake.close();
  }
}

await main();

/**
 * Fan-out of one advisory to 1,000 Discord channels through the outbox and the worker, against a
 * fake remote that enforces Discord's global limit (50 requests per second, 429 with Retry-After),
 * answers a few 502s, and recognises nonces as `enforce_nonce` does. Prints deliveries per second,
 * lost and duplicated deliveries.
 *
 *   node bin/run-ts.mjs bench/delivery.ts [--channels N] [--realtime]
 *
 * By default time is simulated (each request takes 5 ms of simulated time), so the figures are
 * deterministic and the run takes about a second; --realtime waits on the wall clock instead.
 */
import { join } from 'node:path';
import { directorySeedSource } from '../src/adapters/seeds/directory.js';
import { createMemoryStore } from '../src/adapters/store/memory/memory-store.js';
import { fanOutAdvisory } from '../src/app/delivery/fanout.js';
import { MemoryDigestRepository, MemoryMessageRefRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../src/app/delivery/memory.js';
import { sendFailure, type DeliverySink } from '../src/app/delivery/ports.js';
import { deliverDue } from '../src/app/delivery/worker.js';
import { createEngine } from '../src/app/engine.js';
import { loadProjectConfig } from '../src/config/project-config.js';
import { composeAdvisory } from '../src/domain/advisory/compose.js';
import { ManualClock, systemClock, type Clock } from '../src/domain/shared/clock.js';
import { ok } from '../src/domain/shared/result.js';
import { targetKey, type Subscription } from '../src/domain/subscriptions/types.js';

const args = process.argv.slice(2);
const channels = Number(args[args.indexOf('--channels') + 1] ?? NaN) || 1000;
const realtime = args.includes('--realtime');
const LIMIT_PER_SECOND = 50;
const LATENCY_MS = 5;
const FAILURE_RATE = 0.02;

/** A small deterministic generator, so that runs compare. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Timeline {
  readonly clock: Clock;
  sleep(ms: number): Promise<void>;
}

function timeline(): Timeline {
  if (realtime) return { clock: systemClock, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
  const clock = new ManualClock('2025-07-03T12:00:00Z');
  return { clock, sleep: async (ms) => clock.advance(ms) };
}

class RateLimitedRemote {
  readonly posts = new Map<string, number>();
  requests = 0;
  limited = 0;
  failed = 0;
  private window: number[] = [];
  private readonly nonces = new Set<string>();

  constructor(private readonly time: Timeline, private readonly random: () => number) {}

  sink(): DeliverySink {
    return {
      send: async (target, _message, options) => {
        this.requests += 1;
        if (!realtime) await this.time.sleep(LATENCY_MS);
        const now = this.time.clock.now().getTime();
        this.window = this.window.filter((t) => now - t < 1000);
        if (this.window.length >= LIMIT_PER_SECOND) {
          this.limited += 1;
          return sendFailure('rate_limited', 'global rate limit', { retryAfterMs: (this.window[0] as number) + 1000 - now, global: true, status: 429 });
        }
        this.window.push(now);
        if (this.random() < FAILURE_RATE) {
          this.failed += 1;
          return sendFailure('server_error', 'bad gateway', { status: 502 });
        }
        if (!this.nonces.has(options.idempotencyKey)) {
          this.nonces.add(options.idempotencyKey);
          const key = targetKey(target);
          this.posts.set(key, (this.posts.get(key) ?? 0) + 1);
        }
        return ok({ messageId: `m-${options.idempotencyKey}` });
      },
    };
  }
}

async function kayesAdvisory(clock: Clock) {
  const root = new URL('..', import.meta.url).pathname;
  const config = loadProjectConfig(join(root, 'config'));
  if (!config.ok) throw new Error(config.error.message);
  const store = createMemoryStore();
  const engine = createEngine({ store, catalogs: config.value.catalogs, clock, rules: config.value.keywords.rules });
  await engine.loadBaseline(directorySeedSource(join(root, 'seeds')));
  const incident = (await store.incidents.listRecent({ limit: 50 })).find((i) => i.eventDate === '2025-07-01');
  if (!incident) throw new Error('the seed baseline has no July incident');
  const decision = {
    documentId: incident.sources[0]?.documentId ?? '', action: 'new' as const, incidentId: incident.id,
    relevance: { relevant: true, score: 1, threshold: 1, hits: [] }, score: 1, changes: [], reasons: [],
  };
  const advisory = composeAdvisory(incident, decision, { officialAdvice: [], assistance: config.value.assistance, now: clock.now() });
  if (!advisory.ok) throw new Error(advisory.error.message);
  return advisory.value;
}

async function main(): Promise<void> {
  const time = timeline();
  const random = mulberry32(42);
  const stores = {
    subscriptions: new MemorySubscriptionRepository(),
    outbox: new MemoryOutboxRepository(),
    digests: new MemoryDigestRepository(),
    messageRefs: new MemoryMessageRefRepository(),
  };
  for (let i = 0; i < channels; i++) {
    const sub: Subscription = {
      id: `sub-${i}`, target: { kind: 'discord', guildId: `1${String(i).padStart(17, '0')}`, channelId: `2${String(i).padStart(17, '0')}` },
      filters: { minSeverity: 1 }, mode: { kind: 'realtime' }, lang: i % 4 === 0 ? 'fr' : 'en', enabled: true,
      createdBy: 'bench', createdAt: '2025-07-01T00:00:00.000Z',
    };
    await stores.subscriptions.put(sub);
  }
  const advisory = await kayesAdvisory(time.clock);

  const fanOutStart = performance.now();
  const fanOut = await fanOutAdvisory({ ...stores, clock: time.clock }, advisory);
  const fanOutMs = performance.now() - fanOutStart;

  const remote = new RateLimitedRemote(time, random);
  const deps = { ...stores, sink: remote.sink(), notifier: { notify: async () => ok(undefined) }, clock: time.clock, random, policy: { batchSize: 100, baseDelayMs: 1000 } };
  const started = time.clock.now().getTime();
  const wallStart = performance.now();
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const report = await deliverDue(deps);
    const next = await stores.outbox.nextDueAt();
    if (next === undefined) break;
    if (report.claimed === 0) await time.sleep(Math.max(1, Date.parse(next) - time.clock.now().getTime()));
  }
  const elapsedS = (time.clock.now().getTime() - started) / 1000;
  const wallMs = performance.now() - wallStart;
  const counts = await stores.outbox.counts();
  const lost = [...Array(channels).keys()].filter((i) => !remote.posts.has(`discord:2${String(i).padStart(17, '0')}`)).length;
  const duplicated = [...remote.posts.values()].reduce((n, c) => n + c - 1, 0);

  console.log(`delivery bench: 1 advisory to ${channels} channels, remote limit ${LIMIT_PER_SECOND} req/s, ${FAILURE_RATE * 100}% 502s, ${realtime ? 'real' : 'simulated'} time`);
  console.log(`fan-out: ${fanOut.enqueued} deliveries rendered and queued in ${fanOutMs.toFixed(0)} ms`);
  console.log(`delivered: ${counts.sent} in ${elapsedS.toFixed(2)} s ${realtime ? '' : 'of simulated time '}= ${(counts.sent / elapsedS).toFixed(1)} deliveries/s`);
  console.log(`requests: ${remote.requests} (${remote.limited} answered 429, ${remote.failed} answered 502), worker rounds: ${rounds}, worker wall time ${wallMs.toFixed(0)} ms`);
  console.log(`lost: ${lost}, duplicated: ${duplicated}, failed: ${counts.failed}, pending: ${counts.pending}`);
  if (lost > 0 || duplicated > 0) process.exitCode = 1;
}

await main();

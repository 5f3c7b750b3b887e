/**
 * Scale-out benchmark: one, two and three bot processes on one PostgreSQL schema, each the real
 * composition root (createCore + startBot) with feeds polled under leases and the outbox shared.
 *   1. polling: N feeds on a local server (each answer delayed as a remote site's would be) are
 *      enabled together; the figure is feeds polled per second until every feed has been polled once.
 *      Their items are three days old, so a first poll records them without alerting, as a feed the
 *      bot knows already costs; with --fresh every item is new and goes through matching, which runs
 *      under one lock for the whole deployment.
 *   2. delivery: M deliveries are written to the outbox together; the sink stands for Discord with a
 *      fixed latency per post; the figure is deliveries sent per second until the outbox is empty.
 * Every feed must be polled exactly once and every delivery sent exactly once; the run says so.
 * Needs a PostgreSQL server (SAHEL_BENCH_DATABASE_URL, else the test server on 127.0.0.1); without
 * one it says so and exits without figures.
 * Run: node bin/run-ts.mjs bench/scale.ts [--feeds 400] [--deliveries 300] [--feed-delay 200] [--send-ms 100] [--fresh] [--processes 1,2,3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { openPostgresStore, type PostgresStore } from '../src/adapters/store/postgres/store.js';
import type { DeliverySink } from '../src/app/delivery/ports.js';
import type { Feed } from '../src/app/feeds/ports.js';
import { resolveSettings } from '../src/config/settings.js';
import { ok } from '../src/domain/shared/result.js';
import { createAppLogger, createCore, startBot } from '../src/main.js';
import { messageFixture } from '../tests/support/store-fixtures.js';
import { FeedServer } from '../tests/support/feed-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNNER = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
const SERVER_URL = process.env['SAHEL_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const GUILD = '100000000000000001';

const argsSchema = z.object({
  worker: z.boolean(),
  feeds: z.coerce.number().int().min(1).max(20_000),
  deliveries: z.coerce.number().int().min(1).max(50_000),
  'feed-delay': z.coerce.number().int().min(0).max(5_000),
  'send-ms': z.coerce.number().int().min(0).max(5_000),
  processes: z.string().regex(/^\d+(,\d+)*$/, 'a list such as 1,2,3'),
  fresh: z.boolean(),
});

const { values } = parseArgs({
  options: {
    worker: { type: 'boolean', default: false },
    feeds: { type: 'string', default: '400' },
    deliveries: { type: 'string', default: '300' },
    'feed-delay': { type: 'string', default: '200' },
    'send-ms': { type: 'string', default: '100' },
    processes: { type: 'string', default: '1,2,3' },
    fresh: { type: 'boolean', default: false },
  },
});
const args = argsSchema.parse(values);

/** Off-topic news, as most items of a real feed are: when new, each goes through matching and is ignored. */
function feedBody(n: number, at: Date): string {
  const items = Array.from({ length: 5 }, (_, i) => {
    const id = `feed${n}-item${i}`;
    return `<item><title>Market report ${n}.${i}: cotton and millet prices in Bamako</title><link>https://news${n}.example.org/${id}</link>
      <guid isPermaLink="false">${id}</guid><pubDate>${at.toUTCString()}</pubDate>
      <description>Traders in Bamako said prices of cotton and millet moved little this week (report ${n}.${i}).</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://news${n}.example.org/</link>
    <description>bench</description><language>en</language>${items.join('')}</channel></rss>`;
}

// --- worker: one bot process -----------------------------------------------------------------

/** Discord as far as timing goes: every post takes `sendMs`, then succeeds. Counts posts per nonce. */
function latencySink(sendMs: number): DeliverySink {
  return {
    send: async (_target, _message, options) => {
      await new Promise((resolve) => setTimeout(resolve, sendMs));
      process.stdout.write(`sent ${options.idempotencyKey}\n`);
      return ok({ messageId: options.idempotencyKey });
    },
  };
}

async function worker(): Promise<void> {
  const env = { DATABASE_URL: SERVER_URL, DATABASE_SCHEMA: process.env['BENCH_SCHEMA'], ALLOW_PRIVATE_FEEDS: 'true', HTTP_PORT: '0' };
  const resolved = resolveSettings(
    {
      name: 'bench',
      content: {
        log: { level: 'warn', format: 'json' },
        feeds: { tickSeconds: 1, startSpreadMs: 0, concurrency: 8, timeoutMs: 10_000 },
        delivery: { intervalMs: 100 },
      },
    },
    env,
  );
  if (!resolved.ok) throw new Error(resolved.error.message);
  const settings = resolved.value;
  const logger = createAppLogger(settings, { logDestination: { write: (line: string) => void process.stderr.write(line) } });
  const core = await createCore(settings, { logger });
  if (!core.ok) throw new Error(core.error.message);
  const discord = { sink: latencySink(args['send-ms']), notifier: { notify: async () => ok(undefined) }, isReady: () => true, stop: async () => undefined };
  const bot = await startBot(core.value, {}, { discord });
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void bot.stop().then(() => process.exit(0));
  });
}

// --- parent: rounds with 1, 2, 3 processes ----------------------------------------------------

interface Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly sent: string[];
}

function spawnWorker(schema: string): Worker {
  const child = spawn(
    process.execPath,
    [RUNNER, 'bench/scale.ts', '--worker', '--send-ms', String(args['send-ms'])],
    { cwd: ROOT, env: { ...process.env, BENCH_SCHEMA: schema }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const sent: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line === 'ready') resolve();
      else if (line.startsWith('sent ')) sent.push(line.slice(5));
    });
  });
  return { child, ready, sent };
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function polledCount(store: PostgresStore): Promise<number> {
  return (await store.feedHealth.list()).filter((h) => h.lastSuccessAt !== undefined).length;
}

interface RoundResult {
  readonly processes: number;
  readonly feedsPerSecond: number;
  readonly deliveriesPerSecond: number;
  readonly pollsServed: number;
  readonly duplicatePosts: number;
}

async function round(processes: number, server: FeedServer, feedUrls: readonly string[], requests: Map<string, number>): Promise<RoundResult> {
  const schema = `sw_bench_${randomBytes(5).toString('hex')}`;
  const store = await openPostgresStore({ url: SERVER_URL, schema });
  const workers: Worker[] = [];
  try {
    const addedAt = new Date().toISOString();
    const feeds: Feed[] = feedUrls.map((url, i) => ({ url, name: `Feed ${i}`, lang: 'en', intervalMinutes: 60, kind: 'news', enabled: false, addedAt }));
    await store.feeds.seedIfEmpty(feeds);
    await store.subscriptions.put({
      id: 'bench',
      target: { kind: 'discord', guildId: GUILD, channelId: '200000000000000001' },
      filters: { minSeverity: 1 },
      mode: { kind: 'realtime' },
      lang: 'en',
      enabled: true,
      createdBy: 'config',
      createdAt: addedAt,
    });
    workers.push(...Array.from({ length: processes }, () => spawnWorker(schema)));
    await Promise.all(workers.map((w) => w.ready));
    requests.clear();

    const pollStart = performance.now();
    for (const feed of feeds) await store.feeds.put({ ...feed, enabled: true });
    await waitFor(async () => (await polledCount(store)) === feeds.length, 300_000, 'every feed polled');
    const pollSeconds = (performance.now() - pollStart) / 1000;

    const createdAt = new Date().toISOString();
    const deliverStart = performance.now();
    for (let i = 0; i < args.deliveries; i++) {
      const key = `bench-${String(i).padStart(6, '0')}`;
      await store.outbox.enqueue({
        key,
        idempotencyKey: key,
        subscriptionId: 'bench',
        target: { kind: 'discord', guildId: GUILD, channelId: '200000000000000001' },
        message: messageFixture(`inc-${i}`),
        createdAt,
      });
    }
    await waitFor(async () => (await store.outbox.counts()).sent === args.deliveries, 300_000, 'every delivery sent');
    const deliverSeconds = (performance.now() - deliverStart) / 1000;
    const posts = workers.flatMap((w) => w.sent).filter((k) => k.startsWith('bench-'));
    return {
      processes,
      feedsPerSecond: feeds.length / pollSeconds,
      deliveriesPerSecond: args.deliveries / deliverSeconds,
      pollsServed: [...requests.values()].reduce((a, b) => a + b, 0),
      duplicatePosts: posts.length - new Set(posts).size,
    };
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.child.exitCode === null ? new Promise((r) => w.child.once('exit', r)) : undefined)));
    await store.close();
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const label = SERVER_URL.replace(/\/\/[^@/]*@/, '//');
  if (!(await serverAnswers())) {
    console.log(`scale: no PostgreSQL server answers at ${label}; set SAHEL_BENCH_DATABASE_URL to run this benchmark`);
    return;
  }
  const server = await FeedServer.start({ recordRequests: false });
  const requests = new Map<string, number>();
  const at = new Date(Date.now() - (args.fresh ? 0 : 3 * 86_400_000));
  const feedUrls = Array.from({ length: args.feeds }, (_, n) => {
    const path = `/feed-${n}.xml`;
    const body = feedBody(n, at);
    server.route(path, (_req, res) => {
      requests.set(path, (requests.get(path) ?? 0) + 1);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(body);
      }, args['feed-delay']);
    });
    return server.url(path);
  });
  console.log(
    `scale: ${args.feeds} feeds (${args['feed-delay']} ms per answer, 5 ${args.fresh ? 'new' : 'known'} off-topic items each, 8 polls at once per process), ` +
      `${args.deliveries} deliveries (${args['send-ms']} ms per post), PostgreSQL at ${label}`,
  );
  console.log(`${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)}`);
  console.log('processes  feeds/s  deliveries/s  feed requests  duplicate posts');
  try {
    for (const processes of args.processes.split(',').map(Number)) {
      const r = await round(processes, server, feedUrls, requests);
      console.log(
        `${String(r.processes).padStart(9)}  ${r.feedsPerSecond.toFixed(1).padStart(7)}  ${r.deliveriesPerSecond.toFixed(1).padStart(12)}  ` +
          `${String(r.pollsServed).padStart(13)}  ${String(r.duplicatePosts).padStart(15)}`,
      );
    }
  } finally {
    await server.close();
  }
}

if (args.worker) await worker();
else await main();

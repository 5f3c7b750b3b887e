import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/adapters/store/postgres/store.js';
import type { Feed } from '../../src/app/feeds/ports.js';
import { defaultGuild, FakeDiscord } from '../support/fake-discord/index.js';
import { FeedServer } from '../support/feed-server.js';
import { dropServerSchema, freshSchema, SERVER_LABEL, SERVER_URL, serverAnswers } from '../unit/adapters/store/postgres/harness.js';

/**
 * Three bot processes (`sahel-watch start`) on one PostgreSQL schema, polling a local feed server and
 * posting to the fake Discord. The first process is killed while it polls two slow feeds and while
 * its first message is on its way; the other two take its feeds and its delivery over once the
 * leases run out, and every alert reaches the channel exactly once.
 */

const reachable = await serverAnswers(SERVER_URL, 1_000);
const title = reachable
  ? `three bot processes on one PostgreSQL database (${SERVER_LABEL})`
  : `three bot processes on one PostgreSQL database: no server answers at ${SERVER_LABEL} within 1 s, skipped`;

const TOKEN = 'fake-token-for-three-processes';
const CHANNEL = defaultGuild.channels[0]?.id ?? '';
const FEED_LEASE_MS = 3_000;
const DELIVERY_LEASE_MS = 8_000;

const now = new Date();
const daysAgo = (n: number): string =>
  new Date(now.getTime() - n * 86_400_000).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

interface Story {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

/** Nine distinct events, days apart and in different places, so that each is a NEW alert of its own. */
const STORIES: readonly Story[] = [
  ['kita', 'Gunmen abduct three Chinese engineers at a gold mine near Kita, Mali', (d: string) => `Gunmen abducted three Chinese engineers on ${d} at a gold mine near Kita in Mali's Kayes region, local officials said. No group has claimed responsibility for the kidnapping.`],
  ['boulkessi', 'Jihadists attack army post in Boulkessi, killing twelve soldiers', (d: string) => `Jihadist fighters attacked a Malian army post in Boulkessi on ${d}, killing twelve soldiers, the army said. JNIM claimed the attack.`],
  ['convoy', 'Fuel convoy ambushed on the Kayes–Bamako road', (d: string) => `Armed men ambushed a fuel convoy on the road between Kayes and Bamako on ${d} and set twenty tankers on fire, transporters said.`],
  ['segou', 'Two Indian nationals kidnapped in Ségou region', (d: string) => `Two Indian nationals working for a construction firm were kidnapped on ${d} in the Ségou region, the Indian embassy in Bamako said.`],
  ['mopti', 'Drone strike kills civilians at a wedding near Mopti', (d: string) => `A drone strike killed at least eight civilians at a wedding near Mopti on ${d}, residents said. The army denied targeting civilians.`],
  ['menaka', 'IS Sahel fighters kill villagers near Ménaka', (d: string) => `Fighters of the Islamic State Sahel Province killed fifteen villagers near Ménaka on ${d}, local officials said.`],
  ['timbuktu', 'Blockade of Tombouctou: JNIM cuts the road to the city', (d: string) => `JNIM fighters have blockaded Tombouctou since ${d}, cutting the main road and halting food deliveries, residents said.`],
  ['sikasso', 'Egyptian workers freed after kidnapping near Sikasso', (d: string) => `Four Egyptian workers kidnapped near Sikasso on ${d} were released after negotiations, their employer said.`],
  ['gao', 'Attack on Gao airport repelled by Malian army', (d: string) => `The Malian army said it repelled an attack on the airport of Gao on ${d}. Several assailants were killed.`],
].map(([id, storyTitle, body], i) => ({ id: id as string, title: storyTitle as string, body: (body as (d: string) => string)(daysAgo(1 + 3 * i)) }));

const story = (id: string): Story => {
  const found = STORIES.find((s) => s.id === id);
  if (!found) throw new Error(`no story ${id}`);
  return found;
};

const link = (feed: string, s: Story) => `https://${feed}.example.org/news/${s.id}`;

function rss(feed: string, stories: readonly Story[]): string {
  const items = stories.map(
    (s) => `<item><title>${s.title}</title><link>${link(feed, s)}</link><guid isPermaLink="false">${feed}-${s.id}</guid>
      <pubDate>${now.toUTCString()}</pubDate><description><![CDATA[<p>${s.body}</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${feed}</title><link>https://${feed}.example.org/</link>
    <description>Security news (generated for tests)</description><language>en</language>${items.join('')}</channel></rss>`;
}

/** Fast feeds answer at once; the slow ones keep their first request open until its client goes away. */
const FEEDS: ReadonlyArray<{ readonly name: string; readonly stories: readonly string[]; readonly slow: boolean }> = [
  { name: 'bamako-wire', stories: ['kita', 'boulkessi'], slow: false },
  { name: 'sahel-daily', stories: ['convoy', 'segou'], slow: false },
  // A wire copy of the Kita story: the same event from a second feed is no second alert.
  { name: 'niger-river-news', stories: ['mopti', 'menaka', 'kita'], slow: false },
  { name: 'slow-north', stories: ['timbuktu', 'sikasso'], slow: true },
  { name: 'slow-east', stories: ['gao'], slow: true },
];

/**
 * Discord's REST API as the bot processes see it: the fake behind a proxy that keeps the first
 * message post waiting and, once told, hands it on even though its sender is gone (the message
 * reached Discord, the sender died before recording it).
 */
class HoldingProxy {
  held: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer } | undefined;
  private holding = true;
  private readonly server: Server;
  private port = 0;

  constructor(private readonly target: URL) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const call = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
        if (this.holding && call.method === 'POST' && /\/channels\/\d+\/messages$/.test(call.path)) {
          this.holding = false;
          this.held = call;
          return;
        }
        this.forward(call, res);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Sends the held post on to the fake; its answer has nobody to go to. */
  async handOnHeld(): Promise<void> {
    const call = this.held;
    if (!call) return;
    await new Promise<void>((resolve) => this.forward(call, undefined, resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private forward(
    call: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
    res: ServerResponse | undefined,
    done: () => void = () => undefined,
  ): void {
    const out = request(
      { host: this.target.hostname, port: this.target.port, method: call.method, path: call.path, headers: { ...call.headers, host: this.target.host } },
      (answer) => {
        res?.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => res?.write(chunk));
        answer.on('end', () => {
          res?.end();
          done();
        });
      },
    );
    out.on('error', () => {
      res?.destroy();
      done();
    });
    out.end(call.body);
  }
}

interface BotProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly output: string[];
  readonly running: Promise<void>;
}

const children: BotProcess[] = [];
let schema: string;
let workDir: string;
let store: PostgresStore;
let fake: FakeDiscord;
let proxy: HoldingProxy;
let feedServer: FeedServer;
const slowRequests = new Map<string, number>();

function startBot(name: string): BotProcess {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    ...(process.env['TMPDIR'] ? { TMPDIR: process.env['TMPDIR'] } : {}),
    SAHEL_WATCH_CONFIG: join(workDir, 'settings.json'),
    DATABASE_URL: SERVER_URL,
    DATABASE_SCHEMA: schema,
    DATA_DIR: join(workDir, name),
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: proxy.url,
  };
  const child = spawn(process.execPath, ['bin/sahel-watch.mjs', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const running = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.join('').includes('"msg":"Sahel Watch is running"')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before running:\n${output.join('').slice(-3000)}`)));
  });
  running.catch(() => undefined);
  const bot = { name, child, output, running };
  children.push(bot);
  return bot;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const logs = children.map((c) => `--- ${c.name}\n${c.output.join('').slice(-2500)}`).join('\n');
      throw new Error(`${what}: not within ${timeoutMs} ms\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const embedText = (message: APIMessage): string =>
  (message.embeds ?? [])
    .map((e: APIEmbed) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.url].join('\n'))
    .join('\n') + message.content;

beforeAll(async () => {
  if (!reachable) return;
  schema = freshSchema();
  workDir = mkdtempSync(join(tmpdir(), 'sahel-watch-multi-'));
  writeFileSync(
    join(workDir, 'settings.json'),
    JSON.stringify({
      http: { port: 0 },
      log: { level: 'info', format: 'json' },
      feeds: { allowPrivateAddresses: true, tickSeconds: 1, startSpreadMs: 0, leaseMs: FEED_LEASE_MS, timeoutMs: 30_000 },
      delivery: { intervalMs: 200, leaseMs: DELIVERY_LEASE_MS },
    }),
  );
  fake = new FakeDiscord({ token: TOKEN });
  await fake.start();
  proxy = new HoldingProxy(new URL(fake.url));
  await proxy.start();
  feedServer = await FeedServer.start();
  for (const feed of FEEDS) {
    const body = rss(feed.name, feed.stories.map(story));
    if (!feed.slow) {
      feedServer.route(`/${feed.name}.xml`, { body, contentType: 'application/rss+xml' });
      continue;
    }
    feedServer.route(`/${feed.name}.xml`, (_req, res) => {
      const seen = (slowRequests.get(feed.name) ?? 0) + 1;
      slowRequests.set(feed.name, seen);
      // The first poll never gets an answer: its poller is killed while it waits.
      if (seen === 1) return;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(body);
    });
  }
  store = await openPostgresStore({ url: SERVER_URL, schema });
  const addedAt = now.toISOString();
  const feeds: Feed[] = FEEDS.map((f) => ({ url: feedServer.url(`/${f.name}.xml`), name: f.name, lang: 'en', intervalMinutes: 60, kind: 'news', enabled: true, addedAt }));
  // Seeded before any process starts: the processes find the feed list seeded and leave it.
  await store.feeds.seedIfEmpty(feeds);
  await store.subscriptions.put({
    id: 'alerts',
    target: { kind: 'discord', guildId: defaultGuild.id, channelId: CHANNEL },
    filters: { minSeverity: 1 },
    mode: { kind: 'realtime' },
    lang: 'en',
    enabled: true,
    createdBy: 'config',
    createdAt: addedAt,
  });
}, 30_000);

afterAll(async () => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(({ child }) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  await store?.close();
  await feedServer?.close();
  await proxy?.close();
  await fake?.close();
  if (reachable) await dropServerSchema(SERVER_URL, schema);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(!reachable)(title, () => {
  it('posts every alert exactly once when one of three processes is killed in the middle of polling and delivering', async () => {
    const first = startBot('first');
    await first.running;
    const slowUrls = FEEDS.filter((f) => f.slow).map((f) => feedServer.url(`/${f.name}.xml`));
    // The first process alone: it holds the slow feeds (waiting on them) and has claimed a delivery (held at the proxy).
    await until(
      'the first process polls both slow feeds and posts its first message',
      async () => {
        const { rows } = await pgQuery<{ url: string }>('SELECT url FROM feed_leases');
        return slowUrls.every((url) => rows.some((r) => r.url === url)) && proxy.held !== undefined;
      },
      20_000,
    );
    const claimedAtKill = await pgQuery<{ key: string }>(`SELECT key FROM outbox WHERE state = 'pending' AND lease_until > $1`, [new Date().toISOString()]);
    expect(claimedAtKill.rows.length).toBeGreaterThan(0);

    const others = [startBot('second'), startBot('third')];
    await Promise.all(others.map((b) => b.running));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const killedAt = Date.now();
    await proxy.handOnHeld();

    const expected = STORIES.length;
    await until(
      'every alert posted and the outbox drained',
      async () => {
        const counts = await store.outbox.counts();
        return fake.messages(CHANNEL).length >= expected && counts.pending === 0;
      },
      35_000,
    );
    // Late duplicates would come from a lease taken over too early: give them a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const messages = fake.messages(CHANNEL);
    expect(messages).toHaveLength(expected);
    for (const s of STORIES) {
      const mentions = messages.filter((m) => embedText(m).includes(s.title) || FEEDS.some((f) => embedText(m).includes(link(f.name, s))));
      expect(mentions.length, `messages about ${s.id}`).toBe(1);
    }
    expect(await store.outbox.counts()).toEqual({ pending: 0, sent: expected, failed: 0 });
    // The slow feeds were polled again, by the survivors, after the first process died.
    for (const feed of FEEDS.filter((f) => f.slow)) expect(slowRequests.get(feed.name)).toBe(2);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    // Only the post in flight at the kill went out twice, and Discord recognised its nonce.
    const posts = fake.requests().filter((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path));
    expect(posts.length).toBeLessThanOrEqual(expected + 1);
    expect(others.every((b) => b.child.exitCode === null)).toBe(true);
  }, 60_000);
});

async function pgQuery<R>(sql: string, params: unknown[] = []): Promise<{ rows: R[] }> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: SERVER_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const { rows } = await client.query(sql, params);
    return { rows: rows as R[] };
  } finally {
    await client.end();
  }
}

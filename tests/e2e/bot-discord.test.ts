import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags, type APIEmbed, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { resolveSettings, type Settings } from '../../src/config/settings.js';
import { startDiscord, type DiscordRuntime } from '../../src/discord-wiring.js';
import type { Incident } from '../../src/domain/model.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { createAppLogger, createCore, startBot, type Core, type RunningBot } from '../../src/main.js';
import { DEFAULT_OWNER_ID, defaultGuild, FakeDiscord, type CommandInvocation, type InteractionRecord } from '../support/fake-discord/index.js';
import { FeedServer } from '../support/feed-server.js';

/**
 * The whole bot through its real composition root: settings from the environment, the SQLite store
 * in a temporary data directory, the seed baseline, a local feed, and Discord played by the fake.
 * The tests run in order: each step builds on the state the previous one left.
 */

const TOKEN = 'fake-token-for-the-bot';
const NOW = '2026-03-10T09:00:00.000Z';
const guildId = defaultGuild.id;
const alerts = defaultGuild.channels[0]?.id ?? '';
const general = defaultGuild.channels[1]?.id ?? '';
const MANAGE_GUILD = '32';
const ITEM_URL = 'https://sahelbrief.example.org/2026/03/10/kita-engineers-abducted';
const FEED_PATH = '/sahel-brief.rss';
const ARTICLE_PATH = '/articles/kayes-workers.html';

const ARTICLE = `<!doctype html><html><head><title>Three workers kidnapped near Kayes, Mali - Sahel Brief</title></head>
<body><nav>Home | World | Africa</nav><article><h1>Three workers kidnapped near Kayes, Mali</h1>
<p>Armed men kidnapped three Malian workers on a road near Kayes in western Mali on Sunday, March 8, the regional governor said.</p>
<p>The army has opened a search. No group has claimed the abduction.</p></article><footer>© Sahel Brief</footer></body></html>`;

const clock = new ManualClock(NOW);
const logLines: string[] = [];
let fake: FakeDiscord;
let feeds: FeedServer;
let dataDir: string;
let settings: Settings;
let core: Core;
let discord: DiscordRuntime;
let bot: RunningBot | undefined;
let stopped = false;

function memoryIo(env: Record<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const errors: string[] = [];
  const stream = (into: string[]) => ({
    write: (chunk: string, done?: (error?: Error | null) => void) => {
      into.push(chunk);
      done?.();
      return true;
    },
  });
  return { stdout: stream(out), stderr: stream(errors), env, out, err: errors };
}

beforeAll(async () => {
  fake = new FakeDiscord({ token: TOKEN });
  await fake.start();
  feeds = await FeedServer.start();
  feeds.route(FEED_PATH, { body: readFileSync('tests/fixtures/feeds/kita-kidnapping-rss2.xml') });
  feeds.route(ARTICLE_PATH, { body: ARTICLE, contentType: 'text/html; charset=utf-8' });
  dataDir = mkdtempSync(join(tmpdir(), 'sahel-watch-e2e-'));
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.url, DATA_DIR: dataDir, ALLOW_PRIVATE_FEEDS: 'true', HTTP_PORT: '0', LOG_LEVEL: 'info' };
  const registered = memoryIo(env);
  expect(await runCli(['register-commands', '--guild', guildId], registered)).toBe(0);
  const resolved = resolveSettings({ name: 'e2e', content: { delivery: { intervalMs: 50 }, feeds: { timeoutMs: 3000 }, log: { format: 'json' } } }, env);
  if (!resolved.ok) throw new Error(resolved.error.message);
  settings = resolved.value;
  const logger = createAppLogger(settings, { logDestination: { write: (line: string) => void logLines.push(line) } });
  const created = await createCore(settings, { clock, logger });
  if (!created.ok) throw new Error(created.error.message);
  core = created.value;
  // The configured feeds are real sites this machine cannot reach: the test brings its own.
  for (const feed of await core.store.feeds.list()) await core.store.feeds.remove(feed.url);
  const started = await startDiscord(core, TOKEN, { readyTimeoutMs: 5000 });
  if (!started.ok) throw new Error(`${started.error.message} ${JSON.stringify(fake.requests().map((r) => [r.method, r.path, r.status, r.authorized]))}`);
  discord = started.value;
}, 20_000);

afterAll(async () => {
  if (!stopped && bot) await bot.stop();
  else if (!stopped) {
    await discord?.stop();
    await core?.store.close();
  }
  await fake?.close();
  await feeds?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const finished = (record: InteractionRecord | undefined): InteractionRecord | undefined =>
  record?.original && ((record.original.flags ?? 0) & MessageFlags.Loading) === 0 ? record : undefined;

async function run(invocation: Omit<CommandInvocation, 'guildId' | 'channelId'>): Promise<InteractionRecord> {
  const id = fake.slashCommand({ guildId, channelId: general, ...invocation });
  return fake.waitFor(() => finished(fake.interaction(id)), 5000);
}

const embedText = (message: APIMessage | null | undefined): string =>
  (message?.embeds ?? [])
    .map((e: APIEmbed) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n'))
    .join('\n');

/** Polls a condition on the bot's own store, which announces nothing. */
async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function kitaIncident(): Promise<Incident> {
  const decided = await core.store.decisions.findByDocument(ITEM_URL);
  const incident = decided?.decision.incidentId ? await core.store.incidents.get(decided.decision.incidentId) : undefined;
  if (!incident) throw new Error('the feed item filed no incident');
  return incident;
}

const alertPosts = () => fake.requests().filter((r) => r.method === 'POST' && r.path === `/channels/${alerts}/messages`);

describe('the bot end to end, against a fake Discord', () => {
  it('registers its commands through the CLI', () => {
    expect(fake.registeredCommands(guildId).map((c) => c.name).sort()).toEqual(['feeds', 'incident', 'incidents', 'keywords', 'status', 'subscribe', 'subscriptions', 'unsubscribe', 'why']);
    expect(discord.isReady()).toBe(true);
  });

  it('subscribes a channel and adds a feed from slash commands, with an audit trail', async () => {
    const subscribed = await run({ name: 'subscribe', permissions: MANAGE_GUILD, options: { channel: alerts, countries: 'Mali', min_severity: 2 } });
    expect(subscribed.ephemeral).toBe(true);
    expect(subscribed.original?.content).toMatch(/Subscription `sub-[0-9a-f]+` created/);
    const closed = await run({ name: 'subscribe', permissions: MANAGE_GUILD, options: { channel: general, countries: 'Mali, Niger', language: 'fr' } });
    expect(closed.original?.content).toMatch(/Subscription `sub-[0-9a-f]+` created/);
    const added = await run({ name: 'feeds', subcommand: 'add', permissions: MANAGE_GUILD, options: { url: feeds.url(FEED_PATH), name: 'Sahel Brief', language: 'en' } });
    expect(added.original?.content).toContain('Feed Sahel Brief added');
    const subscriptions = await core.store.subscriptions.list({ guildId });
    expect(subscriptions.map((s) => s.target).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { kind: 'discord', guildId, channelId: alerts },
      { kind: 'discord', guildId, channelId: general },
    ]);
    const trail = await core.store.audit.list({ limit: 10 });
    expect(trail.map((e) => [e.action, e.actor.tag])).toEqual([
      ['feed.add', 'aminata'],
      ['subscription.add', 'aminata'],
      ['subscription.add', 'aminata'],
    ]);
  });

  it('keeps the alert through a Discord outage and posts it exactly once afterwards', async () => {
    fake.failWhen({ channelId: alerts, method: 'POST', times: 2 }, { status: 503 });
    fake.failWhen({ channelId: alerts, method: 'POST', times: 1 }, { closeSocket: true });
    fake.failWhen({ channelId: general, method: 'POST' }, { status: 403 });
    bot = await startBot(core, { clock, random: () => 0 }, { discord });

    const pendingAfter = (attempts: number) => eventually(async () => (await core.store.outbox.list({ state: 'pending', limit: 5 })).find((item) => item.attempts === attempts), 8000);
    expect(await pendingAfter(1)).toMatchObject({ lastError: { code: 'server_error' } });
    expect(alertPosts()).toHaveLength(2);
    expect(fake.messages(alerts)).toEqual([]);

    clock.advance(10 * 60_000);
    expect(await pendingAfter(2)).toMatchObject({ lastError: { code: 'network' } });
    expect(alertPosts()).toHaveLength(3);
    expect(fake.messages(alerts)).toEqual([]);

    clock.advance(30 * 60_000);
    const [message] = await fake.waitFor(() => fake.messages(alerts).length > 0 && fake.messages(alerts), 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messages(alerts)).toHaveLength(1);
    expect(alertPosts().map((r) => r.status)).toEqual([503, 503, -1, 200]);
    expect(new Set(alertPosts().map((r) => (r.body as { nonce?: string }).nonce)).size).toBe(1);
    const [sent] = await core.store.outbox.list({ state: 'sent', limit: 5 });
    expect(sent).toMatchObject({ attempts: 2, messageId: message?.id, target: { channelId: alerts } });
    const [refused] = await core.store.outbox.list({ state: 'failed', limit: 5 });
    expect(refused).toMatchObject({ target: { channelId: general }, lastError: { code: 'forbidden' } });
    expect(await core.store.outbox.counts()).toMatchObject({ pending: 0, sent: 1, failed: 1 });
  });

  it('posted the alert as a real channel message, without pinging anyone', () => {
    const [message] = fake.messages(alerts);
    const text = embedText(message);
    expect(text).toContain('Kita');
    expect(text).toMatch(/Chinese/);
    expect(message?.mention_everyone).toBe(false);
    expect(message?.mention_roles).toEqual([]);
  });

  it('stops posting to a channel that refuses the bot and tells the server’s owner by direct message', async () => {
    const [notice] = await fake.waitFor(() => fake.directMessages(DEFAULT_OWNER_ID).length > 0 && fake.directMessages(DEFAULT_OWNER_ID), 5000);
    const closed = (await core.store.subscriptions.list({ guildId })).find((s) => s.target.kind === 'discord' && s.target.channelId === general);
    expect(closed).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('forbidden') });
    expect(notice?.content).toContain(closed?.id);
    expect(notice?.mention_everyone).toBe(false);
    const listed = await run({ name: 'subscriptions' });
    expect(embedText(listed.original)).toContain('DISABLED (forbidden');
    expect(fake.messages(general)).toEqual([]);
  });

  it('answers /status with the new incident, the assessment and when feeds were polled', async () => {
    const incident = await kitaIncident();
    const record = await run({ name: 'status' });
    expect(record.ephemeral).toBe(false);
    const text = embedText(record.original);
    expect(record.original?.embeds[0]?.title).toBe('Mali: security status');
    expect(text).toContain('Highest severity:');
    expect(text).toContain(`\`${incident.id}\``);
    expect(text).not.toContain('Timbuktu');
    expect(text).toContain('first reported');
    expect(text).toContain('Feeds last polled');
    const french = await run({ name: 'status', locale: 'fr' });
    expect(embedText(french.original)).toContain('Flux relevés pour la dernière fois');
  });

  it('answers /incident with details and the source link, and completes its id', async () => {
    const { id } = await kitaIncident();
    const completion = fake.autocomplete({ guildId, channelId: general, name: 'incident', focused: 'id', options: { id: 'kita' } });
    const choices = await fake.waitFor(() => fake.interaction(completion)?.choices, 5000);
    expect(choices.map((c) => c.value)).toContain(id);
    const record = await run({ name: 'incident', options: { id } });
    const text = embedText(record.original);
    expect(text).toContain('Kidnapping');
    expect(text).toContain(`[Sahel Brief](${ITEM_URL})`);
  });

  it('explains with /why the decision recorded for the item, and dry-runs an article it never saw', async () => {
    const recorded = await run({ name: 'why', permissions: MANAGE_GUILD, options: { input: ITEM_URL } });
    expect(recorded.ephemeral).toBe(true);
    expect(embedText(recorded.original)).toContain('NEW incident: an alert is posted');
    expect(embedText(recorded.original)).toContain('Decision recorded');
    const before = await core.store.incidents.count();
    const dryRun = await run({ name: 'why', permissions: MANAGE_GUILD, options: { input: feeds.url(ARTICLE_PATH) } });
    expect(embedText(dryRun.original)).toContain('Not seen before');
    expect(embedText(dryRun.original)).toContain('Three workers kidnapped near Kayes');
    expect(await core.store.incidents.count()).toBe(before);
    expect(fake.messages(alerts)).toHaveLength(1);
  });

  it('refuses /keywords add to a member without Manage Server, and changes nothing', async () => {
    const rules = await core.store.keywords.list();
    const refused = await run({ name: 'keywords', subcommand: 'add', permissions: '0', options: { id: 'hostage', kind: 'include', terms: 'hostage*' } });
    expect(refused.ephemeral).toBe(true);
    expect(refused.original?.content).toBe('This command needs the Manage Server permission.');
    expect(await core.store.keywords.list()).toEqual(rules);
    expect(await core.store.audit.list({ actionPrefix: 'keyword.', limit: 5 })).toEqual([]);
  });

  it('tunes keywords for an admin and shows who changed them in /keywords list', async () => {
    const added = await run({ name: 'keywords', subcommand: 'add', permissions: MANAGE_GUILD, options: { id: 'hostage', kind: 'include', terms: 'hostage*, otage*', weight: 1.5 } });
    expect(added.original?.content).toContain('Rule `hostage` saved');
    const tested = await run({ name: 'keywords', subcommand: 'test', permissions: MANAGE_GUILD, options: { text: 'Two hostages were freed near Gao, in northern Mali.' } });
    expect(embedText(tested.original)).toContain('`hostage` include +1.5');
    const listed = await run({ name: 'keywords', subcommand: 'list', permissions: MANAGE_GUILD });
    expect(embedText(listed.original)).toContain('Recent changes');
    expect(embedText(listed.original)).toMatch(/aminata added `hostage`/);
  });

  it('answers /incidents, /feeds list and status, and undoes changes with /keywords remove and /unsubscribe', async () => {
    const { id } = await kitaIncident();
    const week = await run({ name: 'incidents', options: { days: 7, country: 'ml' } });
    expect(embedText(week.original)).toContain('1 incident.');
    expect(embedText(week.original)).toContain(id);
    const listed = await run({ name: 'feeds', subcommand: 'list', permissions: MANAGE_GUILD });
    expect(embedText(listed.original)).toContain(`[Sahel Brief](${feeds.url(FEED_PATH)}) · news · en · every 30 min`);
    const health = await run({ name: 'feeds', subcommand: 'status', permissions: MANAGE_GUILD });
    expect(embedText(health.original)).toContain('ok · last success');
    expect(embedText(health.original)).toContain('2 items seen');
    const removed = await run({ name: 'keywords', subcommand: 'remove', permissions: MANAGE_GUILD, options: { id: 'hostage' } });
    expect(removed.original?.content).toBe('Rule `hostage` removed.');
    const subscription = (await core.store.subscriptions.list({ guildId })).find((s) => s.target.kind === 'discord' && s.target.channelId === alerts);
    const stopped = await run({ name: 'unsubscribe', permissions: MANAGE_GUILD, options: { id: subscription?.id ?? '' } });
    expect(stopped.original?.content).toBe(`Subscription \`${subscription?.id}\` stopped.`);
    const trail = (await core.store.audit.list({ limit: 3 })).map((e) => e.action);
    expect(trail).toEqual(['subscription.remove', 'keyword.remove', 'keyword.add']);
  });

  it('keeps answering after the gateway drops and the session resumes', async () => {
    const resumes = fake.gatewayStats.resumes;
    fake.dropGateway(4000);
    await fake.waitFor(() => fake.gatewayStats.resumes === resumes + 1, 8000);
    const record = await run({ name: 'status', locale: 'en-GB' });
    expect(record.original?.embeds[0]?.title).toBe('Mali: security status');
    expect(fake.gatewayStats.identifies).toBe(1);
    expect(discord.isReady()).toBe(true);
    expect(logLines.some((line) => line.includes('discord gateway resumed'))).toBe(true);
  });

  it('stops cleanly: every step of the shutdown finishes in time', async () => {
    const report = await bot?.stop();
    stopped = true;
    expect(report?.completed).toContain('discord');
    expect(report?.failed).toEqual([]);
    expect(report?.timedOut).toEqual([]);
    expect(fake.gatewayConnected).toBe(false);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchApplicationId, registerCommands } from '../../src/adapters/discord/commands/register.js';
import { resolveSettings } from '../../src/config/settings.js';
import { startDiscord, type DiscordRuntime } from '../../src/discord-wiring.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { createAppLogger, createCore, startBot, type Core, type RunningBot } from '../../src/main.js';
import { FakeDiscord, type CommandInvocation, type FakeGuildConfig, type InteractionRecord } from '../support/fake-discord/index.js';
import { FeedServer } from '../support/feed-server.js';

/**
 * Operator servers through the real composition root: the settings from the environment, the bot
 * against the fake Discord in two servers, and a local feed that answers 500 until the poller
 * pauses it (driven end to end: the scheduler ticks every second, the clock jumps past the pause).
 */

const TOKEN = 'operator-token';
const NOW = '2026-03-10T09:00:00.000Z';
const MANAGE_GUILD = '32';
const FEED_PATH = '/down.rss';

const operatorGuild: FakeGuildConfig = {
  id: '1400000000000000001',
  name: 'Sahel Watch ops',
  systemChannelId: '1400000000000000010',
  channels: [
    { id: '1400000000000000010', name: 'ops' },
    { id: '1400000000000000011', name: 'general' },
  ],
};
const memberGuild: FakeGuildConfig = {
  id: '1400000000000000002',
  name: 'Diaspora Mali',
  systemChannelId: '1400000000000000020',
  channels: [
    { id: '1400000000000000020', name: 'welcome' },
    { id: '1400000000000000021', name: 'general' },
  ],
};

const clock = new ManualClock(NOW);
let fake: FakeDiscord;
let feeds: FeedServer;
let dataDir: string;
let core: Core;
let discord: DiscordRuntime;
let bot: RunningBot | undefined;

beforeAll(async () => {
  fake = new FakeDiscord({ token: TOKEN, guilds: [operatorGuild, memberGuild] });
  await fake.start();
  feeds = await FeedServer.start();
  feeds.route(FEED_PATH, { status: 500, body: 'upstream down' });
  dataDir = mkdtempSync(join(tmpdir(), 'sahel-watch-operators-'));
  const applicationId = await fetchApplicationId(TOKEN, fake.url);
  if (!applicationId.ok) throw new Error(applicationId.error.message);
  expect((await registerCommands({ token: TOKEN, apiUrl: fake.url, applicationId: applicationId.value })).ok).toBe(true);
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.url,
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_FEEDS: 'true',
    HTTP_PORT: '0',
    OPERATOR_GUILD_IDS: ` ${operatorGuild.id} ,`,
  };
  const file = { delivery: { intervalMs: 50 }, feeds: { timeoutMs: 2000, tickSeconds: 1, startSpreadMs: 0 }, log: { format: 'json', level: 'silent' } };
  const settings = resolveSettings({ name: 'e2e', content: file }, env);
  if (!settings.ok) throw new Error(settings.error.message);
  expect(settings.value.discord.operatorGuildIds).toEqual([operatorGuild.id]);
  const created = await createCore(settings.value, { clock, logger: createAppLogger(settings.value, {}) });
  if (!created.ok) throw new Error(created.error.message);
  core = created.value;
  // The configured feeds are real sites this machine cannot reach: the test brings its own.
  for (const feed of await core.store.feeds.list()) await core.store.feeds.remove(feed.url);
  const started = await startDiscord(core, TOKEN, { readyTimeoutMs: 5000 });
  if (!started.ok) throw new Error(started.error.message);
  discord = started.value;
}, 20_000);

afterAll(async () => {
  if (bot) await bot.stop();
  else {
    await discord?.stop();
    await core?.store.close();
  }
  await fake?.close();
  await feeds?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const finished = (record: InteractionRecord | undefined): InteractionRecord | undefined =>
  record?.original && ((record.original.flags ?? 0) & MessageFlags.Loading) === 0 ? record : undefined;

async function run(guild: FakeGuildConfig, invocation: Omit<CommandInvocation, 'guildId' | 'channelId' | 'permissions'>): Promise<InteractionRecord> {
  const channelId = guild.channels[1]?.id ?? '';
  const id = fake.slashCommand({ guildId: guild.id, channelId, permissions: MANAGE_GUILD, ...invocation });
  return fake.waitFor(() => finished(fake.interaction(id)), 5000);
}

async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rule = { id: 'convoy', kind: 'include', terms: 'convoy*', weight: 1 };

describe('operator servers', () => {
  it('refuses keyword and feed changes from another server, in the admin’s language, and changes nothing', async () => {
    const refused = await run(memberGuild, { name: 'keywords', subcommand: 'add', options: rule, locale: 'fr' });
    expect(refused.ephemeral).toBe(true);
    expect(refused.original?.content).toContain('gérés par l’opérateur du bot');
    const feed = await run(memberGuild, { name: 'feeds', subcommand: 'add', options: { url: feeds.url(FEED_PATH), name: 'Down' } });
    expect(feed.ephemeral).toBe(true);
    expect(feed.original?.content).toContain('managed by the bot’s operator');
    expect((await core.store.keywords.list()).some((r) => r.id === 'convoy')).toBe(false);
    expect(await core.store.feeds.list()).toEqual([]);
    expect(await core.store.audit.list({ limit: 5 })).toEqual([]);
  });

  it('still answers read-only admin commands in the other server', async () => {
    const listed = await run(memberGuild, { name: 'keywords', subcommand: 'list' });
    expect(listed.original?.content ?? '').not.toContain('operator');
    expect(listed.original?.embeds?.length ?? 0).toBeGreaterThan(0);
  });

  it('accepts them from the operator server', async () => {
    const saved = await run(operatorGuild, { name: 'keywords', subcommand: 'add', options: rule });
    expect(saved.original?.content).toContain('Rule `convoy` saved');
    const added = await run(operatorGuild, { name: 'feeds', subcommand: 'add', options: { url: feeds.url(FEED_PATH), name: 'Down' } });
    expect(added.original?.content).toContain('Feed Down added');
    expect((await core.store.audit.list({ limit: 5 })).map((e) => [e.action, e.actor.guildId])).toEqual([
      ['feed.add', operatorGuild.id],
      ['keyword.add', operatorGuild.id],
    ]);
  });

  it('tells the operator server, and no other, when a failing feed is paused', async () => {
    bot = await startBot(core, { clock, random: () => 0 }, { discord });
    const url = feeds.url(FEED_PATH);
    await eventually(async () => (await core.store.feedHealth.get(url))?.failingSince);
    expect(fake.messages(operatorGuild.systemChannelId ?? '')).toEqual([]);
    clock.advance(25 * 3_600_000);
    const [notice] = await eventually(async () => fake.messages(operatorGuild.systemChannelId ?? '').length > 0 && fake.messages(operatorGuild.systemChannelId ?? ''));
    expect((await core.store.feedHealth.get(url))?.paused).toBe(true);
    expect(notice?.content).toContain('Feed **Down**');
    expect(notice?.content).toContain('since 2026-03-10 09:00 UTC');
    expect(notice?.content).toContain('last error was `http_5xx`');
    expect(notice?.content).toContain('/feeds status');
    expect(fake.messages(memberGuild.systemChannelId ?? '')).toEqual([]);
  }, 20_000);
});

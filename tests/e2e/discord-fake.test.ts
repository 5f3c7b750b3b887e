import { once } from 'node:events';
import { Client, GatewayIntentBits, MessageFlags, REST, Routes, type ClientOptions, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultGuild, FakeDiscord } from '../support/fake-discord/index.js';

const TOKEN = 'fake-bot-token';
const [alerts] = defaultGuild.channels;
const channelId = alerts?.id ?? '';

describe('fake Discord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client | undefined;

  beforeEach(async () => {
    fake = new FakeDiscord({ token: TOKEN });
    await fake.start();
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  async function loginAndRegister(extra: Partial<ClientOptions> = {}): Promise<Client> {
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.url }, allowedMentions: { parse: [] }, ...extra });
    client.on('interactionCreate', (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      void interaction.reply({ content: `pong ${interaction.options.getString('word') ?? ''}`.trim(), flags: MessageFlags.Ephemeral });
    });
    const ready = once(client, 'clientReady');
    await client.login(TOKEN);
    await ready;
    await client.rest.put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: 'ping', description: 'Replies pong', options: [{ type: 3, name: 'word', description: 'A word' }] }],
    });
    return client;
  }

  it('logs in, sees the configured guild, answers a slash command ephemerally', async () => {
    const bot = await loginAndRegister();
    expect(bot.guilds.cache.get(defaultGuild.id)?.name).toBe(defaultGuild.name);
    expect(bot.application?.id).toBe(fake.applicationId);
    expect(fake.gatewayStats.intents).toEqual([GatewayIntentBits.Guilds]);

    const id = fake.slashCommand({ guildId: defaultGuild.id, channelId, name: 'ping', options: { word: 'hello' } });
    const record = await fake.waitFor(() => fake.interaction(id)?.original && fake.interaction(id));
    expect(record.ephemeral).toBe(true);
    expect(record.original?.content).toBe('pong hello');
    expect(fake.messages(channelId)).toHaveLength(0);
  });

  it('resumes after the gateway drops and replays what was sent meanwhile', async () => {
    const bot = await loginAndRegister();
    const resumed = once(bot, 'shardResume');
    fake.dropGateway();
    await fake.waitFor(() => !fake.gatewayConnected);
    const id = fake.slashCommand({ guildId: defaultGuild.id, channelId, name: 'ping', options: { word: 'again' } });
    await resumed;
    const record = await fake.waitFor(() => fake.interaction(id)?.original && fake.interaction(id));
    expect(record.original?.content).toBe('pong again');
    expect(fake.gatewayStats.identifies).toBe(1);
    expect(fake.gatewayStats.resumes).toBe(1);
  });

  it('identifies again when the session cannot be resumed', async () => {
    // discord.js spaces identifies 5 s apart, as Discord requires; lifted here to keep the test short.
    await loginAndRegister({ ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) } });
    fake.invalidateGatewaySession();
    await fake.waitFor(() => fake.gatewayStats.identifies === 2);
    const id = fake.slashCommand({ guildId: defaultGuild.id, channelId, name: 'ping' });
    const record = await fake.waitFor(() => fake.interaction(id)?.original && fake.interaction(id));
    expect(record.original?.content).toBe('pong');
  });

  it('acknowledges heartbeats', async () => {
    await fake.close();
    fake = new FakeDiscord({ token: TOKEN, heartbeatIntervalMs: 40 });
    await fake.start();
    const bot = await loginAndRegister();
    await fake.waitFor(() => fake.gatewayStats.heartbeats >= 3);
    await fake.waitFor(() => bot.ws.ping >= 0);
    expect(fake.gatewayStats.identifies).toBe(1);
  });

  it('posts a channel message once for a repeated nonce', async () => {
    const rest = new REST({ api: fake.url }).setToken(TOKEN);
    const body = { content: 'Alert', nonce: 'delivery-42', enforce_nonce: true, allowed_mentions: { parse: [] } };
    const first = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
    const second = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
    expect(second.id).toBe(first.id);
    expect(fake.messages(channelId)).toHaveLength(1);
  });
});

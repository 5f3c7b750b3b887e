import { once } from 'node:events';
import { GatewayCloseCodes, GatewayOpcodes, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDiscordClient, type DiscordClientOptions, type DiscordConnection } from '../../src/adapters/discord/client.js';
import { registerCommands } from '../../src/adapters/discord/commands/register.js';
import { attachRouter, createInteractionRouter } from '../../src/adapters/discord/router.js';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { FakeDiscord, shardOf, type FakeGuildConfig, type InteractionRecord } from '../support/fake-discord/index.js';
import { FakeBotServices } from '../support/fake-discord/services.js';

/**
 * Discord sharding as a deployment past the per-shard guild limit runs it: each process runs some of
 * the gateway shards, gets the guilds of those shards only, and answers only their interactions.
 * The processes are played by discord.js clients in one test process, each with its own router.
 */

const TOKEN = 'sharded-bot-token';
const SHARDS = 2;
// A guild's shard is (id >> 22) % count: these two ids fall on shards 0 and 1 of 2.
const kayes: FakeGuildConfig = { id: '1300000000000000001', name: 'Kayes site staff', channels: [{ id: '1300000000000000011', name: 'alerts' }] };
const gao: FakeGuildConfig = { id: '1300000000004194305', name: 'Gao news desk', channels: [{ id: '1300000000004194315', name: 'alerts' }] };

const logger = createLogger({ level: 'warn', format: 'json', destination: { write: () => undefined } });

interface BotProcess {
  readonly connection: DiscordConnection;
  readonly services: FakeBotServices;
  /** Ids of the interactions this process's router was given. */
  readonly handled: string[];
}

let fake: FakeDiscord;
const running: BotProcess[] = [];

async function startProcess(shards: NonNullable<DiscordClientOptions['shards']>): Promise<BotProcess> {
  const services = new FakeBotServices();
  const connection = createDiscordClient({ token: TOKEN, apiUrl: fake.url, logger, shards });
  const router = createInteractionRouter({ services, logger });
  const handled: string[] = [];
  attachRouter(connection.client, (interaction) => {
    handled.push(interaction.id);
    return router(interaction);
  });
  const bot: BotProcess = { connection, services, handled };
  running.push(bot);
  const started = await connection.start(5000);
  if (!started.ok) throw new Error(started.error.message);
  return bot;
}

async function stopProcess(bot: BotProcess): Promise<void> {
  await bot.connection.stop();
  running.splice(running.indexOf(bot), 1);
}

const guildIds = (bot: BotProcess): string[] => [...bot.connection.client.guilds.cache.keys()].sort();

const finished = (record: InteractionRecord | undefined): InteractionRecord | undefined =>
  record?.original && ((record.original.flags ?? 0) & MessageFlags.Loading) === 0 ? record : undefined;

function askStatus(guild: FakeGuildConfig): string {
  return fake.slashCommand({ guildId: guild.id, channelId: guild.channels[0]?.id ?? '', name: 'status' });
}

const answered = (id: string): Promise<InteractionRecord> => fake.waitFor(() => finished(fake.interaction(id)), 5000);

beforeAll(async () => {
  // Two identifies at once: with one, discord.js waits 5 s between the shards of a process.
  fake = new FakeDiscord({ token: TOKEN, guilds: [kayes, gao], clock: new ManualClock('2026-03-10T09:00:00.000Z'), recommendedShards: SHARDS, maxConcurrency: SHARDS });
  await fake.start();
  const registered = await registerCommands({ token: TOKEN, apiUrl: fake.url, applicationId: fake.applicationId });
  if (!registered.ok) throw new Error(registered.error.message);
});

afterAll(async () => {
  await Promise.all(running.map((bot) => bot.connection.stop()));
  await fake.close();
});

describe('Discord sharding over several processes', () => {
  let first: BotProcess;
  let second: BotProcess;

  it('places the two guilds on different shards', () => {
    expect([shardOf(kayes.id, SHARDS), shardOf(gao.id, SHARDS)]).toEqual([0, 1]);
  });

  it('recommends the shard count and identify concurrency it was given, and refuses a shard out of range', async () => {
    const response = await fetch(`${fake.url}/v10/gateway/bot`, { headers: { authorization: `Bot ${TOKEN}` } });
    expect(await response.json()).toMatchObject({ shards: SHARDS, session_start_limit: { max_concurrency: SHARDS } });
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    await once(socket, 'message');
    socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: TOKEN, intents: 1, properties: {}, shard: [SHARDS, SHARDS] } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(GatewayCloseCodes.InvalidShard);
    expect(fake.gatewayStats.identifies).toBe(0);
  });

  it('gives each process the guilds of its own shard only', async () => {
    [first, second] = await Promise.all([startProcess({ count: SHARDS, ids: [0] }), startProcess({ count: SHARDS, ids: [1] })]);
    expect(guildIds(first)).toEqual([kayes.id]);
    expect(guildIds(second)).toEqual([gao.id]);
    expect([...first.connection.client.ws.shards.keys()]).toEqual([0]);
    expect([...second.connection.client.ws.shards.keys()]).toEqual([1]);
    const sessions = fake.gatewaySessions().map((s) => ({ shard: s.shard, guildIds: s.guildIds, connected: s.connected }));
    expect(sessions).toHaveLength(2);
    expect(sessions).toEqual(
      expect.arrayContaining([
        { shard: [0, 2], guildIds: [kayes.id], connected: true },
        { shard: [1, 2], guildIds: [gao.id], connected: true },
      ]),
    );
  });

  it("answers a slash command from the process of its guild's shard and never from the other", async () => {
    const inKayes = askStatus(kayes);
    const inGao = askStatus(gao);
    const [kayesReply, gaoReply] = await Promise.all([answered(inKayes), answered(inGao)]);
    expect(kayesReply.original?.embeds[0]?.title).toBe('Mali: security status');
    expect(gaoReply.original?.embeds[0]?.title).toBe('Mali: security status');
    expect(first.handled).toEqual([inKayes]);
    expect(second.handled).toEqual([inGao]);
    expect(first.services.calls.map((c) => c.actor.guildId)).toEqual([kayes.id]);
    expect(second.services.calls.map((c) => c.actor.guildId)).toEqual([gao.id]);
  });

  it('sends a command used in a direct message to the process of shard 0', async () => {
    const inDm = fake.directCommand({ name: 'status' });
    const reply = await answered(inDm);
    expect(reply.guildId).toBeNull();
    expect(reply.original?.content).toBe('This command works in a server channel only.');
    expect(first.handled.at(-1)).toBe(inDm);
    expect(second.handled).not.toContain(inDm);
    expect(first.services.calls).toHaveLength(1);
  });

  it('resumes a dropped shard on its own session while the other shard keeps answering', async () => {
    const identifies = fake.gatewayStats.identifies;
    const resumes = fake.gatewayStats.resumes;
    const handled = { first: first.handled.length, second: second.handled.length };
    fake.dropGateway(undefined, 1);
    await fake.waitFor(() => fake.gatewaySessions().some((s) => s.shard[0] === 1 && !s.connected));
    const inGao = askStatus(gao);
    const inKayes = askStatus(kayes);
    await answered(inKayes);
    await answered(inGao);
    expect(fake.gatewayStats.resumes).toBe(resumes + 1);
    expect(fake.gatewayStats.identifies).toBe(identifies);
    expect(first.handled.slice(handled.first)).toEqual([inKayes]);
    expect(second.handled.slice(handled.second)).toEqual([inGao]);
  });

  it('runs every shard in one process when no shard ids are given', async () => {
    const before = { first: first.handled.length, second: second.handled.length };
    await Promise.all([stopProcess(first), stopProcess(second)]);
    // A client that stops closes normally, which ends its sessions: nothing is left to resume.
    await fake.waitFor(() => fake.gatewaySessions().every((s) => !s.resumable && !s.connected));
    const whole = await startProcess({ count: SHARDS });
    expect(guildIds(whole)).toEqual([kayes.id, gao.id].sort());
    expect([...whole.connection.client.ws.shards.keys()].sort()).toEqual([0, 1]);
    expect(fake.gatewayStats.shards.slice(-2).map((s) => [...s]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const asked = [askStatus(kayes), askStatus(gao)];
    await Promise.all(asked.map(answered));
    expect([...whole.handled].sort()).toEqual([...asked].sort());
    expect(whole.services.calls.map((c) => c.actor.guildId).sort()).toEqual([kayes.id, gao.id].sort());
    expect({ first: first.handled.length, second: second.handled.length }).toEqual(before);
  });
});

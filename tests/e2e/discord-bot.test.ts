import { InteractionResponseType, MessageFlags, type APIEmbed, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordClient, type DiscordConnection } from '../../src/adapters/discord/client.js';
import { registerCommands } from '../../src/adapters/discord/commands/register.js';
import { attachRouter, createInteractionRouter } from '../../src/adapters/discord/router.js';
import { DiscordSink } from '../../src/adapters/discord/sink.js';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { defaultGuild, FakeDiscord, type CommandInvocation, type InteractionRecord } from '../support/fake-discord/index.js';
import { FakeBotServices, kayesIncident } from '../support/fake-discord/services.js';
import { messageFixture } from '../support/store-fixtures.js';

const TOKEN = 'e2e-token';
const guildId = defaultGuild.id;
const alerts = defaultGuild.channels[0]?.id ?? '';
const general = defaultGuild.channels[1]?.id ?? '';
const staffRole = defaultGuild.roles?.[0]?.id ?? '';
const MANAGE_GUILD = '32';

const logLines: string[] = [];
const logger = createLogger({ level: 'info', format: 'json', destination: { write: (line: string) => void logLines.push(line) } });

let fake: FakeDiscord;
let connection: DiscordConnection;
let services: FakeBotServices;

beforeAll(async () => {
  fake = new FakeDiscord({ token: TOKEN });
  await fake.start();
  const registered = await registerCommands({ token: TOKEN, apiUrl: fake.url, applicationId: fake.applicationId, guildId });
  expect(registered.ok && registered.value.commands).toHaveLength(9);
  connection = createDiscordClient({ token: TOKEN, apiUrl: fake.url, logger });
  const started = await connection.start(5000);
  expect(started).toEqual({ ok: true, value: undefined });
});

afterAll(async () => {
  await connection.stop();
  await fake.close();
});

beforeEach(() => {
  services = new FakeBotServices();
  connection.client.removeAllListeners('interactionCreate');
  attachRouter(connection.client, createInteractionRouter({ services, logger, deferAfterMs: 300 }));
});

const finished = (record: InteractionRecord | undefined): InteractionRecord | undefined =>
  record?.original && ((record.original.flags ?? 0) & MessageFlags.Loading) === 0 ? record : undefined;

async function run(invocation: Omit<CommandInvocation, 'guildId' | 'channelId'> & { channelId?: string }): Promise<InteractionRecord> {
  const id = fake.slashCommand({ guildId, channelId: general, ...invocation });
  return fake.waitFor(() => finished(fake.interaction(id)));
}

const embedOf = (message: APIMessage | null): APIEmbed => message?.embeds[0] ?? {};
const embedText = (message: APIMessage | null): string => {
  const e = embedOf(message);
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n');
};

describe('slash commands through the real discord.js client', () => {
  it('registers every command with French localisations and admin defaults', () => {
    const [write] = fake.commandWrites();
    expect(write?.scope).toEqual({ guildId });
    const byName = new Map(write?.commands.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['feeds', 'incident', 'incidents', 'keywords', 'status', 'subscribe', 'subscriptions', 'unsubscribe', 'why']);
    expect(byName.get('status')?.description_localizations).toHaveProperty('fr');
    expect(byName.get('keywords')?.default_member_permissions).toBe(MANAGE_GUILD);
    expect(byName.get('status')?.default_member_permissions).toBeUndefined();
  });

  it('answers /status publicly in English with incidents and official advice', async () => {
    const record = await run({ name: 'status', locale: 'en-GB' });
    expect(record.ephemeral).toBe(false);
    const text = embedText(record.original);
    expect(embedOf(record.original).title).toBe('Mali: security status');
    expect(text).toContain('Highest severity: 4/4 Critical');
    expect(text).toContain(kayesIncident.id);
    expect(text).toContain('UK (FCDO)');
    expect(services.calls[0]).toMatchObject({ method: 'status', args: ['ml'], actor: { userId: '1200000000000000001', guildId, channelId: general, lang: 'en' } });
  });

  it('answers in French for a French-speaking user', async () => {
    const record = await run({ name: 'status', locale: 'fr', options: { country: 'ml' } });
    expect(embedOf(record.original).title).toBe('Mali : situation sécuritaire');
    expect(embedText(record.original)).toContain('Enlèvement');
  });

  it('lists /incidents and shows one /incident with every claim and its source', async () => {
    const list = await run({ name: 'incidents', options: { days: 7, country: 'ml' } });
    expect(embedText(list.original)).toContain('Kidnapping');
    expect(services.calls[0]?.args[0]).toEqual({ days: 7, country: 'ml' });

    const detail = await run({ name: 'incident', options: { id: kayesIncident.id } });
    const text = embedText(detail.original);
    expect(text).toContain('JNIM claimed responsibility (per The Wire)');
    expect(text).toContain('JNIM has not claimed responsibility (per Hindustan Times)');
    expect(text).toContain('[The Wire](https://thewire.in/)');
  });

  it('says so when an incident id is unknown, to the caller only', async () => {
    const record = await run({ name: 'incident', options: { id: 'inc-20990101-nowhere' } });
    expect(record.ephemeral).toBe(true);
    expect(record.original?.content).toContain('No incident with id "inc-20990101-nowhere"');
  });

  it('autocompletes incident ids', async () => {
    const id = fake.autocomplete({ guildId, channelId: general, name: 'incident', focused: 'id', options: { id: 'kayes' } });
    const record = await fake.waitFor(() => fake.interaction(id)?.choices && fake.interaction(id));
    expect(record.choices?.[0]?.value).toBe(kayesIncident.id);
    expect(fake.interactionReplies(id)[0]).toMatchObject({ kind: 'callback', type: InteractionResponseType.ApplicationCommandAutocompleteResult });
  });

  it('creates a digest subscription from validated options', async () => {
    const record = await run({
      name: 'subscribe',
      permissions: MANAGE_GUILD,
      options: { channel: alerts, countries: 'Mali, Burkina', min_severity: 3, mode: 'digest', schedule: '07:30', timezone: 'Africa/Bamako', language: 'fr' },
    });
    expect(record.ephemeral).toBe(true);
    expect(record.original?.content).toContain('Subscription `sub-1` created');
    expect(services.calls[0]?.args[0]).toEqual({
      channelId: alerts,
      filters: { countries: ['ml', 'bf'], minSeverity: 3 },
      mode: { kind: 'digest', cron: '30 7 * * *', timezone: 'Africa/Bamako' },
      lang: 'fr',
    });
  });

  it('refuses bad options with a clear message and calls nothing', async () => {
    const record = await run({ name: 'subscribe', permissions: MANAGE_GUILD, options: { channel: alerts, countries: 'Atlantis', schedule: '25:00' } });
    expect(record.ephemeral).toBe(true);
    expect(record.original?.content).toContain('Some options are not valid:');
    expect(record.original?.content).toContain('"Atlantis" is not a country the bot covers');
    expect(record.original?.content).toContain('A schedule and a time zone only apply to digest mode.');
    expect(services.calls).toHaveLength(0);
  });

  it('refuses admin commands to members without Manage Server', async () => {
    for (const invocation of [
      { name: 'subscribe', options: { channel: alerts } },
      { name: 'keywords', subcommand: 'list' },
      { name: 'why', options: { input: 'https://example.org/a' } },
    ]) {
      const record = await run({ ...invocation, permissions: '1024' });
      expect(record.ephemeral).toBe(true);
      expect(record.original?.content).toBe('This command needs the Manage Server permission.');
    }
    expect(services.calls).toHaveLength(0);
  });

  it('lists and stops subscriptions of this server only', async () => {
    await run({ name: 'subscribe', permissions: MANAGE_GUILD, options: { channel: alerts } });
    const listed = await run({ name: 'subscriptions' });
    expect(listed.ephemeral).toBe(true);
    expect(embedText(listed.original)).toContain(`\`sub-1\` → <#${alerts}>`);
    const stopped = await run({ name: 'unsubscribe', permissions: MANAGE_GUILD, options: { id: 'sub-1' } });
    expect(stopped.original?.content).toBe('Subscription `sub-1` stopped.');
    const again = await run({ name: 'unsubscribe', permissions: MANAGE_GUILD, options: { id: 'sub-1' } });
    expect(again.original?.content).toContain('No subscription "sub-1" in this server.');
  });

  it('tunes keyword rules and scores a text', async () => {
    const added = await run({ name: 'keywords', subcommand: 'add', permissions: MANAGE_GUILD, options: { id: 'hostage', kind: 'include', terms: 'hostage*, otage*', weight: 1.5 } });
    expect(added.original?.content).toContain('Rule `hostage` saved');
    expect(services.calls[0]?.args[0]).toEqual({ id: 'hostage', kind: 'include', terms: ['hostage*', 'otage*'], weight: 1.5 });

    const listed = await run({ name: 'keywords', subcommand: 'list', permissions: MANAGE_GUILD });
    expect(embedText(listed.original)).toContain('`hostage` include +1.5: hostage\\*, otage\\*');
    expect(embedText(listed.original)).toMatch(/Recent changes\n.* · aminata added `hostage`/);

    const tested = await run({ name: 'keywords', subcommand: 'test', permissions: MANAGE_GUILD, options: { text: 'Three Indians kidnapped in Kayes' } });
    expect(fake.interactionReplies(tested.id)[0]).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(embedText(tested.original)).toContain('Relevant: score 2 ≥ threshold 1.5');

    const removed = await run({ name: 'keywords', subcommand: 'remove', permissions: MANAGE_GUILD, options: { id: 'hostage' } });
    expect(removed.original?.content).toBe('Rule `hostage` removed.');
  });

  it('rejects a keyword rule the domain finds invalid', async () => {
    const record = await run({ name: 'keywords', subcommand: 'add', permissions: MANAGE_GUILD, options: { id: 'short', kind: 'include', terms: 'ki*' } });
    expect(record.original?.content).toContain('a wildcard word keeps at least 3 letters');
    expect(services.calls).toHaveLength(0);
  });

  it('manages feeds, deferring the slow add', async () => {
    const added = await run({ name: 'feeds', subcommand: 'add', permissions: MANAGE_GUILD, options: { url: 'https://www.gov.uk/foreign-travel-advice/mali.atom', name: 'GOV.UK Mali', kind: 'official' } });
    expect(fake.interactionReplies(added.id)[0]).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(added.original?.content).toContain('Feed GOV.UK Mali added');
    const listed = await run({ name: 'feeds', subcommand: 'list', permissions: MANAGE_GUILD });
    expect(embedText(listed.original)).toContain('[GOV.UK Mali](https://www.gov.uk/foreign-travel-advice/mali.atom) · official · und · every 30 min');
    const health = await run({ name: 'feeds', subcommand: 'status', permissions: MANAGE_GUILD });
    expect(embedText(health.original)).toContain('failing');
    expect(embedText(health.original)).toContain('timeout: no answer within 15 s');
    const duplicate = await run({ name: 'feeds', subcommand: 'add', permissions: MANAGE_GUILD, options: { url: 'https://www.gov.uk/foreign-travel-advice/mali.atom' } });
    expect(duplicate.original?.content).toContain('Feed refused (duplicate_feed)');
    const removed = await run({ name: 'feeds', subcommand: 'remove', permissions: MANAGE_GUILD, options: { url: 'https://www.gov.uk/foreign-travel-advice/mali.atom' } });
    expect(removed.original?.content).toBe('Feed GOV.UK Mali removed.');
  });

  it('explains a decision with /why', async () => {
    const record = await run({ name: 'why', permissions: MANAGE_GUILD, locale: 'fr', options: { input: 'https://thewire.in/world/three-indians-kidnapped-mali' } });
    expect(record.ephemeral).toBe(true);
    const text = embedText(record.original);
    expect(text).toContain('Pourquoi cette décision');
    expect(text).toContain('NOUVEL incident');
    expect(text).toContain(kayesIncident.id);
  });

  it('defers a public reply when the services are slow, then fills it in', async () => {
    const release = services.hold();
    const id = fake.slashCommand({ guildId, channelId: general, name: 'status' });
    const deferred = await fake.waitFor(() => fake.interaction(id)?.deferred && fake.interaction(id));
    expect(deferred.ephemeral).toBe(false);
    expect(deferred.original?.embeds).toHaveLength(0);
    release();
    const record = await fake.waitFor(() => finished(fake.interaction(id)));
    expect(embedOf(record.original).title).toBe('Mali: security status');
  });

  it('turns a slow public answer that is an error into a private follow-up', async () => {
    const release = services.hold();
    const id = fake.slashCommand({ guildId, channelId: general, name: 'incident', options: { id: 'inc-20990101-nowhere' } });
    await fake.waitFor(() => fake.interaction(id)?.deferred);
    release();
    const record = await fake.waitFor(() => fake.interaction(id)?.followUps[0] && fake.interaction(id));
    expect(record.original).toBeNull();
    expect(record.followUps[0]?.flags).toBe(MessageFlags.Ephemeral);
    expect(record.followUps[0]?.content).toContain('No incident with id');
    expect(fake.messages(general).some((m) => m.id === record.followUps[0]?.id)).toBe(false);
  });

  it('does not ping anyone or render markdown from option text', async () => {
    const record = await run({
      name: 'subscribe',
      permissions: MANAGE_GUILD,
      options: { channel: alerts, watch_terms: `@everyone, <@&${staffRole}>, **Kayes**` },
    });
    const [callback] = fake.interactionReplies(record.id);
    expect(callback).toMatchObject({ data: { allowed_mentions: { parse: [] } } });
    expect(record.original?.mention_everyone).toBe(false);
    expect(record.original?.mention_roles).toEqual([]);
    expect(record.original?.content).toContain('\\*\\*Kayes\\*\\*');
    expect(record.original?.content).not.toMatch(/@everyone|<@&/);
  });
});

describe('the Discord connection', () => {
  it('keeps answering after the gateway drops and the session resumes', async () => {
    const before = fake.gatewayStats.resumes;
    fake.dropGateway(4000);
    await fake.waitFor(() => fake.gatewayStats.resumes === before + 1, 5000);
    const record = await run({ name: 'status' });
    expect(embedOf(record.original).title).toBe('Mali: security status');
    expect(fake.gatewayStats.identifies).toBe(1);
    expect(logLines.some((line) => line.includes('discord gateway resumed'))).toBe(true);
  });

  it('posts an advisory as a real channel message through the shared REST client', async () => {
    const sink = new DiscordSink(connection.client.rest);
    const sent = await sink.send({ kind: 'discord', guildId, channelId: alerts }, messageFixture(kayesIncident.id), { idempotencyKey: 'e2e-advisory-1' });
    expect(sent.ok).toBe(true);
    const posted = fake.messages(alerts).find((m) => sent.ok && m.id === sent.value.messageId);
    expect(posted?.embeds[0]?.title).toBeTruthy();
    expect(posted?.mention_everyone).toBe(false);
  });

  it('reports a refused token as a value', async () => {
    const other = createDiscordClient({ token: 'not-the-token', apiUrl: fake.url, logger });
    const started = await other.start(2000);
    expect(!started.ok && started.error.code).toBe('invalid_token');
    await other.stop();
  });

  it('overwrites the commands idempotently, keeping their ids', async () => {
    const first = fake.registeredCommands(guildId).map((c) => c.id);
    const again = await registerCommands({ token: TOKEN, apiUrl: fake.url, applicationId: fake.applicationId, guildId });
    expect(again.ok && again.value.commands.map((c) => c.id)).toEqual(first);
    const global = await registerCommands({ token: TOKEN, apiUrl: fake.url, applicationId: fake.applicationId });
    expect(global.ok && global.value.scope).toBe('global');
    expect(fake.registeredCommands()).toHaveLength(9);
  });
});

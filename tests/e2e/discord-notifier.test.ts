import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminNotice } from '../../src/app/delivery/ports.js';
import { createDiscordClient, type DiscordConnection } from '../../src/adapters/discord/client.js';
import { DiscordAdminNotifier } from '../../src/adapters/discord/notifier.js';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { DEFAULT_OWNER_ID, FakeDiscord, type FakeGuildConfig } from '../support/fake-discord/index.js';

const TOKEN = 'notifier-token';
const withSystem: FakeGuildConfig = {
  id: '1500000000000000001',
  name: 'Diaspora **Mali**',
  systemChannelId: '1500000000000000010',
  channels: [
    { id: '1500000000000000010', name: 'welcome' },
    { id: '1500000000000000011', name: 'alerts' },
  ],
};
const withoutSystem: FakeGuildConfig = { id: '1500000000000000002', name: 'Site staff', channels: [{ id: '1500000000000000021', name: 'alerts' }] };

const notice = (guildId: string, channelId: string, subscriptionId: string): AdminNotice => ({
  guildId,
  channelId,
  subscriptionId,
  reason: 'forbidden',
  message: `Sahel Watch stopped posting to <#${channelId}>: the bot may no longer post in it. @everyone`,
  at: '2025-07-05T10:00:00.000Z',
});

describe('DiscordAdminNotifier', () => {
  let fake: FakeDiscord;
  let connection: DiscordConnection;
  let notifier: DiscordAdminNotifier;

  beforeAll(async () => {
    fake = new FakeDiscord({ token: TOKEN, guilds: [withSystem, withoutSystem] });
    await fake.start();
    connection = createDiscordClient({ token: TOKEN, apiUrl: fake.url, logger: createLogger({ level: 'silent', format: 'json' }) });
    expect((await connection.start(5000)).ok).toBe(true);
    notifier = new DiscordAdminNotifier(connection.client);
  });

  afterAll(async () => {
    await connection.stop();
    await fake.close();
  });

  it('posts in the system channel, pinging nobody', async () => {
    const result = await notifier.notify(notice(withSystem.id, '1500000000000000011', 'sub-1'));
    expect(result.ok).toBe(true);
    const [posted] = fake.messages('1500000000000000010');
    expect(posted?.content).toContain('Sahel Watch stopped posting to <#1500000000000000011>');
    expect(posted?.mention_everyone).toBe(false);
  });

  it('writes to the owner when the server has no system channel', async () => {
    const result = await notifier.notify(notice(withoutSystem.id, '1500000000000000021', 'sub-2'));
    expect(result.ok).toBe(true);
    expect(fake.directMessages(DEFAULT_OWNER_ID)[0]?.content).toMatch(/^\*\*Site staff\*\*: ⚠️ Sahel Watch stopped posting/);
  });

  it('falls back to the owner when the system channel is the one that failed or refuses the bot', async () => {
    const before = fake.directMessages(DEFAULT_OWNER_ID).length;
    expect((await notifier.notify(notice(withSystem.id, '1500000000000000010', 'sub-3'))).ok).toBe(true);
    fake.failWhen({ channelId: '1500000000000000010', times: 1 }, { status: 403 });
    expect((await notifier.notify(notice(withSystem.id, '1500000000000000011', 'sub-4'))).ok).toBe(true);
    const dms = fake.directMessages(DEFAULT_OWNER_ID).slice(before);
    expect(dms).toHaveLength(2);
    expect(dms[0]?.content).toMatch(/^\*\*Diaspora \\\*\\\*Mali\\\*\\\*\*\*/);
  });

  it('does not tell twice when the same notice is sent again', async () => {
    const before = fake.messages('1500000000000000010').length;
    await notifier.notify(notice(withSystem.id, '1500000000000000011', 'sub-6'));
    await notifier.notify(notice(withSystem.id, '1500000000000000011', 'sub-6'));
    expect(fake.messages('1500000000000000010')).toHaveLength(before + 1);
  });

  it('answers with a value for a server the bot is not in', async () => {
    const result = await notifier.notify(notice('1599999999999999999', '1599999999999999998', 'sub-5'));
    expect(!result.ok && result.error.code).toBe('unknown_guild');
  });
});

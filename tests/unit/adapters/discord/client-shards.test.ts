import { describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../../../src/adapters/discord/client.js';
import { createLogger } from '../../../../src/adapters/logging/logger.js';

const logger = createLogger({ level: 'silent', format: 'json', destination: { write: () => undefined } });

describe('createDiscordClient shards', () => {
  it('runs the given shards out of the deployment’s count', async () => {
    const { client, stop } = createDiscordClient({ token: 'not-used', logger, shards: { count: 4, ids: [1, 3] } });
    expect(client.options.shards).toEqual([1, 3]);
    expect(client.options.shardCount).toBe(4);
    await stop();
  });

  it('runs every shard of the count when no ids are given', async () => {
    const { client, stop } = createDiscordClient({ token: 'not-used', logger, shards: { count: 3 } });
    expect(client.options.shards).toEqual([0, 1, 2]);
    expect(client.options.shardCount).toBe(3);
    await stop();
  });

  it('leaves discord.js its own default without shard settings', async () => {
    const { client, stop } = createDiscordClient({ token: 'not-used', logger });
    expect(client.options.shardCount).toBe(1);
    await stop();
  });
});

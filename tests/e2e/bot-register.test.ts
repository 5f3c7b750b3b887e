import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { defaultGuild, FakeDiscord } from '../support/fake-discord/index.js';

/** `sahel-watch register-commands` in-process, against the fake Discord. */

const TOKEN = 'fake-token-for-registration';
const guildId = defaultGuild.id;
let fake: FakeDiscord;
let requestsBefore = 0;

beforeAll(async () => {
  fake = new FakeDiscord({ token: TOKEN });
  await fake.start();
});

afterAll(() => fake.close());

beforeEach(() => {
  requestsBefore = fake.requests().length;
});

async function register(args: readonly string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const errors: string[] = [];
  const stream = (into: string[]) => ({
    write: (chunk: string, done?: (error?: Error | null) => void) => {
      into.push(chunk);
      done?.();
      return true;
    },
  });
  const io: CliIo = { stdout: stream(out), stderr: stream(errors), env };
  const code = await runCli(['register-commands', ...args], io);
  return { code, out: out.join(''), err: errors.join('') };
}

const newRequests = () => fake.requests().slice(requestsBefore).map((r) => `${r.method} ${r.path}`);

describe('register-commands', () => {
  it('asks Discord for the application id when none is configured, then overwrites the guild commands', async () => {
    const result = await register(['--guild', guildId], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.url });
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`registered 9 commands in server ${guildId} for application ${fake.applicationId}`);
    expect(result.out).toContain('/keywords');
    expect(newRequests()).toEqual(['GET /applications/@me', `PUT /applications/${fake.applicationId}/guilds/${guildId}/commands`]);
    expect(fake.registeredCommands(guildId)).toHaveLength(9);
  });

  it('registers globally with a configured application id, without asking for it', async () => {
    const result = await register([], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.url, DISCORD_APPLICATION_ID: fake.applicationId });
    expect(result.code).toBe(0);
    expect(result.out).toContain('registered 9 commands globally');
    expect(newRequests()).toEqual([`PUT /applications/${fake.applicationId}/commands`]);
    expect(fake.registeredCommands()).toHaveLength(9);
  });

  it('uses the development guild from the settings when no --guild is given', async () => {
    const result = await register([], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.url, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_DEV_GUILD_ID: guildId });
    expect(result.out).toContain(`in server ${guildId}`);
    expect(newRequests()).toEqual([`PUT /applications/${fake.applicationId}/guilds/${guildId}/commands`]);
  });

  it('says clearly that the token is missing, and calls nobody', async () => {
    const result = await register(['--guild', guildId], { DISCORD_API_URL: fake.url });
    expect(result.code).toBe(2);
    expect(result.err).toContain('DISCORD_TOKEN is not set');
    expect(newRequests()).toEqual([]);
  });

  it('reports a refused token and an unknown guild as failures with their reason', async () => {
    const refused = await register(['--guild', guildId], { DISCORD_TOKEN: 'not-the-token', DISCORD_API_URL: fake.url });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('could not learn the application id from Discord (forbidden)');
    expect(refused.err).not.toContain('not-the-token');
    const unknown = await register(['--guild', '1399999999999999999'], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.url, DISCORD_APPLICATION_ID: fake.applicationId });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Discord refused the commands (not_found)');
  });

  it('refuses a guild id that is not a snowflake before doing anything', async () => {
    const result = await register(['--guild', 'my-server'], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.url });
    expect(result.code).toBe(2);
    expect(result.err).toContain('--guild takes a server id');
    expect(newRequests()).toEqual([]);
  });
});

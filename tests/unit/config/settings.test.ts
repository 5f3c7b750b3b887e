import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/config/settings.js';

describe('resolveSettings', () => {
  it('fills every default when nothing is given', () => {
    const result = resolveSettings(undefined, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.http.port).toBe(8080);
    expect(result.value.dataDir).toBe('./data');
    expect(result.value.feeds.allowPrivateAddresses).toBe(false);
    expect(result.value.discord.token).toBeUndefined();
  });

  it('lets the environment override the file', () => {
    const file = { name: 'settings.json', content: { http: { port: 9000 }, log: { level: 'debug' } } };
    const result = resolveSettings(file, { HTTP_PORT: '0', DISCORD_TOKEN: 'abc.def.ghi', ALLOW_PRIVATE_FEEDS: 'true' });
    expect(result.ok && result.value.http.port).toBe(0);
    expect(result.ok && result.value.log.level).toBe('debug');
    expect(result.ok && result.value.discord.token).toBe('abc.def.ghi');
    expect(result.ok && result.value.feeds.allowPrivateAddresses).toBe(true);
  });

  it('lists every problem with where, what was expected and what was found', () => {
    const file = { name: 'bad.json', content: { http: { port: 70000 }, log: { level: 'loud' }, surprise: 1 } };
    const result = resolveSettings(file, { HTTP_PORT: 'eighty', DISCORD_API_URL: 'not a url' });
    expect(result.ok).toBe(false);
    const wheres = (result.problems ?? []).map((p) => p.where);
    expect(wheres).toContain('env HTTP_PORT');
    expect(wheres).toContain('env DISCORD_API_URL');
    expect(wheres).toContain('file bad.json: log.level');
    expect(result.problems?.find((p) => p.where === 'env HTTP_PORT')?.found).toBe('"eighty"');
    expect(result.ok ? '' : result.error.message).toMatch(/4 problems/);
  });

  it('never shows a secret value in a problem', () => {
    const result = resolveSettings(undefined, { DATABASE_URL: 'mysql://user:hunter2@db/x' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('rejects a settings file that is not an object', () => {
    const result = resolveSettings({ name: 'list.json', content: [1, 2] }, {});
    expect(result.ok).toBe(false);
    expect(result.problems?.[0]?.expected).toBe('a JSON object');
  });
});

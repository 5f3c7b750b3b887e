import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/config/settings.js';

describe('discord.operatorGuildIds', () => {
  it('is empty by default', () => {
    const resolved = resolveSettings(undefined, {});
    expect(resolved.ok && resolved.value.discord.operatorGuildIds).toEqual([]);
  });

  it('reads a comma-separated list from OPERATOR_GUILD_IDS, ignoring blanks and spaces', () => {
    const resolved = resolveSettings(undefined, { OPERATOR_GUILD_IDS: ' 1400000000000000001, ,1400000000000000002,' });
    expect(resolved.ok && resolved.value.discord.operatorGuildIds).toEqual(['1400000000000000001', '1400000000000000002']);
  });

  it('takes a JSON array from the file, and the environment overrides it', () => {
    const file = { name: 'settings.json', content: { discord: { operatorGuildIds: ['1400000000000000001'] } } };
    const fromFile = resolveSettings(file, {});
    expect(fromFile.ok && fromFile.value.discord.operatorGuildIds).toEqual(['1400000000000000001']);
    const overridden = resolveSettings(file, { OPERATOR_GUILD_IDS: '1400000000000000009' });
    expect(overridden.ok && overridden.value.discord.operatorGuildIds).toEqual(['1400000000000000009']);
  });

  it('names the variable, what was expected and the bad element', () => {
    const resolved = resolveSettings(undefined, { OPERATOR_GUILD_IDS: '1400000000000000001,ops-server' });
    expect(resolved.ok).toBe(false);
    expect(resolved.problems).toEqual([{ where: 'env OPERATOR_GUILD_IDS', expected: 'a Discord snowflake (digits)', found: '"ops-server"' }]);
  });
});

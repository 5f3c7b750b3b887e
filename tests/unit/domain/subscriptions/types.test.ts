import { describe, expect, it } from 'vitest';
import { parseSubscription, targetKey } from '../../../../src/domain/subscriptions/types.js';

const valid = {
  id: 'sub-1',
  target: { kind: 'discord', guildId: '111111111111111111', channelId: '222222222222222222' },
  filters: { countries: ['ml'], minSeverity: 2, watchTerms: ['Indian', 'Diamond Cement'], alertTypes: ['new', 'update'] },
  mode: { kind: 'digest', cron: '0 8 * * *', timezone: 'Africa/Bamako' },
  lang: 'fr',
  enabled: true,
  createdBy: '333333333333333333',
  createdAt: '2025-07-01T00:00:00Z',
};

describe('parseSubscription', () => {
  it('accepts a complete subscription', () => {
    const r = parseSubscription(valid);
    expect(r.ok && r.value.mode).toEqual({ kind: 'digest', cron: '0 8 * * *', timezone: 'Africa/Bamako' });
  });

  it('rejects a bad cron, an unknown zone, a bad channel id and an unknown severity', () => {
    const bad = [
      { ...valid, mode: { kind: 'digest', cron: 'every day', timezone: 'Africa/Bamako' } },
      { ...valid, mode: { kind: 'digest', cron: '0 8 * * *', timezone: 'Africa/Atlantis' } },
      { ...valid, target: { kind: 'discord', guildId: '1', channelId: 'general' } },
      { ...valid, filters: { minSeverity: 5 } },
      { ...valid, extra: true },
    ];
    for (const input of bad) {
      const r = parseSubscription(input);
      expect(!r.ok && r.error.code).toBe('invalid_subscription');
    }
  });

  it('keys a target by channel, or the console', () => {
    expect(targetKey({ kind: 'discord', guildId: '1', channelId: '2' })).toBe('discord:2');
    expect(targetKey({ kind: 'console' })).toBe('console');
  });
});

import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { feedStatusReply, rulesReply, whyReply } from '../../../../../src/adapters/discord/replies/admin.js';
import { link } from '../../../../../src/adapters/discord/replies/format.js';
import { incidentReply, incidentsReply, statusReply } from '../../../../../src/adapters/discord/replies/incidents.js';
import { subscriptionsReply } from '../../../../../src/adapters/discord/replies/subscriptions.js';
import type { Embed } from '../../../../../src/domain/advisory/discord.js';
import { limitViolations } from '../../../../../src/domain/advisory/limits.js';
import { assessIncidents } from '../../../../../src/app/queries/status.js';
import type { Incident } from '../../../../../src/domain/model.js';
import { feedFixture, healthFixture, incidentFixture, subscriptionFixture } from '../../../../support/store-fixtures.js';
import { kayesIncident, ukAdvice } from '../../../../support/fake-discord/services.js';

const violations = (embeds: readonly APIEmbed[] | undefined) => limitViolations({ embeds: (embeds ?? []) as readonly Embed[], components: [], allowed_mentions: { parse: [] } });
const text = (embeds: readonly APIEmbed[] | undefined) => (embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}\n${f.value}`), e.footer?.text].join('\n')).join('\n');

const hostile = 'Raid @everyone <@&123456789012345678> **now** [click](https://evil.example) '.repeat(6);
const many: Incident[] = Array.from({ length: 300 }, (_, i) =>
  incidentFixture({ id: `inc-2025070${i % 9}-place-${i}`, title: `${hostile}${i}`, places: [{ value: { id: `p${i}`, name: hostile, kind: 'town' }, sources: ['doc-1'], evidence: [] }] }),
);

describe('command replies', () => {
  it('stay within Discord limits however much there is to show', () => {
    const assessment = assessIncidents(many);
    const status = statusReply(
      {
        country: 'ml',
        since: '2025-06-04T00:00:00.000Z',
        incidents: many,
        official: Array.from({ length: 40 }, () => ukAdvice),
        ...(assessment ? { assessment } : {}),
        feeds: { active: 40, lastPollAt: '2025-07-05T10:00:00.000Z', failing: 3, paused: 1 },
      },
      'en',
    );
    const list = incidentsReply(many, { days: 90 }, 'fr');
    expect(violations(status.embeds)).toEqual([]);
    expect(violations(list.embeds)).toEqual([]);
    expect(text(list.embeds)).toMatch(/… et \d+ de plus/);
  });

  it('neutralise mentions and markdown that come from sources', () => {
    const shown = text(incidentReply({ ...kayesIncident, title: hostile }, 'en').embeds);
    expect(shown).not.toMatch(/@everyone|<@&|\*\*now\*\*|\[click\]\(/);
    expect(shown).toContain('\\*\\*now\\*\\*');
  });

  it('links only http(s) addresses', () => {
    expect(link('The Wire', 'https://thewire.in/a(b)')).toBe('[The Wire](https://thewire.in/a%28b%29)');
    expect(link('Trap', 'javascript:alert(1)')).toBe('Trap');
    expect(link('None', undefined)).toBe('None');
  });

  it('show each attribution with the sources that make it', () => {
    const shown = text(incidentReply(kayesIncident, 'fr').embeds);
    expect(shown).toContain('JNIM a revendiqué (selon The Wire)');
    expect(shown).toContain('3 ressortissants indiens');
  });

  it('mark disabled subscriptions with the reason', () => {
    const reply = subscriptionsReply([subscriptionFixture('sub-9', { enabled: false, disabledReason: 'forbidden: Missing Access' })], 'en');
    expect(text(reply.embeds)).toContain('DISABLED (forbidden: Missing Access)');
  });

  it('tell failing, paused and new feeds apart', () => {
    const reply = feedStatusReply(
      [
        { feed: feedFixture('https://a.example/rss'), health: healthFixture('https://a.example/rss', { lastPollAt: '2025-07-05T10:00:00.000Z', consecutiveFailures: 3, lastError: { code: 'http_5xx', message: '503', at: '2025-07-05T10:00:00.000Z' } }) },
        { feed: feedFixture('https://b.example/rss'), health: healthFixture('https://b.example/rss', { lastPollAt: '2025-07-05T10:00:00.000Z', paused: true }) },
        { feed: feedFixture('https://c.example/rss') },
      ],
      'en',
    );
    const shown = text(reply.embeds);
    expect(shown).toContain('failing · last success never · 0 items seen · http\\_5xx: 503');
    expect(shown).toContain('PAUSED');
    expect(shown).toContain('not polled yet');
  });

  it('explain a decision with its relevance and reasons', () => {
    const reply = whyReply(
      {
        subject: 'Three Indians kidnapped',
        recorded: false,
        decision: {
          documentId: 'x',
          action: 'duplicate',
          incidentId: kayesIncident.id,
          relevance: { relevant: true, score: 3, threshold: 1.5, hits: [] },
          score: 0.92,
          changes: [],
          reasons: [{ code: 'text', message: 'same title and lead as The Wire' }],
        },
      },
      'en',
    );
    const shown = text(reply.embeds);
    expect(shown).toContain('Not seen before');
    expect(shown).toContain('Duplicate of a known incident: no alert');
    expect(shown).toContain('`text` same title and lead as The Wire');
  });

  it('lead the status with the bot’s assessment, the open incidents’ latest developments and when feeds were polled', () => {
    const updated: Incident = { ...kayesIncident, updates: [{ at: '2025-07-04T10:00:00.000Z', documentId: 'doc-2', changes: ['claim', 'actor: JNIM claimed'] }] };
    const resolved = incidentFixture({ id: 'inc-20250610-gao-kidnapping', status: 'resolved', severity: 4 });
    const assessment = assessIncidents([updated, resolved]);
    const status = { country: 'ml', since: '2025-06-04T00:00:00.000Z', incidents: [updated, resolved], official: [ukAdvice] };
    const en = text(statusReply({ ...status, ...(assessment ? { assessment } : {}), feeds: { active: 3, lastPollAt: '2025-07-05T10:00:00.000Z', failing: 1, paused: 0 } }, 'en').embeds);
    expect(en).toContain(`Set by 1 July 2025 · Kidnapping · Kayes — ${kayesIncident.title}`);
    expect(en).toContain('2 incidents since 4 June 2025, 1 still open.');
    expect(en).toContain('↳ latest: 4 July 2025, claim; actor: JNIM claimed (Hindustan Times)');
    expect(en).not.toContain('inc-20250610-gao-kidnapping');
    expect(en).toMatch(/Feeds last polled .*\(3 feeds, 1 failing\)/);
    expect(en).toContain('UK (FCDO)');
    const quiet = text(statusReply({ ...status, incidents: [resolved], feeds: { active: 2, failing: 0, paused: 0 } }, 'fr').embeds);
    expect(quiet).toContain('Aucun incident en cours sur la période.');
    expect(quiet).toContain('Flux pas encore relevés (2 flux).');
  });

  it('list the rules with the latest changes, who made them and when, made inert', () => {
    const reply = rulesReply(
      {
        rules: [{ id: 'kidnap', kind: 'include', terms: ['kidnap*'], weight: 2 }],
        changes: [{ at: '2025-07-05T10:00:00.000Z', actor: { userId: '1', tag: '**@everyone**', guildId: '2' }, action: 'keyword.remove', subject: 'hostage' }],
      },
      'en',
    );
    const shown = text(reply.embeds);
    expect(shown).toContain('Recent changes');
    expect(shown).toMatch(/^5 July 2025.* · .* removed `hostage`$/m);
    expect(shown).toContain('\\*\\*');
    expect(shown).not.toContain('@everyone');
    expect(violations(reply.embeds)).toEqual([]);
    expect(text(rulesReply({ rules: [], changes: [] }, 'fr').embeds)).toContain('Aucune règle de mots-clés.');
  });
});

import { describe, expect, it } from 'vitest';
import { composeAdvisory, snapshotOf } from '../../../../src/domain/advisory/compose.js';
import type { DiscordMessage } from '../../../../src/domain/advisory/discord.js';
import { renderEmbed } from '../../../../src/domain/advisory/embed.js';
import { clip, EMBED_LIMITS, embedCharacters, limitViolations } from '../../../../src/domain/advisory/limits.js';
import type { Advisory, AssistanceCatalog, OfficialAdvice } from '../../../../src/domain/advisory/types.js';
import type { Attested, Incident } from '../../../../src/domain/model.js';
import { CATALOG, CLAIM_REPORT, OFFICIAL, WIRE, decision, kayesAfterClaim, kayesBeforeClaim, source } from './fixtures.js';

const KAYES = 'inc-20250701-kayes-kidnapping';
const now = new Date('2025-07-05T08:05:00Z');

function advisoryOf(incident: Incident, options: { catalog?: AssistanceCatalog; official?: OfficialAdvice[]; update?: boolean } = {}): Advisory {
  const base = { officialAdvice: options.official ?? OFFICIAL, assistance: options.catalog ?? CATALOG, now };
  if (!options.update) {
    const r = composeAdvisory(incident, decision('new', WIRE, incident.id), base);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }
  const first = composeAdvisory(kayesBeforeClaim(), decision('new', WIRE, KAYES), base);
  if (!first.ok) throw new Error(first.error.message);
  const r = composeAdvisory(incident, decision('update', CLAIM_REPORT, incident.id), { ...base, previous: snapshotOf(first.value, undefined) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const HOSTILE = '@everyone **bold** _it_ ~~s~~ `code` ||spoiler|| [click](https://evil.test) <@123456789012345678> <#123456789012345678> <@&123456789012345678>\n# heading\n> quote\u001b[31m';

function attested<T>(value: T, i: number, sources: string[]): Attested<T> {
  return { value, sources, evidence: [{ sentence: i, text: `${HOSTILE} ${'x'.repeat(3000)}` }] };
}

/** An incident with every list long and every string huge and hostile. */
function monster(): Incident {
  const base = kayesAfterClaim();
  const ids = Array.from({ length: 120 }, (_, i) => `doc-${i}`);
  const long = (n: number): string => `${HOSTILE} ${'Ségou 🌍 '.repeat(n)}`;
  return {
    ...base,
    id: `inc-${'z'.repeat(3000)}`,
    places: ids.slice(0, 80).map((_, i) => attested({ id: `p${i}`, name: long(400), kind: 'town' as const, region: 'ml-kayes-region' }, i, [ids[i] as string])),
    victims: ids.slice(0, 60).map((_, i) => attested({ count: i, nationality: long(50), role: 'hostage' as const }, i, [ids[i] as string])),
    sites: ids.slice(0, 40).map((_, i) => attested({ name: long(300), key: `k${i}` }, i, [ids[i] as string])),
    actors: ids.slice(0, 100).map((_, i) => attested({ id: `a${i % 7}`, name: long(100), role: (['claimed', 'not_claimed', 'suspected'] as const)[i % 3] ?? 'claimed' }, i, [ids[i] as string])),
    advice: ids.slice(0, 50).map((_, i) => attested({ text: long(1000), by: 'a1' }, i, [ids[i] as string])),
    changes: ids.slice(0, 30).map((_, i) => attested('release' as const, i, [ids[i] as string])),
    sources: ids.map((id, i) => source(id, long(80), `2025-07-0${1 + (i % 9)}T00:00:00.000Z`, i % 4 === 0 ? 'javascript:alert(1)' : `https://news.test/${'p'.repeat(i * 10)}/${i}`)),
  };
}

const hugeCatalog: AssistanceCatalog = {
  contacts: Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    name: { en: `${HOSTILE}${'n'.repeat(2000)}`, fr: `${HOSTILE}${'n'.repeat(2000)}` },
    phones: [{ number: '+223 20 70 23 00' }],
    url: `https://contact.test/${i}`,
    countries: ['ml'],
  })),
  actions: Array.from({ length: 40 }, (_, i) => ({ id: `x${i}`, text: { en: 'a'.repeat(5000), fr: 'b'.repeat(5000) } })),
};

const hugeOfficial: OfficialAdvice[] = (['uk', 'us', 'fr', 'in', 'ca', 'au'] as const).map((s) => ({
  source: s, country: 'ml', level: 4, summary: `${HOSTILE}${'s'.repeat(20_000)}`, url: `https://travel.test/${s}`, updated: '2025-06-01T00:00:00Z',
}));

function allText(message: DiscordMessage): string {
  return message.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]).join('\n');
}

describe('renderEmbed limits', () => {
  for (const lang of ['en', 'fr'] as const) {
    for (const update of [false, true]) {
      it(`stays within every Discord limit for huge hostile input (${lang}, ${update ? 'update' : 'new'})`, () => {
        const message = renderEmbed(advisoryOf(monster(), { catalog: hugeCatalog, official: hugeOfficial, update }), lang);
        expect(limitViolations(message)).toEqual([]);
        expect(embedCharacters(message)).toBeLessThanOrEqual(EMBED_LIMITS.total);
        const fields = message.embeds[0]?.fields ?? [];
        expect(fields.length).toBeGreaterThanOrEqual(6);
        expect(fields.map((f) => f.name)).toContain(lang === 'fr' ? 'Sources' : 'Sources');
      });
    }
  }

  it('keeps every field and whole lines when the input is ordinary', () => {
    const message = renderEmbed(advisoryOf(kayesAfterClaim(), { update: true }), 'en');
    expect(limitViolations(message)).toEqual([]);
    const fields = message.embeds[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([
      'Location', 'Event', 'What changed', 'Attribution', 'Actions to take', 'Assistance', 'Official travel advice', 'Sources',
    ]);
    expect(fields.find((f) => f.name === 'Location')?.value).toBe('• Kayes (town)\n• Mali');
    expect(allText(message)).not.toContain('…');
  });

  it('says how many lines it left out when a list is cut', () => {
    const message = renderEmbed(advisoryOf(monster(), { catalog: hugeCatalog, official: hugeOfficial }), 'en');
    const sources = message.embeds[0]?.fields?.find((f) => f.name === 'Sources');
    expect(sources?.value).toMatch(/… and \d+ more$/);
  });
});

describe('renderEmbed safety', () => {
  const message = renderEmbed(advisoryOf(monster(), { catalog: hugeCatalog, official: hugeOfficial }), 'en');
  const text = allText(message);

  it('neutralises mentions and never allows any to ping', () => {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(text).not.toMatch(/@everyone|@here/);
    expect(text).not.toMatch(/<@&?\d+>|<#\d+>/);
  });

  it('escapes markdown in untrusted text and drops control characters', () => {
    expect(text).not.toMatch(/(?<!\\)\*\*bold/);
    expect(text).toContain('\\*\\*bold\\*\\*');
    expect(text).toContain('\\[click\\]');
    expect(text).toContain('\\`code\\`');
    expect(text).toContain('\\|\\|spoiler\\|\\|');
    expect(text).not.toContain('\u001b');
  });

  it('makes link buttons only from http(s) URLs, five per row', () => {
    expect(message.components.length).toBeGreaterThan(0);
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const b of row.components) {
        expect(b.url).toMatch(/^https:\/\//);
        expect(b.label.length).toBeLessThanOrEqual(80);
      }
    }
    expect(text).not.toContain('javascript:');
  });

  it('never splits a surrogate pair nor leaves a dangling escape when clipping', () => {
    const emoji = '🌍'.repeat(10);
    const clipped = clip(emoji, 6);
    expect(clipped).toBe('🌍🌍…');
    expect(clip('ab\\*cd', 4)).toBe('ab…');
  });
});

describe('renderEmbed content', () => {
  it('colours by severity and links the title to the first source', () => {
    const embed = renderEmbed(advisoryOf(kayesBeforeClaim()), 'en').embeds[0];
    expect(embed?.color).toBe(0xc62828);
    expect(embed?.url).toBe('https://news.test/wire/three-indians-kidnapped');
    expect(embed?.title).toBe('\\[NEW\\] Kidnapping — Kayes, Mali');
    expect(embed?.description).toBe('**Severity 4/4 Critical — Do not travel**\n3 Indian nationals taken hostage · Diamond Cement Factory, Kayes, Mali · 1 July 2025');
    expect(embed?.timestamp).toBe('2025-07-05T08:05:00.000Z');
  });

  it('speaks French labels to French subscriptions and keeps facts as written', () => {
    const embed = renderEmbed(advisoryOf(kayesAfterClaim(), { update: true }), 'fr').embeds[0];
    expect(embed?.title).toBe('\\[MISE À JOUR 1\\] Enlèvement — Kayes, Mali');
    expect(embed?.description).toContain('3 ressortissants indiens pris en otage');
    expect(embed?.fields?.map((f) => f.name)).toContain('Ce qui a changé');
    const actions = embed?.fields?.find((f) => f.name === 'Mesures à prendre')?.value;
    expect(actions).toContain('exercise utmost caution');
    expect(actions).toContain('Restez discret.');
  });
});

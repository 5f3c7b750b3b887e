import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { directorySeedSource } from '../../../../src/adapters/seeds/directory.js';
import { createMemoryStore } from '../../../../src/adapters/store/memory/memory-store.js';
import { MemoryAdvisoryRepository, MemoryDigestRepository, MemoryOutboxRepository, MemorySubscriptionRepository } from '../../../../src/app/delivery/memory.js';
import { publishDecision } from '../../../../src/app/delivery/publish.js';
import { createEngine } from '../../../../src/app/engine.js';
import { loadProjectConfig, type ProjectConfig } from '../../../../src/config/project-config.js';
import { composeAdvisory } from '../../../../src/domain/advisory/compose.js';
import { renderEmbed } from '../../../../src/domain/advisory/embed.js';
import { limitViolations } from '../../../../src/domain/advisory/limits.js';
import { renderText } from '../../../../src/domain/advisory/text.js';
import type { Advisory } from '../../../../src/domain/advisory/types.js';
import type { Decision, Incident } from '../../../../src/domain/model.js';
import { ManualClock } from '../../../../src/domain/shared/clock.js';
import { foldForMatch } from '../../../../src/domain/text/normalize.js';
import { statementsOf, unsupported } from '../../domain/advisory/provenance.js';
import { subscription } from './fakes.js';

const root = new URL('../../../../', import.meta.url).pathname;
const seedsDir = join(root, 'seeds');

function announce(incident: Incident): Decision {
  const documentId = incident.sources[0]?.documentId ?? '';
  return { documentId, action: 'new', incidentId: incident.id, relevance: { relevant: true, score: 1, threshold: 1, hits: [] }, score: 1, changes: [], reasons: [] };
}

describe('advisories for the seed baseline (real engine, shipped config)', () => {
  let config: ProjectConfig;
  let incidents: Incident[];
  const clock = new ManualClock('2025-11-12T00:00:00Z');

  beforeAll(async () => {
    const loaded = loadProjectConfig(join(root, 'config'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    config = loaded.value;
    const store = createMemoryStore();
    const engine = createEngine({ store, catalogs: config.catalogs, clock, rules: config.keywords.rules });
    await engine.loadBaseline(directorySeedSource(seedsDir));
    incidents = await store.incidents.listRecent({ limit: 50 });
  });

  function advisoryFor(eventDate: string): { incident: Incident; advisory: Advisory } {
    const incident = incidents.find((i) => i.eventDate === eventDate && !i.context);
    if (!incident) throw new Error(`no incident on ${eventDate}: ${incidents.map((i) => i.id).join(', ')}`);
    const composed = composeAdvisory(incident, announce(incident), { officialAdvice: [], assistance: config.assistance, now: clock.now() });
    if (!composed.ok) throw new Error(composed.error.message);
    return { incident, advisory: composed.value };
  }

  it('the July abduction: three Indians taken at the Diamond Cement Factory in Kayes, Mali, on 1 July 2025', () => {
    const { advisory } = advisoryFor('2025-07-01');
    expect(advisory.location.country.value).toBe('ml');
    expect(advisory.location.places.map((p) => p.value.name)).toContain('Kayes');
    expect(advisory.event.type.value).toBe('kidnapping');
    expect(advisory.event.victims.map((v) => v.value)).toContainEqual({ count: 3, nationality: 'Indian', role: 'hostage' });
    expect(advisory.event.sites.map((s) => s.value.name)).toContain('Diamond Cement Factory');
    expect(advisory.assistance.map((a) => a.value.id)).toContain('in-embassy-bamako');
    expect(advisory.sources.count).toBeGreaterThanOrEqual(3);
  });

  it('the July abduction: JNIM claimed per one source, not claimed per another, shown side by side', () => {
    const { advisory } = advisoryFor('2025-07-01');
    const jnim = advisory.attribution.claims.filter((c) => c.value.actorId === 'jnim');
    const sourcesOf = (role: string) => jnim.filter((c) => c.value.role === role).flatMap((c) => (c.origin.kind === 'facts' ? c.origin.sources : []));
    expect(sourcesOf('claimed')).toEqual(['004_a568f1b4803a3c77.txt']);
    expect(sourcesOf('not_claimed').length).toBeGreaterThanOrEqual(1);
    expect(advisory.attribution.disputed).toBe(true);
    const text = renderText(advisory, 'en');
    expect(text).toContain('JNIM: claimed responsibility (per 004_a568f1b4803a3c77.txt)');
    expect(text).toContain('Sources disagree on who is behind it.');
  });

  it('the November kidnapping: five Indians in Mali on 6 November 2025, nothing of the July incident', () => {
    const { advisory } = advisoryFor('2025-11-06');
    expect(advisory.event.victims.map((v) => v.value)).toContainEqual({ count: 5, nationality: 'Indian', role: 'hostage' });
    expect(advisory.location.country.value).toBe('ml');
    const said = [...advisory.location.places.map((p) => p.value.name), ...advisory.event.sites.map((s) => s.value.name)].join(' ');
    expect(said).not.toMatch(/Kayes|Diamond/);
    expect(advisory.event.victims.some((v) => v.value.count === 3)).toBe(false);
  });

  it('every statement traces to a sentence that is in the seed it names, or to the config', () => {
    const seedText = new Map<string, string>();
    const folded = (id: string): string => {
      if (!seedText.has(id)) seedText.set(id, foldForMatch(readFileSync(join(seedsDir, id), 'utf8')));
      return seedText.get(id) as string;
    };
    for (const date of ['2025-07-01', '2025-11-06']) {
      const { incident, advisory } = advisoryFor(date);
      expect(unsupported(advisory, incident, config.assistance, [])).toEqual([]);
      for (const { path, origin } of statementsOf(advisory)) {
        if (origin.kind !== 'facts') continue;
        for (const e of origin.evidence) {
          const inSome = origin.sources.some((id) => folded(id).includes(foldForMatch(e.text)));
          expect(inSome, `${path}: "${e.text}" is in none of ${origin.sources.join(', ')}`).toBe(true);
        }
      }
    }
  });

  it('renders within Discord limits in both languages', () => {
    for (const date of ['2025-07-01', '2025-11-06']) {
      const { advisory } = advisoryFor(date);
      for (const lang of ['en', 'fr'] as const) {
        expect(limitViolations(renderEmbed(advisory, lang))).toEqual([]);
        expect(renderText(advisory, lang)).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('seeds build the baseline and are never announced', async () => {
    const subscriptions = new MemorySubscriptionRepository();
    await subscriptions.put(subscription('all', { kind: 'console' }));
    const outbox = new MemoryOutboxRepository();
    const deps = {
      subscriptions, outbox, digests: new MemoryDigestRepository(), advisories: new MemoryAdvisoryRepository(),
      officialAdvice: { forCountry: async () => [] }, assistance: config.assistance, clock,
    };
    for (const incident of incidents) {
      const r = await publishDecision(deps, incident, announce(incident));
      expect(r.ok && !r.value.published && r.value.reason).toBe('baseline');
    }
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 0 });
  });
});

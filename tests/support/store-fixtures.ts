import type { AuditEntry } from '../../src/app/audit.js';
import type { DigestEntry, OutboxEntry } from '../../src/app/delivery/ports.js';
import type { Feed, FeedHealth } from '../../src/app/feeds/ports.js';
import { composeAdvisory } from '../../src/domain/advisory/compose.js';
import { renderAdvisory, type RenderedMessage } from '../../src/domain/advisory/rendered.js';
import type { Advisory, AdvisorySnapshot, OfficialAdvice } from '../../src/domain/advisory/types.js';
import type { Decision, Incident } from '../../src/domain/model.js';
import type { Subscription } from '../../src/domain/subscriptions/types.js';

/** Plain values for store tests, built through the domain's own functions where it has them. */

export function incidentFixture(overrides: Partial<Incident> & Pick<Incident, 'id'>): Incident {
  return {
    title: `Incident ${overrides.id}`,
    eventType: 'kidnapping',
    eventDate: '2025-07-01',
    country: 'ml',
    places: [
      {
        value: { id: 'ml-kayes-town', name: 'Kayes', kind: 'town', region: 'ml-kayes-region' },
        sources: ['doc-1'],
        evidence: [{ sentence: 1, text: 'Gunmen stormed the factory near Kayes.' }],
      },
    ],
    victims: [{ value: { count: 3, nationality: 'Indian', role: 'hostage' }, sources: ['doc-1'], evidence: [] }],
    sites: [{ value: { name: 'Diamond Cement Factory', key: 'diamond cement' }, sources: ['doc-1'], evidence: [] }],
    actors: [
      { value: { id: 'jnim', name: 'JNIM', role: 'claimed' }, sources: ['doc-1'], evidence: [] },
      { value: { id: 'jnim', name: 'JNIM', role: 'not_claimed' }, sources: ['doc-2'], evidence: [] },
    ],
    advice: [],
    figures: [{ value: { value: 400, what: 'Indians living in Mali' }, sources: ['doc-2'], evidence: [] }],
    changes: [],
    severity: 3,
    status: 'open',
    context: false,
    baseline: true,
    sources: [{ documentId: 'doc-1', name: 'The Wire', kind: 'seed', firstSeen: '2025-07-02T08:00:00.000Z' }],
    updates: [],
    terms: { kayes: 2.5, 'diamond cement': 1.75 },
    createdAt: '2025-07-02T08:00:00.000Z',
    updatedAt: '2025-07-02T08:00:00.000Z',
    ...overrides,
  };
}

export function newDecision(documentId: string, incidentId: string): Decision {
  return {
    documentId,
    action: 'new',
    incidentId,
    relevance: { relevant: true, score: 2.5, threshold: 1, hits: [] },
    score: 0.9,
    changes: [],
    reasons: [{ code: 'relevance', message: 'kidnapping of foreign workers in Mali' }],
  };
}

export function advisoryFixture(incidentId: string, at = '2025-07-02T08:00:00.000Z'): Advisory {
  const composed = composeAdvisory(incidentFixture({ id: incidentId, baseline: false }), newDecision('doc-1', incidentId), {
    officialAdvice: [],
    assistance: { contacts: [], actions: [] },
    now: new Date(at),
  });
  if (!composed.ok) throw new Error(composed.error.message);
  return composed.value;
}

export function messageFixture(incidentId: string): RenderedMessage {
  return renderAdvisory(advisoryFixture(incidentId), 'en');
}

export function subscriptionFixture(id: string, overrides: Partial<Subscription> = {}): Subscription {
  return {
    id,
    target: { kind: 'discord', guildId: '100000000000000001', channelId: '200000000000000001' },
    filters: { countries: ['ml'], minSeverity: 2, watchTerms: ['Indian'] },
    mode: { kind: 'realtime' },
    lang: 'en',
    enabled: true,
    createdBy: 'config',
    createdAt: '2025-07-01T00:00:00.000Z',
    ...overrides,
  };
}

export function outboxEntry(
  key: string,
  createdAt: string,
  options: { subscriptionId?: string; incidentId?: string | null } = {},
): OutboxEntry {
  const subscriptionId = options.subscriptionId ?? 'sub-1';
  const incidentId = options.incidentId === undefined ? 'inc-1' : options.incidentId;
  const base = {
    key,
    idempotencyKey: key.slice(0, 25),
    subscriptionId,
    target: { kind: 'discord', guildId: '100000000000000001', channelId: '200000000000000001' } as const,
    message: messageFixture(incidentId ?? 'inc-digest'),
    createdAt,
  };
  return incidentId === null ? base : { ...base, incidentId };
}

export function snapshotFixture(incidentId: string, version: number): AdvisorySnapshot {
  return {
    incidentId,
    version,
    updates: version - 1,
    severity: 3,
    resolved: false,
    issuedAt: '2025-07-02T08:00:00.000Z',
    updatedAt: `2025-07-0${Math.min(version + 1, 9)}T08:00:00.000Z`,
    sourceIds: ['doc-1'],
    triggers: Array.from({ length: version }, (_, i) => `doc-${i + 1}`),
  };
}

export function digestEntry(key: string, subscriptionId: string, addedAt: string): DigestEntry {
  return { key, subscriptionId, advisory: advisoryFixture('inc-1', addedAt), addedAt };
}

export function feedFixture(url: string, overrides: Partial<Feed> = {}): Feed {
  return {
    url,
    name: `Feed ${new URL(url).hostname}`,
    lang: 'fr',
    intervalMinutes: 15,
    kind: 'news',
    enabled: true,
    addedAt: '2025-07-01T00:00:00.000Z',
    ...overrides,
  };
}

export function healthFixture(url: string, overrides: Partial<FeedHealth> = {}): FeedHealth {
  return { url, consecutiveFailures: 0, itemsSeen: 0, paused: false, primed: false, ...overrides };
}

export function officialAdviceFixture(
  source: OfficialAdvice['source'],
  country: string,
  updated: string,
  overrides: Partial<OfficialAdvice> = {},
): OfficialAdvice {
  return {
    source,
    country,
    summary: `${source.toUpperCase()} advice for ${country.toUpperCase()} as of ${updated.slice(0, 10)}`,
    url: `https://advice.example.org/${source}/${country}`,
    updated,
    ...overrides,
  };
}

export function auditFixture(action: string, subject: string, at: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at,
    actor: { userId: '300000000000000001', tag: 'amina', guildId: '100000000000000001' },
    action,
    subject,
    ...overrides,
  };
}

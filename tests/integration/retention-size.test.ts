import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/adapters/store/sqlite/store.js';
import { runDueDigests } from '../../src/app/delivery/digest.js';
import { deliveryKey, idempotencyKey } from '../../src/app/delivery/keys.js';
import type { DecisionRecord } from '../../src/app/ports.js';
import { runRetention, type RetentionPolicy } from '../../src/app/retention.js';
import type { Decision } from '../../src/domain/model.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import {
  advisoryFixture,
  auditFixture,
  incidentFixture,
  messageFixture,
  snapshotFixture,
  subscriptionFixture,
} from '../support/store-fixtures.js';

/**
 * Months of polling on a store file, with the daily retention run: the file grows while the
 * retention windows fill, then stays put, because SQLite reuses the pages that pruning frees, so
 * no VACUUM is needed (it would only return space after a retention was shortened). Only incidents
 * and what hangs off them (advisories, message references) keep growing, with events rather than
 * with polls. The write-ahead log counts too: it stays near its checkpoint size.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FEEDS = 20;
const POLLS_PER_DAY = 4;
const NEW_ITEMS_PER_POLL = 3;
/** What a feed lists besides its new items: the items of earlier polls, already seen. */
const LISTED_PER_FEED = 30;
const DAYS = 180;
const policy: RetentionPolicy = { seenItemsDays: 30, decisionsDays: 30, deliveriesDays: 14, auditDays: 60 };

const REALTIME = ['sub-desk', 'sub-company', 'sub-diaspora'];
const DIGEST = 'sub-morning';

function decisionFor(documentId: string, incidentId: string | null): Decision {
  return {
    documentId,
    action: incidentId === null ? 'ignored' : 'update',
    incidentId,
    relevance: {
      relevant: incidentId !== null,
      score: incidentId === null ? 0.4 : 3.2,
      threshold: 1,
      hits: [
        { rule: 'place-mali', kind: 'include', weight: 1, matched: 'Mali' },
        { rule: 'kidnapping', kind: 'include', weight: 2, matched: 'enlevés' },
        { rule: 'football', kind: 'exclude', weight: -3, matched: 'match' },
      ],
    },
    score: 0.72,
    changes: incidentId === null ? [] : ['release'],
    reasons: [
      { code: 'place', weight: 0.3, message: 'same town: Kayes (ml-kayes-town)' },
      { code: 'date', weight: 0.2, message: 'event dates 2025-07-01 and 2025-07-01 agree' },
      { code: 'victims', weight: 0.2, message: 'three Indian nationals in both' },
      { code: 'text', weight: 0.15, message: 'title and lead share 41% of their terms' },
    ],
  };
}

interface Simulation {
  readonly store: SqliteStore;
  readonly clock: ManualClock;
  readonly message: ReturnType<typeof messageFixture>;
  readonly advisory: ReturnType<typeof advisoryFixture>;
  poll: number;
  relevant: number;
  incidents: number;
}

const feedUrl = (f: number): string => `https://news${f}.example.org/sahel/feed.xml`;
const itemId = (f: number, poll: number, k: number): string => `https://news${f}.example.org/sahel/${poll}-${k}.html`;

/** One poll of every feed: new items recorded as seen, every new item decided, one in 40 about an incident. */
async function pollAll(sim: Simulation): Promise<void> {
  const { store, clock } = sim;
  const at = clock.now().toISOString();
  sim.poll += 1;
  for (let f = 0; f < FEEDS; f++) {
    const listed = Array.from({ length: LISTED_PER_FEED }, (_, i) => itemId(f, sim.poll - Math.floor(i / NEW_ITEMS_PER_POLL), i % NEW_ITEMS_PER_POLL));
    const known = await store.seenItems.knownIds(feedUrl(f), listed);
    const fresh = listed.filter((id) => !known.has(id));
    await store.seenItems.record(feedUrl(f), fresh.map((id) => ({ itemId: id, storyKeys: [`story:${f}:${id.slice(-16)}`] })), at);
    for (const [k, id] of fresh.entries()) {
      const relevant = (sim.poll * FEEDS + f + k) % 40 === 0;
      const incidentId = relevant ? await newOrUpdatedIncident(sim, at) : null;
      const record: DecisionRecord = { decision: decisionFor(id, incidentId), at, title: `Mali: item ${id.slice(-12)}`, url: id };
      await store.decisions.append(record);
    }
  }
}

/** One relevant item in four opens an incident; the rest update the latest one. Each goes out to every subscription. */
async function newOrUpdatedIncident(sim: Simulation, at: string): Promise<string> {
  const { store } = sim;
  const opens = sim.relevant % 4 === 0;
  sim.relevant += 1;
  if (opens) sim.incidents += 1;
  const id = `inc-${String(sim.incidents).padStart(5, '0')}`;
  const version = opens ? 1 : sim.poll;
  if (opens) await store.incidents.save(incidentFixture({ id, createdAt: at, updatedAt: at }), [`place:${id}`, `type:${id}`]);
  await store.advisories.save({ ...snapshotFixture(id, 1), version, updatedAt: at });
  for (const subscriptionId of REALTIME) {
    const key = deliveryKey(id, version, subscriptionId);
    await store.outbox.enqueue({
      key,
      idempotencyKey: idempotencyKey(key),
      subscriptionId,
      target: subscriptionFixture(subscriptionId).target,
      incidentId: id,
      message: sim.message,
      createdAt: at,
    });
  }
  await store.digests.add({ key: deliveryKey(id, version, DIGEST), subscriptionId: DIGEST, advisory: sim.advisory, addedAt: at });
  return id;
}

/** The delivery worker's effect: everything due goes out, one in ten fails for good. */
async function deliver(sim: Simulation): Promise<void> {
  const { store, clock } = sim;
  const now = clock.now().toISOString();
  const claimed = await store.outbox.claimDue(now, new Date(clock.now().getTime() + 60_000).toISOString(), 1_000);
  for (const [i, item] of claimed.entries()) {
    if (i % 10 === 9) await store.outbox.markFailed(item.key, { code: 'bad_request', message: 'embed too long' }, now);
    else {
      await store.outbox.markSent(item.key, `${1_300_000_000_000_000_000n + BigInt(i)}`, now);
      if (item.incidentId !== undefined) await store.messageRefs.putIfAbsent(`discord:${item.subscriptionId}`, item.incidentId, `m-${i}`, now);
    }
  }
}

async function simulateDay(sim: Simulation, day: number): Promise<void> {
  const { store, clock } = sim;
  for (let p = 0; p < POLLS_PER_DAY; p++) {
    await pollAll(sim);
    clock.advance(DAY / POLLS_PER_DAY);
    await deliver(sim);
  }
  await runDueDigests({ subscriptions: store.subscriptions, digests: store.digests, outbox: store.outbox, clock });
  await deliver(sim);
  if (day % 7 === 0) await store.audit.append(auditFixture('keyword.update', `rule-${day}`, clock.now().toISOString(), { detail: { weight: day } }));
  await runRetention(store, policy, clock);
}

describe('store size under retention', () => {
  let dir: string;
  let sim: Simulation;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-retention-'));
    const clock = new ManualClock('2025-01-01T00:00:00.000Z');
    const store = openSqliteStore({ dataDir: dir, clock });
    for (const id of REALTIME) await store.subscriptions.put(subscriptionFixture(id));
    const digest = { kind: 'digest', cron: '0 7 * * *', timezone: 'Africa/Bamako' } as const;
    await store.subscriptions.put(subscriptionFixture(DIGEST, { mode: digest, createdAt: clock.now().toISOString() }));
    sim = { store, clock, message: messageFixture('inc-00001'), advisory: advisoryFixture('inc-00001'), poll: 0, relevant: 0, incidents: 0 };
  });

  afterEach(() => {
    sim.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`stays within a bound of its size after 60 days over ${DAYS} days of polling`, async () => {
    const sizes = new Map<number, number>();
    const rows = new Map<number, Readonly<Record<string, number>>>();
    for (let day = 1; day <= DAYS; day++) {
      await simulateDay(sim, day);
      if (day === 60 || day === DAYS) {
        const stats = await sim.store.stats();
        sizes.set(day, stats.sizeBytes);
        rows.set(day, stats.rows);
      }
    }
    const [at60, atEnd] = [sizes.get(60) ?? 0, sizes.get(DAYS) ?? 0];
    const [rows60, rowsEnd] = [rows.get(60) ?? {}, rows.get(DAYS) ?? {}];
    // Polled-item tables hold the same retention windows at both points.
    const itemsPerDay = FEEDS * POLLS_PER_DAY * NEW_ITEMS_PER_POLL;
    for (const table of ['seen_items', 'seen_stories', 'decisions']) {
      expect(rowsEnd[table]).toBe(rows60[table]);
      expect(rowsEnd[table]).toBeLessThanOrEqual((policy.decisionsDays + 1) * itemsPerDay);
    }
    expect(rowsEnd['outbox']).toBeLessThanOrEqual((rows60['outbox'] ?? 0) * 1.1);
    expect(rowsEnd['outbox']).toBeGreaterThan(0);
    // The morning digest takes what waited since the day before.
    expect(rowsEnd['digest_entries']).toBeLessThan(itemsPerDay);
    // The record grows with events: three times the days, about three times the incidents.
    expect(rowsEnd['incidents']).toBeGreaterThan(2.5 * (rows60['incidents'] ?? 0));
    // A linear growth would triple the file; the incidents added fit in pages that pruning freed.
    expect(at60).toBeGreaterThan(10_000_000);
    expect(atEnd).toBeLessThanOrEqual(at60 * 1.1);
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../../src/adapters/store/sqlite/store.js';
import { ManualClock } from '../../../../../src/domain/shared/clock.js';
import {
  auditFixture,
  digestEntry,
  feedFixture,
  healthFixture,
  incidentFixture,
  newDecision,
  officialAdviceFixture,
  outboxEntry,
  snapshotFixture,
  subscriptionFixture,
} from '../../../../support/store-fixtures.js';
import { openOnEngine, sharedEngine } from './harness.js';

const engine = sharedEngine();
const T0 = '2025-07-02T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahel-import-'));
  file = join(dir, 'sahel-watch.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An SQLite store with something in every table, as a bot that ran for a while leaves it. */
async function filledSqliteStore(): Promise<void> {
  const store = openSqliteStore({ file, clock: new ManualClock(T0) });
  try {
    await store.incidents.save(incidentFixture({ id: 'inc-1', title: 'Kayes – enlèvement de trois travailleurs' }), ['place:kayes', 'type:kidnapping']);
    await store.incidents.save(incidentFixture({ id: 'inc-2', country: 'bf' }), ['place:djibo']);
    await store.seeds.put({ name: '001_wire.txt', sha256: 'a'.repeat(64), loadedAt: T0 });
    await store.decisions.append({ decision: newDecision('doc-1', 'inc-1'), at: T0, title: 'Three workers abducted', url: 'https://news.example.org/a' });
    await store.keywords.put({ id: 'kidnap', kind: 'include', terms: ['kidnap', 'enlèvement'], weight: 2 });
    await store.feeds.seedIfEmpty([feedFixture('https://news.example.org/a.xml'), feedFixture('https://news.example.org/b.xml', { enabled: false })]);
    await store.feedHealth.put(healthFixture('https://news.example.org/a.xml', { primed: true, nextPollAt: at(15), etag: '"v1"' }));
    await store.seenItems.record('https://news.example.org/a.xml', [{ itemId: 'item-1', storyKeys: ['story:kayes-kidnapping'] }], T0);
    await store.subscriptions.put(subscriptionFixture('sub-1'));
    await store.subscriptions.put(subscriptionFixture('sub-2', { enabled: false, disabledReason: 'forbidden: missing access' }));
    await store.outbox.enqueue(outboxEntry('inc-1:1:sub-1', at(0)));
    await store.outbox.enqueue(outboxEntry('inc-1:2:sub-1', at(1)));
    await store.outbox.enqueue(outboxEntry('inc-2:1:sub-1', at(2), { incidentId: 'inc-2' }));
    await store.outbox.markSent('inc-1:1:sub-1', 'm-1', at(1));
    await store.outbox.markRetry('inc-2:1:sub-1', at(30), { code: 'server_error', message: '502' }, true);
    await store.messageRefs.putIfAbsent('discord:200000000000000001', 'inc-1', 'm-1', at(1));
    await store.advisories.save(snapshotFixture('inc-1', 2));
    await store.digests.add(digestEntry('inc-2:1:sub-2', 'sub-2', at(3)));
    await store.digests.setLastRun('sub-2', at(-60));
    await store.officialAdvice.put(officialAdviceFixture('uk', 'ml', T0));
    await store.audit.append(auditFixture('keyword.add', 'kidnap', at(4)));
    await store.audit.append(auditFixture('feed.update', 'https://news.example.org/b.xml', at(5)));
  } finally {
    store.close();
  }
}

describe('importing an SQLite store into PostgreSQL', () => {
  it('copies every table, and the copy answers as the original did', async () => {
    await filledSqliteStore();
    const original = openSqliteStore({ file, clock: new ManualClock(T0) });
    const target = await openOnEngine(engine());
    try {
      const report = await target.importSqlite(file);
      if (!report.ok) throw new Error(`${report.error.code}: ${report.error.message}`);
      expect(report.value.rows).toMatchObject({ incidents: 2, incident_keys: 3, outbox: 3, audit_log: 2, seen_items: 1, seen_stories: 1, store_flags: 1 });
      expect(report.value.rows).not.toHaveProperty('schema_migrations');

      expect(await target.incidents.get('inc-1')).toEqual(await original.incidents.get('inc-1'));
      expect((await target.incidents.findByKeys(['place:kayes', 'type:kidnapping'], 5)).map((i) => i.id)).toEqual(['inc-1']);
      expect(await target.seeds.list()).toEqual(await original.seeds.list());
      expect(await target.decisions.findByDocument('https://news.example.org/a')).toEqual(await original.decisions.findByDocument('doc-1'));
      expect(await target.keywords.list()).toEqual(await original.keywords.list());
      expect(await target.feeds.list()).toEqual(await original.feeds.list());
      // The feed list counts as seeded: the config's feeds do not come back.
      expect(await target.feeds.seedIfEmpty([feedFixture('https://news.example.org/c.xml')])).toBe(0);
      expect(await target.feedHealth.list()).toEqual(await original.feedHealth.list());
      expect(await target.seenItems.knownIds('https://news.example.org/a.xml', ['item-1', 'item-2'])).toEqual(new Set(['item-1']));
      expect(await target.seenItems.knownStories(['story:kayes-kidnapping'])).toEqual(new Set(['story:kayes-kidnapping']));
      expect(await target.subscriptions.list()).toEqual(await original.subscriptions.list());
      expect(await target.outbox.list({ limit: 10 })).toEqual(await original.outbox.list({ limit: 10 }));
      expect(await target.outbox.nextDueAt()).toBe(await original.outbox.nextDueAt());
      expect(await target.messageRefs.get('discord:200000000000000001', 'inc-1')).toBe('m-1');
      expect(await target.advisories.latest('inc-1')).toEqual(await original.advisories.latest('inc-1'));
      expect(await target.digests.pending('sub-2', at(10))).toEqual(await original.digests.pending('sub-2', at(10)));
      expect(await target.digests.lastRun('sub-2')).toBe(at(-60));
      expect(await target.officialAdvice.list()).toEqual(await original.officialAdvice.list());
      expect(await target.audit.list({ limit: 10 })).toEqual(await original.audit.list({ limit: 10 }));

      // New rows continue after the copied ones: no audit id is given twice.
      const copiedIds = (await target.audit.list({ limit: 10 })).map((e) => Number(e.id));
      const appended = await target.audit.append(auditFixture('keyword.remove', 'kidnap', at(6)));
      expect(Number(appended.id)).toBeGreaterThan(Math.max(...copiedIds));
      await target.outbox.enqueue(outboxEntry('inc-3:1:sub-1', at(1), { incidentId: 'inc-3' }));
      // Enqueued after the copy with the instant of a copied item: it goes after that item.
      expect((await target.outbox.list({ state: 'pending', limit: 10 })).map((i) => i.key)).toEqual(['inc-1:2:sub-1', 'inc-3:1:sub-1', 'inc-2:1:sub-1']);
    } finally {
      original.close();
      await target.close();
    }
  });

  it('refuses a store that already holds data, and leaves it as it was', async () => {
    await filledSqliteStore();
    const target = await openOnEngine(engine());
    try {
      await target.keywords.put({ id: 'attack', kind: 'include', terms: ['attack'], weight: 1 });
      const report = await target.importSqlite(file);
      expect(report.ok ? undefined : report.error.code).toBe('import.target_not_empty');
      expect(await target.incidents.count()).toBe(0);
      expect((await target.keywords.list()).map((r) => r.id)).toEqual(['attack']);
    } finally {
      await target.close();
    }
  });

  it('refuses a missing file, a file that is not a store, and an SQLite store of an older schema', async () => {
    const target = await openOnEngine(engine());
    try {
      const missing = await target.importSqlite(join(dir, 'nothing-here.sqlite'));
      expect(missing.ok ? undefined : missing.error.code).toBe('import.source_unreadable');
      writeFileSync(file, 'not a database at all, just text');
      const notDb = await target.importSqlite(file);
      expect(notDb.ok ? undefined : notDb.error.code).toBe('import.source_unreadable');
      rmSync(file);
      const foreign = new Database(file);
      foreign.exec('CREATE TABLE users (id INTEGER)');
      foreign.close();
      const notStore = await target.importSqlite(file);
      expect(notStore.ok ? undefined : notStore.error.code).toBe('import.source_not_store');
      rmSync(file);
      await filledSqliteStore();
      const older = new Database(file);
      older.exec('DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)');
      older.close();
      const outdated = await target.importSqlite(file);
      expect(outdated.ok ? undefined : outdated.error.code).toBe('import.source_outdated');
      expect(await target.incidents.count()).toBe(0);
    } finally {
      await target.close();
    }
  });
});

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../../../src/adapters/store/sqlite/connection.js';
import { StoreOpenError } from '../../../../../src/adapters/store/sqlite/errors.js';
import { DATABASE_FILE_NAME } from '../../../../../src/adapters/store/sqlite/location.js';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../../../src/adapters/store/sqlite/migrations.js';
import { MIGRATIONS } from '../../../../../src/adapters/store/sqlite/schema.js';
import { openSqliteStore, type SqliteStore } from '../../../../../src/adapters/store/sqlite/store.js';
import { ManualClock } from '../../../../../src/domain/shared/clock.js';
import { auditFixture, incidentFixture, officialAdviceFixture, outboxEntry } from '../../../../support/store-fixtures.js';

const clock = new ManualClock('2025-07-02T08:00:00.000Z');

describe('openConnection', () => {
  it('sets WAL, synchronous NORMAL, enforced foreign keys and a busy timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-conn-'));
    const db = openConnection(join(dir, 'x.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      migrate(db, clock);
      expect(() => db.prepare("INSERT INTO incident_keys (key, incident_id) VALUES ('k', 'no-such-incident')").run()).toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openSqliteStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-store-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the data directory and the database file in it', () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = openSqliteStore({ dataDir, clock });
    try {
      expect(store.file).toBe(join(dataDir, DATABASE_FILE_NAME));
      expect(existsSync(store.file)).toBe(true);
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(store.migrated.length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('refuses a file that is not a database, with a stable code', () => {
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'These are not the pages of a database. '.repeat(200));
    expect(() => openSqliteStore({ file, clock })).toThrow(StoreOpenError);
    expect(() => openSqliteStore({ file, clock })).toThrow(expect.objectContaining({ code: 'store.not_a_database' }));
  });

  it('refuses another program database without touching it', () => {
    const file = join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    expect(() => openSqliteStore({ file, clock })).toThrow(expect.objectContaining({ code: 'store.foreign_database' }));
    const reopened = new Database(file);
    expect(reopened.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    reopened.close();
  });

  it('upgrades a store of schema 3 in place: official advice, audit log and retention on the rows it held', async () => {
    const file = join(dir, 'v3.sqlite');
    const v3 = openConnection(file);
    migrate(v3, clock, MIGRATIONS.filter((m) => m.version <= 3));
    v3.prepare(
      `INSERT INTO outbox (key, subscription_id, incident_id, created_at, state, attempts, next_attempt_at, sent_at, entry)
       VALUES ('inc-1:1:sub-1', 'sub-1', 'inc-1', '2025-01-01T00:00:00.000Z', 'sent', 0, '2025-01-01T00:00:00.000Z',
               '2025-01-01T00:00:05.000Z', ?)`,
    ).run(JSON.stringify(outboxEntry('inc-1:1:sub-1', '2025-01-01T00:00:00.000Z')));
    v3.close();
    const store = openSqliteStore({ file, clock });
    try {
      expect(store.migrated).toEqual([4, 5, 6]);
      await store.officialAdvice.put(officialAdviceFixture('uk', 'ml', '2025-07-01T00:00:00.000Z'));
      expect(await store.officialAdvice.forCountry('ml')).toHaveLength(1);
      expect((await store.audit.append(auditFixture('feed.add', 'https://news.example.org/a.xml', '2025-07-02T08:00:00.000Z'))).id).toBe('1');
      expect(await store.outbox.pruneBefore('2025-06-01T00:00:00.000Z')).toBe(1);
    } finally {
      store.close();
    }
  });

  it('rejects an empty location', () => {
    expect(() => openSqliteStore({ dataDir: '', clock })).toThrow();
  });
});

describe('SqliteStore', () => {
  let store: SqliteStore;

  beforeEach(() => {
    store = openSqliteStore({ file: ':memory:', clock });
  });

  afterEach(() => {
    store.close();
  });

  it('saves an incident and its keys together or not at all', async () => {
    await store.incidents.save(incidentFixture({ id: 'inc-1', title: 'before' }), ['k-old']);
    const badKey = {} as unknown as string;
    await expect(store.incidents.save(incidentFixture({ id: 'inc-1', title: 'after' }), ['k-new', badKey])).rejects.toThrow();
    expect((await store.incidents.get('inc-1'))?.title).toBe('before');
    expect((await store.incidents.findByKeys(['k-old'], 5)).map((i) => i.id)).toEqual(['inc-1']);
    expect(await store.incidents.findByKeys(['k-new'], 5)).toEqual([]);
  });

  it('compares instants, not their spelling, when listing and pruning', async () => {
    await store.incidents.save(incidentFixture({ id: 'inc-1', updatedAt: '2025-07-02T10:00:00+02:00' }), []);
    expect(await store.incidents.listRecent({ since: '2025-07-02T08:00:00Z', limit: 5 })).toHaveLength(1);
    expect(await store.incidents.listRecent({ since: '2025-07-02T08:00:00.001Z', limit: 5 })).toHaveLength(0);
    await store.decisions.append({
      decision: {
        documentId: 'doc-1',
        action: 'ignored',
        incidentId: null,
        relevance: { relevant: false, score: 0, threshold: 1, hits: [] },
        score: 0,
        changes: [],
        reasons: [],
      },
      at: '2025-07-02T09:30:00+01:00',
      title: 'Football in Bamako',
    });
    expect(await store.decisions.pruneBefore('2025-07-02T08:30:00Z')).toBe(0);
    expect(await store.decisions.pruneBefore('2025-07-02T08:30:00.001Z')).toBe(1);
  });

  it('treats a negative limit as no rows, not as no limit', async () => {
    await store.incidents.save(incidentFixture({ id: 'inc-1' }), ['k']);
    expect(await store.incidents.listRecent({ limit: -1 })).toEqual([]);
    expect(await store.incidents.findByKeys(['k'], -1)).toEqual([]);
  });

  it('reports its size and the rows of each table', async () => {
    const before = await store.sizeBytes();
    expect(before).toBeGreaterThan(0);
    for (let i = 0; i < 50; i += 1) {
      await store.incidents.save(incidentFixture({ id: `inc-${i}`, title: 'x'.repeat(2000) }), [`a-${i}`, `b-${i}`]);
    }
    await store.seeds.put({ name: '000.txt', sha256: 'f'.repeat(64), loadedAt: '2025-07-02T08:00:00.000Z' });
    expect(await store.sizeBytes()).toBeGreaterThan(before + 50 * 2000);
    const stats = await store.stats();
    expect(stats.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(stats.rows).toMatchObject({ incidents: 50, incident_keys: 100, seeds: 1, decisions: 0, keyword_rules: 0 });
    expect(stats.rows['schema_migrations']).toBe(MIGRATIONS.length);
    expect(stats.rows).toMatchObject({ official_advice: 0, audit_log: 0 });
  });
});

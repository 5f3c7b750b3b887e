import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../../../../src/adapters/store/sqlite/backup.js';
import { openConnection } from '../../../../../src/adapters/store/sqlite/connection.js';
import { DATABASE_FILE_NAME } from '../../../../../src/adapters/store/sqlite/location.js';
import { LATEST_SCHEMA_VERSION } from '../../../../../src/adapters/store/sqlite/migrations.js';
import { openSqliteStore } from '../../../../../src/adapters/store/sqlite/store.js';
import { ManualClock } from '../../../../../src/domain/shared/clock.js';
import { incidentFixture } from '../../../../support/store-fixtures.js';

const clock = new ManualClock('2025-07-02T08:00:00.000Z');

describe('backup and restore', () => {
  let dir: string;
  let dataDir: string;
  let live: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-backup-'));
    dataDir = join(dir, 'data');
    live = join(dataDir, DATABASE_FILE_NAME);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function liveWith(ids: readonly string[]): Promise<void> {
    const store = openSqliteStore({ dataDir, clock });
    for (const id of ids) await store.incidents.save(incidentFixture({ id }), [`key-${id}`]);
    store.close();
  }

  async function liveIds(): Promise<string[]> {
    const store = openSqliteStore({ dataDir, clock });
    const ids = (await store.incidents.listRecent({ limit: 100 })).map((i) => i.id).sort();
    store.close();
    return ids;
  }

  async function backupOf(ids: readonly string[], name: string): Promise<string> {
    const store = openSqliteStore({ file: ':memory:', clock });
    for (const id of ids) await store.incidents.save(incidentFixture({ id }), [`key-${id}`]);
    const target = join(dir, name);
    const result = await store.backup(target);
    store.close();
    if (!result.ok) throw new Error(result.error.message);
    return target;
  }

  it('writes a self-contained, checked snapshot', async () => {
    const target = await backupOf(['inc-1', 'inc-2'], 'snap.sqlite');
    expect(readdirSync(dir).sort()).toEqual(['snap.sqlite']);
    const db = new Database(target, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.prepare('SELECT COUNT(*) AS n FROM incident_keys').get()).toEqual({ n: 2 });
    db.close();
  });

  it('reports what it wrote', async () => {
    const store = openSqliteStore({ dataDir, clock });
    const result = await store.backup(join(dir, 'b.sqlite'));
    store.close();
    expect(result).toMatchObject({
      ok: true,
      value: { file: join(dir, 'b.sqlite'), schemaVersion: LATEST_SCHEMA_VERSION, at: '2025-07-02T08:00:00.000Z' },
    });
    expect(result.ok && result.value.bytes > 0).toBe(true);
  });

  it('refuses to write into a missing directory or over the live database', async () => {
    const store = openSqliteStore({ dataDir, clock });
    expect(await store.backup(join(dir, 'missing', 'b.sqlite'))).toMatchObject({
      ok: false,
      error: { code: 'backup.directory_missing' },
    });
    expect(await store.backup(live)).toMatchObject({ ok: false, error: { code: 'backup.same_file' } });
    store.close();
  });

  it('restores a backup over the stopped store and keeps the replaced database aside', async () => {
    await liveWith(['inc-live']);
    const backup = await backupOf(['inc-a', 'inc-b'], 'restore-me.sqlite');
    const result = restoreDatabase({ dataDir, from: backup, clock });
    expect(result).toEqual({
      ok: true,
      value: {
        file: live,
        from: backup,
        schemaVersion: LATEST_SCHEMA_VERSION,
        previous: `${live}.before-restore-2025-07-02T08-00-00-000Z`,
      },
    });
    expect(await liveIds()).toEqual(['inc-a', 'inc-b']);
    const previous = new Database(`${live}.before-restore-2025-07-02T08-00-00-000Z`, { readonly: true });
    expect(previous.prepare('SELECT id FROM incidents').all()).toEqual([{ id: 'inc-live' }]);
    previous.close();
    expect(existsSync(backup)).toBe(true);
  });

  it('restores into an empty data directory', async () => {
    const backup = await backupOf(['inc-a'], 'b.sqlite');
    expect(restoreDatabase({ dataDir, from: backup, clock })).toMatchObject({ ok: true, value: { previous: null } });
    expect(await liveIds()).toEqual(['inc-a']);
  });

  it('refuses to restore while the store is open', async () => {
    await liveWith(['inc-live']);
    const backup = await backupOf(['inc-a'], 'b.sqlite');
    const running = openSqliteStore({ dataDir, clock });
    const result = restoreDatabase({ dataDir, from: backup, clock });
    running.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'restore.in_use' } });
    expect(await liveIds()).toEqual(['inc-live']);
    expect(readdirSync(dataDir).sort()).toEqual([DATABASE_FILE_NAME]);
  });

  describe('refuses what is not a known store, leaving the live one as it was', () => {
    beforeEach(async () => {
      await liveWith(['inc-live']);
    });

    afterEach(async () => {
      expect(await liveIds()).toEqual(['inc-live']);
      expect(readdirSync(dataDir).sort()).toEqual([DATABASE_FILE_NAME]);
    });

    it('a missing file', () => {
      expect(restoreDatabase({ dataDir, from: join(dir, 'nope.sqlite') })).toMatchObject({
        ok: false,
        error: { code: 'restore.missing' },
      });
    });

    it('a file that is not a database', () => {
      const from = join(dir, 'report.txt');
      writeFileSync(from, 'Security report for Kayes region, July 2025.\n'.repeat(100));
      expect(restoreDatabase({ dataDir, from })).toMatchObject({ ok: false, error: { code: 'restore.not_a_database' } });
    });

    it('an empty file', () => {
      const from = join(dir, 'empty.sqlite');
      writeFileSync(from, '');
      expect(restoreDatabase({ dataDir, from })).toMatchObject({ ok: false, error: { code: 'restore.foreign_database' } });
    });

    it('another program database', () => {
      const from = join(dir, 'other.sqlite');
      const other = new Database(from);
      other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
      other.close();
      expect(restoreDatabase({ dataDir, from })).toMatchObject({ ok: false, error: { code: 'restore.foreign_database' } });
    });

    it('a store of a newer schema', async () => {
      const from = await backupOf(['inc-future'], 'future.sqlite');
      const db = openConnection(from);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'later', '2026-01-01T00:00:00Z')").run(
        LATEST_SCHEMA_VERSION + 1,
      );
      db.close();
      const result = restoreDatabase({ dataDir, from });
      expect(result).toMatchObject({ ok: false, error: { code: 'restore.newer_schema' } });
      expect(!result.ok && result.error.message).toMatch(new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}`));
    });

    it('the live database itself', () => {
      expect(restoreDatabase({ dataDir, from: live })).toMatchObject({ ok: false, error: { code: 'restore.same_file' } });
    });
  });
});

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../src/adapters/store/sqlite/backup.js';
import { MIGRATIONS } from '../../src/adapters/store/sqlite/schema.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/store.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { incidentFixture } from '../support/store-fixtures.js';

const KEYS_PER_INCIDENT = 3;
const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

/** Another process holding the database open, as a running bot does, until its stdin closes. */
async function holdOpen(file: string) {
  const script = `
    const Database = require(process.argv[1]);
    const db = new Database(process.argv[2]);
    db.prepare('SELECT COUNT(*) FROM incidents').get();
    process.stdout.write('ready\\n');
    process.stdin.on('end', () => { db.close(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script, driverPath, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  expect(chunk.toString()).toBe('ready\n');
  return async () => {
    child.stdin.end();
    await once(child, 'exit');
  };
}
const keysOf = (id: string): string[] => Array.from({ length: KEYS_PER_INCIDENT }, (_, i) => `${id}:k${i}`);

describe('SQLite store on disk', () => {
  let dir: string;
  let dataDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sahel-disk-'));
    dataDir = join(dir, 'data');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data and applies each migration once across restarts', async () => {
    const first = openSqliteStore({ dataDir, clock: new ManualClock('2025-07-02T08:00:00.000Z') });
    expect(first.migrated).toEqual(MIGRATIONS.map((m) => m.version));
    await first.incidents.save(incidentFixture({ id: 'inc-kayes' }), ['place:ml-kayes-town', 'type:kidnapping']);
    await first.seeds.put({ name: '000.txt', sha256: 'a'.repeat(64), loadedAt: '2025-07-02T08:00:00.000Z' });
    await first.keywords.seedIfEmpty([{ id: 'kidnap', kind: 'include', terms: ['kidnapped', 'enlevés'], weight: 2 }]);
    first.close();

    for (const at of ['2025-07-03T08:00:00.000Z', '2025-07-04T08:00:00.000Z']) {
      const again = openSqliteStore({ dataDir, clock: new ManualClock(at) });
      expect(again.migrated).toEqual([]);
      expect(await again.incidents.get('inc-kayes')).toEqual(incidentFixture({ id: 'inc-kayes' }));
      expect((await again.incidents.findByKeys(['type:kidnapping'], 5)).map((i) => i.id)).toEqual(['inc-kayes']);
      expect(await again.seeds.list()).toHaveLength(1);
      expect(await again.keywords.seedIfEmpty([{ id: 'other', kind: 'include', terms: ['x'], weight: 1 }])).toBe(0);
      again.close();
    }

    const raw = new Database(join(dataDir, 'sahel-watch.sqlite'), { readonly: true });
    const applied = raw.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
    raw.close();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, applied_at: '2025-07-02T08:00:00.000Z' })));
  });

  it('takes a consistent backup while another connection keeps writing', async () => {
    const clock = new ManualClock('2025-07-02T08:00:00.000Z');
    const bot = openSqliteStore({ dataDir, clock });
    const writer = openSqliteStore({ dataDir, clock });
    // Enough pages that the copy takes several steps, so the writer commits in between.
    const prefill = 1500;
    for (let i = 0; i < prefill; i += 1) {
      await bot.incidents.save(incidentFixture({ id: `inc-${i}`, title: `Incident ${i} `.repeat(150) }), keysOf(`inc-${i}`));
    }

    let written = 0;
    let done = false;
    const writing = (async () => {
      while (!done) {
        const id = `inc-w${written}`;
        await writer.incidents.save(incidentFixture({ id, title: `Late ${id} `.repeat(150) }), keysOf(id));
        written += 1;
        await nextTurn();
      }
    })();
    const target = join(dir, 'during-writes.sqlite');
    const result = await bot.backup(target);
    const writtenAtEnd = written;
    done = true;
    await writing;
    bot.close();
    writer.close();

    expect(result.ok).toBe(true);
    expect(writtenAtEnd).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    const incidents = (copy.prepare('SELECT COUNT(*) AS n FROM incidents').get() as { n: number }).n;
    const keys = (copy.prepare('SELECT COUNT(*) AS n FROM incident_keys').get() as { n: number }).n;
    const unkeyed = copy
      .prepare(
        'SELECT COUNT(*) AS n FROM incidents i WHERE (SELECT COUNT(*) FROM incident_keys k WHERE k.incident_id = i.id) <> ?',
      )
      .get(KEYS_PER_INCIDENT) as { n: number };
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    expect(incidents).toBeGreaterThanOrEqual(prefill);
    expect(incidents).toBeLessThanOrEqual(prefill + written);
    expect(keys).toBe(incidents * KEYS_PER_INCIDENT);
    expect(unkeyed.n).toBe(0);

    const restored = restoreDatabase({ dataDir, from: target, clock });
    expect(restored.ok).toBe(true);
    const reopened = openSqliteStore({ dataDir, clock });
    expect(await reopened.incidents.count()).toBe(incidents);
    expect(reopened.migrated).toEqual([]);
    reopened.close();
  });

  it('refuses to restore while another process has the store open', async () => {
    const clock = new ManualClock('2025-07-02T08:00:00.000Z');
    const store = openSqliteStore({ dataDir, clock });
    await store.incidents.save(incidentFixture({ id: 'inc-live' }), ['k']);
    const backup = await store.backup(join(dir, 'b.sqlite'));
    store.close();
    expect(backup.ok).toBe(true);

    const release = await holdOpen(join(dataDir, 'sahel-watch.sqlite'));
    const refused = restoreDatabase({ dataDir, from: join(dir, 'b.sqlite'), clock });
    await release();
    expect(refused).toMatchObject({ ok: false, error: { code: 'restore.in_use' } });
    expect(restoreDatabase({ dataDir, from: join(dir, 'b.sqlite'), clock }).ok).toBe(true);
  });
});

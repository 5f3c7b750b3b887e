import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostgresStoreError } from '../../../../../src/adapters/store/postgres/errors.js';
import { openPostgresStore } from '../../../../../src/adapters/store/postgres/store.js';
import type { OfficialAdvice } from '../../../../../src/domain/advisory/types.js';
import { incidentFixture } from '../../../../support/store-fixtures.js';
import { freshSchema, openOnEngine, sharedEngine, testClock } from './harness.js';

const engine = sharedEngine();

const openIn = (schema: string) => openPostgresStore({ pglite: engine(), schema, clock: testClock() });

async function openFails(open: Promise<unknown>): Promise<PostgresStoreError> {
  const error = await open.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PostgresStoreError)) throw new Error(`expected a PostgresStoreError, got ${String(error)}`);
  return error;
}

/** A port on 127.0.0.1 where nothing listens any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function advice(source: OfficialAdvice['source'], updated: string, summary = `${source} advice`): OfficialAdvice {
  return { source, country: 'ml', summary, url: `https://example.org/${source}/mali`, updated };
}

describe('postgres store on PGlite', () => {
  it('migrates a new schema once, recording each migration', async () => {
    const schema = freshSchema();
    const first = await openIn(schema);
    expect(first.migrated).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.schemaVersion).toBe(6);
    await first.close();
    const again = await openIn(schema);
    expect(again.migrated).toEqual([]);
    expect(again.schemaVersion).toBe(6);
    const { rows } = await engine().query<{ version: number; applied_at: string }>(
      `SELECT version, applied_at FROM ${schema}.schema_migrations ORDER BY version`,
    );
    expect(rows).toEqual([1, 2, 3, 4, 5, 6].map((version) => ({ version, applied_at: '2025-07-02T08:00:00.000Z' })));
    await again.close();
    await engine().exec(`DROP SCHEMA ${schema} CASCADE`);
  });

  it('refuses a schema holding another program’s tables, and leaves the engine free', async () => {
    const schema = freshSchema();
    await engine().exec(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.users (id integer)`);
    expect((await openFails(openIn(schema))).code).toBe('store.foreign_database');
    await engine().exec(`DROP TABLE ${schema}.users; CREATE TABLE ${schema}.schema_migrations (version text)`);
    expect((await openFails(openIn(schema))).code).toBe('store.foreign_database');
    const other = await openOnEngine(engine());
    await other.close();
    await engine().exec(`DROP SCHEMA ${schema} CASCADE`);
  });

  it('refuses a schema migrated by a newer version of the program', async () => {
    const schema = freshSchema();
    await (await openIn(schema)).close();
    await engine().exec(`INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')`);
    const error = await openFails(openIn(schema));
    expect(error.code).toBe('store.newer_schema');
    expect(error.message).toContain('99');
    await engine().exec(`DROP SCHEMA ${schema} CASCADE`);
  });

  it('refuses bad options before connecting', async () => {
    expect((await openFails(openPostgresStore({ pglite: engine(), schema: 'x"; DROP TABLE y; --' }))).code).toBe('store.bad_options');
    expect((await openFails(openPostgresStore({ url: 'mysql://db.example.org/x' }))).code).toBe('store.bad_options');
  });

  it('serves one store per engine at a time', async () => {
    const first = await openOnEngine(engine());
    expect((await openFails(openOnEngine(engine()))).code).toBe('store.engine_in_use');
    await first.close();
    await (await openOnEngine(engine())).close();
  });

  it('reports where it lives, its size and its rows; leaves backups to pg_dump', async () => {
    const schema = freshSchema();
    const store = await openOnEngine(engine(), schema);
    try {
      await store.incidents.save(incidentFixture({ id: 'inc-1' }), ['place:kayes', 'type:kidnapping']);
      await store.seeds.put({ name: '000_a.txt', sha256: 'a'.repeat(64), loadedAt: '2025-07-02T08:00:00.000Z' });
      expect(store.location).toBe(`pglite (schema ${schema})`);
      const stats = await store.stats();
      expect(stats.schemaVersion).toBe(6);
      expect(stats.rows).toMatchObject({ incidents: 1, incident_keys: 2, seeds: 1, schema_migrations: 6, outbox: 0 });
      expect(Object.keys(stats.rows)).toHaveLength(20);
      expect(stats.sizeBytes).toBeGreaterThan(0);
      expect(await store.sizeBytes()).toBe(stats.sizeBytes);
      const backup = await store.backup('/anywhere/backup.sqlite');
      expect(backup.ok).toBe(false);
      expect(backup.ok ? undefined : backup.error.code).toBe('backup.unsupported');
    } finally {
      await store.close();
    }
  });

  it('keeps text carrying U+0000, which PostgreSQL cannot store, as U+FFFD', async () => {
    const store = await openOnEngine(engine());
    try {
      const feed = 'https://news.example.org/sahel.xml';
      await store.seenItems.record(feed, [{ itemId: 'guid\u0000x', storyKeys: ['story\u0000'] }], '2025-07-02T08:00:00.000Z');
      expect(await store.seenItems.knownIds(feed, ['guid\u0000x', 'other'])).toEqual(new Set(['guid\u0000x']));
      expect(await store.seenItems.knownStories(['story\u0000'])).toEqual(new Set(['story\u0000']));
      await store.incidents.save(incidentFixture({ id: 'inc-nul', title: 'Kayes\u0000' }), ['k']);
      expect((await store.incidents.get('inc-nul'))?.title).toBe('Kayes\uFFFD');
    } finally {
      await store.close();
    }
  });

  it('keeps the newest official advice per publisher and country', async () => {
    const store = await openOnEngine(engine());
    try {
      await store.officialAdvice.put(advice('us', '2025-07-10T00:00:00.000Z', 'Level 4: Do Not Travel'));
      await store.officialAdvice.put(advice('uk', '2025-07-05T00:00:00.000Z', 'against all travel'));
      await store.officialAdvice.put(advice('us', '2025-07-01T00:00:00.000Z', 'an older version arriving late'));
      await store.officialAdvice.put(advice('uk', '2025-07-06T00:00:00.000Z', 'against all but essential travel'));
      await store.officialAdvice.put({ ...advice('uk', '2025-07-06T00:00:00.000Z'), country: 'bf' });
      expect((await store.officialAdvice.forCountry('ml')).map((a) => [a.source, a.summary])).toEqual([
        ['uk', 'against all but essential travel'],
        ['us', 'Level 4: Do Not Travel'],
      ]);
      expect(await store.officialAdvice.forCountry('ne')).toEqual([]);
      expect(await store.officialAdvice.list()).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('leases a feed to one owner until the lease ends or is released', async () => {
    const store = await openOnEngine(engine());
    const url = 'https://www.gov.uk/foreign-travel-advice/mali.atom';
    const at = (minute: number) => `2025-07-02T08:${String(minute).padStart(2, '0')}:00.000Z`;
    try {
      expect(await store.feedLeases.tryLease(url, 'proc-a', at(5), at(0))).toBe(true);
      expect(await store.feedLeases.tryLease(url, 'proc-b', at(6), at(1))).toBe(false);
      expect(await store.feedLeases.tryLease(url, 'proc-a', at(10), at(4))).toBe(true);
      expect(await store.feedLeases.tryLease(url, 'proc-b', at(12), at(9))).toBe(false);
      expect(await store.feedLeases.tryLease(url, 'proc-b', at(15), at(10))).toBe(true);
      expect(await store.feedLeases.release(url, 'proc-a')).toBe(false);
      expect(await store.feedLeases.tryLease(url, 'proc-a', at(20), at(11))).toBe(false);
      expect(await store.feedLeases.release(url, 'proc-b')).toBe(true);
      expect(await store.feedLeases.tryLease(url, 'proc-a', at(20), at(11))).toBe(true);
      expect(await store.feedLeases.tryLease('https://other.example.org/feed.xml', 'proc-b', at(20), at(11))).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('postgres store in a PGlite data directory', () => {
  it('opens its own engine on the directory, closes it, and finds its data again', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-pglite-'));
    try {
      const first = await openPostgresStore({ pglite: join(dir, 'db'), clock: testClock() });
      expect(first.location).toBe(`pglite:${join(dir, 'db')}`);
      expect(first.migrated).toEqual([1, 2, 3, 4, 5, 6]);
      await first.keywords.put({ id: 'kidnap', kind: 'include', terms: ['enlevés', 'abducted'], weight: 2 });
      await first.close();
      const again = await openPostgresStore({ pglite: join(dir, 'db'), clock: testClock() });
      expect(again.migrated).toEqual([]);
      expect(await again.keywords.list()).toEqual([{ id: 'kidnap', kind: 'include', terms: ['enlevés', 'abducted'], weight: 2 }]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('postgres store on a server', () => {
  it('says the server cannot be reached, naming it without the password', async () => {
    const port = await closedPort();
    const error = await openFails(openPostgresStore({ url: `postgres://bob:s3cret@127.0.0.1:${port}/sahel`, connectTimeoutMs: 1_000 }));
    expect(error.code).toBe('store.unreachable');
    expect(error.message).toContain(`postgres://127.0.0.1:${port}/sahel`);
    expect(error.message).not.toContain('s3cret');
  });
});

import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/adapters/store/postgres/store.js';
import type { OutboxItem } from '../../src/app/delivery/ports.js';
import {
  describeAuditContract,
  describeDeliveryStoreContract,
  describeFeedStoreContract,
  describeOfficialAdviceContract,
  describeRetentionContract,
  describeStoreContract,
} from '../support/store-contract.js';
import { feedFixture, outboxEntry } from '../support/store-fixtures.js';
import { describeOutboxContract } from '../unit/app/delivery/outbox-contract.js';
import {
  dropServerSchema,
  freshSchema,
  openOnServer,
  SERVER_LABEL,
  SERVER_URL,
  serverAnswers,
  testClock,
} from '../unit/adapters/store/postgres/harness.js';

const reachable = await serverAnswers(SERVER_URL, 1_000);
const title = reachable
  ? `postgres server at ${SERVER_LABEL}`
  : `postgres server at ${SERVER_LABEL}: no answer within 1 s, server suite skipped`;

const T0 = '2025-07-02T08:00:00.000Z';
const LATER = '2025-07-02T09:00:00.000Z';

/** Stores opened by one test on a shared schema, closed and dropped after it. */
function sharedSchemaStores() {
  let schema = freshSchema();
  const open: PostgresStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await dropServerSchema(SERVER_URL, schema);
    schema = freshSchema();
  });
  return async (count: number): Promise<PostgresStore[]> => {
    const stores = await Promise.all(
      Array.from({ length: count }, () => openPostgresStore({ url: SERVER_URL, schema, maxConnections: 4, clock: testClock() })),
    );
    open.push(...stores);
    return stores;
  };
}

/**
 * Claims until nothing is pending, marking each item sent, and appends every claimed key to `log`:
 * the workers share the log, so it holds the order in which the items were handed out.
 */
async function drain(store: PostgresStore, limit: number, log: string[]): Promise<number> {
  let claimedHere = 0;
  for (;;) {
    const claimed: OutboxItem[] = await store.outbox.claimDue(T0, LATER, limit);
    if (claimed.length === 0) {
      if ((await store.outbox.counts()).pending === 0) return claimedHere;
      await new Promise((resolve) => setTimeout(resolve, 2));
      continue;
    }
    claimedHere += claimed.length;
    for (const item of claimed) {
      log.push(item.key);
      await store.outbox.markSent(item.key, `m-${item.key}`, T0);
    }
  }
}

describe.skipIf(!reachable)(title, () => {
  const open = () => openOnServer(SERVER_URL);
  describeStoreContract('postgres server', open);
  describeFeedStoreContract('postgres server', open);
  describeDeliveryStoreContract('postgres server', open);
  describeOfficialAdviceContract('postgres server', open);
  describeAuditContract('postgres server', open);
  describeRetentionContract('postgres server', open);

  let previous: PostgresStore | undefined;
  afterAll(async () => {
    await previous?.close();
  });
  describeOutboxContract('postgres server', async () => {
    await previous?.close();
    previous = await open();
    return previous.outbox;
  });

  it('says the server refused the store when the database does not exist', async () => {
    const missing = new URL(SERVER_URL);
    missing.pathname = `/${freshSchema()}`;
    const opened = openPostgresStore({ url: missing.toString() });
    await expect(opened).rejects.toMatchObject({ code: 'store.refused' });
  });

  describe('several processes on one database', () => {
    const stores = sharedSchemaStores();

    it('migrates once when three processes open a new schema at the same moment', async () => {
      const opened = await stores(3);
      const migrated = opened.map((s) => s.migrated).sort((a, b) => b.length - a.length);
      expect(migrated[0]).toEqual([1, 2, 3, 4, 5, 6]);
      expect(migrated.slice(1)).toEqual([[], []]);
      expect(opened.every((s) => s.schemaVersion === 6)).toBe(true);
    });

    it('never hands one outbox item to two claims running at once', async () => {
      const [a, b] = await stores(2);
      if (a === undefined || b === undefined) throw new Error('two stores expected');
      for (let i = 0; i < 60; i += 1) {
        await a.outbox.enqueue(outboxEntry(`k${String(i).padStart(2, '0')}`, T0, { incidentId: `inc-${i}`, subscriptionId: `sub-${i % 3}` }));
      }
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).outbox.claimDue(T0, LATER, 10)));
      const keys = claims.flat().map((item) => item.key);
      expect(new Set(keys).size).toBe(keys.length);
      const rest = (await a.outbox.claimDue(T0, LATER, 100)).map((item) => item.key);
      expect(rest.filter((k) => keys.includes(k))).toEqual([]);
      expect(new Set([...keys, ...rest]).size).toBe(60);
      expect(await b.outbox.claimDue(T0, LATER, 100)).toEqual([]);
    });

    it('delivers every item exactly once and in order per pair when two workers drain the outbox', async () => {
      const [a, b] = await stores(2);
      if (a === undefined || b === undefined) throw new Error('two stores expected');
      const expected: string[] = [];
      for (let version = 1; version <= 5; version += 1) {
        for (let pair = 0; pair < 12; pair += 1) {
          const key = `inc-${pair}:${version}:sub-${pair % 4}`;
          const at = new Date(Date.parse(T0) - (6 - version) * 60_000).toISOString();
          await b.outbox.enqueue(outboxEntry(key, at, { incidentId: `inc-${pair}`, subscriptionId: `sub-${pair % 4}` }));
          expected.push(key);
        }
      }
      const log: string[] = [];
      const perWorker = await Promise.all([drain(a, 3, log), drain(b, 3, log)]);
      expect(log.length).toBe(expected.length);
      expect(new Set(log)).toEqual(new Set(expected));
      expect(perWorker.every((n) => n > 0)).toBe(true);
      expect(await a.outbox.counts()).toEqual({ pending: 0, sent: 60, failed: 0 });
      // A version is handed out only after the one before it was sent, whichever worker held it.
      const lastVersion = new Map<string, number>();
      for (const key of log) {
        const [incident = '', version = ''] = key.split(':');
        expect(Number(version)).toBe((lastVersion.get(incident) ?? 0) + 1);
        lastVersion.set(incident, Number(version));
      }
    });

    it('gives a feed lease to one process until it runs out', async () => {
      const [a, b] = await stores(2);
      if (a === undefined || b === undefined) throw new Error('two stores expected');
      const url = 'https://www.gov.uk/foreign-travel-advice/mali.atom';
      const until = '2025-07-02T08:05:00.000Z';
      const attempts = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? a.feedLeases.tryLease(url, 'proc-a', until, T0) : b.feedLeases.tryLease(url, 'proc-b', until, T0))),
      );
      const winners = new Set(attempts.flatMap((won, i) => (won ? [i % 2 === 0 ? 'proc-a' : 'proc-b'] : [])));
      expect(winners.size).toBe(1);
      const [holder] = [...winners];
      const other = holder === 'proc-a' ? 'proc-b' : 'proc-a';
      const otherStore = holder === 'proc-a' ? b : a;
      expect(await otherStore.feedLeases.tryLease(url, other, LATER, '2025-07-02T08:04:59.999Z')).toBe(false);
      expect(await otherStore.feedLeases.tryLease(url, other, LATER, until)).toBe(true);
    });

    it('seeds keyword rules and feeds once when two processes start together', async () => {
      const [a, b] = await stores(2);
      if (a === undefined || b === undefined) throw new Error('two stores expected');
      const rules = ['kidnap', 'attack', 'jnim'].map((id) => ({ id, kind: 'include' as const, terms: [id], weight: 1 }));
      const seeded = await Promise.all([a.keywords.seedIfEmpty(rules), b.keywords.seedIfEmpty(rules)]);
      expect([...seeded].sort()).toEqual([0, 3]);
      const feeds = [feedFixture('https://news.example.org/a.xml'), feedFixture('https://news.example.org/b.xml')];
      const feedsSeeded = await Promise.all([a.feeds.seedIfEmpty(feeds), b.feeds.seedIfEmpty(feeds)]);
      expect([...feedsSeeded].sort()).toEqual([0, 2]);
      expect((await b.feeds.list()).map((f) => f.url)).toEqual(feeds.map((f) => f.url));
    });

    it('runs exclusive work of one name in one process at a time, and other names alongside', async () => {
      const [a, b] = await stores(2);
      if (a === undefined || b === undefined) throw new Error('two stores expected');
      let inside = 0;
      let most = 0;
      const order: string[] = [];
      const work = (who: string) => async () => {
        inside += 1;
        most = Math.max(most, inside);
        order.push(`${who} in`);
        // Queries of the work itself go through the same pool while the lock is held.
        await a.incidents.count();
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${who} out`);
        inside -= 1;
        return who;
      };
      const results = await Promise.all([
        a.exclusive('pipeline', work('a1')),
        b.exclusive('pipeline', work('b1')),
        a.exclusive('pipeline', work('a2')),
        b.exclusive('pipeline', work('b2')),
      ]);
      expect(results).toEqual(['a1', 'b1', 'a2', 'b2']);
      expect(most).toBe(1);
      for (let i = 0; i < order.length; i += 2) expect(order[i]?.replace(' in', ' out')).toBe(order[i + 1]);
      let otherName = false;
      await a.exclusive('pipeline', () => b.exclusive('retention', async () => (otherName = true)));
      expect(otherName).toBe(true);
    });

    it('frees the exclusive lock of a process whose connection died, and the others go on', async () => {
      const [a, b] = await stores(2);
      if (a === undefined || b === undefined) throw new Error('two stores expected');
      let release = (): void => undefined;
      const held = a.exclusive('pipeline', () => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      let bRan = false;
      const waiting = b.exclusive('pipeline', async () => {
        bRan = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(bRan).toBe(false);
      // What the server sees when a process is killed: its sessions end.
      await killSessionsHolding(a, 'pipeline');
      await waiting;
      expect(bRan).toBe(true);
      release();
      await held;
      let again = false;
      await a.exclusive('pipeline', async () => (again = true));
      expect(again).toBe(true);
    });
  });
});

/**
 * Ends the server sessions holding the advisory lock `name` of the store's schema, as a killed
 * process's sessions end. The key is found as the store computes it: other schemas' locks, of
 * other tests running at the same time, are left alone.
 */
async function killSessionsHolding(store: PostgresStore, name: string): Promise<void> {
  const schema = /\(schema (\w+)\)/.exec(store.location)?.[1];
  if (schema === undefined) throw new Error(`no schema in ${store.location}`);
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `WITH key AS (SELECT hashtext($1)::bigint AS k)
       SELECT pg_terminate_backend(l.pid) FROM pg_locks l, key
       WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
         AND l.classid::text::bigint = ((key.k >> 32) & 4294967295) AND l.objid::text::bigint = (key.k & 4294967295)`,
      [`sahel-watch:${name}:${schema}`],
    );
    if (rowCount !== 1) throw new Error(`expected one session holding ${name}, found ${rowCount}`);
  } finally {
    await client.end();
  }
}
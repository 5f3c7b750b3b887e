import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createMemoryStore } from '../../src/adapters/store/memory/memory-store.js';
import { openSqliteStore, type SqliteStore } from '../../src/adapters/store/sqlite/store.js';
import {
  MemoryAdvisoryRepository,
  MemoryDigestRepository,
  MemoryMessageRefRepository,
  MemoryOutboxRepository,
  MemorySubscriptionRepository,
} from '../../src/app/delivery/memory.js';
import { MemoryAuditRepository } from '../../src/app/audit.js';
import { MemoryOfficialAdviceRepository } from '../../src/app/official-advice.js';
import { InMemoryFeedHealthRepository, InMemoryFeedRepository, InMemorySeenItemRepository } from '../../src/app/feeds/memory.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import {
  describeAuditContract,
  describeDeliveryStoreContract,
  describeFeedStoreContract,
  describeOfficialAdviceContract,
  describeRetentionContract,
  describeStoreContract,
  type StoreFactory,
} from '../support/store-contract.js';
import { describeOutboxContract } from '../unit/app/delivery/outbox-contract.js';

const clock = () => new ManualClock('2025-07-02T08:00:00.000Z');

const memory = () => ({
  ...createMemoryStore(),
  feeds: new InMemoryFeedRepository(),
  feedHealth: new InMemoryFeedHealthRepository(),
  seenItems: new InMemorySeenItemRepository(),
  subscriptions: new MemorySubscriptionRepository(),
  outbox: new MemoryOutboxRepository(),
  messageRefs: new MemoryMessageRefRepository(),
  advisories: new MemoryAdvisoryRepository(),
  digests: new MemoryDigestRepository(),
  officialAdvice: new MemoryOfficialAdviceRepository(),
  audit: new MemoryAuditRepository(),
});

const sqliteInMemory = () => openSqliteStore({ file: ':memory:', clock: clock() });

const sqliteFile = (): SqliteStore => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-store-'));
  const store = openSqliteStore({ dataDir: dir, clock: clock() });
  return {
    ...store,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const implementations: ReadonlyArray<readonly [string, StoreFactory<ReturnType<typeof memory> | SqliteStore>]> = [
  ['memory', memory],
  ['sqlite :memory:', sqliteInMemory],
  ['sqlite file', sqliteFile],
];

for (const [name, open] of implementations) {
  describeStoreContract(name, open);
  describeFeedStoreContract(name, open);
  describeDeliveryStoreContract(name, open);
  describeOfficialAdviceContract(name, open);
  describeAuditContract(name, open);
  describeRetentionContract(name, open);
}

// The delivery use cases' own outbox suite, against the SQLite outbox (its memory run lives with it).
const opened: SqliteStore[] = [];
afterAll(() => {
  for (const store of opened.splice(0)) store.close();
});
describeOutboxContract('sqlite :memory:', () => {
  const store = sqliteInMemory();
  opened.push(store);
  return store.outbox;
});

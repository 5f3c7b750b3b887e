import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '../../src/adapters/store/memory/memory-store.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/store.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { describeStoreContract } from '../support/store-contract.js';

const clock = () => new ManualClock('2025-07-02T08:00:00.000Z');

describeStoreContract('memory', () => createMemoryStore());

describeStoreContract('sqlite :memory:', () => openSqliteStore({ file: ':memory:', clock: clock() }));

describeStoreContract('sqlite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-store-'));
  const store = openSqliteStore({ dataDir: dir, clock: clock() });
  return {
    ...store,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

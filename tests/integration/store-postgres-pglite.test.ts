import { afterAll } from 'vitest';
import type { PostgresStore } from '../../src/adapters/store/postgres/store.js';
import {
  describeAuditContract,
  describeDeliveryStoreContract,
  describeFeedStoreContract,
  describeOfficialAdviceContract,
  describeRetentionContract,
  describeStoreContract,
} from '../support/store-contract.js';
import { describeOutboxContract } from '../unit/app/delivery/outbox-contract.js';
import { openOnEngine, sharedEngine } from '../unit/adapters/store/postgres/harness.js';

// The PostgreSQL store without a server: one in-process engine for the file, a fresh schema per test.
const engine = sharedEngine();
const open = () => openOnEngine(engine());
const name = 'postgres on PGlite';

describeStoreContract(name, open);
describeFeedStoreContract(name, open);
describeDeliveryStoreContract(name, open);
describeOfficialAdviceContract(name, open);
describeAuditContract(name, open);
describeRetentionContract(name, open);

// The outbox suite keeps no handle to close: each test's store is closed when the next one opens.
let previous: PostgresStore | undefined;
afterAll(async () => {
  await previous?.close();
});
describeOutboxContract(name, async () => {
  await previous?.close();
  previous = await open();
  return previous.outbox;
});

import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../../../src/adapters/store/memory/memory-store.js';
import type { KeywordRule } from '../../../../../src/domain/model.js';
import { describeStoreContract, incidentFixture } from '../../../../support/store-contract.js';

describeStoreContract('memory', () => createMemoryStore());

describe('memory store', () => {
  it('forgets the old keys of an incident saved again', async () => {
    const { incidents } = createMemoryStore();
    await incidents.save(incidentFixture({ id: 'a' }), ['place:x', 'site:y']);
    await incidents.save(incidentFixture({ id: 'a' }), ['site:y']);
    expect(await incidents.findByKeys(['place:x'], 10)).toEqual([]);
    expect((await incidents.findByKeys(['site:y'], 10)).map((i) => i.id)).toEqual(['a']);
  });

  it('ranks by keys shared, then most recently updated, then id', async () => {
    const { incidents } = createMemoryStore();
    await incidents.save(incidentFixture({ id: 'old', updatedAt: '2025-07-01T00:00:00Z' }), ['k1', 'k2']);
    await incidents.save(incidentFixture({ id: 'new', updatedAt: '2025-07-05T00:00:00+02:00' }), ['k1']);
    await incidents.save(incidentFixture({ id: 'b', updatedAt: '2025-07-02T00:00:00Z' }), ['k1']);
    await incidents.save(incidentFixture({ id: 'a', updatedAt: '2025-07-02T00:00:00Z' }), ['k1']);
    expect((await incidents.findByKeys(['k1', 'k2'], 10)).map((i) => i.id)).toEqual(['old', 'new', 'a', 'b']);
    expect((await incidents.findByKeys(['k1', 'k2'], 2)).map((i) => i.id)).toEqual(['old', 'new']);
  });

  it('hands out the same rule list until the rules change, so compiled rules can be reused', async () => {
    const { keywords } = createMemoryStore();
    const rule: KeywordRule = { id: 'r1', kind: 'include', terms: ['mali'], weight: 2 };
    await keywords.seedIfEmpty([rule]);
    const first = await keywords.list();
    expect(await keywords.list()).toBe(first);
    await keywords.put({ ...rule, weight: 3 });
    const second = await keywords.list();
    expect(second).not.toBe(first);
    expect(second).toEqual([{ ...rule, weight: 3 }]);
    expect(Object.isFrozen(second)).toBe(true);
  });
});

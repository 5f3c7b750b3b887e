import { beforeAll, describe, expect, it } from 'vitest';
import { directorySeedSource } from '../../src/adapters/seeds/directory.js';
import { createMemoryStore } from '../../src/adapters/store/memory/memory-store.js';
import type { BaselineReport } from '../../src/app/baseline.js';
import { createEngine } from '../../src/app/engine.js';
import { baselineRows, type BaselineRow } from '../../src/app/format-baseline.js';
import { loadProjectConfig } from '../../src/config/project-config.js';
import { ManualClock } from '../../src/domain/shared/clock.js';

/**
 * The seed baseline loaded long after the seeds were written, as `sahel-watch baseline` does with the
 * system clock: seeds 002 and 004 carry no date of their own, and their "July 1" must still be 2025.
 */
const LOADED_AT = '2026-11-21T12:00:00Z';

function seedName(prefix: string, report: BaselineReport): string {
  const seed = report.seeds.find((s) => s.name.startsWith(prefix));
  if (seed === undefined) throw new Error(`no seed ${prefix}`);
  return seed.name;
}

describe('the seed baseline loaded in November 2026', () => {
  let report: BaselineReport;
  let rows: BaselineRow[];

  beforeAll(async () => {
    const config = loadProjectConfig('config');
    if (!config.ok) throw new Error(config.error.message);
    const { catalogs, keywords } = config.value;
    const engine = createEngine({
      store: createMemoryStore(),
      catalogs,
      clock: new ManualClock(LOADED_AT),
      rules: keywords.rules,
      ...(keywords.threshold === undefined ? {} : { relevance: { threshold: keywords.threshold } }),
    });
    report = await engine.loadBaseline(directorySeedSource('seeds'));
    rows = baselineRows(await engine.incidents.listRecent({ limit: 100 })).filter((r) => !r.context);
  });

  it('loads all five seeds', () => {
    expect(report).toMatchObject({ loaded: 5, skipped: 0 });
  });

  it('files the four July reports as one incident dated 2025-07-01', () => {
    const july = ['000', '001', '002', '004'].map((p) => seedName(p, report));
    const holding = rows.filter((r) => r.sources.some((s) => july.includes(s)));
    expect(holding).toHaveLength(1);
    expect(holding[0]).toMatchObject({ event_type: 'kidnapping', event_date: '2025-07-01', country: 'ml' });
    expect([...(holding[0]?.sources ?? [])].sort()).toEqual(july);
  });

  it('files the November report as another incident dated 2025-11-06', () => {
    const november = seedName('003', report);
    expect(rows.filter((r) => r.sources.includes(november))).toEqual([
      expect.objectContaining({ event_type: 'kidnapping', event_date: '2025-11-06', sources: [november] }),
    ]);
  });

  it('dates no incident after 2025', () => {
    expect(rows.map((r) => r.event_date)).toEqual(['2025-07-01', '2025-11-06']);
  });
});

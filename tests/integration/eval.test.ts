import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDevCorpus } from '../../bench/eval.js';
import { formatEvalReport, type EvalReport } from '../../src/app/evaluate.js';

/** The development corpus through a fresh engine with the seed baseline: the figures `npm run eval` prints. */
describe('evaluation on the development corpus', () => {
  let report: EvalReport;

  beforeAll(async () => {
    report = await evaluateDevCorpus();
  }, 120_000);

  const explain = () => formatEvalReport(report, { verbose: true }).join('\n');

  it('streams every item and gets a prediction for each', () => {
    expect(report.items).toBeGreaterThanOrEqual(130);
    expect(report.errors.filter((e) => e.kind === 'missing'), explain()).toEqual([]);
  });

  it('tells relevant items from the rest (F1 >= 0.95)', () => {
    expect(report.relevance.f1, explain()).toBeGreaterThanOrEqual(0.95);
  });

  it('groups relevant items and seeds into their events (B-cubed F1 >= 0.90)', () => {
    expect(report.clustering.f1, explain()).toBeGreaterThanOrEqual(0.9);
  });

  it('raises at most 1.1 NEW decisions per real event', () => {
    expect(report.novelty.distinctEvents).toBeGreaterThan(0);
    expect(report.novelty.ratio, explain()).toBeLessThanOrEqual(1.1);
  });
});

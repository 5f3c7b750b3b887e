import { describe, expect, it } from 'vitest';
import {
  bcubed, evaluateRun, formatEvalReport, parseCorpus, parseSeedLabels, relevanceScores,
  type LabelledItem, type Prediction,
} from '../../../src/app/evaluate.js';

const members = (gold: string[][], predicted: string[][]) => {
  const goldOf = new Map(gold.flatMap((cluster, i) => cluster.map((id) => [id, `g${i}`] as const)));
  const predictedOf = new Map(predicted.flatMap((cluster, i) => cluster.map((id) => [id, `p${i}`] as const)));
  return [...goldOf.keys()].map((id) => ({ gold: goldOf.get(id)!, predicted: predictedOf.get(id)! }));
};

describe('bcubed', () => {
  it('scores a perfect clustering 1', () => {
    expect(bcubed(members([['a', 'b'], ['c']], [['a', 'b'], ['c']]))).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('matches a hand-computed example with one item in the wrong cluster', () => {
    // gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
    // precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> 11/15
    // recall per item:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> 11/15
    const s = bcubed(members([['a', 'b', 'c'], ['d', 'e']], [['a', 'b'], ['c', 'd', 'e']]));
    expect(s.precision).toBeCloseTo(11 / 15, 10);
    expect(s.recall).toBeCloseTo(11 / 15, 10);
    expect(s.f1).toBeCloseTo(11 / 15, 10);
  });

  it('punishes splitting in recall only', () => {
    const s = bcubed(members([['a', 'b', 'c', 'd']], [['a'], ['b'], ['c'], ['d']]));
    expect(s).toEqual({ precision: 1, recall: 0.25, f1: 0.4 });
  });

  it('punishes merging in precision only', () => {
    const s = bcubed(members([['a', 'b'], ['c', 'd']], [['a', 'b', 'c', 'd']]));
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
  });

  it('is 0 on nothing', () => {
    expect(bcubed([])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('relevanceScores', () => {
  it('counts the confusion matrix and derives the scores', () => {
    const s = relevanceScores([
      { expected: true, predicted: true },
      { expected: true, predicted: true },
      { expected: true, predicted: false },
      { expected: false, predicted: true },
      { expected: false, predicted: false },
    ]);
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(s.precision).toBeCloseTo(2 / 3, 10);
    expect(s.recall).toBeCloseTo(2 / 3, 10);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
  });

  it('gives 0, not NaN, when nothing was predicted relevant', () => {
    expect(relevanceScores([{ expected: true, predicted: false }])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

function item(id: string, event: string | null): LabelledItem {
  return { id, title: id, source: 'Test', text: 'text', label: { relevant: event !== null, event } };
}

function predict(id: string, action: Prediction['action'], incident: string | null): Prediction {
  return { id, relevant: action !== 'ignored', score: action === 'ignored' ? 0 : 4, action, incident_id: incident };
}

describe('evaluateRun', () => {
  const seeds = [
    { name: 's1.txt', event: 'E-base', incidentId: 'inc-base' },
    { name: 's2.txt', event: 'E-base', incidentId: 'inc-base' },
  ];
  const items = [item('a', 'E-base'), item('b', 'E1'), item('c', 'E1'), item('d', 'E2'), item('e', null), item('f', null)];

  it('scores a perfect run', () => {
    const predictions = [
      predict('a', 'update', 'inc-base'), predict('b', 'new', 'inc-1'), predict('c', 'duplicate', 'inc-1'),
      predict('d', 'new', 'inc-2'), predict('e', 'ignored', null), predict('f', 'ignored', null),
    ];
    const report = evaluateRun({ items, predictions, seeds });
    expect(report.relevance).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(report.clustering).toMatchObject({ precision: 1, recall: 1, f1: 1, members: 6 });
    expect(report.novelty).toEqual({ newDecisions: 2, distinctEvents: 2, ratio: 1 });
    expect(report.errors).toEqual([]);
  });

  it('counts seeds as members and reports splits, merges, extra NEWs and relevance errors', () => {
    const predictions = [
      predict('a', 'new', 'inc-x'), // split from the baseline: a NEW for an event that already had an incident
      predict('b', 'new', 'inc-1'),
      predict('c', 'new', 'inc-1b'), // split, and a second NEW for E1
      predict('d', 'update', 'inc-1'), // merged into E1's incident
      predict('e', 'new', 'inc-3'), // false positive
      { id: 'f', relevant: false, action: 'ignored', incident_id: null } satisfies Prediction,
    ];
    const report = evaluateRun({ items, predictions, seeds });
    // members: s1 s2 a (E-base) | b c (E1) | d (E2); predicted: s1 s2 | a | b d | c
    // precision: s1 1, s2 1, a 1, b 1/2, c 1, d 1/2 -> 5/6 ; recall: s1 2/3, s2 2/3, a 1/3, b 1/2, c 1/2, d 1 -> 11/3 / 6
    expect(report.clustering.precision).toBeCloseTo(5 / 6, 10);
    expect(report.clustering.recall).toBeCloseTo(11 / 18, 10);
    expect(report.relevance).toMatchObject({ tp: 4, fp: 1, fn: 0, tn: 1 });
    expect(report.novelty).toEqual({ newDecisions: 4, distinctEvents: 2, ratio: 2 });
    expect(report.errors.map((e) => [e.id, e.kind])).toEqual([
      ['a', 'extra_new'],
      ['c', 'extra_new'],
      ['e', 'false_positive'],
      ['a', 'split'],
      ['c', 'split'],
      ['d', 'merged'],
    ]);
  });

  it('treats a missing or irrelevant prediction of a relevant item as a singleton cluster', () => {
    const report = evaluateRun({ items: [item('b', 'E1'), item('c', 'E1')], predictions: [predict('b', 'new', 'inc-1')], seeds: [] });
    expect(report.errors.map((e) => e.kind)).toEqual(['missing', 'split']);
    expect(report.clustering.recall).toBeCloseTo(0.5, 10);
    expect(report.relevance).toMatchObject({ tp: 1, fn: 1 });
  });

  it('formats the figures and, when verbose, the errors', () => {
    const report = evaluateRun({ items: [item('b', 'E1')], predictions: [predict('b', 'new', 'inc-1')], seeds: [] });
    expect(formatEvalReport(report)).toEqual([
      'items: 1',
      'relevance: precision 1.000 recall 1.000 F1 1.000 (tp 1 fp 0 fn 0 tn 0)',
      'clustering (B-cubed over 1 relevant items and seeds): precision 1.000 recall 1.000 F1 1.000',
      'new decisions: 1 for 1 distinct events outside the baseline (ratio 1.00)',
    ]);
    expect(formatEvalReport(report, { verbose: true }).at(-1)).toBe('errors: 0');
  });
});

describe('parseCorpus', () => {
  const line = JSON.stringify({ id: 'x', title: 'T', source: 'S', text: 'body', label: { relevant: false, event: null, kind: 'negative' } });

  it('reads JSON Lines and skips blank lines', () => {
    const parsed = parseCorpus(`${line}\n\n`);
    expect(parsed.ok && parsed.value.map((i) => i.id)).toEqual(['x']);
  });

  it('reads an undated item written with published null, as classify does', () => {
    const undated = JSON.stringify({ ...JSON.parse(line), id: 'u', published: null });
    const parsed = parseCorpus(`${line}\n${undated}`);
    expect(parsed.ok && parsed.value.map((i) => i.id)).toEqual(['x', 'u']);
  });

  it('names the line of a bad item', () => {
    const bad = JSON.stringify({ id: 'y', title: 'T', source: 'S', text: 'body', label: { relevant: true, event: null } });
    const parsed = parseCorpus(`${line}\n${bad}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/^line 2: label: a relevant item names its event/);
  });

  it('rejects duplicate ids and broken JSON', () => {
    const dup = parseCorpus(`${line}\n${line}`);
    expect(!dup.ok && dup.error.code).toBe('duplicate_item');
    const broken = parseCorpus('{');
    expect(!broken.ok && broken.error.code).toBe('invalid_corpus_line');
  });

  it('validates seed labels', () => {
    expect(parseSeedLabels({ 'a.txt': 'E' }).ok).toBe(true);
    expect(parseSeedLabels({ 'a.txt': 3 }).ok).toBe(false);
  });
});

import { z } from 'zod';
import type { DecisionAction } from '../domain/model.js';
import type { ManualClock } from '../domain/shared/clock.js';
import { err, ok, type Result } from '../domain/shared/result.js';
import { type Classifier, classifyLines } from './classify.js';

/**
 * Scoring a run of the pipeline over a labelled corpus: relevance as a binary classifier, incident
 * matching as a clustering (B-cubed), and how many NEW alerts the run raised per real event.
 * Pure: the corpus text, the predictions and the seeds' incidents are handed in.
 */

export const labelSchema = z
  .object({
    relevant: z.boolean(),
    event: z.string().min(1).nullable(),
    kind: z.enum(['new', 'followup', 'copy', 'background', 'negative']).optional(),
  })
  .strict()
  .refine((label) => label.relevant === (label.event !== null), 'a relevant item names its event, an irrelevant one has event null');

export const labelledItemSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    url: z.string().optional(),
    source: z.string().min(1),
    // As classify reads it: an undated item may say so with null.
    published: z.string().nullable().optional(),
    lang: z.string().optional(),
    text: z.string().min(1),
    label: labelSchema,
  })
  .strict();

export type LabelledItem = z.infer<typeof labelledItemSchema>;

/** Seed file name -> event label. */
export const seedLabelsSchema = z.record(z.string().min(1), z.string().min(1));

export type CorpusErrorCode = 'invalid_corpus_line' | 'duplicate_item' | 'invalid_seed_labels';

/** Parses JSON Lines; the first bad line stops the parse with its line number. */
export function parseCorpus(text: string): Result<LabelledItem[], CorpusErrorCode> {
  const items: LabelledItem[] = [];
  const ids = new Set<string>();
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      return err('invalid_corpus_line', `line ${index + 1}: not JSON (${(cause as Error).message})`);
    }
    const parsed = labelledItemSchema.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; ');
      return err('invalid_corpus_line', `line ${index + 1}: ${why}`);
    }
    if (ids.has(parsed.data.id)) return err('duplicate_item', `line ${index + 1}: item id ${parsed.data.id} appears twice`);
    ids.add(parsed.data.id);
    items.push(parsed.data);
  }
  return ok(items);
}

export function parseSeedLabels(json: unknown): Result<Record<string, string>, CorpusErrorCode> {
  const parsed = seedLabelsSchema.safeParse(json);
  if (!parsed.success) return err('invalid_seed_labels', `seed labels: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return ok(parsed.data);
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const harmonic = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Precision, recall and F1 of the "relevant" class; 0 where a denominator is 0. */
export function relevanceScores(pairs: Iterable<{ readonly expected: boolean; readonly predicted: boolean }>): Scores & Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { expected, predicted } of pairs) {
    if (expected && predicted) tp += 1;
    else if (predicted) fp += 1;
    else if (expected) fn += 1;
    else tn += 1;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, tn, precision, recall, f1: harmonic(precision, recall) };
}

/**
 * B-cubed (Bagga and Baldwin, 1998): for each item, precision is the share of its predicted cluster
 * that shares its gold cluster, recall the share of its gold cluster that shares its predicted
 * cluster; both are averaged over items.
 */
export function bcubed(members: readonly { readonly gold: string; readonly predicted: string }[]): Scores {
  if (members.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const count = (key: (m: { gold: string; predicted: string }) => string): Map<string, number> => {
    const sizes = new Map<string, number>();
    for (const member of members) sizes.set(key(member), (sizes.get(key(member)) ?? 0) + 1);
    return sizes;
  };
  const goldSize = count((m) => m.gold);
  const predictedSize = count((m) => m.predicted);
  const overlap = count((m) => JSON.stringify([m.gold, m.predicted]));
  let precision = 0;
  let recall = 0;
  for (const member of members) {
    const shared = overlap.get(JSON.stringify([member.gold, member.predicted])) ?? 0;
    precision += shared / (predictedSize.get(member.predicted) ?? 1);
    recall += shared / (goldSize.get(member.gold) ?? 1);
  }
  precision /= members.length;
  recall /= members.length;
  return { precision, recall, f1: harmonic(precision, recall) };
}

/** What the pipeline said about one item (the fields of a classify output line that are scored). */
export interface Prediction {
  readonly id: string;
  readonly relevant: boolean;
  readonly score?: number;
  /** 'invalid' when the item could not be processed at all. */
  readonly action: DecisionAction | 'invalid';
  readonly incident_id: string | null;
}

/** A seed as a member of the baseline: its event label and the incident the engine filed it under. */
export interface SeedMember {
  readonly name: string;
  readonly event: string;
  readonly incidentId: string | null;
}

export type ItemErrorKind = 'missing' | 'false_positive' | 'false_negative' | 'split' | 'merged' | 'extra_new';

export interface ItemError {
  readonly id: string;
  readonly kind: ItemErrorKind;
  readonly message: string;
}

export interface EvalReport {
  readonly items: number;
  readonly relevance: Scores & Confusion;
  /** Over gold-relevant items and seeds. */
  readonly clustering: Scores & { readonly members: number };
  readonly novelty: {
    /** All NEW decisions, including those on irrelevant items (each one is an alert). */
    readonly newDecisions: number;
    /** Distinct events among relevant items, not counting the baseline's. */
    readonly distinctEvents: number;
    readonly ratio: number;
  };
  readonly errors: readonly ItemError[];
}

interface Member {
  readonly id: string;
  readonly gold: string;
  readonly predicted: string;
}

/** Most common value; ties go to the first seen, so that reports are stable. */
function mode(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = value;
  return best;
}

function groupBy(members: readonly Member[], key: (m: Member) => string): Map<string, Member[]> {
  const groups = new Map<string, Member[]>();
  for (const member of members) {
    const group = groups.get(key(member));
    if (group) group.push(member);
    else groups.set(key(member), [member]);
  }
  return groups;
}

/**
 * Clustering errors an engineer can act on: an item away from the incident that holds most of its
 * event (split), or an item whose incident mostly holds another event (merged).
 */
function clusteringErrors(members: readonly Member[], seedNames: ReadonlySet<string>): ItemError[] {
  const errors: ItemError[] = [];
  const byEvent = groupBy(members, (m) => m.gold);
  const byIncident = groupBy(members, (m) => m.predicted);
  const eventHome = new Map([...byEvent].map(([event, group]) => [event, mode(group.map((m) => m.predicted))]));
  const incidentMain = new Map([...byIncident].map(([incident, group]) => [incident, mode(group.map((m) => m.gold))]));
  for (const member of members) {
    if (seedNames.has(member.id)) continue;
    const home = eventHome.get(member.gold);
    const main = incidentMain.get(member.predicted);
    if (main !== undefined && main !== member.gold) {
      errors.push({ id: member.id, kind: 'merged', message: `event ${member.gold} filed under ${member.predicted}, which mostly holds ${main}` });
    } else if (home !== undefined && home !== member.predicted) {
      errors.push({ id: member.id, kind: 'split', message: `event ${member.gold} expected in ${home}, got ${member.predicted}` });
    }
  }
  return errors;
}

const NO_INCIDENT = 'none:';

export function evaluateRun(input: {
  readonly items: readonly LabelledItem[];
  readonly predictions: readonly Prediction[];
  readonly seeds: readonly SeedMember[];
}): EvalReport {
  const byId = new Map(input.predictions.map((p) => [p.id, p]));
  const errors: ItemError[] = [];
  const pairs: { expected: boolean; predicted: boolean }[] = [];
  const members: Member[] = input.seeds.map((s) => ({ id: s.name, gold: s.event, predicted: s.incidentId ?? `${NO_INCIDENT}${s.name}` }));
  // Events that already have an incident: the baseline's, and those a NEW decision opened.
  const opened = new Set(input.seeds.map((s) => s.event));
  for (const item of input.items) {
    const prediction = byId.get(item.id);
    if (prediction === undefined) errors.push({ id: item.id, kind: 'missing', message: 'no prediction for this item' });
    const predicted = prediction?.relevant ?? false;
    pairs.push({ expected: item.label.relevant, predicted });
    const score = prediction?.score === undefined ? '' : ` (score ${prediction.score})`;
    if (item.label.relevant && !predicted && prediction !== undefined) {
      errors.push({ id: item.id, kind: 'false_negative', message: `relevant (${item.label.event}) but scored irrelevant${score}` });
    }
    if (!item.label.relevant && predicted) {
      errors.push({ id: item.id, kind: 'false_positive', message: `irrelevant but scored relevant${score}, action ${prediction?.action ?? '?'}` });
    }
    if (prediction?.action === 'new' && item.label.event !== null) {
      if (opened.has(item.label.event)) errors.push({ id: item.id, kind: 'extra_new', message: `NEW for ${item.label.event}, which already had an incident` });
      opened.add(item.label.event);
    }
    if (item.label.event !== null) {
      members.push({ id: item.id, gold: item.label.event, predicted: prediction?.incident_id ?? `${NO_INCIDENT}${item.id}` });
    }
  }
  errors.push(...clusteringErrors(members, new Set(input.seeds.map((s) => s.name))));
  const baseline = new Set(input.seeds.map((s) => s.event));
  const distinctEvents = new Set(input.items.flatMap((i) => (i.label.event !== null && !baseline.has(i.label.event) ? [i.label.event] : []))).size;
  const newDecisions = input.predictions.filter((p) => p.action === 'new').length;
  return {
    items: input.items.length,
    relevance: relevanceScores(pairs),
    clustering: { ...bcubed(members), members: members.length },
    novelty: { newDecisions, distinctEvents, ratio: ratio(newDecisions, distinctEvents) },
    errors,
  };
}

/** The item as a feed would carry it: everything but the label. */
function unlabelled(item: LabelledItem): string {
  const { label: _label, ...rest } = item;
  return JSON.stringify(rest);
}

async function* linesOf(items: readonly LabelledItem[], replay: ManualClock | undefined): AsyncIterable<string> {
  for (const item of items) {
    if (replay !== undefined && item.published !== undefined && item.published !== null && !Number.isNaN(Date.parse(item.published))) replay.set(item.published);
    yield unlabelled(item);
  }
}

/**
 * Streams the items, in order and without their labels, through an engine that already holds the
 * baseline, then scores what it said. `baseline` gives the incident each seed was filed under.
 * With `replay` (the engine's clock), the clock is set to each item's publication time before the
 * engine reads it, so that the run sees the stream as a live bot would have.
 */
export async function runEvaluation(input: {
  readonly engine: Classifier;
  readonly items: readonly LabelledItem[];
  readonly seedLabels: Readonly<Record<string, string>>;
  readonly baseline: readonly { readonly name: string; readonly incidentId?: string | null }[];
  readonly replay?: ManualClock;
}): Promise<EvalReport> {
  const predictions: Prediction[] = [];
  for await (const output of classifyLines(linesOf(input.items, input.replay), input.engine)) {
    const { id, relevant, score, action, incident_id } = output;
    if (id !== null) predictions.push({ id, relevant, score, action, incident_id });
  }
  const filed = new Map(input.baseline.map((s) => [s.name, s.incidentId ?? null]));
  const seeds = Object.entries(input.seedLabels).map(([name, event]) => ({ name, event, incidentId: filed.get(name) ?? null }));
  return evaluateRun({ items: input.items, predictions, seeds });
}

const fixed = (value: number): string => value.toFixed(3);

/** The report as printed by `npm run eval`; error lines only when asked for. */
export function formatEvalReport(report: EvalReport, options: { readonly verbose?: boolean } = {}): string[] {
  const { relevance: r, clustering: c, novelty: n } = report;
  const lines = [
    `items: ${report.items}`,
    `relevance: precision ${fixed(r.precision)} recall ${fixed(r.recall)} F1 ${fixed(r.f1)} (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`,
    `clustering (B-cubed over ${c.members} relevant items and seeds): precision ${fixed(c.precision)} recall ${fixed(c.recall)} F1 ${fixed(c.f1)}`,
    `new decisions: ${n.newDecisions} for ${n.distinctEvents} distinct events outside the baseline (ratio ${n.ratio.toFixed(2)})`,
  ];
  if (options.verbose === true) {
    lines.push(`errors: ${report.errors.length}`);
    for (const error of report.errors) lines.push(`  ${error.kind.padEnd(14)} ${error.id}: ${error.message}`);
  }
  return lines;
}

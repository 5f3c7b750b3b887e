import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { DecisionAction, RawInput, Reason } from '../domain/model.js';
import type { Clock } from '../domain/shared/clock.js';
import type { Result } from '../domain/shared/result.js';
import { isoPublished } from '../domain/text/document.js';
import type { ProcessOutcome } from './process-document.js';

/** What `classify` needs of the engine. */
export interface Classifier {
  readonly clock: Clock;
  process(raw: RawInput): Promise<Result<ProcessOutcome>>;
}

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v.trim() === '' ? undefined : v));

/** One input line. Unknown fields are dropped; `published` is an ISO date or date-time, or null. */
export const classifyItemSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number().finite()]).transform(String),
  title: optionalText,
  url: optionalText,
  source: optionalText,
  published: isoPublished
    .nullish()
    .transform((v) => v ?? undefined),
  lang: optionalText,
  text: z.string(),
});

export type ClassifyItem = z.infer<typeof classifyItemSchema>;

export type ClassifyAction = DecisionAction | 'invalid';

/** One output line; `reasons` are `{ code, message, weight? }` objects with stable codes. */
export interface ClassifyOutput {
  readonly id: string | null;
  readonly relevant: boolean;
  /** The relevance score. */
  readonly score: number;
  readonly action: ClassifyAction;
  readonly incident_id: string | null;
  /** How well the story matched the incident it joined or the closest candidate. */
  readonly match_score: number;
  readonly reasons: readonly Reason[];
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * Items go through one at a time in input order, so that each one sees the incidents earlier ones
 * opened. An item without a publication date is taken as read when the stream had got to, the latest
 * publication time so far, rather than today: "on Sunday" in an old story means a Sunday of its time.
 * The stream is in publication order, so an undated item came out between the dated items around it:
 * undated lines wait (up to LOOKAHEAD of them) for the next dated line, whose date bounds theirs.
 */
export async function* classifyLines(lines: AsyncIterable<string>, engine: Classifier): AsyncIterable<ClassifyOutput> {
  const stream = new StreamTime(engine.clock);
  const waiting: Line[] = [];
  let number = 0;
  for await (const text of lines) {
    number++;
    const line = readLine(text, number);
    const published = datedLine(line);
    if (published === undefined && waiting.length < LOOKAHEAD) {
      waiting.push(line);
      continue;
    }
    for (const undated of waiting.splice(0)) yield await classifyLine(undated, engine, stream, published);
    yield await classifyLine(line, engine, stream, undefined);
  }
  for (const undated of waiting) yield await classifyLine(undated, engine, stream, undefined);
}

/** Undated lines held back at most, waiting for a dated one: beyond, they go through with what is known. */
const LOOKAHEAD = 1000;

/** One input line: a valid item, or the output that says why it is not one. */
type Line = { readonly item: ClassifyItem } | { readonly problem: ClassifyOutput };

function readLine(text: string, number: number): Line {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: invalid(null, 'invalid_json', `line ${number} is not JSON`) };
  }
  const parsed = classifyItemSchema.safeParse(json);
  if (parsed.success) return { item: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; ');
  return { problem: invalid(idOf(json), 'invalid_item', `line ${number}: ${issues}`) };
}

/** The publication time of a valid, dated line. */
function datedLine(line: Line): string | undefined {
  const published = 'item' in line ? line.item.published : undefined;
  return published !== undefined && Number.isFinite(Date.parse(published)) ? published : undefined;
}

/** When an item was seen, and for an undated one the times between which it came out. */
type Timing = Pick<RawInput, 'seenAt' | 'publishedAfter' | 'publishedBefore'>;

/** The latest publication time of the items so far, never after the clock. */
class StreamTime {
  private latest: number | undefined;

  constructor(private readonly clock: Clock) {}

  /** `next` is the publication time of the next dated item, for an undated one. */
  timing(published: string | undefined, next: string | undefined): Timing {
    const now = this.clock.now().getTime();
    if (published !== undefined) {
      const at = Date.parse(published);
      if (Number.isFinite(at) && at <= now && (this.latest === undefined || at > this.latest)) this.latest = at;
      return { seenAt: new Date(now).toISOString() };
    }
    const before = next === undefined ? undefined : Date.parse(next);
    const bounded = before !== undefined && before <= now && (this.latest === undefined || before >= this.latest);
    const after = this.latest === undefined ? {} : { publishedAfter: new Date(this.latest).toISOString() };
    // Before any dated item, an undated one that a dated item follows is read as of that item's time, not of today.
    const seenAt = new Date(this.latest ?? (bounded ? before : now)).toISOString();
    return bounded ? { seenAt, ...after, publishedBefore: new Date(before).toISOString() } : { seenAt, ...after };
  }
}

async function classifyLine(line: Line, engine: Classifier, stream: StreamTime, next: string | undefined): Promise<ClassifyOutput> {
  if ('problem' in line) return line.problem;
  const { item } = line;
  const processed = await engine.process(toRawInput(item, stream.timing(item.published, next)));
  if (!processed.ok) {
    const { code, message } = processed.error;
    // Readable input in a language the extractors do not know is out of scope, not broken.
    return code === 'unknown_language' ? unreadable(item.id, code, message) : invalid(item.id, code, message);
  }
  const { decision } = processed.value;
  return {
    id: item.id,
    relevant: decision.relevance.relevant,
    score: decision.relevance.score,
    action: decision.action,
    incident_id: decision.incidentId,
    match_score: decision.score,
    reasons: decision.reasons,
  };
}

export function toRawInput(item: ClassifyItem, timing: Timing): RawInput {
  return {
    id: item.id,
    kind: 'news',
    source: item.source ?? hostOf(item.url) ?? 'unknown',
    body: item.text,
    ...timing,
    ...(item.title !== undefined ? { title: item.title } : {}),
    ...(item.url !== undefined ? { url: item.url } : {}),
    ...(item.published !== undefined ? { published: item.published } : {}),
    ...(item.lang !== undefined ? { lang: item.lang } : {}),
  };
}

export interface ClassifySummary {
  readonly items: number;
  readonly actions: Readonly<Record<ClassifyAction, number>>;
}

/** Reads JSON Lines from `input`, writes one JSON line per input line to `output`, and counts the actions. */
export async function runClassify(io: { input: Readable; output: Writable }, deps: { engine: Classifier }): Promise<ClassifySummary> {
  const actions: Record<ClassifyAction, number> = { new: 0, update: 0, duplicate: 0, ignored: 0, invalid: 0 };
  let items = 0;
  const lines = createInterface({ input: io.input, crlfDelay: Infinity });
  for await (const result of classifyLines(lines, deps.engine)) {
    items++;
    actions[result.action]++;
    await write(io.output, `${JSON.stringify(result)}\n`);
  }
  return { items, actions };
}

function invalid(id: string | null, code: string, message: string): ClassifyOutput {
  return {
    id,
    relevant: false,
    score: 0,
    action: 'invalid',
    incident_id: null,
    match_score: 0,
    reasons: [{ code, message }],
    error: { code, message },
  };
}

function unreadable(id: string, code: string, message: string): ClassifyOutput {
  return { id, relevant: false, score: 0, action: 'ignored', incident_id: null, match_score: 0, reasons: [{ code, message }] };
}

function idOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = (json as { id: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the stream to drain when it asks to, so that a slow consumer does not pile up memory. */
async function write(output: Writable, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

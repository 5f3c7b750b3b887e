import type { Document, Facts, KeywordRule, Relevance, RuleHit, Sentence } from '../model.js';
import { documentTokens, letterDigitRuns } from '../extract/tokens.js';
import { fold } from '../text/normalize.js';
import { compileRules, type CompiledRules, type TermTag } from './compile.js';
import { factSignals, type FactScope } from './fact-signals.js';
import { foldedWords, type Phrase } from './phrases.js';
import { GROUP, type Signal } from './signals.js';

export const DEFAULT_RELEVANCE_THRESHOLD = 3;

/**
 * Share of a weight that counts when the signal sits only in the body: the title and lead say what an
 * article is about, the body also recalls, compares and digresses.
 */
export const BODY_FACTOR = 0.6;
/**
 * Share of a weight that counts in the body of an article whose title and lead are off-topic and
 * say nothing of violence or armed groups: a mining settlement that closes on the blockade of the
 * capital is still business news.
 */
export const OFF_TOPIC_BODY_FACTOR = 0.3;

export interface RelevanceOptions {
  readonly threshold?: number;
  /** Which fact places and actors count as Sahel evidence; defaults to Mali, Burkina Faso, Niger and their armed groups. */
  readonly facts?: FactScope;
}

/** Where a rule's term was first seen (in the lead, if it was seen there): its words are joined only for a rule that fires. */
interface Seen {
  readonly sentences: Set<number>;
  lead: boolean;
  words: readonly string[];
  at: number;
  length: number;
}

interface RuleTrace {
  /** Position of the rule in CompiledRules.rules. */
  readonly rule: number;
  term?: Seen;
  requires: boolean;
  unless: boolean;
}

type SentencePlace = Pick<Sentence, 'index' | 'lead'>;

/**
 * What tracing has gathered while the sentences are read, handed to every match: one trace per rule
 * seen, found by the rule's position and listed in the order the rules were first seen.
 */
interface Tracing {
  readonly compiled: CompiledRules;
  readonly byRule: (RuleTrace | undefined)[];
  readonly traces: RuleTrace[];
  sentence: SentencePlace;
  words: readonly string[];
}

/** The traces of the rules whose phrases the document holds, in the order first seen. */
function traceRules(doc: Document, compiled: CompiledRules): readonly RuleTrace[] {
  const tracing: Tracing = { compiled, byRule: new Array<RuleTrace | undefined>(compiled.rules.length), traces: [], sentence: WHOLE_TEXT, words: [] };
  // The words of each sentence are those of the tokens the extractors read, cut again only where the tokens cannot give them.
  if (doc.sentences.length === 0) readSentence(tracing, WHOLE_TEXT, foldedWords(fold(`${doc.title}\n${doc.text}`)));
  else for (const tokens of documentTokens(doc)) readSentence(tracing, tokens.sentence, letterDigitRuns(tokens) ?? foldedWords(tokens.sentence.folded));
  return tracing.traces;
}

/** A document without sentences is read as one sentence of the lead. */
const WHOLE_TEXT: SentencePlace = { index: 0, lead: true };

function readSentence(tracing: Tracing, sentence: SentencePlace, words: readonly string[]): void {
  tracing.sentence = sentence;
  tracing.words = words;
  tracing.compiled.index.visit(words, tracing, tracePhrase);
}

function tracePhrase(tracing: Tracing, phrase: Phrase<TermTag>, at: number): void {
  const { rule, role } = phrase.tag;
  const { sentence } = tracing;
  let trace = tracing.byRule[rule];
  if (trace === undefined) {
    trace = { rule, requires: false, unless: false };
    tracing.byRule[rule] = trace;
    tracing.traces.push(trace);
  }
  if (role === 'requires') trace.requires = true;
  else if (role === 'unless') trace.unless ||= cancels(tracing.compiled, rule, sentence.lead);
  else {
    if (trace.term === undefined) trace.term = { sentences: new Set(), lead: sentence.lead, words: tracing.words, at, length: phrase.words.length };
    else if (sentence.lead && !trace.term.lead) {
      trace.term.lead = true;
      trace.term.words = tracing.words;
      trace.term.at = at;
      trace.term.length = phrase.words.length;
    }
    trace.term.sentences.add(sentence.index);
  }
}

/**
 * An `unless` word cancels an include rule wherever it stands ("Niger State" anywhere means Nigeria),
 * but an exclude rule only from the title or lead: a festival or flood story that mentions jihadists
 * once in its body is still about the festival or the flood.
 */
function cancels(compiled: CompiledRules, position: number, lead: boolean): boolean {
  return lead || compiled.rules[position]?.rule.kind !== 'exclude';
}

/** The words a phrase matched, as they read in the folded text. */
function surface(seen: Seen): string {
  return seen.words.slice(seen.at, seen.at + seen.length).join(' ');
}

function appliesTo(rule: KeywordRule, doc: Document): boolean {
  return rule.lang === undefined || rule.lang === 'und' || doc.lang === 'und' || rule.lang === doc.lang;
}

/** Rules whose terms were found, whose `requires` (if any) was met and whose `unless` was not. */
function ruleSignals(doc: Document, compiled: CompiledRules): Signal[] {
  const out: Signal[] = [];
  for (const trace of traceRules(doc, compiled)) {
    const entry = compiled.rules[trace.rule];
    if (entry === undefined || trace.term === undefined || trace.unless) continue;
    const { rule } = entry;
    if (rule.requires !== undefined && !trace.requires) continue;
    if (!appliesTo(rule, doc)) continue;
    out.push({
      rule: rule.id, kind: rule.kind, group: entry.group, weight: rule.weight,
      matched: surface(trace.term), sentences: trace.term.sentences, lead: trace.term.lead,
    });
  }
  return out;
}

function strongestPerGroup(scored: readonly (readonly [Signal, number])[]): (readonly [Signal, number])[] {
  const best = new Map<string, readonly [Signal, number]>();
  for (const entry of scored) {
    const current = best.get(entry[0].group);
    if (current === undefined || entry[1] > current[1]) best.set(entry[0].group, entry);
  }
  return [...best.values()];
}

function hit(signal: Signal, contribution: number): RuleHit {
  const signed = signal.kind === 'exclude' ? -contribution : contribution;
  return { rule: signal.rule, kind: signal.kind, weight: Math.round(signed * 100) / 100, matched: signal.matched };
}

const position = (s: Signal): number => (s.lead ? 1 : BODY_FACTOR);

/** Whether the title and lead are off-topic: an exclude rule fired there, and nothing but a place speaks for relevance there. */
function offTopicLead(signals: readonly Signal[]): boolean {
  let excluded = false;
  for (const s of signals) {
    if (!s.lead) continue;
    if (s.kind === 'exclude') excluded = true;
    else if (s.kind === 'context' || s.group !== GROUP.place) return false;
  }
  return excluded;
}

/** A context signal in the lead beside a lead include signal, or in a sentence with one. */
function near(s: Signal, includeLead: boolean, includeSentences: ReadonlySet<number>): boolean {
  if (s.lead && includeLead) return true;
  for (const n of s.sentences) if (includeSentences.has(n)) return true;
  return false;
}

/**
 * include and exclude signals count in full in the title or lead and at BODY_FACTOR elsewhere.
 * context signals (security vocabulary) only count once an include signal (a Sahel place, an armed
 * group, travel advice) has fired, in full when they share a sentence with it or both are in the
 * lead: "kidnapped" means something here only near "Kayes", not three paragraphs away from it.
 * Within a group only the strongest signal counts.
 */
function combine(signals: readonly Signal[]): RuleHit[] {
  const includes = signals.filter((s) => s.kind === 'include');
  const excludes = signals.filter((s) => s.kind === 'exclude');
  // What only the body of an off-topic article says for relevance counts for less (see OFF_TOPIC_BODY_FACTOR).
  const offTopic = offTopicLead(signals);
  const hits: RuleHit[] = [];
  const counted = strongestPerGroup(includes.map((s) => [s, s.weight * (offTopic && !s.lead ? OFF_TOPIC_BODY_FACTOR : position(s))] as const));
  hits.push(...counted.map(([s, c]) => hit(s, c)));
  if (counted.length > 0) {
    const includeSentences = new Set<number>();
    for (const s of includes) for (const n of s.sentences) includeSentences.add(n);
    const includeLead = includes.some((s) => s.lead);
    const contexts = signals
      .filter((s) => s.kind === 'context')
      .map((s) => [s, s.weight * (offTopic ? OFF_TOPIC_BODY_FACTOR : near(s, includeLead, includeSentences) ? 1 : BODY_FACTOR)] as const);
    hits.push(...strongestPerGroup(contexts).map(([s, c]) => hit(s, c)));
  }
  hits.push(...strongestPerGroup(excludes.map((s) => [s, s.weight * position(s)] as const)).map(([s, c]) => hit(s, c)));
  return hits;
}

/**
 * How much an item is about security in Mali and the central Sahel, with the rules and facts that
 * said so. The score is the sum of the hits' weights (exclude hits are negative).
 */
export function scoreRelevance(doc: Document, facts: Facts | undefined, rules: readonly KeywordRule[], options: RelevanceOptions = {}): Relevance {
  const threshold = options.threshold ?? DEFAULT_RELEVANCE_THRESHOLD;
  const signals = [...ruleSignals(doc, compileRules(rules)), ...factSignals(doc, facts, options.facts)];
  const hits = combine(signals);
  const score = Math.round(hits.reduce((sum, h) => sum + h.weight, 0) * 100) / 100;
  return { relevant: score >= threshold, score, threshold, hits };
}

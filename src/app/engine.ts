import type { Catalogs } from '../domain/extract/facts.js';
import { extractFacts } from '../domain/extract/facts.js';
import { DEFAULT_MATCH_POLICY, type MatchPolicy } from '../domain/incidents/decide.js';
import type { IncidentPolicy } from '../domain/incidents/merge.js';
import type { KeywordRule, RawInput } from '../domain/model.js';
import { scoreRelevance, type RelevanceOptions } from '../domain/relevance/score.js';
import type { Clock } from '../domain/shared/clock.js';
import type { Result } from '../domain/shared/result.js';
import { buildDocument } from '../domain/text/document.js';
import { type BaselineReport, loadBaseline, type SeedSource } from './baseline.js';
import type { Classifier } from './classify.js';
import type { DecisionRepository, IncidentRepository, KeywordRepository, SeedRepository } from './ports.js';
import { type DocumentStages, processDocument, type ProcessOptions, type ProcessOutcome } from './process-document.js';

export interface Stores {
  readonly incidents: IncidentRepository;
  readonly decisions: DecisionRepository;
  readonly seeds: SeedRepository;
  readonly keywords: KeywordRepository;
}

export interface EngineDeps {
  readonly store: Stores;
  readonly catalogs: Catalogs;
  readonly clock: Clock;
  /** Rules from config, written to the store only when it holds none (admins tune them there). */
  readonly rules?: readonly KeywordRule[];
  readonly relevance?: RelevanceOptions;
  readonly match?: Partial<MatchPolicy>;
  readonly policy?: Partial<IncidentPolicy>;
  /** Characters of a body that are read (see buildDocument). */
  readonly maxChars?: number;
}

export interface Engine extends Classifier {
  readonly incidents: IncidentRepository;
  process(raw: RawInput, options?: ProcessOptions): Promise<Result<ProcessOutcome>>;
  loadBaseline(source: SeedSource): Promise<BaselineReport>;
}

/** The audience this bot was first built for: Indian nationals working in Mali. */
export const DEFAULT_NATIONALITIES_OF_INTEREST: readonly string[] = ['Indian'];

/** The decision pipeline with its repositories, catalogs, rules and clock: one per store. */
export function createEngine(deps: EngineDeps): Engine {
  const { store, clock } = deps;
  const stages: DocumentStages = {
    document: (raw) => buildDocument(raw, deps.maxChars === undefined ? undefined : { maxChars: deps.maxChars }),
    facts: (doc) => extractFacts(doc, deps.catalogs),
    relevance: (doc, facts, rules) => scoreRelevance(doc, facts, rules, deps.relevance ?? {}),
  };
  const processDeps = {
    incidents: store.incidents,
    decisions: store.decisions,
    rules: ruleBook(store.keywords, deps.rules),
    stages,
    clock,
    match: { ...DEFAULT_MATCH_POLICY, ...deps.match },
    policy: { nationalitiesOfInterest: deps.policy?.nationalitiesOfInterest ?? DEFAULT_NATIONALITIES_OF_INTEREST },
  };
  const process = (raw: RawInput, options?: ProcessOptions) => processDocument(raw, processDeps, options);
  return {
    clock,
    incidents: store.incidents,
    process,
    loadBaseline: (source) => loadBaseline(source, { seeds: store.seeds, clock, process }),
  };
}

/**
 * The rules in force, read from the store for every story so that an admin's change applies at once.
 * An unchanged list is handed back as the same array, so that the scorer's compiled form is reused.
 */
function ruleBook(keywords: KeywordRepository, initial: readonly KeywordRule[] | undefined): () => Promise<readonly KeywordRule[]> {
  let seeded: Promise<unknown> | undefined;
  let last: { readonly list: readonly KeywordRule[]; readonly signature: string } | undefined;
  return async () => {
    if (initial !== undefined) seeded ??= keywords.seedIfEmpty(initial);
    await seeded;
    const list = await keywords.list();
    if (last !== undefined && last.list === list) return last.list;
    const signature = JSON.stringify(list);
    if (last !== undefined && last.signature === signature) return last.list;
    last = { list, signature };
    return list;
  };
}

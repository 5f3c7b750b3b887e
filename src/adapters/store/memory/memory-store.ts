import { MemoryDecisionRepository } from './decision-repository.js';
import { MemoryIncidentRepository } from './incident-repository.js';
import { MemoryKeywordRepository } from './keyword-repository.js';
import { MemorySeedRepository } from './seed-repository.js';

export interface MemoryStore {
  readonly incidents: MemoryIncidentRepository;
  readonly seeds: MemorySeedRepository;
  readonly decisions: MemoryDecisionRepository;
  readonly keywords: MemoryKeywordRepository;
}

/** A fresh, empty store that lives as long as the process: for tests, `classify` and benchmarks. */
export function createMemoryStore(): MemoryStore {
  return {
    incidents: new MemoryIncidentRepository(),
    seeds: new MemorySeedRepository(),
    decisions: new MemoryDecisionRepository(),
    keywords: new MemoryKeywordRepository(),
  };
}

import type { Decision, Incident, KeywordRule } from '../domain/model.js';

/**
 * Repository interfaces: the app layer talks to these, never to a database driver.
 * Implementations: adapters/store/memory (tests, classify) and adapters/store/sqlite (default).
 * All methods are synchronous-looking promises so that a PostgreSQL store can implement them too.
 */

export interface IncidentRepository {
  get(id: string): Promise<Incident | undefined>;
  /** Inserts or replaces the incident and re-indexes it under the given candidate keys. */
  save(incident: Incident, keys: readonly string[]): Promise<void>;
  /** Incidents indexed under any of the keys, most keys shared first; at most `limit`. */
  findByKeys(keys: readonly string[], limit: number): Promise<Incident[]>;
  /** Incidents updated at or after `since` (ISO), newest first. */
  listRecent(options: { since?: string; country?: string; limit: number }): Promise<Incident[]>;
  count(): Promise<number>;
}

export interface SeedRecord {
  readonly name: string;
  readonly sha256: string;
  readonly loadedAt: string;
}

export interface SeedRepository {
  get(name: string): Promise<SeedRecord | undefined>;
  put(record: SeedRecord): Promise<void>;
  list(): Promise<SeedRecord[]>;
}

export interface DecisionRecord {
  readonly decision: Decision;
  readonly at: string;
  readonly title: string;
  readonly url?: string;
}

export interface DecisionRepository {
  append(record: DecisionRecord): Promise<void>;
  /** The latest decision about a document (by document id or URL). */
  findByDocument(idOrUrl: string): Promise<DecisionRecord | undefined>;
  pruneBefore(at: string): Promise<number>;
}

export interface KeywordRepository {
  list(): Promise<KeywordRule[]>;
  put(rule: KeywordRule): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Seeds the rules from config only when the store has none yet. */
  seedIfEmpty(rules: readonly KeywordRule[]): Promise<number>;
}

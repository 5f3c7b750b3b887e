import type { KeywordRepository } from '../../../app/ports.js';
import type { KeywordRule } from '../../../domain/model.js';

/**
 * Rules in the order they were first added; replacing a rule keeps its place. The list is handed out
 * as one frozen snapshot until the rules change, so callers can tell "unchanged" by identity.
 */
export class MemoryKeywordRepository implements KeywordRepository {
  private readonly rules = new Map<string, KeywordRule>();
  private snapshot: readonly KeywordRule[] | undefined;

  async list(): Promise<KeywordRule[]> {
    this.snapshot ??= Object.freeze([...this.rules.values()]);
    // The port promises a mutable array; the frozen snapshot refuses mutation loudly instead of sharing it.
    return this.snapshot as KeywordRule[];
  }

  async put(rule: KeywordRule): Promise<void> {
    this.rules.set(rule.id, rule);
    this.snapshot = undefined;
  }

  async remove(id: string): Promise<boolean> {
    const removed = this.rules.delete(id);
    if (removed) this.snapshot = undefined;
    return removed;
  }

  async seedIfEmpty(rules: readonly KeywordRule[]): Promise<number> {
    if (this.rules.size > 0) return 0;
    for (const rule of rules) this.rules.set(rule.id, rule);
    this.snapshot = undefined;
    return this.rules.size;
  }
}

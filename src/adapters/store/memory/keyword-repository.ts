import type { KeywordRepository } from '../../../app/ports.js';
import type { KeywordRule } from '../../../domain/model.js';

/** Rules in the order they were first added; replacing a rule keeps its place. */
export class MemoryKeywordRepository implements KeywordRepository {
  private readonly rules = new Map<string, KeywordRule>();

  async list(): Promise<KeywordRule[]> {
    return [...this.rules.values()];
  }

  async put(rule: KeywordRule): Promise<void> {
    this.rules.set(rule.id, rule);
  }

  async remove(id: string): Promise<boolean> {
    return this.rules.delete(id);
  }

  async seedIfEmpty(rules: readonly KeywordRule[]): Promise<number> {
    if (this.rules.size > 0) return 0;
    for (const rule of rules) this.rules.set(rule.id, rule);
    return this.rules.size;
  }
}

import type { KeywordRule } from '../model.js';
import { PhraseIndex } from './phrases.js';

export type TermRole = 'term' | 'requires' | 'unless';

export interface TermTag {
  /** Position of the rule in CompiledRules.rules. */
  readonly rule: number;
  readonly role: TermRole;
}

export interface CompiledRule {
  readonly rule: KeywordRule;
  /** The rule's group, or its own id when it has none. */
  readonly group: string;
}

export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** All terms of all rules (their own, requires and unless) in one index: one scan per sentence. */
  readonly index: PhraseIndex<TermTag>;
}

// Rules change only when an admin edits them, so the compiled form lives as long as the array does.
const cache = new WeakMap<readonly KeywordRule[], CompiledRules>();

export function compileRules(rules: readonly KeywordRule[]): CompiledRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const index = new PhraseIndex<TermTag>();
  const compiled = rules.map((rule, position): CompiledRule => {
    for (const term of rule.terms) index.add(term, { rule: position, role: 'term' });
    for (const term of rule.requires ?? []) index.add(term, { rule: position, role: 'requires' });
    for (const term of rule.unless ?? []) index.add(term, { rule: position, role: 'unless' });
    return { rule, group: rule.group ?? rule.id };
  });
  const result = { rules: compiled, index };
  cache.set(rules, result);
  return result;
}

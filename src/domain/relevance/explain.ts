import type { Relevance, RuleHit } from '../model.js';

function formatHit(hit: RuleHit): string {
  const sign = hit.weight < 0 ? '-' : '+';
  return `${hit.rule} "${hit.matched}" ${sign}${Math.abs(hit.weight)}`;
}

/** One line a person can read: "relevant (4.5 >= 3): place.mali "kayes" +2, security "kidnapped" +1.5". */
export function explainRelevance(relevance: Relevance): string {
  const verdict = relevance.relevant ? 'relevant' : 'not relevant';
  const comparison = relevance.relevant ? '>=' : '<';
  const head = `${verdict} (${relevance.score} ${comparison} ${relevance.threshold})`;
  if (relevance.hits.length === 0) return `${head}: no rule fired`;
  return `${head}: ${relevance.hits.map(formatHit).join(', ')}`;
}

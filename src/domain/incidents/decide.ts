import type { EventType, Incident, Reason, Relevance } from '../model.js';
import { type Assessment, assess } from './assess.js';
import { type Story, novelty } from './merge.js';

export interface MatchPolicy {
  /** Slot score from which a story joins an incident (see WEIGHTS in assess.ts). */
  readonly joinThreshold: number;
  /** Candidates taken from the index per story. */
  readonly maxCandidates: number;
}

export const DEFAULT_MATCH_POLICY: MatchPolicy = { joinThreshold: 0.38, maxCandidates: 20 };

/** Rejected candidates worth explaining in the reasons. */
const EXPLAINED = 3;

export type Verdict =
  | { readonly action: 'ignored'; readonly score: number; readonly reasons: readonly Reason[] }
  | {
      readonly action: 'new';
      readonly score: number;
      readonly type: EventType;
      readonly country: string;
      readonly reasons: readonly Reason[];
    }
  | {
      readonly action: 'update' | 'duplicate';
      readonly incident: Incident;
      readonly score: number;
      readonly changes: readonly string[];
      readonly reasons: readonly Reason[];
    };

/**
 * Single-pass clustering: the story joins the best candidate whose slots agree enough and that no
 * hard disagreement vetoes; otherwise it opens an incident of its own. A join is an update when the
 * story adds a state change or a value no source asserted yet, and a duplicate otherwise.
 */
export function decide(story: Story, relevance: Relevance, candidates: readonly Incident[], policy: MatchPolicy): Verdict {
  if (!relevance.relevant) return ignore(relevance);
  const relevanceReason = describeRelevance(relevance);
  const notes: Reason[] = story.probe.notes.map((message) => ({ code: 'date:ignored', message }));
  // Ranked without messages: only the best candidate and the strongest rivals are explained.
  const assessed = candidates.map((incident) => assess(story.probe, incident, false)).sort((a, b) => b.score - a.score);
  const best = assessed.find((a) => a.vetoes.length === 0 && a.score >= policy.joinThreshold);
  if (best !== undefined) {
    const changes = novelty(best.incident, story);
    const verdict = changes.length > 0 ? 'update' : 'duplicate';
    const summary: Reason = {
      code: verdict,
      weight: best.score,
      message:
        verdict === 'update'
          ? `joins ${best.incident.id} (score ${best.score} >= ${policy.joinThreshold}) with new facts: ${changes.join('; ')}`
          : `joins ${best.incident.id} (score ${best.score} >= ${policy.joinThreshold}); nothing new`,
    };
    const rivals = explainRejected(story, assessed.filter((a) => a !== best), policy);
    return {
      action: verdict,
      incident: best.incident,
      score: best.score,
      changes,
      reasons: [relevanceReason, ...notes, summary, ...assess(story.probe, best.incident).matches, ...rivals],
    };
  }
  const { type, country } = story.probe;
  const rejected = explainRejected(story, assessed, policy);
  const closest = assessed[0]?.score ?? 0;
  if (type === undefined) {
    return { action: 'ignored', score: closest, reasons: [relevanceReason, ...notes, { code: 'no-event', message: 'relevant, but names no event of its own and matches no known incident' }, ...rejected] };
  }
  if (country === undefined) {
    return { action: 'ignored', score: closest, reasons: [relevanceReason, ...notes, { code: 'no-place', message: `a ${type} with no country named, matching no known incident` }, ...rejected] };
  }
  const opening: Reason =
    assessed.length === 0
      ? { code: 'new', message: 'no known incident shares a place, date, site, actor, victims or wording with it' }
      : { code: 'new', message: `no candidate fits: ${assessed.length} compared, the closest scored ${closest}` };
  return { action: 'new', score: closest, type, country, reasons: [relevanceReason, ...notes, opening, ...rejected] };
}

/** The verdict on an item that is not relevant: it needs no story, so callers may skip building one. */
export function ignore(relevance: Relevance): Verdict {
  return { action: 'ignored', score: 0, reasons: [describeRelevance(relevance)] };
}

function describeRelevance(relevance: Relevance): Reason {
  const rules = relevance.hits.slice(0, 6).map((h) => `${h.rule} "${h.matched}" ${h.weight > 0 ? '+' : ''}${h.weight}`);
  const verdict = relevance.relevant ? 'relevant' : 'not relevant';
  return {
    code: 'relevance',
    weight: relevance.score,
    message: `${verdict}: score ${relevance.score} against threshold ${relevance.threshold}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}`,
  };
}

/** The strongest rejected candidates: vetoed ones with their vetoes, weak ones with their score. */
function explainRejected(story: Story, assessed: readonly Assessment[], policy: MatchPolicy): Reason[] {
  const reasons: Reason[] = [];
  for (const a of assessed.slice(0, EXPLAINED)) {
    if (a.vetoes.length > 0) {
      reasons.push(...assess(story.probe, a.incident).vetoes);
    } else if (a.score < policy.joinThreshold) {
      const slots = a.matches.map((m) => `${m.code} ${signed(m.weight ?? 0)}`).join(', ');
      reasons.push({ code: 'weak', weight: a.score, message: `${a.incident.id} scored ${a.score} < ${policy.joinThreshold}${slots === '' ? '' : ` (${slots})`}` });
    }
  }
  return reasons;
}

const signed = (value: number) => (value >= 0 ? `+${value}` : String(value));

import type { Decision, RawInput } from '../domain/model.js';
import type { Result } from '../domain/shared/result.js';
import { publishDecision, type PublishDeps, type PublishOutcome } from './delivery/publish.js';
import type { Metrics } from './metrics.js';
import type { ProcessOptions, ProcessOutcome } from './process-document.js';

export interface IngestDeps {
  readonly process: (raw: RawInput, options?: ProcessOptions) => Promise<Result<ProcessOutcome>>;
  readonly publish: PublishDeps;
  readonly metrics: Metrics;
  /** Called after an advisory reached the outbox, so that delivery need not wait for its next tick. */
  readonly onPublished?: () => void;
}

export type IngestOutcome =
  | { readonly kind: 'rejected'; readonly id: string; readonly code: string; readonly message: string }
  | { readonly kind: 'decided'; readonly decision: Decision; readonly publication?: PublishOutcome };

/**
 * One feed item through the decision and, when it is news, into the outbox. An item the pipeline
 * cannot read (empty, binary) is an expected outcome, not an error: it is counted and left behind.
 * Store failures throw, so that the poller leaves the item unseen and it comes again.
 */
export async function ingestItem(raw: RawInput, deps: IngestDeps): Promise<IngestOutcome> {
  const processed = await deps.process(raw);
  if (!processed.ok) {
    deps.metrics.decision('invalid');
    return { kind: 'rejected', id: raw.id, code: processed.error.code, message: processed.error.message };
  }
  const { decision, incident } = processed.value;
  deps.metrics.decision(decision.action);
  if (incident === undefined || (decision.action !== 'new' && decision.action !== 'update')) return { kind: 'decided', decision };
  const published = await publishDecision(deps.publish, incident, decision);
  if (!published.ok) throw new Error(`${published.error.code}: ${published.error.message}`);
  if (published.value.published) {
    deps.metrics.advisory(published.value.advisory.status.tag);
    deps.onPublished?.();
  }
  return { kind: 'decided', decision, publication: published.value };
}

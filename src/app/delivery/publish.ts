import { composeAdvisory, snapshotOf } from '../../domain/advisory/compose.js';
import type { Advisory, AssistanceCatalog } from '../../domain/advisory/types.js';
import type { Decision, Incident } from '../../domain/model.js';
import { err, ok, type Result } from '../../domain/shared/result.js';
import { fanOutAdvisory, type FanOutDeps, type FanOutReport } from './fanout.js';
import type { AdvisoryRepository, OfficialAdviceSource } from './ports.js';

export interface PublishDeps extends FanOutDeps {
  readonly advisories: AdvisoryRepository;
  readonly officialAdvice: OfficialAdviceSource;
  readonly assistance: AssistanceCatalog;
}

export type PublishOutcome =
  | { readonly published: true; readonly advisory: Advisory; readonly fanOut: FanOutReport }
  | { readonly published: false; readonly reason: 'not_alertable' | 'baseline' | 'already_published'; readonly message: string };

/**
 * Turns a NEW or UPDATE decision into an advisory and its deliveries. Seeds build the baseline
 * and are never announced. The snapshot is saved last: a crash before it replays the same
 * version, whose deliveries the outbox already has.
 */
export async function publishDecision(
  deps: PublishDeps,
  incident: Incident,
  decision: Decision,
): Promise<Result<PublishOutcome, 'incident_mismatch'>> {
  if (decision.action !== 'new' && decision.action !== 'update') {
    return ok({ published: false, reason: 'not_alertable', message: `"${decision.action}" decisions are not announced` });
  }
  const trigger = incident.sources.find((s) => s.documentId === decision.documentId);
  if (trigger?.kind === 'seed') {
    return ok({ published: false, reason: 'baseline', message: `${decision.documentId} is a seed: it builds the baseline` });
  }
  const previous = await deps.advisories.latest(incident.id);
  if (previous?.triggers.includes(decision.documentId)) {
    return ok({ published: false, reason: 'already_published', message: `${decision.documentId} was already announced` });
  }
  const composed = composeAdvisory(incident, decision, {
    ...(previous === undefined ? {} : { previous }),
    officialAdvice: await deps.officialAdvice.forCountry(incident.country),
    assistance: deps.assistance,
    now: deps.clock.now(),
  });
  if (!composed.ok) {
    if (composed.error.code === 'incident_mismatch') return err('incident_mismatch', composed.error.message);
    return ok({ published: false, reason: 'not_alertable', message: composed.error.message });
  }
  const fanOut = await fanOutAdvisory(deps, composed.value);
  await deps.advisories.save(snapshotOf(composed.value, previous));
  return ok({ published: true, advisory: composed.value, fanOut });
}

import type { Decision, Document, EventType, Facts, Incident, KeywordRule, RawInput, Relevance } from '../domain/model.js';
import type { Clock } from '../domain/shared/clock.js';
import { err, ok, type Result } from '../domain/shared/result.js';
import { contributionsOf } from '../domain/incidents/contributions.js';
import { decide, ignore, type MatchPolicy, type Verdict } from '../domain/incidents/decide.js';
import { idCandidate, incidentIdBase } from '../domain/incidents/ids.js';
import { incidentKeys, probeKeys } from '../domain/incidents/keys.js';
import { createIncident, type IncidentPolicy, mergeStory, retractSource, type Story } from '../domain/incidents/merge.js';
import { buildProbe } from '../domain/incidents/probe.js';
import { contextEvents, contextStory, placeContext } from '../domain/incidents/context-events.js';
import type { DecisionRepository, IncidentRepository } from './ports.js';

/** The pure stages before matching, injected so that the use case does not depend on how they are configured. */
export interface DocumentStages {
  document(raw: RawInput): Result<Document>;
  facts(doc: Document): Facts;
  relevance(doc: Document, facts: Facts, rules: readonly KeywordRule[]): Relevance;
}

export interface ProcessDeps {
  readonly incidents: IncidentRepository;
  readonly decisions: DecisionRepository;
  readonly rules: () => Promise<readonly KeywordRule[]>;
  readonly stages: DocumentStages;
  readonly clock: Clock;
  readonly match: MatchPolicy;
  readonly policy: IncidentPolicy;
}

export interface ProcessOptions {
  /** Seeds must be in a language the extractors read; feed items may be scored anyway. */
  readonly requireKnownLanguage?: boolean;
  /** File the earlier events the document mentions in passing as context incidents (for seeds). */
  readonly contextEvents?: boolean;
}

export interface ProcessOutcome {
  readonly document: Document;
  readonly facts: Facts;
  readonly decision: Decision;
  /** The incident as saved (new, updated or corroborated by a duplicate); absent when ignored. */
  readonly incident?: Incident;
}

/** Most incidents that list one story as a source, looked up to withdraw what it said before. */
const SOURCE_LOOKUP = 16;

/**
 * One story through the whole road: clean, extract, score relevance, find candidates through the
 * index, decide, then file the incident and log the decision. A story seen before (same id) replaces
 * what it said the first time instead of counting twice.
 */
export async function processDocument(
  raw: RawInput,
  deps: ProcessDeps,
  options: ProcessOptions = {},
): Promise<Result<ProcessOutcome>> {
  const built = deps.stages.document(raw);
  if (!built.ok) return built;
  const doc = built.value;
  if (options.requireKnownLanguage === true && doc.lang === 'und') {
    return err('unknown_language', `${raw.id}: the language is neither English nor French`);
  }
  const facts = deps.stages.facts(doc);
  const relevance = deps.stages.relevance(doc, facts, await deps.rules());
  const at = deps.clock.now().toISOString();
  const earlier = await deps.incidents.findByKeys([`src:${doc.id}`], SOURCE_LOOKUP);
  // Most items a feed carries are off-topic: they need no probe, no candidates and no filing.
  const story = relevance.relevant ? storyOf(doc, facts) : undefined;
  const candidates = story === undefined ? [] : await deps.incidents.findByKeys(probeKeys(story.probe), deps.match.maxCandidates);
  const verdict = story === undefined ? ignore(relevance) : decide(story, relevance, candidates, deps.match);
  const target = verdict.action === 'update' || verdict.action === 'duplicate' ? verdict.incident.id : undefined;
  const vacated = await withdrawElsewhere(earlier, doc.id, target, deps);
  const incident = story === undefined ? undefined : await file(verdict, story, at, vacated, deps);
  if (options.contextEvents === true && relevance.relevant) await fileContextEvents(doc, facts, at, deps);
  const decision: Decision = {
    documentId: doc.id,
    action: verdict.action,
    incidentId: incident?.id ?? null,
    relevance,
    score: verdict.score,
    changes: verdict.action === 'update' ? [...verdict.changes] : [],
    reasons: [...verdict.reasons],
  };
  await deps.decisions.append({ decision, at, title: doc.title, ...(doc.url !== undefined ? { url: doc.url } : {}) });
  return ok(incident === undefined ? { document: doc, facts, decision } : { document: doc, facts, decision, incident });
}

function storyOf(doc: Document, facts: Facts): Story {
  return { doc, probe: buildProbe(doc, facts), contributions: contributionsOf(doc, facts) };
}

async function file(verdict: Verdict, story: Story, at: string, vacated: readonly string[], deps: ProcessDeps): Promise<Incident | undefined> {
  switch (verdict.action) {
    case 'ignored':
      return undefined;
    case 'new': {
      const id = vacated[0] ?? (await freeId(verdict.type, story, deps.incidents));
      const incident = createIncident(story, { id, type: verdict.type, country: verdict.country, at }, deps.policy);
      await deps.incidents.save(incident, incidentKeys(incident));
      return incident;
    }
    case 'update':
    case 'duplicate': {
      const incident = mergeStory(verdict.incident, story, verdict.changes, at, deps.policy);
      await deps.incidents.save(incident, incidentKeys(incident));
      return incident;
    }
  }
}

/**
 * Earlier events the document mentions in passing become context incidents, or further mentions of
 * one; they never touch an incident that stories are about.
 */
async function fileContextEvents(doc: Document, facts: Facts, at: string, deps: ProcessDeps): Promise<void> {
  for (const event of contextEvents(facts)) {
    const story = contextStory(doc, facts, event);
    const candidates = await deps.incidents.findByKeys(probeKeys(story.probe), deps.match.maxCandidates);
    const placement = placeContext(story, candidates, deps.match);
    if (placement.action === 'known') continue;
    const incident =
      placement.action === 'corroborate'
        ? mergeStory(placement.incident, story, [], at, deps.policy)
        : createIncident(story, { id: await freeId(event.type, story, deps.incidents), type: event.type, country: event.country, at, context: true }, deps.policy);
    await deps.incidents.save(incident, incidentKeys(incident));
  }
}

/**
 * A story processed again (a changed seed) may now belong elsewhere: what it said before is withdrawn
 * from the incidents it no longer joins. An incident that had no other source is left as it was and its
 * id returned, so that the story can reopen it under the same id; withdrawing would leave an incident
 * without any source.
 */
async function withdrawElsewhere(
  earlier: readonly Incident[],
  documentId: string,
  target: string | undefined,
  deps: ProcessDeps,
): Promise<string[]> {
  const vacated: string[] = [];
  for (const incident of earlier) {
    if (incident.id === target) continue;
    const rest = retractSource(incident, documentId, deps.policy);
    // A context incident is refiled by the document's context events, never reused for its main event.
    if (rest === undefined) {
      if (!incident.context) vacated.push(incident.id);
    }
    else if (rest !== incident) await deps.incidents.save(rest, incidentKeys(rest));
  }
  return vacated;
}

/** The readable id of a new incident, with a numeric suffix when another incident holds it. */
async function freeId(type: EventType, story: Story, incidents: IncidentRepository): Promise<string> {
  const base = incidentIdBase(type, story.probe.date ?? story.probe.published, placeForId(story));
  for (let attempt = 1; ; attempt++) {
    const id = idCandidate(base, attempt);
    if ((await incidents.get(id)) === undefined) return id;
  }
}

const PLACE_RANK = { town: 0, cercle: 1, region: 2, country: 3 } as const;

/** The most precise place of the main event, else its country. */
function placeForId(story: Story): string {
  const main = new Set(story.probe.places.map((p) => p.id));
  const places = story.contributions.places.map((p) => p.value);
  const local = places.filter((p) => main.has(p.id)).sort((a, b) => PLACE_RANK[a.kind] - PLACE_RANK[b.kind])[0];
  if (local !== undefined) return local.name;
  const country = places.find((p) => p.kind === 'country' && p.id === story.probe.country);
  return country?.name ?? story.probe.country ?? 'unknown';
}

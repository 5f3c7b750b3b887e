import type { Attested, Decision, Incident, Severity, SourceRef } from '../model.js';
import { fold } from '../text/normalize.js';
import { err, ok, type Result } from '../shared/result.js';
import type {
  ActionItem,
  Advisory,
  AdvisorySnapshot,
  AdvisoryStatus,
  AssistanceCatalog,
  AssistanceContact,
  Attribution,
  AttributionClaim,
  AttributionRole,
  ChangeValue,
  OfficialAdvice,
  Origin,
  Statement,
} from './types.js';

export interface ComposeContext {
  /** The last advisory issued about this incident, if any. */
  readonly previous?: AdvisorySnapshot;
  readonly officialAdvice: readonly OfficialAdvice[];
  readonly assistance: AssistanceCatalog;
  readonly now: Date;
}

export type ComposeError = 'not_alertable' | 'incident_mismatch';

const ATTRIBUTION_ROLES: ReadonlySet<string> = new Set<AttributionRole>(['claimed', 'suspected', 'not_claimed']);

function fromFacts<T>(slot: Attested<T>): Origin {
  return { kind: 'facts', sources: slot.sources, evidence: slot.evidence };
}

function statement<T>(value: T, origin: Origin): Statement<T> {
  return { value, origin };
}

function status(incident: Incident, decision: Decision, previous: AdvisorySnapshot | undefined): AdvisoryStatus {
  const updates = previous?.updates ?? 0;
  if (incident.status === 'resolved' && !previous?.resolved) return { tag: 'resolved' };
  if (previous || decision.action === 'update') return { tag: 'update', update: updates + 1 };
  return { tag: 'new' };
}

function attribution(incident: Incident): Attribution {
  const claims = incident.actors
    .filter((a) => ATTRIBUTION_ROLES.has(a.value.role))
    .map((a) => statement<AttributionClaim>(
      { actorId: a.value.id, actor: a.value.name, role: a.value.role as AttributionRole },
      fromFacts(a),
    ));
  const rolesByActor = new Map<string, Set<AttributionRole>>();
  for (const c of claims) {
    const roles = rolesByActor.get(c.value.actorId) ?? new Set<AttributionRole>();
    roles.add(c.value.role);
    rolesByActor.set(c.value.actorId, roles);
  }
  const contradicted = [...rolesByActor.values()].some((r) => r.has('claimed') && r.has('not_claimed'));
  const claimants = [...rolesByActor.entries()].filter(([, r]) => r.has('claimed')).length;
  return { claims, disputed: contradicted || claimants > 1 };
}

function actions(incident: Incident, catalog: AssistanceCatalog): Statement<ActionItem>[] {
  const actorNames = new Map(incident.actors.map((a) => [a.value.id, a.value.name]));
  const fromSources = incident.advice.map((a) => {
    const by = a.value.by === undefined ? undefined : actorNames.get(a.value.by);
    const item: ActionItem = by === undefined ? { text: a.value.text } : { text: a.value.text, by };
    return statement(item, fromFacts(a));
  });
  const configured = catalog.actions
    .filter((a) => (a.countries === undefined || a.countries.includes(incident.country))
      && (a.minSeverity === undefined || incident.severity >= a.minSeverity))
    .map((a) => statement<ActionItem>({ text: a.text }, { kind: 'config', ref: a.id }));
  return [...fromSources, ...configured];
}

function assistance(incident: Incident, catalog: AssistanceCatalog): Statement<AssistanceContact>[] {
  const nationalities = new Set(incident.victims.flatMap((v) => (v.value.nationality ? [fold(v.value.nationality)] : [])));
  return catalog.contacts
    .filter((c) => c.countries.includes(incident.country))
    .filter((c) => c.nationalities === undefined || c.nationalities.some((n) => nationalities.has(fold(n))))
    .map((c) => statement(c, { kind: 'config', ref: c.id }));
}

/** The newest advice per publisher for the incident's country. */
function official(incident: Incident, advice: readonly OfficialAdvice[]): Statement<OfficialAdvice>[] {
  const latest = new Map<string, OfficialAdvice>();
  for (const a of advice) {
    if (a.country !== incident.country) continue;
    const current = latest.get(a.source);
    if (!current || Date.parse(a.updated) > Date.parse(current.updated)) latest.set(a.source, a);
  }
  return [...latest.values()]
    .sort((a, b) => a.source.localeCompare(b.source))
    .map((a) => statement(a, { kind: 'official', source: a.source, url: a.url }));
}

/** A slot is new when none of the sources asserting it were known at the previous advisory. */
function changes(
  incident: Incident,
  tag: AdvisoryStatus['tag'],
  previous: AdvisorySnapshot | undefined,
  trigger: string,
  allSources: readonly string[],
): Statement<ChangeValue>[] {
  if (tag === 'new') return [];
  const known = new Set(previous ? previous.sourceIds : allSources.filter((id) => id !== trigger));
  const fresh = (slot: Attested<unknown>): boolean => slot.sources.length > 0 && slot.sources.every((s) => !known.has(s));
  const out: Statement<ChangeValue>[] = [];
  if (previous && previous.severity !== incident.severity) {
    out.push(statement<ChangeValue>({ kind: 'severity', from: previous.severity, to: incident.severity },
      { kind: 'incident', field: 'severity', sources: allSources }));
  }
  if (incident.status === 'resolved' && !previous?.resolved) {
    out.push(statement<ChangeValue>({ kind: 'resolved' }, { kind: 'incident', field: 'status', sources: allSources }));
  }
  for (const c of incident.changes.filter(fresh)) out.push(statement<ChangeValue>({ kind: 'development', event: c.value }, fromFacts(c)));
  for (const v of incident.victims.filter(fresh)) out.push(statement<ChangeValue>({ kind: 'victims', victims: v.value }, fromFacts(v)));
  for (const p of incident.places.filter((p) => p.value.kind !== 'country').filter(fresh)) {
    out.push(statement<ChangeValue>({ kind: 'place', name: p.value.name }, fromFacts(p)));
  }
  for (const s of incident.sites.filter(fresh)) out.push(statement<ChangeValue>({ kind: 'site', name: s.value.name }, fromFacts(s)));
  for (const a of incident.actors.filter((a) => ATTRIBUTION_ROLES.has(a.value.role)).filter(fresh)) {
    const claim: AttributionClaim = { actorId: a.value.id, actor: a.value.name, role: a.value.role as AttributionRole };
    out.push(statement<ChangeValue>({ kind: 'attribution', claim }, fromFacts(a)));
  }
  for (const a of incident.advice.filter(fresh)) out.push(statement<ChangeValue>({ kind: 'advice', text: a.value.text }, fromFacts(a)));
  const added = incident.sources.filter((s) => !known.has(s.documentId));
  if (added.length > 0) {
    const names = [...new Set(added.map((s) => s.name))];
    out.push(statement<ChangeValue>({ kind: 'sources', names }, { kind: 'incident', field: 'sources', sources: added.map((s) => s.documentId) }));
  }
  return out;
}

function orderedSources(sources: readonly SourceRef[]): SourceRef[] {
  return [...sources].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.name.localeCompare(b.name));
}

/**
 * Builds the advisory for an incident after a NEW or UPDATE decision. Everything it states is
 * taken from the incident's attested slots, the assistance configuration or official feeds.
 */
export function composeAdvisory(incident: Incident, decision: Decision, context: ComposeContext): Result<Advisory, ComposeError> {
  if (decision.action !== 'new' && decision.action !== 'update') {
    return err('not_alertable', `a "${decision.action}" decision does not lead to an advisory`);
  }
  if (decision.incidentId !== incident.id) {
    return err('incident_mismatch', `decision is about ${decision.incidentId ?? 'no incident'}, not ${incident.id}`);
  }
  const { previous, now } = context;
  const allSources = incident.sources.map((s) => s.documentId);
  const fromIncident = (field: 'eventType' | 'eventDate' | 'country' | 'severity'): Origin => ({ kind: 'incident', field, sources: allSources });
  const st = status(incident, decision, previous);
  const sources = orderedSources(incident.sources);
  const at = now.toISOString();
  const severity: Severity = incident.severity;

  return ok({
    incidentId: incident.id,
    version: (previous?.version ?? 0) + 1,
    trigger: decision.documentId,
    status: st,
    severity: statement(severity, fromIncident('severity')),
    issuedAt: previous?.issuedAt ?? at,
    updatedAt: at,
    location: {
      country: statement(incident.country, fromIncident('country')),
      places: incident.places.filter((p) => p.value.kind !== 'country').map((p) => statement({ ...p.value }, fromFacts(p))),
    },
    event: {
      type: statement(incident.eventType, fromIncident('eventType')),
      ...(incident.eventDate === undefined ? {} : { date: statement(incident.eventDate, fromIncident('eventDate')) }),
      victims: incident.victims.map((v) => statement({ ...v.value }, fromFacts(v))),
      sites: incident.sites.map((s) => statement({ ...s.value }, fromFacts(s))),
      developments: incident.changes.map((c) => statement(c.value, fromFacts(c))),
    },
    changes: changes(incident, st.tag, previous, decision.documentId, allSources),
    attribution: attribution(incident),
    actions: actions(incident, context.assistance),
    assistance: assistance(incident, context.assistance),
    official: official(incident, context.officialAdvice),
    sources: { count: sources.length, firstSeen: sources[0]?.firstSeen ?? at, items: sources },
  });
}

/** What to remember of an advisory for the next one about the same incident. */
export function snapshotOf(advisory: Advisory, previous: AdvisorySnapshot | undefined): AdvisorySnapshot {
  return {
    incidentId: advisory.incidentId,
    version: advisory.version,
    updates: advisory.status.update ?? previous?.updates ?? 0,
    severity: advisory.severity.value,
    resolved: (previous?.resolved ?? false) || advisory.status.tag === 'resolved',
    issuedAt: advisory.issuedAt,
    updatedAt: advisory.updatedAt,
    sourceIds: advisory.sources.items.map((s) => s.documentId),
    triggers: [...(previous?.triggers ?? []), advisory.trigger],
  };
}

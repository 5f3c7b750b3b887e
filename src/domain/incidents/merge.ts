import type { ActorRole, Attested, Document, EventType, Incident, SourceRef } from '../model.js';
import { fold } from '../text/normalize.js';
import { attest, corroborate, isAttested, withdraw } from './attested.js';
import { type AdviceValue, type Contributions, type Item, sameAdvice, valueKey, type VictimValue } from './contributions.js';
import { isoDay } from './dates.js';
import { exactDay, followsCaptivity, isTownLevel, type Probe } from './probe.js';
import { severityOf } from './severity.js';
import { mergeTermList, vectorOf } from './terms.js';
import { incidentTitle } from './title.js';

export interface IncidentPolicy {
  /** Demonyms the audience cares about most: victims of these nationalities raise severity. */
  readonly nationalitiesOfInterest: readonly string[];
}

/** One story as merging sees it. */
export interface Story {
  readonly doc: Document;
  readonly probe: Probe;
  readonly contributions: Contributions;
  /** An event the document only mentions in passing (see context-events.ts). */
  readonly context?: boolean;
}

/** After this many reports the wording of an incident is settled: more copies would not move it. */
const TERMS_SETTLED = 8;

type Slots = Pick<Incident, 'places' | 'victims' | 'sites' | 'actors' | 'advice' | 'figures' | 'changes'>;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const EMPTY_SLOTS: Slots = { places: [], victims: [], sites: [], actors: [], advice: [], figures: [], changes: [] };

/** How a new incident is filed: chosen by the decision, not by the story. */
export interface IncidentHead {
  readonly id: string;
  readonly type: EventType;
  readonly country: string;
  readonly at: string;
  /** Mentioned only in passing by a story about another event. */
  readonly context?: boolean;
}

/** A new incident from a story whose main event matched none. */
export function createIncident(story: Story, head: IncidentHead, policy: IncidentPolicy): Incident {
  const { doc, probe } = story;
  const { id, at } = head;
  const eventDate = exactDay(probe);
  const draft: Writable<Incident> = {
    id,
    title: '',
    eventType: head.type,
    ...(eventDate !== undefined ? { eventDate } : {}),
    country: head.country,
    ...EMPTY_SLOTS,
    severity: 1,
    status: 'open',
    context: head.context ?? false,
    baseline: doc.kind === 'seed',
    sources: [sourceRef(doc, probe)],
    updates: [],
    terms: vectorOf(probe.terms),
    createdAt: at,
    updatedAt: at,
  };
  addSlots(draft, EMPTY_SLOTS, story);
  return finish(draft, policy);
}

/** Roles that change who is held responsible; statements are news through the `statement` change instead. */
const ATTRIBUTION: ReadonlySet<ActorRole> = new Set(['claimed', 'suspected', 'not_claimed']);

/**
 * What the story adds to a known incident: state changes and slot values no source asserted yet.
 * Empty means the story is a duplicate.
 */
export function novelty(incident: Incident, story: Story): string[] {
  const c = story.contributions;
  const out: string[] = [];
  if (incident.context && story.context !== true) addOnce(out, 'first report about an event known only from passing mentions');
  for (const { value } of c.changes) if (!isAttested(incident.changes, valueKey.change, value)) addOnce(out, `${value}`);
  for (const { value } of c.actors) {
    if (ATTRIBUTION.has(value.role) && !isAttested(incident.actors, valueKey.actor, value)) {
      addOnce(out, `actor: ${value.name} ${value.role.replace('_', ' ')}`);
    }
  }
  for (const { value } of c.victims) {
    if (!victimKnown(incident.victims, value)) addOnce(out, `victims: ${describeVictims(value)}`);
  }
  for (const { value } of c.sites) if (!isAttested(incident.sites, valueKey.site, value)) addOnce(out, `site: ${value.name}`);
  // A first precise place refines the incident; more places after that are mostly cities named in passing.
  const located = incident.places.some((p) => isTownLevel(p.value.kind));
  for (const { value } of c.places) {
    if (!located && isTownLevel(value.kind) && !isAttested(incident.places, valueKey.place, value)) addOnce(out, `place: ${value.name}`);
  }
  for (const { value } of c.advice) {
    if (!adviceKnown(incident.advice, value)) addOnce(out, `advice: ${value.text}`);
  }
  const day = eventDayFor(story.probe);
  if (incident.eventDate === undefined && day !== undefined) {
    addOnce(out, `event date: ${day}`);
  }
  return out;
}

/**
 * The day a story joining an incident gives for its event: not the day hostages were freed, which
 * would date the kidnapping it follows by its end.
 */
function eventDayFor(probe: Probe): string | undefined {
  return followsCaptivity(probe) ? undefined : exactDay(probe);
}

function addOnce(out: string[], line: string): void {
  if (!out.includes(line)) out.push(line);
}

/**
 * Files a story under a known incident: every value it asserts gains the story as a source, new values
 * sit beside the old ones. A story filed before (a re-read seed, a repeated item) first withdraws what
 * it said then, so that it counts once and says what it says now.
 */
export function mergeStory(incident: Incident, story: Story, changes: readonly string[], at: string, policy: IncidentPolicy): Incident {
  const { doc, probe } = story;
  const base = hasSource(incident, doc.id) ? withdrawSlots(incident, doc.id) : incident;
  const eventDate = base.eventDate ?? eventDayFor(probe);
  // One copy of the incident, filled in place: a date it did not have comes after all its other fields.
  const updated: Writable<Incident> = { ...base };
  addSlots(updated, base, story);
  if (eventDate !== undefined) updated.eventDate = eventDate;
  // The base no longer lists the story (withdrawSlots took it out).
  updated.sources = [...base.sources, sourceRef(doc, probe)];
  if (changes.length > 0) updated.updates = [...base.updates, { at, documentId: doc.id, changes: [...changes] }];
  if (base.sources.length < TERMS_SETTLED) updated.terms = mergeTermList(base.terms, probe.terms);
  // An incident known only from passing mentions becomes a reported one once a story is about it.
  updated.context = base.context && story.context === true;
  if (changes.length > 0) updated.updatedAt = at;
  return finish(updated, policy);
}

/** The incident without a source's assertions, or undefined when no other source remains. */
export function retractSource(incident: Incident, documentId: string, policy: IncidentPolicy): Incident | undefined {
  if (!hasSource(incident, documentId)) return incident;
  const rest = withdrawSlots(incident, documentId);
  return rest.sources.length === 0 ? undefined : finish(rest, policy);
}

/** Whether a document is among an incident's sources: looked up for every story filed, over hundreds of sources. */
function hasSource(incident: Incident, documentId: string): boolean {
  for (const source of incident.sources) if (source.documentId === documentId) return true;
  return false;
}

function withdrawSlots(incident: Incident, documentId: string): Writable<Incident> {
  return {
    ...incident,
    places: withdraw(incident.places, documentId),
    victims: withdraw(incident.victims, documentId),
    sites: withdraw(incident.sites, documentId),
    actors: withdraw(incident.actors, documentId),
    advice: withdraw(incident.advice, documentId),
    figures: withdraw(incident.figures, documentId),
    changes: withdraw(incident.changes, documentId),
    sources: incident.sources.filter((s) => s.documentId !== documentId),
    updates: incident.updates.filter((u) => u.documentId !== documentId),
  };
}

/** Sets the slots of `into` to those of `slots` with the story's assertions added. */
function addSlots(into: Writable<Slots>, slots: Slots, story: Story): void {
  const source = story.doc.id;
  const c = story.contributions;
  into.places = attestEach(slots.places, c.places, valueKey.place, source);
  into.victims = c.victims.reduce<Attested<VictimValue>[]>((acc, item) => withNames(attestVictims(acc, item, source), item.value, source), [...slots.victims]);
  into.sites = attestEach(slots.sites, c.sites, valueKey.site, source);
  into.actors = attestEach(slots.actors, c.actors, valueKey.actor, source);
  into.advice = c.advice.reduce<Attested<AdviceValue>[]>((acc, item) => attestAdvice(acc, item, source), [...slots.advice]);
  into.figures = attestEach(slots.figures, c.figures, valueKey.figure, source);
  into.changes = attestEach(slots.changes, c.changes, valueKey.change, source);
}

/**
 * The story's assertions of one slot, as `attest` adds them one by one: the incident's list as it was
 * when the story asserts nothing there. One copy of the list takes them all, and each value's key is
 * worked out once rather than once per item asserted.
 */
function attestEach<T>(list: readonly Attested<T>[], items: readonly Item<T>[], key: (v: T) => string, source: string): readonly Attested<T>[] {
  if (items.length === 0) return list;
  const out = [...list];
  const keys = out.map((a) => key(a.value));
  for (const { value, evidence } of items) {
    const wanted = key(value);
    const index = keys.indexOf(wanted);
    if (index === -1) {
      out.push({ value, sources: [source], evidence: [evidence] });
      keys.push(wanted);
    } else {
      out[index] = corroborate(out[index] as Attested<T>, source, evidence);
    }
  }
  return out;
}

const group = (v: VictimValue) => `${v.role}|${v.nationality === undefined ? '' : fold(v.nationality)}`;

/**
 * A vague mention ("the abducted Indians") backs the counted group of the same role and nationality;
 * a count fills a group known only vaguely so far; a different count sits beside the first one.
 */
function attestVictims(list: Attested<VictimValue>[], item: Item<VictimValue>, source: string): Attested<VictimValue>[] {
  const { value, evidence } = item;
  const backed = value.nationality === undefined ? unnamedMatch(list, value) : undefined;
  if (backed !== undefined) return replace(list, backed, corroborate(backed, source, evidence));
  const sameGroup = list.filter((a) => group(a.value) === group(value));
  if (value.count === null && sameGroup.length > 0) {
    const target = sameGroup.reduce((best, a) => (a.sources.length > best.sources.length ? a : best));
    return replace(list, target, corroborate(target, source, evidence));
  }
  const vague = sameGroup.find((a) => a.value.count === null);
  if (value.count !== null && vague !== undefined && !sameGroup.some((a) => a.value.count === value.count)) {
    return replace(list, vague, corroborate(vague, source, evidence, value));
  }
  return attest(list, valueKey.victims, value, source, evidence);
}

/** Names a source gives join the group it backs: a later report may name hostages the first did not. */
function withNames(list: Attested<VictimValue>[], value: VictimValue, source: string): Attested<VictimValue>[] {
  const names = value.names;
  if (names === undefined) return list;
  const target = list.find((a) => a.sources.includes(source) && a.value.role === value.role && a.value.nationality === value.nationality);
  if (target === undefined) return list;
  const known = target.value.names ?? [];
  const added = names.filter((n) => !known.includes(n));
  return added.length === 0 ? list : replace(list, target, { ...target, value: { ...target.value, names: [...known, ...added] } });
}

function attestAdvice(list: Attested<AdviceValue>[], item: Item<AdviceValue>, source: string): Attested<AdviceValue>[] {
  const same = list.find((a) => sameAdvice(a.value.text, item.value.text));
  return same === undefined
    ? [...list, { value: item.value, sources: [source], evidence: [item.evidence] }]
    : replace(list, same, corroborate(same, source, item.evidence));
}

function replace<T>(list: readonly T[], old: T, next: T): T[] {
  return list.map((x) => (x === old ? next : x));
}

/** A story that does not say the victims' nationality ("three workers") backs a known group of that size and role. */
function unnamedMatch(list: readonly Attested<VictimValue>[], value: VictimValue): Attested<VictimValue> | undefined {
  return list.find((a) => a.value.role === value.role && (value.count === null || a.value.count === value.count));
}

function victimKnown(list: readonly Attested<VictimValue>[], value: VictimValue): boolean {
  if (value.nationality === undefined && unnamedMatch(list, value) !== undefined) return true;
  const sameGroup = list.filter((a) => group(a.value) === group(value));
  return value.count === null ? sameGroup.length > 0 : sameGroup.some((a) => a.value.count === value.count);
}

/** Advice is known when a source gave the same words, or the same issuer already advised (reworded or translated). */
function adviceKnown(list: readonly Attested<AdviceValue>[], value: AdviceValue): boolean {
  return list.some((a) => sameAdvice(a.value.text, value.text) || (value.by !== undefined && a.value.by === value.by));
}

function describeVictims(v: VictimValue): string {
  const who = [v.count === null ? undefined : String(v.count), v.nationality].filter((x) => x !== undefined).join(' ');
  return `${who === '' ? 'people' : who} (${v.role})`;
}

function sourceRef(doc: Document, probe: Probe): SourceRef {
  // An undated story's day is the probe's: the day it was seen, or the later day it reports (see buildProbe).
  const published = doc.publishedFrom === 'seen' ? probe.published : isoDay(doc.published) === undefined ? undefined : doc.published;
  return {
    documentId: doc.id,
    name: doc.source,
    ...(doc.url !== undefined ? { url: doc.url } : {}),
    kind: doc.kind,
    ...(published !== undefined ? { published } : {}),
    ...(doc.publishedFrom === 'seen' && doc.publishedBefore !== undefined ? { publishedBefore: doc.publishedBefore } : {}),
    firstSeen: doc.seenAt,
    ...(probe.fingerprint !== '' ? { fingerprint: probe.fingerprint } : {}),
    ...(probe.adviceStep !== undefined ? { adviceStep: probe.adviceStep } : {}),
  };
}

/** Hostages are free once a release or rescue is attested for at least as many as were taken. */
function statusOf(incident: Incident): Incident['status'] {
  if (incident.eventType !== 'kidnapping') return incident.status;
  const freed = incident.changes.some((c) => c.value === 'release' || c.value === 'rescue');
  if (!freed) return 'open';
  const most = (role: VictimValue['role']) =>
    Math.max(0, ...incident.victims.filter((v) => v.value.role === role && v.value.count !== null).map((v) => v.value.count ?? 0));
  const released = most('released');
  return released === 0 || released >= most('hostage') ? 'resolved' : 'open';
}

/** Completes an incident built by this module in place: a copy of all its fields would only be thrown away. */
function finish(incident: Writable<Incident>, policy: IncidentPolicy): Incident {
  incident.status = statusOf(incident);
  incident.title = incidentTitle(incident);
  incident.severity = severityOf(incident, policy.nationalitiesOfInterest);
  return incident;
}


import type { AdviceStep, Incident, SourceRef } from '../model.js';
import { fold } from '../text/normalize.js';
import { daysBetween, isoDay } from './dates.js';
import { signatureHashes } from './fingerprint.js';
import { incidentAnchorDay } from './keys.js';
import { nameWords, personKey } from './probe.js';
import { type TermLookup, termLookup } from './terms.js';
import { regionsOf } from './regions.js';

/** Days after an event in which its reports may tell of fighting still going on. */
const REPORTING_WEEK = 7;
/** Sources of an incident whose fingerprints a story is compared with. */
const WIRE_SOURCES = 8;

export interface VictimFeature {
  readonly count: number | null;
  /** As the sources wrote it ("Indian"). */
  readonly nationality?: string;
  /** Folded, as stories are compared ("indian"). */
  readonly folded?: string;
  readonly role: Incident['victims'][number]['value']['role'];
}

/**
 * What matching reads of an incident, derived once per incident value. Incidents are immutable values
 * and a store hands the same one to story after story, while assess compares every candidate of every
 * story: sets, folded names and parsed days are worth keeping rather than rebuilding per comparison.
 */
export class IncidentFeatures {
  /** Places below country level other than regions. */
  readonly placeIds = new Set<string>();
  /** Regions named as places or as the region of a place, in the order the places come. */
  readonly regions = new Set<string>();
  readonly anchorDay: string;
  readonly actorIds: ReadonlySet<string>;
  readonly siteKeys: readonly string[];
  readonly victims: readonly VictimFeature[];
  /** Surnames of named victims (see personKey). */
  readonly personKeys: ReadonlySet<string>;
  /** Every word of their names (see nameWords). */
  readonly personWords: ReadonlySet<string>;
  /** The first report and the latest ones: a copy copies the original or a recent rewrite, and the cost stays bounded. */
  readonly wireSources: readonly SourceRef[];
  /** Their signatures' hashes, in the same order. */
  readonly wireHashes: readonly Uint32Array[];
  private earlyReportDay: string | null | undefined;
  private steps: ReadonlySet<AdviceStep> | undefined;
  private termsLookup: TermLookup | undefined;

  constructor(private readonly incident: Incident) {
    for (const { value } of incident.places) {
      if (value.kind === 'country') continue;
      if (value.kind !== 'region') this.placeIds.add(value.id);
      for (const region of regionsOf(value)) this.regions.add(region);
    }
    this.anchorDay = incidentAnchorDay(incident);
    this.actorIds = new Set(incident.actors.map((a) => a.value.id));
    this.siteKeys = incident.sites.map((s) => s.value.key);
    this.victims = incident.victims.map(({ value }) => (value.nationality === undefined ? value : { ...value, folded: fold(value.nationality) }));
    const names = incident.victims.flatMap(({ value }) => value.names ?? []);
    this.personKeys = new Set(names.map(personKey));
    this.personWords = new Set(names.flatMap(nameWords));
    this.wireSources = wireSources(incident.sources);
    this.wireHashes = this.wireSources.map((source) => signatureHashes(source.fingerprint ?? ''));
  }

  /** The incident's terms, ready for comparison: worked out at its first comparison. */
  terms(): TermLookup {
    if (this.termsLookup === undefined) this.termsLookup = termLookup(this.incident.terms);
    return this.termsLookup;
  }

  /** The rungs of leaving its sources report (see AdviceStep): read from every source, so only for the advice that asks. */
  adviceSteps(): ReadonlySet<AdviceStep> {
    this.steps ??= new Set(this.incident.sources.flatMap((source) => (source.adviceStep === undefined ? [] : [source.adviceStep])));
    return this.steps;
  }

  /**
   * Latest publication day from the event date to REPORTING_WEEK after it (see stillReported in
   * assess.ts). Read from every source, so only worked out for the few comparisons that ask.
   */
  earlyReport(): string | undefined {
    if (this.earlyReportDay === undefined) this.earlyReportDay = latestEarlyReport(this.incident) ?? null;
    return this.earlyReportDay ?? undefined;
  }
}

const cache = new WeakMap<Incident, IncidentFeatures>();

export function featuresOf(incident: Incident): IncidentFeatures {
  let features = cache.get(incident);
  if (features === undefined) {
    features = new IncidentFeatures(incident);
    cache.set(incident, features);
  }
  return features;
}

function latestEarlyReport({ eventDate, sources }: Incident): string | undefined {
  if (eventDate === undefined) return undefined;
  let latest: string | undefined;
  for (const source of sources) {
    const day = isoDay(source.published);
    // Days no later than the latest so far cannot change it: the week is measured only for later ones.
    if (day === undefined || day < eventDate || (latest !== undefined && day <= latest)) continue;
    if (daysBetween(day, eventDate) <= REPORTING_WEEK) latest = day;
  }
  return latest;
}

function wireSources(all: readonly SourceRef[]): readonly SourceRef[] {
  return all.length <= WIRE_SOURCES ? all : [all[0] as SourceRef, ...all.slice(-(WIRE_SOURCES - 1))];
}

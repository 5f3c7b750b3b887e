/**
 * The shared vocabulary of the pipeline:
 * raw input -> Document -> Facts -> Relevance -> Decision -> Incident -> Advisory -> Delivery.
 * Everything here is plain data (JSON-serialisable) so that the store can keep it as it is.
 */

export type Lang = 'en' | 'fr' | 'und';

/** What a document is: a seed is baseline (never alerted on), official feeds carry travel advice. */
export type DocumentKind = 'seed' | 'news' | 'official';

/** What arrives at the start of the pipeline, from a seed file or a feed item. */
export interface RawInput {
  /** Stable id: the seed file name, or the feed item's id. */
  readonly id: string;
  readonly kind: DocumentKind;
  /** Outlet or publisher name ("The Wire", "GOV.UK"); for a seed, the file name when nothing better is known. */
  readonly source: string;
  readonly title?: string;
  /** Raw text or HTML. */
  readonly body: string;
  readonly url?: string;
  /** Publication date from metadata (ISO), when the feed gave one. */
  readonly published?: string;
  /** Language declared by the feed, if any. */
  readonly lang?: string;
  /** When the bot first saw it (ISO); used when there is no publication date. */
  readonly seenAt: string;
  /**
   * The earliest the item can have been published, when it has no date of its own but comes in a stream
   * in publication order (ISO): the latest publication before it. Year-less dates in its text are read
   * from that day on rather than against years the text recalls.
   */
  readonly publishedAfter?: string;
  /** The latest it can have been published, in such a stream: the next dated item's publication (ISO). */
  readonly publishedBefore?: string;
}

export interface Sentence {
  readonly index: number;
  /** Clean sentence text as it appears in the article. */
  readonly text: string;
  /** Accent- and case-folded text (see text/normalize.ts). */
  readonly folded: string;
  /** True for the title and the lead (first sentences): the part that tells what the article is about. */
  readonly lead: boolean;
}

export interface Document {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly source: string;
  readonly url?: string;
  readonly title: string;
  /** Clean text without web clutter; paragraphs separated by blank lines. */
  readonly text: string;
  /** Sentence 0 is the title when there is one. */
  readonly sentences: readonly Sentence[];
  readonly lang: Lang;
  /** Publication date (ISO date-time or YYYY-MM-DD) and where it came from. */
  readonly published?: string;
  readonly publishedFrom: 'metadata' | 'text' | 'seen';
  readonly seenAt: string;
  /** See RawInput.publishedAfter and publishedBefore; YYYY-MM-DD. */
  readonly publishedAfter?: string;
  readonly publishedBefore?: string;
}

/** Where a fact came from: the sentence (index and text) and the document. */
export interface Evidence {
  readonly sentence: number;
  readonly text: string;
}

export type EventType =
  | 'kidnapping'
  | 'attack'
  | 'killing'
  | 'blockade'
  | 'claim'
  | 'release'
  | 'rescue'
  | 'ransom'
  | 'negotiation'
  | 'statement'
  | 'advisory'
  | 'evacuation'
  | 'coup';

export interface EventFact {
  readonly type: EventType;
  /** The word or phrase that triggered it ("abducted", "enlevés"). */
  readonly trigger: string;
  /** True when the sentence recalls an earlier event ("earlier this year", "previous", "déjà"). */
  readonly background: boolean;
  readonly evidence: Evidence;
}

export interface DateFact {
  /** YYYY-MM-DD; for month or year precision the first day of the period. */
  readonly date: string;
  readonly precision: 'day' | 'month' | 'year';
  /** event: when something happened; publication: the document's own date line or byline. */
  readonly role: 'event' | 'publication';
  readonly background: boolean;
  /** The text that was parsed ("July 1", "1er juillet 2025", "on Tuesday"). */
  readonly matched: string;
  readonly evidence: Evidence;
}

export type PlaceKind = 'country' | 'region' | 'cercle' | 'town';

export interface PlaceFact {
  /** Gazetteer id, e.g. "ml-kayes-town", "ml-kayes-region", "ml". */
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  /** Gazetteer id of the region (for towns and cercles). */
  readonly region?: string;
  /** The region that the place's region was part of before it was created ("ml-r-mopti" for Boulkessi). */
  readonly formerRegion?: string;
  /** ISO 3166-1 alpha-2 country code, lower case ("ml", "bf", "ne"). */
  readonly country: string;
  readonly background: boolean;
  readonly evidence: Evidence;
  /**
   * A locality the gazetteer does not list, named as one ("the village of Mansila"), placed in the
   * country last named before it; its id is "<country>-loc-<name>", the name spelt as it sounds (see spellingSkeleton).
   */
  readonly unlisted?: boolean;
}

export type VictimRole = 'hostage' | 'killed' | 'injured' | 'released' | 'missing';

export interface VictimFact {
  /** null when the text gives a group but no number ("Indian nationals were abducted"). */
  readonly count: number | null;
  /** Demonym in English, title case ("Indian", "Chinese", "Malian"); absent when not said. */
  readonly nationality?: string;
  readonly role: VictimRole;
  /** Full names the text gives right after the group ("French journalist Olivier Dubois"). */
  readonly names?: readonly string[];
  readonly background: boolean;
  readonly evidence: Evidence;
}

export interface SiteFact {
  /** Employer or site as written ("Diamond Cement Factory"). */
  readonly name: string;
  /** Folded key for comparison ("diamond cement"). */
  readonly key: string;
  readonly background: boolean;
  readonly evidence: Evidence;
}

export type ActorKind = 'armed_group' | 'security_force' | 'government' | 'official';
export type ActorRole = 'claimed' | 'suspected' | 'not_claimed' | 'condemned' | 'spoke' | 'mentioned';

export interface ActorFact {
  /** Canonical actor id from config ("jnim", "is-sahel", "aqim", "fama", "in-mea", "in-embassy-bamako"). */
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly role: ActorRole;
  /** What the role is about: the document's main event, or something broader ("the coordinated attacks"). */
  readonly about: 'main' | 'other';
  readonly evidence: Evidence;
}

/** Advice given to people on the ground ("exercise utmost caution", "stay in close contact with the Embassy"). */
export interface AdviceFact {
  readonly text: string;
  /** Who gave it, as an actor id, when known. */
  readonly by?: string;
  readonly evidence: Evidence;
}

/** A context figure ("about 400 Indians live in Mali", "eight Indians kidnapped in Mali this year"). */
export interface FigureFact {
  readonly value: number;
  readonly what: string;
  readonly evidence: Evidence;
}

/** The document's main event, distilled from title and lead, background excluded. */
export interface MainEvent {
  readonly type?: EventType;
  readonly date?: string;
  readonly datePrecision?: DateFact['precision'];
  /**
   * The text does not pin the day down: the date is the day a statement was made, a week-level "last
   * week", or the publication day of a story that gives no date. It says roughly when, not which day.
   */
  readonly dateEstimated?: boolean;
  /**
   * The text gives no date at all, or only "last week" of a day it may have come out on over weeks: the
   * date is when the story came out, or as far as its stream had got.
   */
  readonly dateUntold?: boolean;
  /**
   * The text gives the day and month but not the year, and may have come out over more than a year: the
   * same day of another year it may have come out in is as likely.
   */
  readonly dateYearUnknown?: boolean;
  /**
   * The text names the day by its weekday alone ("samedi soir"): a story that came out a week after
   * what it copies may mean that weekday of the week before.
   */
  readonly dateWeekdayOnly?: boolean;
  readonly country?: string;
  readonly places: readonly string[];
  readonly victims?: { readonly count: number | null; readonly nationality?: string; readonly role?: VictimRole };
  /** Names of the victims the story tells of, not of those it recalls. */
  readonly named?: readonly string[];
  readonly site?: string;
  readonly actors: readonly string[];
  /** State changes reported about the main event (release, claim, rescue, ransom ...). */
  readonly changes: readonly EventType[];
}

export interface Facts {
  readonly events: readonly EventFact[];
  readonly dates: readonly DateFact[];
  readonly places: readonly PlaceFact[];
  readonly victims: readonly VictimFact[];
  readonly sites: readonly SiteFact[];
  readonly actors: readonly ActorFact[];
  readonly advice: readonly AdviceFact[];
  readonly figures: readonly FigureFact[];
  readonly main: MainEvent;
}

/** One keyword rule, as kept in the store and tuned by admins. */
export interface KeywordRule {
  readonly id: string;
  /** include adds weight, exclude subtracts, context only counts when another include rule fired. */
  readonly kind: 'include' | 'exclude' | 'context';
  /** Terms or phrases (any language); matched folded and on word boundaries. */
  readonly terms: readonly string[];
  readonly weight: number;
  /** For ambiguous words: the rule only fires when one of these terms is also present. */
  readonly requires?: readonly string[];
  /** The rule does not fire when one of these terms is present (e.g. "Mali" next to "football"). */
  readonly unless?: readonly string[];
  readonly lang?: Lang;
  /**
   * Rules sharing a group stand for one signal and count once, the strongest that fired
   * (many place rules say "this is about the Sahel" once, not once per town).
   */
  readonly group?: string;
  readonly note?: string;
}

export interface RuleHit {
  readonly rule: string;
  readonly kind: KeywordRule['kind'];
  readonly weight: number;
  readonly matched: string;
}

export interface Relevance {
  readonly relevant: boolean;
  readonly score: number;
  readonly threshold: number;
  readonly hits: readonly RuleHit[];
}

export type DecisionAction = 'new' | 'update' | 'duplicate' | 'ignored';

export interface Reason {
  /** Stable code: "place", "date", "type", "victims", "site", "actor", "text", "veto:date", "relevance" ... */
  readonly code: string;
  readonly weight?: number;
  readonly message: string;
}

export interface Decision {
  readonly documentId: string;
  readonly action: DecisionAction;
  readonly incidentId: string | null;
  readonly relevance: Relevance;
  readonly score: number;
  /** For updates: what the document adds (new state changes or slot values). */
  readonly changes: readonly string[];
  readonly reasons: readonly Reason[];
}

/** 1 low, 2 elevated, 3 high, 4 critical: aligned with the US 1-4 advisory levels in meaning. */
export type Severity = 1 | 2 | 3 | 4;

/**
 * The rungs of a government's ladder of leaving, each announced on its own day: staff allowed to go,
 * staff ordered out, citizens told to leave. Reports of one rung name it in their headline.
 */
export type AdviceStep = 'staff-allowed' | 'staff-ordered' | 'citizens-leave';

export interface SourceRef {
  readonly documentId: string;
  readonly name: string;
  readonly url?: string;
  readonly kind: DocumentKind;
  readonly published?: string;
  /**
   * For a source without a date of its own in a stream (see RawInput.publishedBefore): the latest it
   * can have come out, `published` being the earliest.
   */
  readonly publishedBefore?: string;
  readonly firstSeen: string;
  /** MinHash signature of the source's title and lead, to recognise wire copies (incidents/fingerprint.ts). */
  readonly fingerprint?: string;
  /** For a government's advice to leave, the rung the source reports. */
  readonly adviceStep?: AdviceStep;
}

/** A value of an incident slot together with the sources that assert it. */
export interface Attested<T> {
  readonly value: T;
  readonly sources: readonly string[];
  readonly evidence: readonly Evidence[];
}

export interface IncidentUpdate {
  readonly at: string;
  readonly documentId: string;
  readonly changes: readonly string[];
}

export interface Incident {
  /** Stable, readable id: "inc-20250701-kayes-kidnapping". */
  readonly id: string;
  readonly title: string;
  readonly eventType: EventType;
  readonly eventDate?: string;
  readonly country: string;
  readonly places: readonly Attested<{ id: string; name: string; kind: PlaceKind; region?: string; formerRegion?: string }>[];
  readonly victims: readonly Attested<{ count: number | null; nationality?: string; role: VictimRole; names?: readonly string[] }>[];
  readonly sites: readonly Attested<{ name: string; key: string }>[];
  /** Each actor claim is kept with its sources; disagreements live side by side. */
  readonly actors: readonly Attested<{ id: string; name: string; role: ActorRole }>[];
  readonly advice: readonly Attested<{ text: string; by?: string }>[];
  readonly figures: readonly Attested<{ value: number; what: string }>[];
  /** State changes seen over time (claim, release, ransom ...). */
  readonly changes: readonly Attested<EventType>[];
  readonly severity: Severity;
  readonly status: 'open' | 'resolved';
  /** Mentioned only in passing by a source about another event. */
  readonly context: boolean;
  readonly baseline: boolean;
  readonly sources: readonly SourceRef[];
  readonly updates: readonly IncidentUpdate[];
  /** Folded salient terms for text similarity (term -> weight), capped in size. */
  readonly terms: Readonly<Record<string, number>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

import type { ActorRole, EventType, Evidence, PlaceKind, Severity, SourceRef, VictimRole } from '../model.js';

/**
 * Where a statement of an advisory comes from. An advisory says nothing that cannot be traced:
 * to sentences of sources (facts), to the incident's merged view of its sources (incident),
 * to the operator's configuration (config), or to an official advice feed (official).
 */
export type Origin =
  | { readonly kind: 'facts'; readonly sources: readonly string[]; readonly evidence: readonly Evidence[] }
  | { readonly kind: 'incident'; readonly field: 'eventType' | 'eventDate' | 'country' | 'severity' | 'status' | 'sources'; readonly sources: readonly string[] }
  | { readonly kind: 'config'; readonly ref: string }
  | { readonly kind: 'official'; readonly source: OfficialSource; readonly url: string };

export interface Statement<T> {
  readonly value: T;
  readonly origin: Origin;
}

/** Text given by the operator in both languages the bot speaks. */
export interface Localized {
  readonly en: string;
  readonly fr: string;
}

export type RenderLang = 'en' | 'fr';

export type AdvisoryTag = 'new' | 'update' | 'resolved';

export interface AdvisoryStatus {
  readonly tag: AdvisoryTag;
  /** The n of "UPDATE n"; present for updates only. */
  readonly update?: number;
}

export interface AdvisoryPlace {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly region?: string;
}

export interface AdvisoryLocation {
  /** ISO 3166-1 alpha-2, lower case. */
  readonly country: Statement<string>;
  readonly places: readonly Statement<AdvisoryPlace>[];
}

export interface AdvisoryVictims {
  readonly count: number | null;
  readonly nationality?: string;
  readonly role: VictimRole;
}

export interface AdvisoryEvent {
  readonly type: Statement<EventType>;
  readonly date?: Statement<string>;
  readonly victims: readonly Statement<AdvisoryVictims>[];
  /** Employer or site ("Diamond Cement Factory"). */
  readonly sites: readonly Statement<{ readonly name: string; readonly key: string }>[];
  /** State changes reported since the event (claim, release, ransom ...). */
  readonly developments: readonly Statement<EventType>[];
}

export type AttributionRole = Extract<ActorRole, 'claimed' | 'suspected' | 'not_claimed'>;

export interface AttributionClaim {
  readonly actorId: string;
  readonly actor: string;
  readonly role: AttributionRole;
}

export interface Attribution {
  readonly claims: readonly Statement<AttributionClaim>[];
  /** Sources disagree: the same actor is said to have claimed and not claimed, or several actors claim. */
  readonly disputed: boolean;
}

/** What an update says that the previous advisory did not. */
export type ChangeValue =
  | { readonly kind: 'severity'; readonly from: Severity; readonly to: Severity }
  | { readonly kind: 'resolved' }
  | { readonly kind: 'development'; readonly event: EventType }
  | { readonly kind: 'victims'; readonly victims: AdvisoryVictims }
  | { readonly kind: 'place'; readonly name: string }
  | { readonly kind: 'site'; readonly name: string }
  | { readonly kind: 'attribution'; readonly claim: AttributionClaim }
  | { readonly kind: 'advice'; readonly text: string }
  | { readonly kind: 'sources'; readonly names: readonly string[] };

export interface ActionItem {
  /** Source-language text from a fact, or operator text in both languages. */
  readonly text: string | Localized;
  /** Who gave the advice, when a source says so ("Ministry of External Affairs"). */
  readonly by?: string;
}

export interface AssistancePhone {
  readonly number: string;
  readonly label?: Localized;
}

export interface AssistanceContact {
  readonly id: string;
  readonly name: Localized;
  readonly phones?: readonly AssistancePhone[];
  readonly email?: string;
  readonly url?: string;
  readonly note?: Localized;
  /** Countries (ISO alpha-2, lower case) the contact serves. */
  readonly countries: readonly string[];
  /** Demonyms ("Indian"): the contact is shown when the victims have one of these nationalities. */
  readonly nationalities?: readonly string[];
}

export interface ConfiguredAction {
  readonly id: string;
  readonly text: Localized;
  readonly countries?: readonly string[];
  readonly minSeverity?: Severity;
}

export interface AssistanceCatalog {
  readonly contacts: readonly AssistanceContact[];
  readonly actions: readonly ConfiguredAction[];
}

export type OfficialSource = 'uk' | 'us' | 'fr' | 'in' | 'ca' | 'au';

/** The current official travel advice for a country, as an official feed told us. */
export interface OfficialAdvice {
  readonly source: OfficialSource;
  /** ISO alpha-2, lower case. */
  readonly country: string;
  /** On the US 1-4 scale, when the publisher uses one. */
  readonly level?: 1 | 2 | 3 | 4;
  readonly summary: string;
  readonly url: string;
  /** ISO date-time of the publisher's last change. */
  readonly updated: string;
}

export interface AdvisorySources {
  readonly count: number;
  /** Earliest time the bot saw any of them (ISO). */
  readonly firstSeen: string;
  readonly items: readonly SourceRef[];
}

/** A channel-agnostic advisory about one incident, with the provenance of every statement. */
export interface Advisory {
  readonly incidentId: string;
  /** 1 for the first advisory about the incident, then one more per advisory. */
  readonly version: number;
  /** The document whose decision led to this advisory. */
  readonly trigger: string;
  readonly status: AdvisoryStatus;
  readonly severity: Statement<Severity>;
  readonly issuedAt: string;
  readonly updatedAt: string;
  readonly location: AdvisoryLocation;
  readonly event: AdvisoryEvent;
  readonly changes: readonly Statement<ChangeValue>[];
  readonly attribution: Attribution;
  readonly actions: readonly Statement<ActionItem>[];
  readonly assistance: readonly Statement<AssistanceContact>[];
  readonly official: readonly Statement<OfficialAdvice>[];
  readonly sources: AdvisorySources;
}

/** What the next advisory about the same incident needs to know about the previous one. */
export interface AdvisorySnapshot {
  readonly incidentId: string;
  readonly version: number;
  /** Number of UPDATE advisories issued so far. */
  readonly updates: number;
  readonly severity: Severity;
  readonly resolved: boolean;
  readonly issuedAt: string;
  readonly updatedAt: string;
  readonly sourceIds: readonly string[];
  /** Documents that triggered an advisory, so that a replayed decision is not announced twice. */
  readonly triggers: readonly string[];
}

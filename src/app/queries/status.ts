import type { OfficialAdvice } from '../../domain/advisory/types.js';
import type { Incident, Severity } from '../../domain/model.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { OfficialAdviceSource } from '../delivery/ports.js';
import type { Feed, FeedHealth, FeedHealthRepository, FeedRepository } from '../feeds/ports.js';
import type { IncidentRepository } from '../ports.js';

/** `/status` looks back this far. */
export const STATUS_WINDOW_DAYS = 30;
/** More incidents than a status reply can show in a month of heavy news. */
const STATUS_INCIDENT_LIMIT = 200;

const DAY_MS = 86_400_000;

/** The bot's own reading of a country: the open incident of highest severity sets the level. */
export interface StatusAssessment {
  readonly severity: Severity;
  /** The incident that sets the level (the most recently active among equals). */
  readonly driver: Incident;
  /** Open incidents of the period. */
  readonly open: number;
}

/** When the feeds were last polled, and how many are in trouble. */
export interface FeedsSummary {
  /** Enabled feeds. */
  readonly active: number;
  readonly lastPollAt?: string;
  readonly lastSuccessAt?: string;
  /** Enabled feeds whose last poll failed and that are not paused. */
  readonly failing: number;
  readonly paused: number;
}

export interface CountryStatus {
  /** ISO 3166-1 alpha-2, lower case. */
  readonly country: string;
  /** Start of the period looked at (ISO). */
  readonly since: string;
  /** Incidents active in the period in the country, most recent first; passing mentions left out. */
  readonly incidents: readonly Incident[];
  /** Current official travel advice for the country, one per publisher. */
  readonly official: readonly OfficialAdvice[];
  /** Absent when no incident of the period is open. */
  readonly assessment?: StatusAssessment;
  readonly feeds: FeedsSummary;
}

export interface StatusDeps {
  readonly incidents: IncidentRepository;
  readonly officialAdvice: OfficialAdviceSource;
  readonly feeds: FeedRepository;
  readonly feedHealth: FeedHealthRepository;
  readonly clock: Clock;
}

export function daysAgo(clock: Clock, days: number): string {
  return new Date(clock.now().getTime() - days * DAY_MS).toISOString();
}

/**
 * When an incident last happened or was last reported live: its event date, the first sighting of a
 * feed item about it, an update a feed brought. Seeds are history whenever they were loaded: a
 * baseline read today from last year's articles is last year's news, although the store touched it
 * today (and an undated seed is dated the day it was read).
 */
export function lastActivity(incident: Incident): number {
  const seeds = new Set(incident.sources.filter((source) => source.kind === 'seed').map((source) => source.documentId));
  const dates = [
    incident.eventDate,
    ...incident.sources.filter((source) => !seeds.has(source.documentId)).map((source) => source.firstSeen),
    ...incident.updates.filter((update) => !seeds.has(update.documentId)).map((update) => update.at),
  ];
  const times = dates.map((date) => (date === undefined ? Number.NaN : Date.parse(date))).filter((t) => !Number.isNaN(t));
  return Math.max(Number.NEGATIVE_INFINITY, ...times);
}

/** Incidents active since the date (ISO), passing mentions left out, most recently active first. */
export async function activeIncidents(incidents: IncidentRepository, query: { since: string; country?: string; limit: number }): Promise<Incident[]> {
  const from = Date.parse(query.since);
  const candidates = await incidents.listRecent(query);
  return candidates
    .filter((incident) => !incident.context && lastActivity(incident) >= from)
    .sort((a, b) => lastActivity(b) - lastActivity(a));
}

export async function countryStatus(country: string, deps: StatusDeps): Promise<CountryStatus> {
  const since = daysAgo(deps.clock, STATUS_WINDOW_DAYS);
  const [incidents, official, feeds, health] = await Promise.all([
    activeIncidents(deps.incidents, { since, country, limit: STATUS_INCIDENT_LIMIT }),
    deps.officialAdvice.forCountry(country),
    deps.feeds.list(),
    deps.feedHealth.list(),
  ]);
  const assessment = assessIncidents(incidents);
  return { country, since, incidents, official, ...(assessment ? { assessment } : {}), feeds: summariseFeeds(feeds, health) };
}

/** Highest severity among open incidents; ties go to the most recently active one. */
export function assessIncidents(incidents: readonly Incident[]): StatusAssessment | undefined {
  const open = incidents.filter((incident) => incident.status === 'open');
  const driver = open.reduce<Incident | undefined>((top, incident) => {
    if (top === undefined || incident.severity > top.severity) return incident;
    if (incident.severity === top.severity && lastActivity(incident) > lastActivity(top)) return incident;
    return top;
  }, undefined);
  return driver ? { severity: driver.severity, driver, open: open.length } : undefined;
}

export function summariseFeeds(feeds: readonly Feed[], health: readonly FeedHealth[]): FeedsSummary {
  const enabled = new Set(feeds.filter((feed) => feed.enabled).map((feed) => feed.url));
  const active = health.filter((h) => enabled.has(h.url));
  const latest = (values: readonly (string | undefined)[]) => values.filter((v): v is string => v !== undefined).sort().at(-1);
  const lastPollAt = latest(active.map((h) => h.lastPollAt));
  const lastSuccessAt = latest(active.map((h) => h.lastSuccessAt));
  return {
    active: enabled.size,
    ...(lastPollAt ? { lastPollAt } : {}),
    ...(lastSuccessAt ? { lastSuccessAt } : {}),
    failing: active.filter((h) => !h.paused && h.consecutiveFailures > 0).length,
    paused: active.filter((h) => h.paused).length,
  };
}

import { countryName, formatDate, formatDateTime, labels } from '../../../domain/advisory/i18n.js';
import { SEVERITY_SCALE, severityLabel } from '../../../domain/advisory/severity.js';
import type { OfficialAdvice, RenderLang } from '../../../domain/advisory/types.js';
import type { Attested, Incident } from '../../../domain/model.js';
import { messages } from '../messages.js';
import type { CountryStatus, FeedsSummary, IncidentQuery } from '../services.js';
import { code, embed, link, safe, type Reply } from './format.js';

const ATTRIBUTION_ROLES = new Set(['claimed', 'suspected', 'not_claimed']);

/** "1 July 2025 · Kidnapping · Kayes — Three Indians abducted `inc-…`" */
export function incidentLine(incident: Incident, lang: RenderLang): string {
  const l = labels(lang);
  const when = incident.eventDate ? formatDate(incident.eventDate, lang) : formatDate(incident.createdAt, lang);
  const place = incident.places[0]?.value.name ?? countryName(incident.country, lang);
  const status = incident.status === 'resolved' ? ` (${messages(lang).status.resolved})` : '';
  return `${safe(when)} · ${l.eventType[incident.eventType]} · ${safe(place)} — ${safe(incident.title)}${status} ${code(incident.id)}`;
}

function officialLine(advice: OfficialAdvice, lang: RenderLang): string {
  const l = labels(lang);
  const level = advice.level ? ` · ${l.level} ${advice.level}/4` : '';
  return `${link(l.officialSource[advice.source], advice.url)}${level} (${safe(formatDate(advice.updated, lang))}): ${safe(advice.summary)}`;
}

/** The latest development of an incident, or who first reported it. */
function latestLine(incident: Incident, lang: RenderLang): string {
  const m = messages(lang);
  const sourceName = (documentId: string | undefined) => incident.sources.find((source) => source.documentId === documentId)?.name ?? documentId ?? '?';
  const latest = incident.updates.at(-1);
  if (latest) return safe(m.latestUpdate(formatDate(latest.at, lang), latest.changes.join('; '), sourceName(latest.documentId)));
  return safe(m.firstReported(formatDate(incident.createdAt, lang), sourceName(incident.sources[0]?.documentId)));
}

function feedsLine(feeds: FeedsSummary, lang: RenderLang): string {
  const m = messages(lang);
  return feeds.lastPollAt
    ? m.feedsPolled(formatDateTime(feeds.lastPollAt, lang), feeds.active, feeds.failing, feeds.paused)
    : m.feedsNotPolled(feeds.active);
}

/**
 * The bot's assessment first (highest open severity and the incident behind it), then the open
 * incidents with their latest development, official advice per publisher, and when feeds were polled.
 */
export function statusReply(status: CountryStatus, lang: RenderLang): Reply {
  const m = messages(lang);
  const { assessment } = status;
  const open = status.incidents.filter((incident) => incident.status === 'open');
  const summary = status.incidents.length === 0 ? m.quiet : m.statusSummary(status.incidents.length, open.length, formatDate(status.since, lang));
  const head = assessment
    ? [`**${m.highestSeverity(severityLabel(assessment.severity, lang))}**`, m.setBy(incidentLine(assessment.driver, lang))]
    : [`**${m.noOpenIncident}**`];
  return {
    embeds: [
      embed({
        title: m.statusTitle(countryName(status.country, lang)),
        lines: [...head, safe(summary), safe(feedsLine(status.feeds, lang))],
        fields: [
          { name: m.openIncidents, lines: open.map((incident) => `${incidentLine(incident, lang)}\n↳ ${latestLine(incident, lang)}`) },
          { name: m.officialAdvice, lines: status.official.map((advice) => officialLine(advice, lang)) },
        ],
        ...(assessment ? { colour: SEVERITY_SCALE[assessment.severity].colour } : {}),
        footer: m.footer,
        more: m.more,
      }),
    ],
  };
}

export function incidentsReply(incidents: readonly Incident[], query: IncidentQuery, lang: RenderLang): Reply {
  const m = messages(lang);
  const country = query.country ? countryName(query.country, lang) : undefined;
  const lines = incidents.map((incident) => incidentLine(incident, lang));
  return {
    embeds: [
      embed({
        title: m.incidentsTitle(query.days, country),
        lines: incidents.length === 0 ? [m.noIncidents] : [m.incidentCount(incidents.length), ...lines],
        footer: m.footer,
        more: m.more,
      }),
    ],
  };
}

/** "per The Wire, RFI": the names of the sources that assert a value. */
function per(incident: Incident, attested: Attested<unknown>, lang: RenderLang): string {
  const names = attested.sources.map((id) => incident.sources.find((source) => source.documentId === id)?.name ?? id);
  return names.length === 0 ? '' : ` (${labels(lang).per} ${safe([...new Set(names)].join(', '))})`;
}

export function incidentReply(incident: Incident, lang: RenderLang): Reply {
  const m = messages(lang);
  const l = labels(lang);
  const when = incident.eventDate ? `${l.when}: ${formatDate(incident.eventDate, lang)}` : '';
  const head = [
    `**${l.eventType[incident.eventType]} · ${severityLabel(incident.severity, lang)} · ${incident.status === 'open' ? m.status.open : m.status.resolved}**`,
    safe([when, countryName(incident.country, lang)].filter(Boolean).join(' · ')),
  ];
  const attribution = incident.actors
    .filter((actor) => ATTRIBUTION_ROLES.has(actor.value.role))
    .map((actor) => `${safe(actor.value.name)} ${l.attributionRole[actor.value.role as 'claimed' | 'suspected' | 'not_claimed']}${per(incident, actor, lang)}`);
  return {
    embeds: [
      embed({
        title: incident.title,
        lines: head,
        fields: [
          { name: m.places, lines: incident.places.map((place) => `${safe(place.value.name)}${per(incident, place, lang)}`) },
          { name: m.victims, lines: incident.victims.map((victims) => `${safe(l.victims(victims.value))}${per(incident, victims, lang)}`) },
          { name: l.field.attribution, lines: attribution },
          {
            name: l.field.sources,
            lines: incident.sources.map((source) => `${link(source.name, source.url)}${source.published ? ` · ${safe(formatDate(source.published, lang))}` : ''}`),
          },
        ],
        colour: SEVERITY_SCALE[incident.severity].colour,
        timestamp: incident.updatedAt,
        footer: `${incident.id} · ${m.updatedAt(formatDateTime(incident.updatedAt, lang))}`,
        more: m.more,
      }),
    ],
  };
}

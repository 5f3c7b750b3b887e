import { countryName, formatDate, formatDateTime, labels, localized, type Labels } from './i18n.js';
import { SEVERITY_SCALE, severityLabel } from './severity.js';
import type { Advisory, AdvisoryPlace, AttributionRole, ChangeValue, Origin, RenderLang, Statement } from './types.js';

/** One line of a section: plain (unescaped) text, with a link when there is one. */
export interface Line {
  readonly text: string;
  readonly url?: string;
}

export interface Section {
  readonly key: 'location' | 'event' | 'changes' | 'attribution' | 'actions' | 'assistance' | 'official' | 'sources';
  readonly name: string;
  readonly lines: readonly Line[];
}

/** What every renderer shows, in the reader's language, before any escaping or clipping. */
export interface Layout {
  readonly tag: string;
  readonly title: string;
  readonly headline: string;
  readonly severity: string;
  readonly colour: number;
  readonly sections: readonly Section[];
  readonly footer: string;
  readonly timestamp: string;
  readonly url?: string;
  readonly links: readonly { readonly label: string; readonly url: string }[];
}

export function isHttpUrl(url: string | undefined): url is string {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function tagText(advisory: Pick<Advisory, 'status'>, lang: RenderLang): string {
  const t = labels(lang).tag;
  if (advisory.status.tag === 'new') return t.new;
  if (advisory.status.tag === 'resolved') return t.resolved;
  return `${t.update} ${advisory.status.update ?? 1}`;
}

const PLACE_ORDER: Readonly<Record<AdvisoryPlace['kind'], number>> = { town: 0, cercle: 1, region: 2, country: 3 };

function primaryPlace(advisory: Advisory): string | undefined {
  return [...advisory.location.places]
    .sort((a, b) => PLACE_ORDER[a.value.kind] - PLACE_ORDER[b.value.kind])[0]?.value.name;
}

/** "Kidnapping — Kayes, Mali", the short name of an advisory. */
export function advisoryHeading(advisory: Advisory, lang: RenderLang): string {
  const l = labels(lang);
  const where = [primaryPlace(advisory), countryName(advisory.location.country.value, lang)].filter(Boolean).join(', ');
  return `${l.eventType[advisory.event.type.value]} — ${where}`;
}

function headline(advisory: Advisory, l: Labels): string {
  const lang = l.lang;
  const what = advisory.event.victims.length > 0
    ? advisory.event.victims.slice(0, 3).map((v) => l.victims(v.value)).join('; ')
    : l.eventType[advisory.event.type.value];
  const where = [advisory.event.sites[0]?.value.name, primaryPlace(advisory), countryName(advisory.location.country.value, lang)]
    .filter(Boolean).join(', ');
  const when = advisory.event.date ? formatDate(advisory.event.date.value, lang) : undefined;
  return [what, where, when].filter(Boolean).join(' · ');
}

function sourceNames(advisory: Advisory): Map<string, string> {
  return new Map(advisory.sources.items.map((s) => [s.documentId, s.name]));
}

function per(origin: Origin, names: Map<string, string>, l: Labels): string {
  if (origin.kind !== 'facts') return '';
  const list = [...new Set(origin.sources.map((id) => names.get(id) ?? id))];
  return list.length === 0 ? '' : ` (${l.per} ${list.join(', ')})`;
}

function locationLines(advisory: Advisory, l: Labels): Line[] {
  const places = advisory.location.places.map((p) => ({ text: `${p.value.name} (${l.placeKind[p.value.kind]})` }));
  return [...places, { text: countryName(advisory.location.country.value, l.lang) }];
}

function eventLines(advisory: Advisory, l: Labels, names: Map<string, string>): Line[] {
  const e = advisory.event;
  const lines: Line[] = [{ text: l.eventType[e.type.value] }];
  if (e.date) lines.push({ text: `${l.when}: ${formatDate(e.date.value, l.lang)}` });
  for (const v of e.victims) lines.push({ text: `${l.victims(v.value)}${per(v.origin, names, l)}` });
  for (const s of e.sites) lines.push({ text: `${l.site}: ${s.value.name}${per(s.origin, names, l)}` });
  const developments = [...new Set(e.developments.map((d) => l.eventType[d.value]))];
  if (developments.length > 0) lines.push({ text: `${l.developments}: ${developments.join(', ')}` });
  return lines;
}

function changeText(change: ChangeValue, l: Labels): string {
  switch (change.kind) {
    case 'severity': return l.severityChanged(severityLabel(change.from, l.lang), severityLabel(change.to, l.lang));
    case 'resolved': return l.resolved;
    case 'development': return `${l.newDevelopment}: ${l.eventType[change.event]}`;
    case 'victims': return l.victims(change.victims);
    case 'place': return `${l.newPlace}: ${change.name}`;
    case 'site': return `${l.newSite}: ${change.name}`;
    case 'attribution': return `${change.claim.actor} ${l.attributionRole[change.claim.role]}`;
    case 'advice': return `${l.newAdvice}: ${change.text}`;
    case 'sources': return l.newSources(change.names.join(', '));
  }
}

function changeLines(advisory: Advisory, l: Labels, names: Map<string, string>): Line[] {
  return advisory.changes.map((c: Statement<ChangeValue>) => ({
    text: `${changeText(c.value, l)}${c.value.kind === 'sources' ? '' : per(c.origin, names, l)}`,
  }));
}

/** One line per actor and role, with every source that says so. */
function attributionLines(advisory: Advisory, l: Labels, names: Map<string, string>): Line[] {
  const groups = new Map<string, { actor: string; role: AttributionRole; sources: string[] }>();
  for (const c of advisory.attribution.claims) {
    const key = `${c.value.actorId}|${c.value.role}`;
    const group = groups.get(key) ?? { actor: c.value.actor, role: c.value.role, sources: [] };
    if (c.origin.kind === 'facts') group.sources.push(...c.origin.sources);
    groups.set(key, group);
  }
  const lines: Line[] = advisory.attribution.disputed ? [{ text: l.disputed }] : [];
  for (const g of groups.values()) {
    const origin: Origin = { kind: 'facts', sources: g.sources, evidence: [] };
    lines.push({ text: `${g.actor}: ${l.attributionRole[g.role]}${per(origin, names, l)}` });
  }
  return lines;
}

function actionLines(advisory: Advisory, l: Labels, names: Map<string, string>): Line[] {
  return advisory.actions.map((a) => {
    const by = a.value.by === undefined ? '' : ` — ${l.adviceBy} ${a.value.by}`;
    return { text: `${localized(a.value.text, l.lang)}${by}${per(a.origin, names, l)}` };
  });
}

function assistanceLines(advisory: Advisory, l: Labels): Line[] {
  return advisory.assistance.map(({ value: c }) => {
    const phones = (c.phones ?? []).map((p) => (p.label ? `${p.label[l.lang]}: ${p.number}` : p.number));
    const parts = [c.name[l.lang], ...phones, ...(c.email ? [c.email] : []), ...(c.note ? [c.note[l.lang]] : [])];
    return isHttpUrl(c.url) ? { text: parts.join(' · '), url: c.url } : { text: parts.join(' · ') };
  });
}

function officialLines(advisory: Advisory, l: Labels): Line[] {
  return advisory.official.map(({ value: a }) => {
    const level = a.level === undefined ? '' : ` ${l.level} ${a.level} (${SEVERITY_SCALE[a.level].meaning[l.lang]}).`;
    const text = `${l.officialSource[a.source]}:${level} ${a.summary} (${l.updated} ${formatDate(a.updated, l.lang)})`;
    return isHttpUrl(a.url) ? { text, url: a.url } : { text };
  });
}

function sourceLines(advisory: Advisory, l: Labels): Line[] {
  const s = advisory.sources;
  const head = { text: `${l.sourcesCount(s.count)}, ${l.firstSeen} ${formatDateTime(s.firstSeen, l.lang)}` };
  return [head, ...s.items.map((item) => {
    const date = item.published ? ` (${formatDate(item.published, l.lang)})` : '';
    return isHttpUrl(item.url) ? { text: `${item.name}${date}`, url: item.url } : { text: `${item.name}${date}` };
  })];
}

/** Lays an advisory out in the reader's language; renderers then escape and fit it. */
export function layoutAdvisory(advisory: Advisory, lang: RenderLang): Layout {
  const l = labels(lang);
  const names = sourceNames(advisory);
  const level = advisory.severity.value;
  const sections: Section[] = [
    { key: 'location', name: l.field.location, lines: locationLines(advisory, l) },
    { key: 'event', name: l.field.event, lines: eventLines(advisory, l, names) },
    { key: 'changes', name: l.field.changes, lines: changeLines(advisory, l, names) },
    { key: 'attribution', name: l.field.attribution, lines: attributionLines(advisory, l, names) },
    { key: 'actions', name: l.field.actions, lines: actionLines(advisory, l, names) },
    { key: 'assistance', name: l.field.assistance, lines: assistanceLines(advisory, l) },
    { key: 'official', name: l.field.official, lines: officialLines(advisory, l) },
    { key: 'sources', name: l.field.sources, lines: sourceLines(advisory, l) },
  ];
  const tag = tagText(advisory, lang);
  const links = [...new Map(advisory.sources.items.filter((s) => isHttpUrl(s.url)).map((s) => [s.url as string, s.name])).entries()]
    .map(([url, label]) => ({ label, url }));
  const firstUrl = links[0]?.url;
  return {
    tag,
    title: `[${tag}] ${advisoryHeading(advisory, lang)}`,
    headline: headline(advisory, l),
    severity: `${l.field.severity} ${severityLabel(level, lang)} — ${SEVERITY_SCALE[level].meaning[lang]}`,
    colour: SEVERITY_SCALE[level].colour,
    sections: sections.filter((s) => s.lines.length > 0),
    footer: `${l.incident} ${advisory.incidentId} · v${advisory.version} · ${l.issued} ${formatDateTime(advisory.issuedAt, lang)}`,
    timestamp: advisory.updatedAt,
    ...(firstUrl === undefined ? {} : { url: firstUrl }),
    links,
  };
}

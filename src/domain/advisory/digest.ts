import type { Severity } from '../model.js';
import { consoleSafe } from './escape.js';
import { fitEmbed } from './fit.js';
import { formatDateTime, labels } from './i18n.js';
import { advisoryHeading, isHttpUrl, layoutAdvisory, tagText, type Line } from './layout.js';
import type { RenderedMessage } from './rendered.js';
import { SEVERITY_SCALE } from './severity.js';
import { textLine } from './text.js';
import type { Advisory, RenderLang } from './types.js';

export interface DigestPeriod {
  /** ISO start (exclusive) and end (inclusive) of the period. */
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
}

interface DigestItem {
  readonly latest: Advisory;
  readonly tags: readonly string[];
}

// One field is kept for the "and N more" note.
const MAX_ITEMS = 24;

/** One item per incident: its latest advisory and every status it went through in the period. */
function group(advisories: readonly Advisory[], lang: RenderLang): DigestItem[] {
  const byIncident = new Map<string, Advisory[]>();
  for (const a of advisories) byIncident.set(a.incidentId, [...(byIncident.get(a.incidentId) ?? []), a]);
  return [...byIncident.values()]
    .map((list) => {
      const sorted = [...list].sort((a, b) => a.version - b.version);
      return { latest: sorted[sorted.length - 1] as Advisory, tags: [...new Set(sorted.map((a) => tagText(a, lang)))] };
    })
    .sort((a, b) => b.latest.severity.value - a.latest.severity.value || b.latest.updatedAt.localeCompare(a.latest.updatedAt));
}

function itemLines(item: DigestItem, lang: RenderLang): Line[] {
  const layout = layoutAdvisory(item.latest, lang);
  const first = item.latest.sources.items.find((s) => isHttpUrl(s.url));
  const sources = labels(lang).sourcesCount(item.latest.sources.count);
  return [
    { text: layout.severity },
    { text: layout.headline },
    first?.url === undefined ? { text: sources } : { text: `${sources}: ${first.name}`, url: first.url },
  ];
}

function itemName(item: DigestItem, lang: RenderLang): string {
  return `[${item.tags.join(', ')}] ${advisoryHeading(item.latest, lang)}`;
}

/** One message summarising the advisories of a digest period, most severe first. */
export function renderDigest(advisories: readonly Advisory[], period: DigestPeriod, lang: RenderLang): RenderedMessage {
  const l = labels(lang);
  const items = group(advisories, lang);
  const shown = items.slice(0, MAX_ITEMS);
  const hidden = items.length - shown.length;
  const title = `[${l.tag.digest}] ${l.digestTitle(items.length)}`;
  const periodText = l.digestPeriod(
    formatDateTime(period.from, lang, period.timezone),
    formatDateTime(period.to, lang, period.timezone),
    period.timezone,
  );
  const top = items.reduce<Severity>((max, i) => (i.latest.severity.value > max ? i.latest.severity.value : max), 1);
  const fields = shown.map((item) => ({ name: itemName(item, lang), lines: itemLines(item, lang) }));
  if (hidden > 0) fields.push({ name: '…', lines: [{ text: l.digestMore(hidden) }] });
  const discord = fitEmbed({
    title,
    body: periodText,
    fields,
    colour: SEVERITY_SCALE[top].colour,
    timestamp: period.to,
    links: [],
    more: l.moreLines,
  });
  const text = [
    consoleSafe(title),
    consoleSafe(periodText),
    ...items.flatMap((item) => ['', consoleSafe(itemName(item, lang)), ...itemLines(item, lang).map((line) => `  - ${textLine(line)}`)]),
  ].join('\n');
  const sources = items.flatMap((i) => i.latest.sources.items.map((s) => (s.url === undefined ? { name: s.name } : { name: s.name, url: s.url })));
  return { kind: 'digest', tag: l.tag.digest, severity: top, title, text, sources, discord };
}

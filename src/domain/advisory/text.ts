import { consoleSafe } from './escape.js';
import { formatDateTime, labels } from './i18n.js';
import { layoutAdvisory, type Line } from './layout.js';
import type { Advisory, RenderLang } from './types.js';

export function textLine(line: Line): string {
  const text = consoleSafe(line.text);
  return line.url === undefined ? text : `${text} <${consoleSafe(line.url)}>`;
}

/** The advisory as plain text for a console or a log; untrusted text is stripped of control characters. */
export function renderText(advisory: Advisory, lang: RenderLang): string {
  const layout = layoutAdvisory(advisory, lang);
  const out = [consoleSafe(layout.title), consoleSafe(layout.severity), consoleSafe(layout.headline)];
  for (const section of layout.sections) {
    out.push('', section.name, ...section.lines.map((l) => `  - ${textLine(l)}`));
  }
  const updated = `${labels(lang).updated} ${formatDateTime(advisory.updatedAt, lang)}`;
  out.push('', `${consoleSafe(layout.footer)} · ${updated}`);
  return out.join('\n');
}

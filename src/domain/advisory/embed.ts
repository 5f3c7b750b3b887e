import type { DiscordMessage } from './discord.js';
import { fitEmbed } from './fit.js';
import { labels } from './i18n.js';
import { layoutAdvisory } from './layout.js';
import type { Advisory, RenderLang } from './types.js';

/** The advisory as one Discord embed with link buttons to its sources, within all limits. */
export function renderEmbed(advisory: Advisory, lang: RenderLang): DiscordMessage {
  const layout = layoutAdvisory(advisory, lang);
  return fitEmbed({
    title: layout.title,
    lead: layout.severity,
    body: layout.headline,
    fields: layout.sections.map((s) => ({ name: s.name, lines: s.lines })),
    footer: layout.footer,
    colour: layout.colour,
    timestamp: layout.timestamp,
    ...(layout.url === undefined ? {} : { url: layout.url }),
    links: layout.links,
    more: labels(lang).moreLines,
  });
}

import type { Severity } from '../model.js';
import type { DiscordMessage } from './discord.js';
import { renderEmbed } from './embed.js';
import { advisoryHeading, tagText } from './layout.js';
import { renderText } from './text.js';
import type { Advisory, RenderLang } from './types.js';

/** A message ready for any sink: Discord payload, plain text, and a summary for JSON logs. */
export interface RenderedMessage {
  readonly kind: 'advisory' | 'digest';
  readonly incidentId?: string;
  /** "NEW", "UPDATE 2", "RESOLVED", "DIGEST" (in the reader's language). */
  readonly tag: string;
  readonly severity?: Severity;
  readonly title: string;
  readonly text: string;
  readonly sources: readonly { readonly name: string; readonly url?: string }[];
  readonly discord: DiscordMessage;
}

export function renderAdvisory(advisory: Advisory, lang: RenderLang): RenderedMessage {
  return {
    kind: 'advisory',
    incidentId: advisory.incidentId,
    tag: tagText(advisory, lang),
    severity: advisory.severity.value,
    title: advisoryHeading(advisory, lang),
    text: renderText(advisory, lang),
    sources: advisory.sources.items.map((s) => (s.url === undefined ? { name: s.name } : { name: s.name, url: s.url })),
    discord: renderEmbed(advisory, lang),
  };
}

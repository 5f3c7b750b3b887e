import type { APIEmbed } from 'discord.js';
import { discordSafe } from '../../../domain/advisory/escape.js';
import { isHttpUrl } from '../../../domain/advisory/layout.js';
import { clip, EMBED_LIMITS } from '../../../domain/advisory/limits.js';
import { fitLines } from '../../../domain/advisory/fit.js';

/** What a command answers with; mentions are never parsed (the router sets allowed_mentions). */
export interface Reply {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** For the caller's eyes only, even when the command answers publicly (errors, refusals). */
  readonly private?: boolean;
}

/** Untrusted text (from feeds, users, the store) made inert: no markdown, no mentions. */
export const safe = (text: string): string => discordSafe(text);

/** An id shown as inline code; ids never need backticks, so they are dropped rather than escaped. */
export const code = (id: string): string => `\`${id.replace(/`/g, '')}\``;

/** A markdown link when the URL is http(s), the plain (escaped) text otherwise. */
export function link(text: string, url: string | undefined): string {
  if (!isHttpUrl(url)) return safe(text);
  const href = new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${safe(text)}](${href})`;
}

// Budgets well inside Discord's limits, so that any combination stays under 6000 characters.
const DESCRIPTION_BUDGET = 2500;
const FIELD_BUDGET = 700;
const MAX_FIELDS = 4;

export interface EmbedSpec {
  readonly title: string;
  /** Lines already made safe (see `safe`, `link`, `code`). */
  readonly lines?: readonly string[];
  readonly fields?: readonly { readonly name: string; readonly lines: readonly string[] }[];
  readonly colour?: number;
  readonly timestamp?: string;
  readonly footer: string;
  readonly more: (n: number) => string;
}

const asLines = (lines: readonly string[]) => lines.map((line) => ({ markdown: line, plain: line }));

/** One embed within Discord's limits: whole lines are kept and the rest counted as "… and N more". */
export function embed(spec: EmbedSpec): APIEmbed {
  const description = spec.lines && spec.lines.length > 0 ? fitLines(asLines(spec.lines), DESCRIPTION_BUDGET, spec.more) : '';
  const fields = (spec.fields ?? [])
    .filter((field) => field.lines.length > 0)
    .slice(0, MAX_FIELDS)
    .map((field) => ({ name: clip(safe(field.name), EMBED_LIMITS.fieldName), value: fitLines(asLines(field.lines), FIELD_BUDGET, spec.more) }));
  return {
    title: clip(safe(spec.title), EMBED_LIMITS.title),
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(spec.colour === undefined ? {} : { color: spec.colour }),
    ...(spec.timestamp ? { timestamp: spec.timestamp } : {}),
    footer: { text: clip(spec.footer, EMBED_LIMITS.footer) },
  };
}

export const notice = (text: string): Reply => ({ content: clip(text, 2000) });

/** A refusal or an error: shown to the caller only. */
export const problem = (text: string): Reply => ({ content: clip(`⚠️ ${text}`, 2000), private: true });

import type { ActionRow, DiscordMessage, Embed, EmbedField, LinkButton } from './discord.js';
import { discordSafe } from './escape.js';
import { isHttpUrl, type Line } from './layout.js';
import { clip, EMBED_LIMITS } from './limits.js';

/** An embed before escaping and fitting: plain text everywhere. */
export interface EmbedDraft {
  readonly title: string;
  /** Trusted lead line (our own labels), shown in bold above the body. */
  readonly lead?: string;
  readonly body: string;
  readonly fields: readonly { readonly name: string; readonly lines: readonly Line[] }[];
  readonly footer?: string;
  readonly colour: number;
  readonly timestamp: string;
  readonly url?: string;
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly more: (n: number) => string;
}

// Our own layout stays well inside Discord's maxima so that fields always keep room.
const DESCRIPTION_BUDGET = 2000;
const FOOTER_BUDGET = 512;
const LINE_BUDGET = 400;
const MIN_FIELD_VALUE = 16;
const MAX_LINK_ROWS = 2;

interface RenderedLine {
  readonly markdown: string;
  readonly plain: string;
}

/** A URL as it may stand inside a markdown link: parentheses and spaces would end it early. */
function markdownUrl(url: string): string {
  return new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

function renderLine(line: Line): RenderedLine {
  const plain = `• ${clip(discordSafe(line.text), LINE_BUDGET)}`;
  if (!isHttpUrl(line.url)) return { markdown: plain, plain };
  const url = markdownUrl(line.url);
  if (url.length > EMBED_LIMITS.buttonUrl) return { markdown: plain, plain };
  return { markdown: `• [${clip(discordSafe(line.text), LINE_BUDGET)}](${url})`, plain };
}

/** As many whole lines as fit in `max`, then "… and N more"; a clipped first line when none fits. */
export function fitLines(lines: readonly RenderedLine[], max: number, more: (n: number) => string): string {
  const whole = lines.map((l) => l.markdown).join('\n');
  if (whole.length <= max) return whole;
  const kept: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as RenderedLine).markdown;
    const add = (kept.length > 0 ? 1 : 0) + line.length;
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? 1 + more(rest).length : 0;
    if (used + add + tail > max) break;
    kept.push(line);
    used += add;
  }
  if (kept.length === 0) return clip((lines[0] as RenderedLine).plain, max);
  return [...kept, more(lines.length - kept.length)].join('\n');
}

/** Shares `available` characters among fields: small ones get all they need, large ones split the rest. */
function allowances(needs: readonly number[], available: number): number[] {
  const out = needs.map(() => 0);
  const order = needs.map((need, i) => ({ need, i })).sort((a, b) => a.need - b.need);
  let remaining = Math.max(0, available);
  order.forEach(({ need, i }, k) => {
    const share = Math.floor(remaining / (order.length - k));
    out[i] = Math.min(need, share);
    remaining -= out[i] as number;
  });
  return out;
}

function fitFields(draft: EmbedDraft, available: number): EmbedField[] {
  const candidates = draft.fields.slice(0, EMBED_LIMITS.fields).map((f) => ({
    name: clip(discordSafe(f.name) || '—', EMBED_LIMITS.fieldName),
    lines: f.lines.map(renderLine),
  }));
  const names = candidates.reduce((n, f) => n + f.name.length, 0);
  const needs = candidates.map((f) => Math.min(EMBED_LIMITS.fieldValue, f.lines.reduce((n, l) => n + l.markdown.length + 1, 0)));
  const given = allowances(needs, available - names);
  return candidates.flatMap((f, i) => {
    const allowance = given[i] as number;
    if (f.lines.length === 0 || allowance < MIN_FIELD_VALUE) return [];
    return [{ name: f.name, value: fitLines(f.lines, allowance, draft.more) }];
  });
}

function buttons(links: EmbedDraft['links']): ActionRow[] {
  const valid: LinkButton[] = links
    .filter((l) => isHttpUrl(l.url) && l.url.length <= EMBED_LIMITS.buttonUrl)
    .slice(0, EMBED_LIMITS.buttonsPerRow * MAX_LINK_ROWS)
    .map((l) => ({ type: 2, style: 5, label: clip(l.label.trim() || l.url, EMBED_LIMITS.buttonLabel), url: l.url }));
  const rows: ActionRow[] = [];
  for (let i = 0; i < valid.length; i += EMBED_LIMITS.buttonsPerRow) {
    rows.push({ type: 1, components: valid.slice(i, i + EMBED_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** Escapes and fits a draft into one embed within every Discord limit, with link buttons. */
export function fitEmbed(draft: EmbedDraft): DiscordMessage {
  const title = clip(discordSafe(draft.title), EMBED_LIMITS.title);
  const lead = draft.lead ? `**${clip(discordSafe(draft.lead), 200)}**` : '';
  const bodyRoom = DESCRIPTION_BUDGET - lead.length - (lead ? 1 : 0);
  const body = clip(discordSafe(draft.body), bodyRoom);
  const description = [lead, body].filter(Boolean).join('\n');
  const footer = draft.footer ? clip(discordSafe(draft.footer), FOOTER_BUDGET) : '';
  const fixed = title.length + description.length + footer.length;
  const fields = fitFields(draft, EMBED_LIMITS.total - fixed);
  const embed: Embed = {
    title,
    ...(description ? { description } : {}),
    ...(isHttpUrl(draft.url) && draft.url.length <= 2048 ? { url: draft.url } : {}),
    color: draft.colour,
    timestamp: draft.timestamp,
    ...(footer ? { footer: { text: footer } } : {}),
    fields,
  };
  return { embeds: [embed], components: buttons(draft.links), allowed_mentions: { parse: [] } };
}

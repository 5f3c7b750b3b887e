import type { DiscordMessage } from './discord.js';

/** Discord's documented embed limits (characters), and the link-button limits. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  total: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  buttonUrl: 512,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` UTF-16 units, ending with an ellipsis. Counting UTF-16 units
 * never undercounts Discord's characters. A surrogate pair and an escaping backslash are
 * never split from what follows them.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, Math.max(0, cut));
  const trailingBackslashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) head = head.slice(0, -1);
  return `${head}${ELLIPSIS}`;
}

/** Characters Discord counts towards the 6000 limit of one message. */
export function embedCharacters(message: DiscordMessage): number {
  let total = 0;
  for (const e of message.embeds) {
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  return total;
}

/** Every limit the message breaks, as readable strings; empty when it is within all of them. */
export function limitViolations(message: DiscordMessage): string[] {
  const out: string[] = [];
  const over = (what: string, length: number, max: number): void => {
    if (length > max) out.push(`${what} is ${length} > ${max}`);
  };
  over('embeds', message.embeds.length, EMBED_LIMITS.embedsPerMessage);
  message.embeds.forEach((e, i) => {
    over(`embed ${i} title`, (e.title ?? '').length, EMBED_LIMITS.title);
    over(`embed ${i} description`, (e.description ?? '').length, EMBED_LIMITS.description);
    over(`embed ${i} footer`, (e.footer?.text ?? '').length, EMBED_LIMITS.footer);
    over(`embed ${i} author`, (e.author?.name ?? '').length, EMBED_LIMITS.authorName);
    over(`embed ${i} fields`, (e.fields ?? []).length, EMBED_LIMITS.fields);
    (e.fields ?? []).forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, EMBED_LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, EMBED_LIMITS.fieldValue);
      if (f.name.trim() === '' || f.value.trim() === '') out.push(`embed ${i} field ${j} is empty`);
    });
  });
  over('total embed characters', embedCharacters(message), EMBED_LIMITS.total);
  over('rows', message.components.length, EMBED_LIMITS.rows);
  message.components.forEach((row, i) => {
    over(`row ${i} buttons`, row.components.length, EMBED_LIMITS.buttonsPerRow);
    row.components.forEach((b, j) => {
      over(`row ${i} button ${j} label`, b.label.length, EMBED_LIMITS.buttonLabel);
      over(`row ${i} button ${j} url`, b.url.length, EMBED_LIMITS.buttonUrl);
      if (!/^https?:\/\//.test(b.url)) out.push(`row ${i} button ${j} url is not http(s)`);
    });
  });
  return out;
}

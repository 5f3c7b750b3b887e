/**
 * Feed text is untrusted: it must neither format the message nor ping anyone, and it must not
 * drive a terminal. These helpers make a piece of it inert for Discord or for a console.
 */

const ZWSP = '\u200b';

// C0/C1 controls (ESC sequences included) and bidi overrides, which can disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control characters; newlines and tabs become spaces when `singleLine`. */
export function stripControls(text: string, singleLine = true): string {
  const cleaned = text.replace(CONTROL, '');
  return singleLine ? cleaned.replace(/[\t\n]+/g, ' ').replace(/ {2,}/g, ' ').trim() : cleaned;
}

/** Breaks @everyone, @here and <@id>, <@&id>, <#id>, <t:...>, </cmd:id> so that none resolves. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(?=[@#:/a-z])/gi, `<${ZWSP}`);
}

/** Escapes Discord markdown: emphasis, code, spoilers, masked links, and line-start blocks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^(\s*)([#>+-])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.');
}

/** Untrusted text made safe for a Discord message or embed. */
export function discordSafe(text: string, singleLine = true): string {
  return escapeMarkdown(neutralizeMentions(stripControls(text, singleLine)));
}

/** Untrusted text made safe for a terminal or a log line. */
export function consoleSafe(text: string): string {
  return stripControls(text, true);
}

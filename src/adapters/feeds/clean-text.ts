import { compile } from 'html-to-text';
import { CP1252_BYTE, restoreC1 } from './cp1252.js';

/**
 * Feed titles and descriptions to clean text: markup dropped, entities decoded, mojibake from double
 * UTF-8 encoding repaired, Windows-1252 punctuation stored as C1 controls restored.
 */

const heading = { options: { uppercase: false } };
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, ...heading })),
  ],
});

/** Characters that stand for a UTF-8 continuation byte when UTF-8 was read as Windows-1252. */
const CONT = `[\\u0080-\\u00bf${[...CP1252_BYTE.keys()].filter((c) => c.charCodeAt(0) > 0xff).join('')}]`;
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (run) => {
    const bytes = Uint8Array.from([...run], (c) => CP1252_BYTE.get(c) ?? c.charCodeAt(0));
    try {
      return utf8.decode(bytes);
    } catch {
      return run;
    }
  });
}

/** Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are noise in text: dropped. */
function repair(text: string): string {
  return restoreC1(repairMojibake(text)).replace(/[\u0080-\u009f]/g, '');
}

/** One line of clean text (titles). */
export function cleanLine(raw: string): string {
  const text = /[<&]/.test(raw) ? toText(raw) : raw;
  return repair(text).replace(/\s+/g, ' ').trim();
}

/** Clean text with paragraphs kept as blank-line separated blocks (descriptions, content). */
export function cleanBlock(raw: string, maxChars: number): string {
  const text = /[<&]/.test(raw) ? toText(raw) : raw;
  const paragraphs = repair(text)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');
  return paragraphs.length > maxChars ? `${paragraphs.slice(0, maxChars - 1).trimEnd()}…` : paragraphs;
}

import { isClutterLine } from './clutter.js';
import { splitGluedDateline } from './dateline.js';
import { toPlainText, looksLikeHtml } from './html.js';

/** Markup outweighs text several times over: raw HTML gets this much more room before conversion. */
const HTML_SLACK = 4;
/** Hard-wrapped lines are only rejoined when the first one is at least this long. */
const MIN_WRAPPED_LINE = 30;

/** Runs of spaces, or any other space character: a single plain space is left alone. */
const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
const SENTENCE_END = new Set([...'.!?:;…"\'»”’)]']);
const STARTS_LOWER = /^\p{Ll}/u;
/**
 * A place slug on its own line ("Bamako:"), which belongs to the paragraph after it. Tried only on
 * lines ending in a colon: on the others it backtracks through every split of their first words.
 */
const PLACE_SLUG = /^\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,2}:$/u;
/** Punctuation a slug drops from its headline ("Al Qaeda-Linked", "al qaeda linked"). */
const SEPARATORS = /[\s\-‐-―_.,;:!?'"“”‘’«»()[\]/|•·…]+/g;

interface Line {
  text: string;
  /** True when a blank line or removed clutter separates this line from the previous one. */
  broken: boolean;
}

/** Checks the last character only: an end-anchored pattern rescans the whole of a growing paragraph. */
function endsSentence(text: string): boolean {
  return SENTENCE_END.has(text[text.length - 1] ?? '');
}

/** Cuts at a line break near the limit, so the last paragraph kept is whole. */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n', maxChars);
  return cut > maxChars * 0.8 ? text.slice(0, cut) : text.slice(0, maxChars);
}

/** Anything the three replacements below would change; most bodies have none, and one scan then does. */
const UNUSUAL_SPACING = /[\r\u2028\u2029\u0085\u200b-\u200d\u2060\ufeff\u00ad\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}/;

/**
 * Characters that composition may change: combining marks start at U+0300, and every character below
 * them is in NFC and composes with nothing, so text without these (most of it) is left as it is.
 */
const MAY_COMPOSE = /[\u0300-\uffff]/;

function normalise(text: string): string {
  const spaced = UNUSUAL_SPACING.test(text) ? text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(SPACES, ' ') : text;
  return MAY_COMPOSE.test(spaced) ? spaced.normalize('NFC') : spaced;
}

/** Punctuation does not make a slug different from its headline. */
function slugKey(text: string): string {
  return text.toLowerCase().replace(SEPARATORS, ' ').trim();
}

/** Drops clutter and splits glued date labels; remembers where paragraphs were broken. */
function contentLines(text: string): Line[] {
  const kept: Line[] = [];
  let broken = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length === 0 || isClutterLine(line)) {
      broken = true;
      continue;
    }
    const parts = splitGluedDateline(line) ?? [line];
    parts.forEach((part, i) => kept.push({ text: part, broken: broken || i > 0 }));
    broken = false;
  }
  return kept;
}

/** Rejoins hard-wrapped sentences and attaches place slugs to their paragraph. */
function joinLines(lines: readonly Line[]): string[] {
  // Paragraphs are collected as lists of lines and joined once: growing strings line by line is quadratic.
  const paragraphs: string[][] = [];
  let last = '';
  let slug: string | undefined;
  for (const line of lines) {
    const current = paragraphs[paragraphs.length - 1];
    if (slug !== undefined) {
      paragraphs.push([slug, line.text]);
      slug = undefined;
    } else if (line.text.endsWith(':') && PLACE_SLUG.test(line.text)) {
      slug = line.text;
    } else if (current !== undefined && !line.broken && last.length >= MIN_WRAPPED_LINE && !endsSentence(last) && STARTS_LOWER.test(line.text)) {
      current.push(line.text);
    } else {
      paragraphs.push([line.text]);
    }
    last = line.text;
  }
  if (slug !== undefined) paragraphs.push([slug]);
  return paragraphs.map((p) => p.join(' '));
}

/** Slugs of the headline sit near the top of the page. */
const SLUG_SCOPE = 5;

/** A paragraph kept so far; lower-cased only when it has to be compared, as that copies it. */
interface Kept {
  readonly text: string;
  lower?: string;
}

function lowerOf(kept: Kept): string {
  kept.lower ??= kept.text.toLowerCase();
  return kept.lower;
}

/** The one character whose lower case is longer than itself ("İ" to "i̇"). */
const LONGER_IN_LOWER_CASE = '\u0130';

/** The length of the paragraph lower-cased: only paragraphs of the same one can be the same. */
function lowerLength(kept: Kept): number {
  return kept.text.includes(LONGER_IN_LOWER_CASE) ? lowerOf(kept).length : kept.text.length;
}

function hasAsciiCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) return true;
  }
  return false;
}

/**
 * A lower-case copy of a line near the top, as URL slugs of the headline appear: "three indians
 * kidnapped in mali ...". `top` holds the first paragraphs as written: slugs are rare, so their
 * keys are only made when a candidate turns up.
 */
function isSlug(kept: Kept, top: readonly string[]): boolean {
  const { text } = kept;
  if (endsSentence(text) || hasAsciiCapital(text) || lowerOf(kept) !== text) return false;
  const key = slugKey(text);
  return key.split(' ').length >= 4 && top.some((t) => slugKey(t).startsWith(key));
}

/** Keeps the first of repeated paragraphs (feeds repeat the standfirst), ignoring case, and drops headline slugs. */
function dedupe(paragraphs: readonly string[]): string[] {
  const seen = new Map<number, Kept[]>();
  const top: string[] = [];
  const out: string[] = [];
  for (const p of paragraphs) {
    const kept: Kept = { text: p };
    const length = lowerLength(kept);
    const sameLength = seen.get(length);
    if (sameLength?.some((k) => lowerOf(k) === lowerOf(kept)) === true || isSlug(kept, top)) continue;
    if (sameLength === undefined) seen.set(length, [kept]);
    else sameLength.push(kept);
    if (top.length < SLUG_SCOPE) top.push(p);
    out.push(p);
  }
  return out;
}

/** One line of clean text from a short field such as a feed title: markup, entities and breaks removed. */
export function cleanInline(text: string): string {
  return normalise(toPlainText(text)).replace(/\s+/g, ' ').trim();
}

/**
 * Raw text or HTML in, clean paragraphs out: entities decoded, web clutter and repeated
 * paragraphs removed. At most about `maxChars` characters of the input are looked at.
 */
export function cleanParagraphs(body: string, maxChars: number): string[] {
  const limit = looksLikeHtml(body.slice(0, 4096)) ? maxChars * HTML_SLACK : maxChars;
  const plain = capText(toPlainText(capText(body, limit)), maxChars);
  return dedupe(joinLines(contentLines(normalise(plain))));
}

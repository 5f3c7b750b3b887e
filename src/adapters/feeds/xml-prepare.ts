/**
 * Text-level repairs done before the XML parser sees a feed. The parser is strict, and feeds in the
 * wild carry junk before the declaration, DOCTYPEs, HTML entities, bare ampersands and truncated ends.
 */

export interface Prolog {
  /** Index of the root element's "<". */
  readonly rootStart: number;
  /** Qualified name of the root element ("rss", "rdf:RDF", "feed", "html"). */
  readonly rootName: string;
}

/** Drops a byte-order mark and anything before the XML declaration, or before the first markup. */
export function stripLeadingJunk(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.indexOf('<');
  if (first < 0) return body.trim();
  const declaration = /<\?xml\s/.exec(body);
  const root = /<[A-Za-z_]/.exec(body);
  if (declaration && (!root || declaration.index < root.index)) return body.slice(declaration.index);
  return body.slice(first);
}

/** Finds the root element, skipping the declaration, processing instructions, comments and DOCTYPE. */
export function scanProlog(text: string): Prolog | undefined {
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return undefined;
    if (text.startsWith('<?', lt)) i = endOf(text, '?>', lt);
    else if (text.startsWith('<!--', lt)) i = endOf(text, '-->', lt);
    else if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) i = doctypeEnd(text, lt);
    else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(lt, lt + 200))?.[1];
      return name ? { rootStart: lt, rootName: name } : undefined;
    }
    if (i < 0) return undefined;
  }
  return undefined;
}

function endOf(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** End of a DOCTYPE, internal subset included: that is where entity bombs are declared. */
function doctypeEnd(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const close = text.indexOf('>', from);
  if (close < 0) return -1;
  if (bracket < 0 || bracket > close) return close + 1;
  const subsetEnd = text.indexOf(']', bracket);
  return subsetEnd < 0 ? -1 : endOf(text, '>', subsetEnd);
}

/** Removes every DOCTYPE before the root: no DTD is fetched and no declared entity can be expanded. */
export function removeDoctype(text: string, prolog: Prolog): string {
  const head = text.slice(0, prolog.rootStart);
  const start = head.search(/<!DOCTYPE/i);
  if (start < 0) return text;
  const end = doctypeEnd(text, start);
  return end < 0 ? text : text.slice(0, start) + text.slice(end);
}

const CDATA_OR_COMMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

/** Applies `fix` to the markup outside CDATA sections and comments. */
function outsideCdata(text: string, fix: (markup: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CDATA_OR_COMMENT)) {
    out += fix(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + fix(text.slice(last));
}

/**
 * Escapes every "&" that does not start one of XML's five entities or a character reference.
 * HTML entities ("&nbsp;") and entities the removed DOCTYPE declared survive as literal text,
 * which the HTML-to-text step decodes later; undeclared ones can no longer expand to anything.
 */
export function escapeLooseAmpersands(text: string): string {
  return outsideCdata(text, (markup) => markup.replace(/&(?!(?:amp|lt|gt|quot|apos);|#\d{1,7};|#x[0-9A-Fa-f]{1,6};)/g, '&amp;'));
}

/**
 * The parser converts Atom <published>/<updated> with Date and throws on the first odd value, losing
 * the whole feed; renamed, they reach our own date reader untouched.
 */
export function renameAtomDates(text: string): string {
  return outsideCdata(text, (markup) => markup.replace(/<(\/?)(published|updated)(?=[\s>/])/g, '<$1sw-$2'));
}

/**
 * Atom text constructs of type "xhtml" hold markup, which the XML parser would split into child
 * elements and reorder; as escaped HTML they stay one string, in order.
 */
export function flattenXhtml(text: string): string {
  return text.replace(/<(title|subtitle|summary|content)(\s[^>]*?type\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1>/g, (_m, name: string, _attrs, inner: string) => {
    const escaped = inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<${name} type="html">${escaped}</${name}>`;
  });
}

/**
 * rss-parser needs a <channel>: one is added around the items of an RSS root without one, and an
 * empty one next to the items of an RDF root.
 */
export function ensureChannel(text: string, prolog: Prolog): string {
  if (/<channel[\s>/]/.test(text)) return text;
  const openEnd = text.indexOf('>', prolog.rootStart) + 1;
  if (openEnd === 0 || text[openEnd - 2] === '/') return text;
  if (prolog.rootName !== 'rss') return `${text.slice(0, openEnd)}<channel></channel>${text.slice(openEnd)}`;
  const close = text.lastIndexOf('</rss');
  const end = close < 0 ? text.length : close;
  return `${text.slice(0, openEnd)}<channel>${text.slice(openEnd, end)}</channel>${text.slice(end)}`;
}

/** Closes the elements a truncated document left open; undefined when nothing was open. */
export function closeTruncated(text: string): string | undefined {
  const trimmed = cutUnterminated(cutUnterminated(text, '<![CDATA[', ']]>'), '<!--', '-->').replace(/<[^>]*$/, '');
  const open: string[] = [];
  const markup = trimmed.replace(CDATA_OR_COMMENT, '');
  for (const tag of markup.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = tag;
    if (!name || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.lastIndexOf(name) >= 0) open.length = open.lastIndexOf(name);
  }
  if (open.length === 0) return undefined;
  return trimmed + open.reverse().map((name) => `</${name}>`).join('');
}

function cutUnterminated(text: string, open: string, close: string): string {
  const start = text.lastIndexOf(open);
  return start >= 0 && text.indexOf(close, start + open.length) < 0 ? text.slice(0, start) : text;
}

/** An Atom <feed> embedded in another document (an XHTML page), cut out. */
export function extractEmbeddedAtom(text: string): string | undefined {
  const start = text.search(/<feed[\s>][^>]*?http:\/\/www\.w3\.org\/2005\/Atom/);
  if (start < 0) return undefined;
  const end = text.lastIndexOf('</feed>');
  return end > start ? text.slice(start, end + '</feed>'.length) : undefined;
}

/** An attribute of the root element, e.g. xml:base. */
export function rootAttribute(text: string, prolog: Prolog, name: string): string | undefined {
  const close = text.indexOf('>', prolog.rootStart);
  const tag = text.slice(prolog.rootStart, close < 0 ? undefined : close);
  const escaped = name.replace(/[.:]/g, (c) => `\\${c}`);
  const match = new RegExp(`\\s${escaped}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
  return match?.[2];
}

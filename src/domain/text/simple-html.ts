/**
 * A fast converter for the plain HTML most articles and feed items are made of: paragraphs,
 * headings, divisions, links and inline emphasis, with page furniture to skip. It reproduces,
 * character for character, what html-to-text gives with the options of html.ts, by following the
 * same parsing rules (htmlparser2's implied closing of paragraphs, its treatment of stray end tags)
 * and the same layout rules (line breaks between blocks, whitespace collapsed within them).
 * Anything beyond that (lists, tables, pre, blockquote, forms, foreign content, unusual entities)
 * returns undefined, and the caller hands the page to html-to-text.
 */

/** Blocks and the line breaks html-to-text puts before and after them with our options. */
const BLOCKS: ReadonlyMap<string, number> = new Map([
  ['p', 2], ['h1', 2], ['h2', 2], ['h3', 2], ['h4', 2], ['h5', 2], ['h6', 2],
  ['div', 1], ['article', 1], ['section', 1], ['header', 1], ['footer', 1], ['main', 1],
]);
/** Elements whose text is left out, with everything inside them. */
const SKIPPED = new Set(['nav', 'aside', 'figcaption', 'picture', 'noscript', 'iframe']);
/** Elements that only carry their children's text. */
const INLINE = new Set([
  'a', 'span', 'strong', 'em', 'b', 'i', 'u', 'small', 'sup', 'sub', 'time', 'abbr', 'cite', 'mark', 'q', 's', 'font', 'code', 'label',
  'html', 'head', 'body', 'figure',
]);
/** Void elements that add nothing to the text. */
const SILENT_VOID = new Set(['img', 'meta', 'link', 'base', 'source']);
/** Opening one of these closes a paragraph left open (htmlparser2's openImpliesClose). */
const CLOSES_P = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'article', 'aside', 'figcaption', 'figure', 'footer', 'header', 'main', 'nav', 'section']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  laquo: '«', raquo: '»', hellip: '…', mdash: '—', ndash: '–', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', agrave: 'à',
  acirc: 'â', ccedil: 'ç', ocirc: 'ô', icirc: 'î', iuml: 'ï', ucirc: 'û', ugrave: 'ù', Eacute: 'É', copy: '©',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/y;
const ENTITY_START = /[A-Za-z0-9#]/;

function isTagSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A code point the decoder passes through unchanged; the others it replaces. */
function plainCodePoint(cp: number): boolean {
  return (cp >= 0x20 && cp < 0x7f) || cp === 9 || cp === 10 || (cp >= 0xa0 && cp < 0xd800) || (cp >= 0xe000 && cp <= 0x10ffff);
}

/** Decodes the entities of a text run; undefined when one is beyond this converter. */
function decodeText(text: string): string | undefined {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    if (ENTITY_START.test(text[amp + 1] ?? '')) {
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(text);
      if (m === null) return undefined;
      let decoded: string | undefined;
      if (m[3] !== undefined) decoded = NAMED[m[3]];
      else {
        const cp = m[1] !== undefined ? Number(m[1]) : Number.parseInt(m[2] ?? '', 16);
        decoded = plainCodePoint(cp) ? String.fromCodePoint(cp) : undefined;
      }
      if (decoded === undefined) return undefined;
      out += text.slice(from, amp) + decoded;
      from = amp + m[0].length;
    }
    amp = text.indexOf('&', amp + 1);
  }
  return out + text.slice(from);
}

/** One block being laid out, as html-to-text's block stack item with its inline builder. */
interface Block {
  raw: string;
  /** Finished lines, then the line being written: words joined by single spaces, as no line is ever wrapped. */
  lines: string[];
  line: string;
  stashedBreaks: number;
  leadingBreaks: number;
  stashedSpace: boolean;
}

/** html-to-text's whitespace: space, tab, carriage return, line feed, form feed, zero-width space. */
const SPACE_RUN = /[ \t\r\n\f\u200b]+/g;
/** Most runs of article text have single spaces only, and need no replacement. */
const UNCOLLAPSED = /[\t\r\n\f\u200b]| {2}/;

function newBlock(leadingBreaks: number): Block {
  return { raw: '', lines: [], line: '', stashedBreaks: 0, leadingBreaks, stashedSpace: false };
}

function startNewLine(block: Block, n: number): void {
  block.lines.push(block.line);
  for (let i = 1; i < n; i++) block.lines.push('');
  block.line = '';
}

function textOf(block: Block): string {
  if (block.lines.length === 0) return block.raw + block.line;
  return `${block.raw}${block.lines.join('\n')}\n${block.line}`;
}

/** A text run: its words join the line, the first glued to the last word when no space separates them. */
function addInline(block: Block, text: string): void {
  if (text.length === 0) return;
  const collapsed = UNCOLLAPSED.test(text) ? text.replace(SPACE_RUN, ' ') : text;
  const leading = collapsed.startsWith(' ');
  const trailing = collapsed.endsWith(' ');
  const words = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (block.stashedBreaks > 0 && words.length === 0) return;
  if (block.stashedBreaks > 0) startNewLine(block, block.stashedBreaks);
  if (words.length > 0) {
    const glued = !block.stashedSpace && !leading;
    block.line = block.line.length === 0 ? words : glued ? block.line + words : `${block.line} ${words}`;
  }
  block.stashedSpace = trailing;
  block.stashedBreaks = 0;
}

function addText(block: Block, text: string, leading: number, trailing: number): void {
  const parentText = textOf(block);
  const breaks = Math.max(block.stashedBreaks, leading);
  block.lines = [];
  block.line = '';
  if (parentText.length > 0) block.raw = parentText + '\n'.repeat(breaks) + text;
  else {
    block.raw = text;
    block.leadingBreaks = breaks;
  }
  block.stashedBreaks = trailing;
}

/** The open elements and the blocks they opened, innermost last. */
class Layout {
  private readonly stack: string[] = [];
  private readonly blocks: Block[] = [newBlock(1)];
  private skipping = 0;

  get open(): readonly string[] {
    return this.stack;
  }

  private get block(): Block {
    return this.blocks[this.blocks.length - 1] as Block;
  }

  text(text: string): void {
    if (this.skipping === 0) addInline(this.block, text);
  }

  lineBreak(): void {
    if (this.skipping === 0) startNewLine(this.block, 1);
  }

  openTag(name: string): void {
    if (CLOSES_P.has(name)) while (this.stack[this.stack.length - 1] === 'p') this.closeTop();
    this.stack.push(name);
    if (SKIPPED.has(name)) this.skipping++;
    else if (this.skipping === 0 && BLOCKS.has(name)) this.blocks.push(newBlock(BLOCKS.get(name) ?? 1));
  }

  /** Closes the innermost open element of that name with all inside it; false when none is open. */
  closeTag(name: string): boolean {
    const at = this.stack.lastIndexOf(name);
    if (at < 0) return false;
    while (this.stack.length > at) this.closeTop();
    return true;
  }

  private closeTop(): void {
    const name = this.stack.pop() ?? '';
    if (SKIPPED.has(name)) this.skipping--;
    else if (this.skipping === 0 && BLOCKS.has(name)) {
      const block = this.blocks.pop() as Block;
      addText(this.block, textOf(block), block.leadingBreaks, Math.max(block.stashedBreaks, BLOCKS.get(name) ?? 1));
    }
  }

  ignoreRest(): void {
    this.skipping++;
  }

  /** Starts again from an empty page: what came before the body is not part of the text. */
  reset(): void {
    this.blocks.length = 0;
    this.blocks.push(newBlock(1));
  }

  finish(): string {
    while (this.stack.length > 0) this.closeTop();
    return textOf(this.block);
  }
}

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  /** `<name ... />`: htmlparser2 ignores the slash, except that a raw-text element then holds markup. */
  readonly selfClosing: boolean;
  readonly end: number;
}

function skipSpaces(html: string, i: number): number {
  while (i < html.length && isTagSpace(html.charCodeAt(i))) i++;
  return i;
}

/** Skips one attribute from its name on, as htmlparser2's tokenizer does; -1 when the input ends first. */
function skipAttribute(html: string, i: number): number {
  while (i < html.length && html[i] !== '=' && html[i] !== '/' && html[i] !== '>' && !isTagSpace(html.charCodeAt(i))) i++;
  const afterName = skipSpaces(html, i);
  if (html[afterName] !== '=') return afterName;
  const value = skipSpaces(html, afterName + 1);
  const quote = html[value];
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, value + 1);
    return close < 0 ? -1 : close + 1;
  }
  let end = value;
  while (end < html.length && html[end] !== '>' && !isTagSpace(html.charCodeAt(end))) end++;
  return end;
}

/** Reads a tag from the `<` at `start`; undefined when the input ends inside it. */
function readTag(html: string, start: number): Tag | undefined {
  const closing = html.charCodeAt(start + 1) === 47;
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  if (closing) {
    // A closing tag's name ends only at a space or ">"; whatever follows it up to ">" is ignored.
    while (i < html.length && html[i] !== '>' && !isTagSpace(html.charCodeAt(i))) i++;
    const gt = html.indexOf('>', i);
    return gt < 0 ? undefined : { name: html.slice(nameStart, i).toLowerCase(), closing, selfClosing: false, end: gt + 1 };
  }
  while (i < html.length && html[i] !== '/' && html[i] !== '>' && !isTagSpace(html.charCodeAt(i))) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  let selfClosing = false;
  while (i >= 0 && i < html.length) {
    const c = html[i];
    if (c === '>') return { name, closing, selfClosing, end: i + 1 };
    if (c === '/') {
      i = skipSpaces(html, i + 1);
      selfClosing = html[i] === '>';
    } else if (isTagSpace(html.charCodeAt(i))) i++;
    else {
      selfClosing = false;
      i = skipAttribute(html, i);
    }
  }
  return undefined;
}

const RAW_TEXT_END: Readonly<Record<string, RegExp>> = {
  script: /<\/script[ \t\n\r\f>]/gi,
  style: /<\/style[ \t\n\r\f>]/gi,
  title: /<\/title[ \t\n\r\f>]/gi,
};

/** Where a raw-text element's content ends: at the first end tag of its name; -1 when it does not. */
function rawTextEnd(html: string, from: number, name: string): number {
  const re = RAW_TEXT_END[name];
  if (re === undefined) return -1;
  re.lastIndex = from;
  const m = re.exec(html);
  return m === null ? -1 : m.index;
}

/**
 * The text html-to-text would give for this HTML, or undefined when the markup needs html-to-text
 * itself. Only a single body is handled; what precedes it is dropped, as html-to-text does.
 */
export function simpleHtmlToText(html: string): string | undefined {
  const layout = new Layout();
  let bodies = 0;
  let titled = false;
  let pending = '';
  let i = 0;
  const flush = (): boolean => {
    if (pending.length === 0) return true;
    const decoded = decodeText(pending);
    pending = '';
    if (decoded === undefined) return false;
    layout.text(decoded);
    return true;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pending += html.slice(i);
      break;
    }
    pending += html.slice(i, lt);
    const next = html.charCodeAt(lt + 1);
    if (next === 33) {
      // Comments and the doctype leave no text; text on both sides of a comment joins as one run.
      if (html.startsWith('<!--', lt)) {
        const close = html.indexOf('-->', lt + 2);
        if (close < 0 || !flush()) return undefined;
        i = close + 3;
        continue;
      }
      if (!/^<!doctype[\s>]/i.test(html.slice(lt, lt + 10)) || !flush()) return undefined;
      const gt = html.indexOf('>', lt);
      if (gt < 0) return undefined;
      i = gt + 1;
      continue;
    }
    const closing = next === 47;
    const nameCode = html.charCodeAt(lt + (closing ? 2 : 1));
    if (!isAsciiLetter(nameCode)) {
      if (closing || next === 63) return undefined;
      pending += '<';
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === undefined || !flush()) return undefined;
    i = tag.end;
    const { name } = tag;
    if (tag.closing) {
      if (name === 'br' || (name === 'p' && !layout.open.includes('p'))) return undefined;
      // What follows the body is not part of the text, but a second body would be.
      if (layout.closeTag(name) && name === 'body') layout.ignoreRest();
      continue;
    }
    if (name === 'br') layout.lineBreak();
    else if (SILENT_VOID.has(name)) continue;
    else if (name === 'script' || name === 'style' || name === 'title') {
      const end = rawTextEnd(html, i, name);
      // A title inside the body is text; a self-closed raw-text element holds markup.
      if (end < 0 || tag.selfClosing || (name === 'title' && bodies > 0)) return undefined;
      if (name === 'title') titled = true;
      const gt = html.indexOf('>', end);
      if (gt < 0) return undefined;
      i = gt + 1;
    } else if (name === 'body') {
      if (++bodies > 1 || layout.open.some((open) => open !== 'html' && open !== 'head')) return undefined;
      if (layout.open.includes('head')) layout.closeTag('head');
      layout.reset();
      layout.openTag(name);
    } else if (BLOCKS.has(name) || SKIPPED.has(name) || INLINE.has(name)) layout.openTag(name);
    else return undefined;
  }
  if (!flush()) return undefined;
  if (titled && bodies === 0) return undefined;
  return layout.finish();
}

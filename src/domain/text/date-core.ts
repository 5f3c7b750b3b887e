/**
 * The part of a date window that chrono has to read.
 *
 * A window holds a date and a few words either side ("Kayes on Tuesday, July 4, killing 61"). The
 * words around the date change from one article to the next, so a reading kept by window text is
 * seldom found again, and chrono costs far more than everything else done with a window. Most of
 * those words are inert: chrono's patterns cannot match a letter of them, so chrono reads the
 * window exactly as it reads the date with the space before it and the word after it, offsets
 * shifted (" on Tuesday, July 4, killing"). Only that span is handed to chrono, and its reading is
 * kept for every window around the same date.
 *
 * A word is inert when none of its letters can be matched by chrono's patterns. Those patterns
 * match letters only through the literal words they are written with, which they give away in
 * their sources; a word is taken for one of them when it is one, or is one with its last letter
 * left out ("prochain" for "prochaine?"), or, for longer ones, starts like one ("dernière" for
 * "derni[eè]re"). Non-ASCII letters count as word boundaries for chrono's patterns, so the ASCII
 * letter runs inside a word ("Sé|mar") are checked as words of their own. A single letter beside
 * an accented one ("S" of "Ségou", "s" of "tués") can only be read after a number or before a
 * unit, so such a word does not close a span or a number off on that side. Articles and
 * quantities (CONNECTORS) and numbers are inert between inert words that close them off.
 *
 * The span runs from the first word that is not inert to the last, widened to the left until an
 * inert word closes it off. chrono's patterns look at one character before a date and at the
 * spaces and the start of the next word after it ("July 4 am", "Jul à" against "Jul x"), which
 * the span takes in. Two refinements of chrono look at the rest of the text: one adds a year
 * written after a date without one ("July 4 2025"), which an inert next word rules out; the other
 * keeps a result that is the whole text before asking whether it is a bare "may" or ends in "the
 * second": a span that is either is not cut.
 */

/** A word of chrono's vocabulary, or close enough to one to be taken for it. */
export type VocabularyTest = (word: string) => boolean;

/** Words this long or longer also cover words that share all but their last letter. */
const STEM_FROM = 4;
const SHORTEST_STEM = STEM_FROM - 1;
const MEMO_LIMIT = 20_000;
/** Regular expression escapes: their letters are classes, not literal words. */
const ESCAPES = /\\[a-zA-Z]/g;
const LETTER_RUNS = /[\p{L}]+/gu;

/** The vocabulary of a set of pattern sources (lower-cased letter runs). */
export function vocabularyOf(sources: readonly string[]): VocabularyTest {
  const words = new Set<string>();
  const stems = new Set<string>();
  let longestStem = 0;
  for (const source of sources) {
    for (const [run] of source.replace(ESCAPES, ' ').toLowerCase().matchAll(LETTER_RUNS)) {
      words.add(run);
      if (run.length > 1) words.add(run.slice(0, -1));
      if (run.length >= STEM_FROM) {
        stems.add(run.slice(0, -1));
        longestStem = Math.max(longestStem, run.length - 1);
      }
    }
  }
  const memo = new Map<string, boolean>();
  const known = (word: string): boolean => {
    if (words.has(word)) return true;
    for (let end = SHORTEST_STEM; end <= Math.min(word.length, longestStem); end++) if (stems.has(word.slice(0, end))) return true;
    return false;
  };
  return (word) => {
    const lower = word.toLowerCase();
    let found = memo.get(lower);
    if (found === undefined) {
      found = known(lower);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(lower, found);
    }
    return found;
  };
}

const enum Kind {
  /** Letters only, none of which chrono can match. */
  Inert,
  /** Digits only. */
  Number,
  /** A word of chrono's that only leads to or joins other such words (see CONNECTORS). */
  Connector,
  /** Anything chrono may read. */
  Active,
}

/**
 * Articles, prepositions and quantities that chrono reads only together with a month, a weekday,
 * a unit or a number next to them ("on Tuesday", "le 3 avril", "a day ago", "de 2 jours"): between
 * two inert words they are inert too ("de Kidal", "at a").
 */
const CONNECTORS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'au', 'ce']);

interface Token {
  readonly start: number;
  readonly end: number;
  kind: Kind;
  /** Starts with a letter chrono could take as following what comes before ("S" of "Ségou"). */
  readonly openStart: boolean;
  /** Ends with a letter chrono could take as leading to what comes after ("a" of "Sévaréa"). */
  readonly openEnd: boolean;
}

/** Punctuation allowed at the edges of an inert word or a number, by character code. */
const EDGE_PUNCTUATION: ReadonlySet<number> = new Set([...',.;:!?"«»“”()'].map((c) => c.charCodeAt(0)));
/** Separators between the letter runs of one inert word: hyphens and apostrophes, by character code. */
const JOINERS: ReadonlySet<number> = new Set([...'-\'’'].map((c) => c.charCodeAt(0)));
const TOKEN_SEPARATOR = 32;
const NON_ASCII_LETTER = /\p{L}/u;
const DIGIT_ZERO = 48;
const DIGIT_NINE = 57;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= DIGIT_ZERO && code <= DIGIT_NINE;
}

function isLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return isAsciiLetter(code) || (code >= 0x80 && NON_ASCII_LETTER.test(text[i] ?? ''));
}

function isAccented(text: string, i: number): boolean {
  return text.charCodeAt(i) >= 0x80 && isLetter(text, i);
}

/**
 * Whether the letters of text[start, end) (letters only) escape chrono's vocabulary, checked as a
 * whole and run by run of ASCII letters as chrono's patterns see them.
 */
function inertWord(text: string, start: number, end: number, known: VocabularyTest): boolean {
  let accented = false;
  let i = start;
  while (i < end) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      accented = true;
      i++;
      continue;
    }
    const runStart = i;
    while (i < end && isAsciiLetter(text.charCodeAt(i))) i++;
    // A single letter beside an accented one stands alone for chrono, but can only be read with a
    // number or a quantity next to it: the token says so at its edges (openStart, openEnd).
    const besideAccent = i - runStart === 1 && (runStart > start || i < end);
    if (!besideAccent && known(text.slice(runStart, i))) return false;
  }
  return !accented || !known(text.slice(start, end));
}

/** The kind of text[start, end), whose body without edge punctuation is [bodyStart, bodyEnd). */
function kindOf(text: string, start: number, end: number, bodyStart: number, bodyEnd: number, known: VocabularyTest): Kind {
  if (bodyStart === bodyEnd) return Kind.Active;
  if (isDigit(text.charCodeAt(bodyStart))) {
    for (let i = bodyStart; i < bodyEnd; i++) if (!isDigit(text.charCodeAt(i))) return Kind.Active;
    return Kind.Number;
  }
  let wordStart = bodyStart;
  for (let i = bodyStart; i <= bodyEnd; i++) {
    if (i < bodyEnd && isLetter(text, i)) continue;
    if (i < bodyEnd && !JOINERS.has(text.charCodeAt(i))) return Kind.Active;
    if (i === wordStart || !inertWord(text, wordStart, i, known)) {
      const connector = bodyStart === start && bodyEnd === end && CONNECTORS.has(text.slice(start, end).toLowerCase());
      return connector ? Kind.Connector : Kind.Active;
    }
    wordStart = i + 1;
  }
  return Kind.Inert;
}

function token(text: string, start: number, end: number, known: VocabularyTest): Token {
  let bodyStart = start;
  let bodyEnd = end;
  while (bodyStart < bodyEnd && EDGE_PUNCTUATION.has(text.charCodeAt(bodyStart))) bodyStart++;
  while (bodyEnd > bodyStart && EDGE_PUNCTUATION.has(text.charCodeAt(bodyEnd - 1))) bodyEnd--;
  const kind = kindOf(text, start, end, bodyStart, bodyEnd, known);
  if (kind !== Kind.Inert) {
    const open = kind !== Kind.Connector;
    return { start, end, kind, openStart: open, openEnd: open };
  }
  return {
    start,
    end,
    kind,
    openStart: bodyStart !== start || (bodyEnd - bodyStart > 1 && isAsciiLetter(text.charCodeAt(bodyStart)) && isAccented(text, bodyStart + 1)),
    openEnd: bodyEnd !== end || (bodyEnd - bodyStart > 1 && isAsciiLetter(text.charCodeAt(bodyEnd - 1)) && isAccented(text, bodyEnd - 2)),
  };
}

function tokens(text: string, known: VocabularyTest): Token[] {
  const found: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && text.charCodeAt(i) <= TOKEN_SEPARATOR) i++;
    const start = i;
    while (i < text.length && text.charCodeAt(i) > TOKEN_SEPARATOR) i++;
    if (i > start) found.push(token(text, start, i, known));
  }
  return found;
}

/** An inert word that closes off what follows it (`before`) or what precedes it. */
function borders(t: Token | undefined, before: boolean): boolean {
  return t === undefined || (t.kind === Kind.Inert && !(before ? t.openEnd : t.openStart));
}

/**
 * A span chrono's filter of unlikely dates would keep as a whole text but weigh inside a longer one:
 * a bare "may", or a date ending in "the second".
 */
function filteredAsWhole(span: string): boolean {
  const whole = span.trim().toLowerCase();
  return whole === 'may' || whole.endsWith('the second');
}

/**
 * The [start, end) span of `window` that chrono must read to find every date in it, or undefined
 * when it must read the whole window.
 */
export function dateCore(window: string, known: VocabularyTest): [number, number] | undefined {
  const all = tokens(window, known);
  // A connector or a number counts as part of a date unless inert words close it off on both sides.
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (t?.kind !== Kind.Connector) continue;
    t.kind = borders(all[i - 1], true) && borders(all[i + 1], false) ? Kind.Inert : Kind.Active;
  }
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (t?.kind === Kind.Number && !(borders(all[i - 1], true) && borders(all[i + 1], false))) t.kind = Kind.Active;
  }
  let first = all.findIndex((t) => t.kind === Kind.Active);
  if (first < 0) return undefined;
  let last = all.length - 1;
  while (all[last]?.kind !== Kind.Active) last--;
  while (first > 0 && !borders(all[first - 1], true)) first--;
  // The space before the span goes with it: chrono's patterns take punctuation opening a date
  // ("(Saturday") into it only after a space, and would otherwise see the punctuation as the space.
  const start = Math.max(0, (all[first]?.start ?? 0) - 1);
  // So does the word after it: chrono's patterns look past the end of a date, at the spaces and
  // the start of the next word ("July 4 am", "Jul à" as against "Jul x"), never further.
  const end = all[last + 1]?.end ?? window.length;
  if (start === 0 && end === window.length) return undefined;
  return filteredAsWhole(window.slice(start, end)) ? undefined : [start, end];
}

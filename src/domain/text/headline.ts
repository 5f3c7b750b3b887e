import { fold } from './normalize.js';

/** Headlines are rarely longer; a first sentence used as title is cut near here. */
const MAX_HEADLINE = 140;
const MAX_HEADLINE_WORDS = 30;
/** How far into a glued paragraph the body may start. */
const MAX_GLUED_HEADLINE = 250;
const MIN_HEADLINE_WORDS = 3;

const SPLIT_POINT = /(?<![\p{L}'’-])(\p{Ll}[\p{L}'’-]*) (\p{Lu}[\p{L}'’-]*)/gu;
const ENDS_LIKE_PROSE = /[.,;:]$/;
const TRAILING = new Set([' ', ',', ';', ':', '.', '-', '–', '—', '\n', '\t']);
/** Words a headline cut short should not end on. */
const DANGLING = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'as', 'that', 'which', 'who', 'near',
  'le', 'la', 'les', 'un', 'une', 'des', 'de', 'du', 'd', 'l', 'et', 'ou', 'au', 'aux', 'en', 'dans', 'par', 'pour', 'sur', 'qui', 'que',
]);
/** Small words after which a capital is just a name inside the headline ("in Mali", "the Embassy"). */
const FUNCTION_WORDS = new Set([...DANGLING, 'amid', 'after', 'over', 'into', 'against', 'says', 'said', 'his', 'her', 'its', 'their']);

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** A short line that reads like a headline: no closing period, a handful of words. */
export function isHeadlineLike(paragraph: string): boolean {
  const n = words(paragraph).length;
  return n >= MIN_HEADLINE_WORDS && n <= MAX_HEADLINE_WORDS && paragraph.length <= 200 && !ENDS_LIKE_PROSE.test(paragraph);
}

/** A candidate split point: a capitalised word right after a lower-case word with no punctuation between. */
interface Split {
  readonly at: number;
  readonly word: string;
  readonly previous: string;
}

function splitPoints(paragraph: string, limit: number): Split[] {
  const points: Split[] = [];
  const re = SPLIT_POINT;
  re.lastIndex = 0;
  for (let m = re.exec(paragraph); m !== null && m.index < limit; m = re.exec(paragraph)) {
    const previous = m[1] ?? '';
    const word = m[2] ?? '';
    points.push({ at: m.index + previous.length + 1, word, previous });
    re.lastIndex = m.index + previous.length + 1;
  }
  return points;
}

/**
 * Separates a headline glued to the first paragraph ("... pushes for safe release Five Indian
 * nationals have been kidnapped ..."). The body usually opens with the headline's own first word;
 * failing that, and only when `glued` says the scraper is known to have glued lines here, the last
 * capitalised word after a content word before the first full stop opens the body.
 */
export function splitGluedHeadline(paragraph: string, glued: boolean): [string, string] | undefined {
  const first = words(paragraph)[0];
  if (first === undefined || !/^\p{Lu}/u.test(first)) return undefined;
  const firstStop = paragraph.search(/[.!?](?:\s|$)/);
  const limit = Math.min(MAX_GLUED_HEADLINE, firstStop < 0 ? paragraph.length : firstStop);
  const points = splitPoints(paragraph, limit).filter((p) => words(paragraph.slice(0, p.at)).length > MIN_HEADLINE_WORDS);
  const repeat = points.find((p) => p.word === first);
  const chosen = repeat ?? (glued ? points.filter((p) => !FUNCTION_WORDS.has(fold(p.previous))).pop() : undefined);
  if (chosen === undefined) return undefined;
  const headline = paragraph.slice(0, chosen.at).trim();
  const body = paragraph.slice(chosen.at).trim();
  return words(body).length >= 5 ? [headline, body] : undefined;
}

/** Trims trailing spaces and punctuation; a loop, because a `[...]+$` pattern backtracks on long runs. */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.has(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** A headline made from a first sentence: the sentence itself when short, else cut at a word. */
export function headlineFromSentence(sentence: string): string {
  const plain = trimTrailing(sentence);
  if (plain.length <= MAX_HEADLINE) return plain;
  const kept = words(plain.slice(0, MAX_HEADLINE + 1));
  kept.pop();
  while (kept.length > MIN_HEADLINE_WORDS && DANGLING.has(fold(kept[kept.length - 1] ?? '').replace(/[^\p{L}]/gu, ''))) kept.pop();
  return `${trimTrailing(kept.join(' '))}…`;
}

/** Feed titles often end with the outlet's name: "Five Indians kidnapped in Mali - The Hindu". */
export function stripSourceSuffix(title: string, source: string): string {
  const key = fold(source).trim();
  if (key.length === 0) return title;
  const m = /\s+[-–—|]\s+([^-–—|]{1,80})$/.exec(title);
  return m !== null && fold(m[1] ?? '').trim() === key ? title.slice(0, m.index).trim() : title;
}

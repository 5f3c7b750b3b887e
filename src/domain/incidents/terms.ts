import type { Document, Sentence } from '../model.js';
import { firstIndexes } from '../shared/first-in-order.js';
import { ASCII_ALPHANUMERIC, pushWords, wordCutter } from '../shared/words.js';
import { fold } from '../text/normalize.js';

/** Folded term -> weight, L2-normalised so that the dot product of two vectors is their cosine. */
export type TermVector = Readonly<Record<string, number>>;

/**
 * A term vector as two parallel lists, in the order its object form enumerates them. Stories compare,
 * key and merge their terms in this form, without building an object of words; an incident keeps the
 * object form, which is what the stores persist.
 */
export interface TermList {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
}

export const NO_TERMS: TermList = { terms: [], weights: [] };

/**
 * Function words of English and French, and words every Sahel security story carries: they say
 * nothing about which event a story is about, so they would only blur the comparison.
 */
const STOP = new Set(
  (
    'the and for with that this from have has had was were are been being will would could should ' +
    'its their they them there then than into onto over under after before about against between ' +
    'during while also which who whom whose what when where why how all any some more most other ' +
    'such only own same very can just not nor but our your his her she him out off per via amid ' +
    'said says say told according reported report reports news update latest new one two ' +
    'les des une dans pour par sur avec sans sous entre vers chez que qui quoi dont est sont ont ' +
    'ete etait etaient avait avaient sera leur leurs ces cette ses aux pas plus mais comme selon ' +
    'apres avant depuis lors elle elles ils nous vous tout tous toute toutes deux trois ' +
    'mali malian malien malienne maliens sahel country pays'
  ).split(' '),
);

const MAX_WORDS = 100;
const TITLE_BOOST = 2;
const VECTOR_SIZE = 32;
const ENTITY_WEIGHT = 2;
const MAX_ENTITIES = 12;

/** Title and lead as folded words: the part of an article that says what it is about. */
export interface LeadWords {
  readonly title: readonly string[];
  /** Title first, then the lead sentences, at most MAX_WORDS. */
  readonly words: readonly string[];
}

/** Words are runs of letters, digits and apostrophes. */
const WORDS = wordCutter(/[^\p{L}\p{N}']+/u, `${ASCII_ALPHANUMERIC}'`);

/** Words of already folded text (see text/normalize.ts), in order. */
export function splitFolded(folded: string): string[] {
  const words: string[] = [];
  pushWords(words, folded, WORDS);
  return words;
}

export function leadWords(doc: Document): LeadWords {
  const lead = doc.sentences.filter((s) => s.lead);
  const chosen = lead.length > 0 ? lead : doc.sentences.slice(0, 3);
  // The title is mostly the first sentence, already folded.
  const first = chosen[0];
  const titleFirst = first !== undefined && first.text === doc.title;
  const title = splitFolded(titleFirst ? first.folded : fold(doc.title));
  const out = title.slice(0, MAX_WORDS);
  for (let i = titleFirst ? 1 : 0; i < chosen.length && out.length < MAX_WORDS; i++) {
    pushWords(out, (chosen[i] as Sentence).folded, WORDS, MAX_WORDS);
  }
  return { title, words: out };
}

/** "kidnappers's" -> "kidnappers", "l'armee" -> "armee": the same word with and without its clitics. */
function stem(word: string): string {
  if (!word.includes("'")) return word;
  let term = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (term.charAt(1) === "'" && "ldjnmcst".includes(term.charAt(0))) term = term.slice(2);
  return term;
}

function isSalient(word: string): boolean {
  const first = word.charCodeAt(0);
  return word.length >= 3 && !(first >= 48 && first <= 57) && !STOP.has(word);
}

/**
 * Salient words of title and lead, title words weighted up, capped to the strongest few, plus the
 * story's entities (places, actors, numbers of victims, sites) as language-independent terms ("@ml-kayes",
 * "@jnim", "@n44"): they let an English report and its French rewrite look alike.
 */
export function salientTermList(lead: LeadWords, entities: readonly string[] = []): TermList {
  const counts = new Map<string, number>();
  for (let i = 0; i < entities.length && i < MAX_ENTITIES; i++) counts.set(`@${entities[i]}`, ENTITY_WEIGHT);
  // The lead's words open with the title's (see leadWords): those are read once, with both weights.
  const { title, words } = lead;
  let shared = 0;
  while (shared < title.length && shared < words.length && title[shared] === words[shared]) shared++;
  countSalient(counts, title, 0, shared, TITLE_BOOST + 1);
  countSalient(counts, title, shared, title.length, TITLE_BOOST);
  countSalient(counts, words, shared, words.length, 1);
  return normalise(top(counts, VECTOR_SIZE));
}

function countSalient(counts: Map<string, number>, words: readonly string[], from: number, to: number, weight: number): void {
  for (let i = from; i < to; i++) {
    const term = stem(words[i] as string);
    if (isSalient(term)) counts.set(term, (counts.get(term) ?? 0) + weight);
  }
}

/**
 * A vector ready to be compared with many lists: its own terms in a map (so that a term such as
 * "constructor" does not reach Object.prototype), behind a filter of FILTER_BITS bits. Most terms of a
 * story are not among an incident's, and the filter turns most of them away without a map lookup.
 */
export interface TermLookup {
  readonly weights: ReadonlyMap<string, number>;
  readonly filter: Uint32Array;
}

const FILTER_BITS = 256;

/** A cheap hash of a term for the filter: length, first, middle and last characters. */
function filterBit(term: string): number {
  const n = term.length;
  return (n * 31 + term.charCodeAt(0) * 7 + term.charCodeAt(n >> 1) * 3 + term.charCodeAt(n - 1)) & (FILTER_BITS - 1);
}

export function termLookup(vector: TermVector): TermLookup {
  const weights = new Map<string, number>();
  const filter = new Uint32Array(FILTER_BITS / 32);
  for (const term of Object.keys(vector)) {
    weights.set(term, vector[term] ?? 0);
    const bit = filterBit(term);
    filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
  }
  return { weights, filter };
}

/**
 * The filter bits of the list compared last: a story's list is compared with each of its candidates'
 * lookups in turn, so remembering one list serves every comparison but the first, without the cost
 * of a weak map that every story would enter.
 */
let bitsList: TermList | undefined;
let bitsOfList = new Uint8Array(0);

function bitsOf(list: TermList): Uint8Array {
  if (list !== bitsList) {
    const { terms } = list;
    bitsOfList = new Uint8Array(terms.length);
    for (let i = 0; i < terms.length; i++) bitsOfList[i] = filterBit(terms[i] as string);
    bitsList = list;
  }
  return bitsOfList;
}

/** The cosine of a list and a vector, summed in the list's order. */
export function termSimilarity(a: TermList, b: TermLookup): number {
  const { terms, weights } = a;
  const { filter } = b;
  const bits = bitsOf(a);
  let dot = 0;
  for (let i = 0; i < terms.length; i++) {
    const bit = bits[i] as number;
    if (((filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) continue;
    const weight = b.weights.get(terms[i] as string);
    if (weight !== undefined) dot += (weights[i] as number) * weight;
  }
  return Math.min(1, dot);
}

/** A vector's own terms in order, read once per vector rather than at every keying. */
const lists = new WeakMap<TermVector, TermList>();

function listOf(vector: TermVector): TermList {
  let list = lists.get(vector);
  if (list === undefined) {
    const terms = Object.keys(vector);
    list = { terms, weights: terms.map((term) => vector[term] ?? 0) };
    lists.set(vector, list);
  }
  return list;
}

/** An incident's vector after another story joins it: the sum of both, capped and re-normalised. */
export function mergeTermList(a: TermVector, b: TermList, cap = 40): TermVector {
  const sum = new Map<string, number>(Object.entries(a));
  for (let i = 0; i < b.terms.length; i++) {
    const term = b.terms[i] as string;
    sum.set(term, (sum.get(term) ?? 0) + (b.weights[i] as number));
  }
  return vectorOf(normalise(top(sum, cap)));
}

/** The heaviest terms, ties broken alphabetically so that the result does not depend on input order. */
export function strongestTerms(vector: TermVector, n: number): string[] {
  return strongestOf(listOf(vector), n);
}

export function strongestOf({ terms, weights }: TermList, n: number): string[] {
  return firstIndexes(terms.length, n, (i, j) => heavier(terms, weights, i, j)).map((i) => terms[i] as string);
}

/** Whether term `i` ranks before term `j`, as byWeight orders entries: heavier, or as heavy and alphabetically first. */
function heavier(terms: readonly string[], weights: readonly number[], i: number, j: number): boolean {
  const difference = (weights[j] as number) - (weights[i] as number);
  return difference ? difference < 0 : (terms[i] as string) < (terms[j] as string);
}

type Entry = readonly [string, number];

const byWeight = (x: Entry, y: Entry) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1);

function top(counts: Map<string, number>, n: number): Entry[] {
  const entries: Entry[] = [];
  for (const entry of counts) entries.push(entry);
  entries.sort(byWeight);
  if (entries.length > n) entries.length = n;
  return entries;
}

function normalise(entries: readonly Entry[]): TermList {
  let norm = 0;
  for (const [, weight] of entries) norm += weight * weight;
  if (norm === 0) return NO_TERMS;
  norm = Math.sqrt(norm);
  const terms: string[] = [];
  const weights: number[] = [];
  for (const [term, weight] of entries) {
    // "__proto__" would set an object's prototype and says nothing anyway.
    if (term === '__proto__') continue;
    terms.push(term);
    weights.push(Math.round((weight / norm) * 1e4) / 1e4);
  }
  return { terms, weights };
}

/** The object form of a list, to be kept in an incident. */
export function vectorOf({ terms, weights }: TermList): TermVector {
  // A dictionary from the start: terms differ from story to story, so a shaped object would only
  // build hidden classes to throw away.
  const vector: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let i = 0; i < terms.length; i++) vector[terms[i] as string] = weights[i] as number;
  return vector;
}

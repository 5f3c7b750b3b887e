import type { ActorFact, ActorKind, ActorRole, Document, EventType } from '../model.js';
import { isBackgroundSentence } from './background.js';
import type { BackgroundTest } from './places.js';
import { addToVocabulary, documentTokens, hasStem, isCapitalised, isMark, originalToken, PhraseIndex, phraseTokens, sentenceHas, type Tokens, vocabularyBit, wordFlags } from './tokens.js';
import { leadingWords, WordPattern } from './word-patterns.js';

/** The actor catalog (config/actors.json, validated in src/config/catalogs.ts). */
export interface ActorEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases: readonly string[];
}

export interface ActorCatalog {
  readonly actors: readonly ActorEntry[];
}

/** An actor named, or referred to ("the group", "it", "the embassy"), in a sentence. */
export interface ActorMention {
  /** Undefined for a reference that has nothing to refer back to. */
  readonly entry: ActorEntry | undefined;
  readonly start: number;
  readonly end: number;
  readonly reference: boolean;
}

/** Stands for "nobody" in "no group has claimed responsibility": the claim is absent, not denied by someone. */
export const NO_GROUP = { id: 'unknown', name: 'no group', kind: 'armed_group' } as const;

export type EventClass = 'kidnapping' | 'attack' | 'killing' | 'incident';

interface Alias {
  readonly entry: ActorEntry;
  /** Acronyms must be capitalised ("MEA", not "mea"); the shortest must be all capitals. */
  readonly casing: 'any' | 'capital' | 'upper';
}

type Reference = 'group' | 'embassy' | 'ministry' | 'it';

/**
 * References are found by their head noun ("group", "embassy"), rarer than the article before it:
 * "the group", "the terror group", "le groupe", "l'ambassade"; and "it" on its own.
 */
const REFERENCE_HEADS = new Map<string, Reference>([
  ['group', 'group'], ['groupe', 'group'], ['outfit', 'group'], ['organisation', 'group'], ['organization', 'group'],
  ['mouvement', 'group'], ['embassy', 'embassy'], ['ambassade', 'embassy'], ['mission', 'embassy'],
  ['ministry', 'ministry'], ['ministere', 'ministry'], ['it', 'it'],
]);
const REFERENCE_ARTICLES = new Set(['the', 'le', 'la', 'l']);
const SPECIFIERS = new Set(['of', 'de', 'du', 'des', 'd']);
const REFERENCE_ADJECTIVES = new Set(['terror', 'terrorist', 'jihadist', 'armed', 'militant', 'indian']);

/** The start of a reference whose head noun is at `head`, or -1 when the word is no reference there. */
function referenceStart(words: readonly string[], head: number, kind: Reference): number {
  if (kind === 'it') return head;
  // "the embassy of China", "l'ambassade de Chine": another actor, named after the noun.
  if (SPECIFIERS.has(words[head + 1] ?? '')) return -1;
  if (REFERENCE_ARTICLES.has(words[head - 1] ?? '')) return head - 1;
  if (REFERENCE_ADJECTIVES.has(words[head - 1] ?? '') && REFERENCE_ARTICLES.has(words[head - 2] ?? '')) return head - 2;
  return -1;
}

const compiled = new WeakMap<ActorCatalog, PhraseIndex<Alias>>();

/** The first words of every alias compiled so far, and the head nouns of references. */
const ACTOR_WORDS = vocabularyBit(REFERENCE_HEADS.keys());

export function compileActors(catalog: ActorCatalog): PhraseIndex<Alias> {
  const known = compiled.get(catalog);
  if (known) return known;
  const pairs: [string, Alias][] = [];
  for (const entry of catalog.actors) {
    for (const alias of [entry.name, ...entry.aliases]) pairs.push([alias, { entry, casing: casingOf(alias) }]);
  }
  const index = new PhraseIndex(pairs);
  addToVocabulary(ACTOR_WORDS, pairs.map(([alias]) => phraseTokens(alias)[0] ?? ''));
  compiled.set(catalog, index);
  return index;
}

function casingOf(alias: string): Alias['casing'] {
  if (phraseTokens(alias).length !== 1 || alias.replace(/[^A-Z]/g, '').length < 2) return 'any';
  return alias.length <= 3 ? 'upper' : 'capital';
}

const mentionCache = new WeakMap<Document, { readonly catalog: ActorCatalog; readonly mentions: ActorMention[][] }>();

/**
 * Actor mentions of every sentence, in document order, with references resolved to the last fitting
 * actor. Kept per document, since actors and advice both need them.
 */
export function findActorMentions(doc: Document, catalog: ActorCatalog): readonly (readonly ActorMention[])[] {
  const known = mentionCache.get(doc);
  if (known?.catalog === catalog) return known.mentions;
  const mentions = scanMentions(doc, catalog);
  mentionCache.set(doc, { catalog, mentions });
  return mentions;
}

function scanMentions(doc: Document, catalog: ActorCatalog): ActorMention[][] {
  const aliases = compileActors(catalog);
  const recent: ActorEntry[] = [];
  return documentTokens(doc).map((tokens) => {
    const words = tokens.words;
    const mentions: ActorMention[] = [];
    if (!sentenceHas(tokens, ACTOR_WORDS)) return mentions;
    const flags = wordFlags(tokens);
    let i = 0;
    while (i < words.length) {
      if (((flags[i] as number) & ACTOR_WORDS) === 0) {
        i += 1;
        continue;
      }
      const alias = aliases.matchAt(words, i);
      const value = alias?.values[0];
      if (alias && value && casingFits(tokens, i, value.casing) && !(value.casing === 'upper' && namesFacility(words, alias.end))) {
        mentions.push({ entry: value.entry, start: alias.start, end: alias.end, reference: false });
        recent.push(value.entry);
        i = alias.end;
        continue;
      }
      // Names were tried first: "the Ministry of External Affairs" is a name, not the reference "the ministry".
      const kind = REFERENCE_HEADS.get(words[i] as string);
      const start = kind === undefined ? -1 : referenceStart(words, i, kind);
      if (kind !== undefined && start >= 0) {
        mentions.push({ entry: resolveReference(kind, recent), start, end: i + 1, reference: true });
      }
      i += 1;
    }
    return mentions;
  });
}

/** "CMA de Nouna", "CHR of Gao": an acronym followed by "of" a place names a local facility, not a group. */
function namesFacility(words: readonly string[], end: number): boolean {
  const next = words[end];
  return next === 'de' || next === 'du' || next === 'of';
}

function casingFits(tokens: Tokens, index: number, casing: Alias['casing']): boolean {
  if (casing === 'any') return true;
  if (casing === 'capital') return isCapitalised(tokens, index);
  const original = originalToken(tokens, index);
  return original !== undefined && original === original.toUpperCase();
}

function resolveReference(kind: Reference, recent: readonly ActorEntry[]): ActorEntry | undefined {
  for (let k = recent.length - 1; k >= 0; k -= 1) {
    const entry = recent[k] as ActorEntry;
    if (kind === 'it') return entry;
    if (kind === 'group' && entry.kind === 'armed_group') return entry;
    if (kind === 'embassy' && /embassy|ambassade|mission/i.test(entry.name)) return entry;
    if (kind === 'ministry' && /ministry|minist/i.test(entry.name)) return entry;
  }
  return undefined;
}

/**
 * Who did what, sentence by sentence. A cue binds the actor it speaks of: claims, condemnations and
 * statements their subject before the verb; "according to", "involvement of", "by" the actor after.
 * `about` is 'main' when the cue concerns the main event (its kind of event words follow the cue, or,
 * failing that, appear in the sentence), never for a sentence that recalls the past.
 * Without `mainType`, kidnapping is taken as the main event, the usual subject of this bot's news.
 */
export function extractActors(
  doc: Document,
  catalog: ActorCatalog,
  mainType?: EventType,
  background: BackgroundTest = isBackgroundSentence,
): ActorFact[] {
  const mainClasses = mainEventClasses(mainType);
  const perSentence = findActorMentions(doc, catalog);
  const facts: ActorFact[] = [];
  documentTokens(doc).forEach((tokens, position) => {
    sentenceFacts(tokens, perSentence[position] ?? [], mainClasses, background, facts);
  });
  return facts;
}

interface Binding {
  readonly entry: ActorEntry | typeof NO_GROUP;
  readonly role: ActorRole;
  readonly about: ActorFact['about'];
}

const ROLE_STRENGTH: Record<ActorRole, number> = { claimed: 5, not_claimed: 5, suspected: 4, condemned: 3, spoke: 2, mentioned: 1 };

/** Appends the sentence's facts to `out`. */
function sentenceFacts(
  tokens: Tokens,
  mentions: readonly ActorMention[],
  main: ReadonlySet<EventClass>,
  background: BackgroundTest,
  out: ActorFact[],
): void {
  const { sentence, words } = tokens;
  // Without an actor named, only a claim cue can say something ("no group has claimed").
  if (mentions.length === 0 && !sentenceHas(tokens, CLAIM_VOCABULARY)) return;
  // Asked only here, past the cheap test: the background test is a long regular expression.
  const isBackground = background(sentence);
  const bindings: Binding[] = [];
  const bound = new Set<ActorMention>();
  // Whether the sentence speaks of the main event, asked only when a binding needs it.
  let mainInSentence: boolean | undefined;
  const flags = wordFlags(tokens);
  const hasCues = sentenceHas(tokens, CUE_VOCABULARY);
  for (let i = 0; hasCues && i < words.length; i += 1) {
    if (((flags[i] as number) & CUE_VOCABULARY) === 0) continue;
    const cue = cueAt(words, i);
    if (!cue) continue;
    let about: ActorFact['about'];
    if (isBackground) about = 'other';
    else if (cue.role === 'spoke' || cue.role === 'condemned') {
      mainInSentence ??= mentionsEventClass(tokens, main);
      about = mainInSentence ? 'main' : 'other';
    }
    else about = objectAbout(words, i, main);
    const binding = bindCue(words, mentions, cue, i, about);
    if (!binding) continue;
    bindings.push(binding.binding);
    if (binding.mention) bound.add(binding.mention);
  }
  for (const mention of mentions) {
    if (!mention.entry || bound.has(mention)) continue;
    const attributed = attributionBefore(words, mention.start);
    if (attributed) {
      bindings.push({ entry: mention.entry, role: 'suspected', about: isBackground || !main.has(attributed) ? 'other' : 'main' });
    } else if (!mention.reference) {
      if (!isBackground) mainInSentence ??= mentionsEventClass(tokens, main);
      bindings.push({ entry: mention.entry, role: 'mentioned', about: !isBackground && mainInSentence ? 'main' : 'other' });
    }
  }
  for (const b of distinct(bindings)) {
    out.push({ id: b.entry.id, name: b.entry.name, kind: b.entry.kind, role: b.role, about: b.about, evidence: { sentence: sentence.index, text: sentence.text } });
  }
}

/** Keeps one fact per actor, role and subject; a statement or a bare mention gives way to a stronger role. */
function distinct(bindings: readonly Binding[]): Binding[] {
  const strongest = new Map<string, number>();
  for (const b of bindings) strongest.set(b.entry.id, Math.max(strongest.get(b.entry.id) ?? 0, ROLE_STRENGTH[b.role]));
  const seen = new Set<string>();
  return bindings.filter((b) => {
    const best = strongest.get(b.entry.id) ?? 0;
    if (ROLE_STRENGTH[b.role] < best && ROLE_STRENGTH[b.role] <= ROLE_STRENGTH.spoke) return false;
    const key = `${b.entry.id}|${b.role}|${b.about}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Cue {
  readonly role: ActorRole;
  /** Where the actor stands: before the verb (its subject), after ("according to X"), or the nearer. */
  readonly side: 'before' | 'after' | 'either';
  /** For a negated claim: whether the subject is "no group" rather than a named actor. */
  readonly nobody?: boolean;
}

const CLAIM = new Set([
  'claimed', 'claims', 'claim', 'claiming', 'revendique', 'revendiquee', 'revendiques', 'revendiquees', 'revendiquer',
  'revendiquent', 'revendiquait', 'revendication', 'revendications',
]);
const TAKE = new Set(['took', 'taken', 'takes', 'take', 'taking', 'accepted', 'assumed', 'assumes', 'assume']);
const DENY = new Set(['denied', 'denies', 'deny', 'denying', 'dementi', 'dement', 'dementent']);
const NEGATIONS = new Set(['not', 'no', 'yet', 'never', 'nobody', 'none', 'neither', 'nor', 'pas', 'aucun', 'aucune', 'jamais', 'personne', 'ni', 'n', 'nul']);
const NOBODY = new Set(['no', 'nobody', 'none', 'aucun', 'aucune', 'personne', 'nul']);
const PASSIVE = new Set(['been', 'ete', 'being']);
const SUSPECT = new Set([
  'suspected', 'suspect', 'suspects', 'alleged', 'allegedly', 'blamed', 'blames', 'blame', 'attributed', 'attribue',
  'attribuee', 'attribues', 'attribuees', 'impute', 'imputee', 'imputes', 'involvement', 'implication', 'implicated',
  'behind', 'derriere', 'soupconne', 'soupconnes', 'soupconnee', 'soupconnees', 'presume', 'presumes', 'presumee',
]);
const CONDEMN = new Set([
  'condemned', 'condemns', 'condemn', 'condemning', 'denounced', 'denounces', 'denounce', 'deplored', 'deplores',
  'condamne', 'condamnent', 'condamnee', 'condamnation', 'denonce', 'denoncent', 'denoncee',
]);
const SPOKE = new Set([
  'said', 'says', 'stated', 'states', 'told', 'added', 'adds', 'announced', 'announces', 'confirmed', 'confirms',
  'declared', 'declares', 'affirmed', 'affirms', 'reiterated', 'urged', 'urges', 'warned', 'warns', 'advised', 'advises',
  'posted', 'tweeted', 'wrote', 'noted', 'explained', 'asserted', 'asserts', 'indicated', 'insisted', 'called',
  'declare', 'indique', 'annonce', 'affirme', 'precise', 'confirme', 'souligne', 'ajoute', 'explique', 'assure',
  'averti', 'conseille', 'exhorte', 'appele', 'rappele', 'deplore',
]);

type CueWord = 'claim' | 'responsibility' | 'deny' | 'suspect' | 'condemn' | 'spoke' | 'according';

/** One lookup per word: most words are no cue at all. */
const CUE_WORDS = new Map<string, CueWord>([
  ...[...CLAIM].map((w) => [w, 'claim'] as const),
  ['responsibility', 'responsibility'], ['responsabilite', 'responsibility'],
  ...[...DENY].map((w) => [w, 'deny'] as const),
  ...[...SUSPECT].map((w) => [w, 'suspect'] as const),
  ...[...CONDEMN].map((w) => [w, 'condemn'] as const),
  ...[...SPOKE].map((w) => [w, 'spoke'] as const),
  ['according', 'according'], ['selon', 'according'],
]);

const CUE_VOCABULARY = vocabularyBit(CUE_WORDS.keys());
const CLAIM_VOCABULARY = vocabularyBit([...CLAIM, 'responsibility', 'responsabilite']);

function cueAt(words: readonly string[], i: number): Cue | undefined {
  const kind = CUE_WORDS.get(words[i] as string);
  switch (kind) {
    case undefined:
      return undefined;
    case 'claim':
      return claimsLives(words, i) ? undefined : (negatedClaim(words, i) ?? { role: 'claimed', side: 'before' });
    case 'responsibility':
      if (!TAKE.has(words[i - 1] ?? '') && !TAKE.has(words[i - 2] ?? '')) return undefined;
      return negatedClaim(words, i) ?? { role: 'claimed', side: 'before' };
    case 'deny':
      return { role: 'not_claimed', side: 'before' };
    case 'suspect':
      return { role: 'suspected', side: 'either' };
    case 'condemn':
      return { role: 'condemned', side: 'before' };
    case 'spoke':
      return { role: 'spoke', side: 'before' };
    case 'according':
      return words[i] === 'selon' || words[i + 1] === 'to' ? { role: 'spoke', side: 'after' } : undefined;
  }
}

/** "the attack claimed the lives of twelve soldiers" is no claim of responsibility. */
function claimsLives(words: readonly string[], i: number): boolean {
  const next = words[i + 1] === 'the' ? words[i + 2] : words[i + 1];
  return next === 'lives' || next === 'life';
}

function negatedClaim(words: readonly string[], i: number): Cue | undefined {
  let negated = false;
  let nobody = false;
  for (let k = i - 1; k >= Math.max(0, i - 5); k -= 1) {
    const word = words[k] as string;
    if (isMark(word)) break;
    if (PASSIVE.has(word)) nobody = true;
    if (NEGATIONS.has(word)) negated = true;
    if (NOBODY.has(word)) nobody = true;
  }
  if (!negated) return undefined;
  return { role: 'not_claimed', side: 'before', nobody };
}

/** How far before a verb its subject may stand ("JNIM, a group aligned with al-Qaeda, claimed ..."). */
const SUBJECT_WINDOW: Record<ActorRole, number> = { claimed: 12, not_claimed: 12, suspected: 8, condemned: 6, spoke: 6, mentioned: 0 };

function bindCue(
  words: readonly string[],
  mentions: readonly ActorMention[],
  cue: Cue,
  at: number,
  about: ActorFact['about'],
): { binding: Binding; mention?: ActorMention } | undefined {
  if (cue.nobody) return { binding: { entry: NO_GROUP, role: 'not_claimed', about } };
  const window = SUBJECT_WINDOW[cue.role];
  const before = [...mentions].reverse().find((m) => m.end <= at && at - m.end <= window);
  const afterLimit = cue.side === 'after' ? 8 : 6;
  const after = mentions.find((m) => m.start > at && m.start - at <= afterLimit && !hasMarkBetween(words, at, m.start));
  let mention: ActorMention | undefined;
  if (cue.side === 'before') mention = before ?? (cue.role === 'claimed' && isBy(words, at + 1) ? after : undefined);
  else if (cue.side === 'after') mention = after;
  else mention = nearer(before, after, at);
  if (!mention?.entry) return cue.role === 'not_claimed' ? { binding: { entry: NO_GROUP, role: 'not_claimed', about } } : undefined;
  const role = cue.role === 'claimed' && mention.entry.kind !== 'armed_group' ? 'spoke' : cue.role;
  return { binding: { entry: mention.entry, role, about }, mention };
}

function nearer(before: ActorMention | undefined, after: ActorMention | undefined, at: number): ActorMention | undefined {
  const db = before ? at - before.end : Infinity;
  const da = after ? after.start - at : Infinity;
  return da <= db ? after : before;
}

function isBy(words: readonly string[], i: number): boolean {
  return words[i] === 'by' || words[i] === 'par';
}

function hasMarkBetween(words: readonly string[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k += 1) if (isMark(words[k] as string)) return true;
  return false;
}

/** "kidnapped on July 1 by JNIM", "attacks by Al-Qaeda affiliate JNIM": the event the actor is credited with. */
function attributionBefore(words: readonly string[], start: number): EventClass | undefined {
  for (let k = start - 1; k >= Math.max(0, start - 4); k -= 1) {
    const word = words[k] as string;
    if (isMark(word)) return undefined;
    if (!isBy(words, k)) continue;
    for (let j = k - 1; j >= Math.max(0, k - 4); j -= 1) {
      const event = eventClassOf(words[j] as string);
      if (event) return event;
      if (isMark(words[j] as string)) return undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The first event word after the cue says what the claim is about; failing that, the nearest one before it. */
function objectAbout(words: readonly string[], at: number, main: ReadonlySet<EventClass>): ActorFact['about'] {
  for (let k = at + 1; k < words.length; k += 1) {
    const word = words[k] as string;
    if (word === ';' || CLAIM.has(word)) break;
    const event = eventClassOf(word);
    if (event) return main.has(event) ? 'main' : 'other';
  }
  for (let k = at - 1; k >= 0; k -= 1) {
    const event = eventClassOf(words[k] as string);
    if (event) return main.has(event) ? 'main' : 'other';
  }
  return 'other';
}

const KIDNAP_STEMS = ['kidnap', 'abduct', 'hostage', 'enlev', 'otage', 'sequestr', 'captiv'];
const ATTACK_STEMS = ['attack', 'assault', 'raid', 'offensive', 'ambush', 'incursion', 'bombing', 'attaqu', 'assaut', 'embuscade', 'attentat'];
const KILL_WORDS = new Set(['killed', 'killing', 'killings', 'kill', 'kills', 'massacre', 'massacred', 'tue', 'tues', 'tuee', 'tuees', 'executed', 'execution']);

/** Known words and their class; bounded, since feeds bring new words for ever. */
const classCache = new Map<string, EventClass | null>();
const CLASS_CACHE_LIMIT = 50_000;

export function eventClassOf(word: string): EventClass | undefined {
  const known = classCache.get(word);
  if (known !== undefined) return known ?? undefined;
  const found = classify(word);
  if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
  classCache.set(word, found ?? null);
  return found;
}

function classify(word: string): EventClass | undefined {
  if (word.length < 3) return undefined;
  if (hasStem(word, KIDNAP_STEMS) || word === 'rapt') return 'kidnapping';
  if (hasStem(word, ATTACK_STEMS)) return 'attack';
  if (KILL_WORDS.has(word)) return 'killing';
  if (word === 'incident' || word === 'incidents') return 'incident';
  return undefined;
}

const ATTACK_CLASSES: ReadonlySet<EventClass> = new Set<EventClass>(['attack', 'killing', 'incident']);
const KIDNAPPING_CLASSES: ReadonlySet<EventClass> = new Set<EventClass>(['kidnapping', 'incident']);

/** The kinds of event words that speak of the main event: an attack's killings are part of it. */
export function mainEventClasses(mainType: EventType | undefined): ReadonlySet<EventClass> {
  return mainType === 'attack' || mainType === 'killing' ? ATTACK_CLASSES : KIDNAPPING_CLASSES;
}

/** The same words as `eventClassOf`, searched for in a whole folded sentence at once. */
const CLASS_PATTERNS: Readonly<Record<EventClass, WordPattern>> = {
  kidnapping: classPattern([...KIDNAP_STEMS, String.raw`rapt\b`], ''),
  attack: classPattern(ATTACK_STEMS, ''),
  killing: classPattern([...KILL_WORDS], String.raw`\b`),
  incident: classPattern(['incidents?'], String.raw`\b`),
};

function classPattern(alternatives: readonly string[], end: string): WordPattern {
  return new WordPattern(`\\b(?:${alternatives.join('|')})${end}`, leadingWords(alternatives));
}

/** Whether the sentence has an event word of one of the classes. */
export function mentionsEventClass(tokens: Tokens, classes: ReadonlySet<EventClass>): boolean {
  for (const kind of classes) if (CLASS_PATTERNS[kind].test(tokens)) return true;
  return false;
}

import type { AdviceFact, Document } from '../model.js';
import { findActorMentions, type ActorCatalog, type ActorMention } from './actors.js';
import { documentTokens, PhraseIndex, phraseTokens, sentenceHas, type Tokens, vocabularyBit } from './tokens.js';

/**
 * Advice to people on the ground: "advised to exercise utmost caution, remain vigilant, and stay in
 * close contact with the Embassy of India in Bamako", "advised their citizens to leave Mali",
 * "reconsider travel", "il est conseillé de quitter le Mali". The giver is the actor named (or referred
 * to) before the advice, when there is one: passive advice ("have been advised to") has none.
 */

/** Verbs that introduce advice; what follows "to" / "à" / "de" is the advice itself. */
const ADVISING = new Set([
  'advised', 'advises', 'advise', 'advising', 'urged', 'urges', 'urging', 'urge', 'recommended', 'recommends',
  'encouraged', 'encourages', 'asked', 'asks', 'told', 'instructed', 'warned', 'warns', 'invited', 'called',
  'conseille', 'conseillent', 'recommande', 'recommandent', 'invite', 'invitent', 'invites', 'exhorte', 'appelle',
  'appele', 'appellent', 'demande', 'deconseille',
]);
const INFINITIVE_MARKS = new Set(['to', 'a', 'de', 'd']);
/** Advice given to a government ("calls upon the Government of Mali to take all necessary measures") is a demand, not advice. */
const AUTHORITIES = new Set(['government', 'authorities', 'gouvernement', 'autorites', 'junta', 'junte']);
const OBJECT_WINDOW = 10;

const ADVICE_PHRASE_TEXTS = [
  'exercise utmost caution', 'exercise caution', 'exercise increased caution', 'exercise extreme caution',
  'remain vigilant', 'stay vigilant', 'maintain caution', 'stay in close contact', 'remain in close contact',
  'reconsider travel', 'do not travel', 'avoid all travel', 'avoid travel', 'against all travel',
  'against all but essential travel', 'leave mali', 'leave the country', 'shelter in place', 'register with the embassy',
  'la plus grande prudence', 'faire preuve de prudence', 'rester vigilant', 'rester vigilants', 'redoubler de vigilance',
  'rester en contact', 'quitter le mali', 'quitter le pays', 'eviter tout deplacement', 'eviter les deplacements',
  'formellement deconseille',
];
const ADVICE_PHRASES = new PhraseIndex<true>(ADVICE_PHRASE_TEXTS.map((phrase) => [phrase, true] as const));

const ADVICE_WORDS = vocabularyBit([...ADVISING, ...ADVICE_PHRASE_TEXTS.map((p) => phraseTokens(p)[0] as string)]);

export function extractAdvice(doc: Document, catalog: ActorCatalog): AdviceFact[] {
  let mentions: readonly (readonly ActorMention[])[] | undefined;
  const facts: AdviceFact[] = [];
  documentTokens(doc).forEach((tokens, position) => {
    const { sentence } = tokens;
    const found = adviceIn(tokens);
    if (!found) return;
    mentions ??= findActorMentions(doc, catalog);
    const by = giver(mentions[position] ?? [], found.cue);
    const base = { text: found.text, evidence: { sentence: sentence.index, text: sentence.text } };
    facts.push(by === undefined ? base : { ...base, by });
  });
  return facts;
}

interface Found {
  readonly text: string;
  /** Token index of the advising verb or phrase: the giver stands before it. */
  readonly cue: number;
}

function adviceIn(tokens: Tokens): Found | undefined {
  if (!sentenceHas(tokens, ADVICE_WORDS)) return undefined;
  const words = tokens.words;
  for (let i = 0; i < words.length; i += 1) {
    if (ADVISING.has(words[i] as string)) {
      const content = adviceAfterVerb(words, i);
      if (content !== undefined && hasAdvicePhrase(words, content)) return { text: textFrom(tokens, content), cue: i };
      if (content !== undefined && ADVISING_ALONE.has(words[i] as string)) return { text: textFrom(tokens, content), cue: i };
    }
    if (ADVICE_PHRASES.matchAt(words, i)) return { text: textFrom(tokens, i), cue: i };
  }
  return undefined;
}

/** Verbs that make advice without one of the known phrases ("advised their citizens to leave"). */
const ADVISING_ALONE = new Set(['advised', 'advises', 'advise', 'advising', 'urged', 'urges', 'urging', 'recommended', 'recommends', 'conseille', 'recommande', 'deconseille']);

/** Index of the first word of the advice after "advised ... to", unless it is addressed to a government. */
function adviceAfterVerb(words: readonly string[], verb: number): number | undefined {
  if (words[verb + 1] === 'against') return verb;
  for (let k = verb + 1; k < Math.min(words.length, verb + OBJECT_WINDOW); k += 1) {
    const word = words[k] as string;
    if (AUTHORITIES.has(word)) return undefined;
    if (INFINITIVE_MARKS.has(word)) return k + 1 < words.length ? k + 1 : undefined;
  }
  return undefined;
}

function hasAdvicePhrase(words: readonly string[], from: number): boolean {
  for (let k = from; k < words.length; k += 1) if (ADVICE_PHRASES.matchAt(words, k)) return true;
  return false;
}

/** The sentence from a token to its end, without the quotes and final stop around it. */
function textFrom(tokens: Tokens, index: number): string {
  const { sentence } = tokens;
  const start = tokens.starts[index];
  const text = start !== undefined && sentence.text.length === sentence.folded.length ? sentence.text.slice(start) : sentence.text;
  return text.replace(/^["“”«»'\s]+/, '').replace(/["“”«»'.\s]+$/, '').trim();
}

function giver(mentions: readonly ActorMention[], cue: number): string | undefined {
  for (let k = mentions.length - 1; k >= 0; k -= 1) {
    const mention = mentions[k] as ActorMention;
    if (mention.end <= cue && mention.entry) return mention.entry.id;
  }
  return undefined;
}

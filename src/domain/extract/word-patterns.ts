import { allMatches } from '../text/regex.js';
import { boundariesAreTokens, hasStem, sentenceHas, type Tokens, vocabularyWhere, wordFlags } from './tokens.js';

/**
 * Regular expressions over folded sentences whose every match starts at a word boundary with a
 * letter ("\b(?=[a-z0-9])(?:kidnap...|...)"), tried only at the words that may start a match.
 * Where the tokens stand for the text's word boundaries (see `boundariesAreTokens`), such a match can
 * only start where a token starts, so the pattern is tried at the start of each token that begins
 * with one of the pattern's leading letters, and the same matches come out as from a search of the
 * whole text; other sentences are searched whole.
 */
export class WordPattern {
  private readonly search: RegExp;
  private readonly sticky: RegExp;

  /** `words`: a vocabulary of every word a match can start with (see `leadingWords`). */
  constructor(
    source: string,
    private readonly words: number,
  ) {
    this.search = new RegExp(source, 'g');
    this.sticky = new RegExp(source, 'y');
  }

  /** Every match, as a global search finds them: each from where the last one ended. */
  matches(tokens: Tokens): readonly RegExpExecArray[] {
    const text = tokens.sentence.folded;
    if (!boundariesAreTokens(tokens)) return allMatches(this.search, text);
    if (!sentenceHas(tokens, this.words)) return NO_MATCHES;
    const { starts } = tokens;
    const flags = wordFlags(tokens);
    const found: RegExpExecArray[] = [];
    let from = 0;
    for (let k = 0; k < flags.length; k += 1) {
      const start = starts[k] as number;
      if (((flags[k] as number) & this.words) === 0 || start < from) continue;
      this.sticky.lastIndex = start;
      const match = this.sticky.exec(text);
      if (match === null) continue;
      found.push(match);
      from = start + match[0].length;
    }
    return found;
  }

  /** Whether the pattern matches anywhere in the sentence. */
  test(tokens: Tokens): boolean {
    const text = tokens.sentence.folded;
    if (!boundariesAreTokens(tokens)) {
      this.search.lastIndex = 0;
      const found = this.search.test(text);
      this.search.lastIndex = 0;
      return found;
    }
    if (!sentenceHas(tokens, this.words)) return false;
    const { starts } = tokens;
    const flags = wordFlags(tokens);
    for (let k = 0; k < flags.length; k += 1) {
      if (((flags[k] as number) & this.words) === 0) continue;
      this.sticky.lastIndex = starts[k] as number;
      if (this.sticky.test(text)) return true;
    }
    return false;
  }
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/** A vocabulary of the words that can begin a match of any of the alternatives. */
export function leadingWords(alternatives: readonly string[]): number {
  const leads = alternatives.flatMap(leadingStems);
  const whole = new Set(leads.filter((lead) => lead.whole).map((lead) => lead.stem));
  const stems = leads.filter((lead) => !lead.whole).map((lead) => lead.stem);
  return vocabularyWhere((word) => whole.has(word) || hasStem(word, stems));
}

export interface Lead {
  readonly stem: string;
  /** The stem is a whole word: a space, apostrophe or hyphen follows it in the pattern ("a history of"). */
  readonly whole: boolean;
}

/**
 * The letters every match of a pattern starts with, read from the pattern itself: its literal start,
 * or that of each alternative of a group it starts with (and of what follows an optional group).
 * Throws for a pattern it cannot read, so that no pattern goes unseen.
 */
export function leadingStems(pattern: string): Lead[] {
  if (pattern.startsWith('(?:')) {
    const close = closingParenthesis(pattern);
    const inside = splitAlternatives(pattern.slice(3, close)).flatMap(leadingStems);
    const after = pattern.slice(close + 1);
    return after.startsWith('?') ? [...inside, ...leadingStems(after.slice(1))] : inside;
  }
  const literal = /^[a-z]+/.exec(pattern)?.[0] ?? '';
  const next = pattern.charAt(literal.length);
  // A quantifier after the last letter makes that letter optional: "hostages?" starts with "hostage".
  const stem = '?*{'.includes(next) && next !== '' ? literal.slice(0, -1) : literal;
  if (stem === '') throw new Error(`No leading letters in pattern ${pattern}`);
  return [{ stem, whole: stem === literal && " '-".includes(next) && next !== '' }];
}

function closingParenthesis(source: string): number {
  let depth = 0;
  for (let k = 0; k < source.length; k += 1) {
    if (source[k] === '(') depth += 1;
    else if (source[k] === ')' && --depth === 0) return k;
  }
  throw new Error(`Unbalanced pattern ${source}`);
}

function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < source.length; k += 1) {
    if (source[k] === '(') depth += 1;
    else if (source[k] === ')') depth -= 1;
    else if (source[k] === '|' && depth === 0) {
      parts.push(source.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

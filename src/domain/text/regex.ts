/**
 * Alternatives that match whole words of folded (lower-case, unaccented) text. The look-ahead lets
 * the engine skip word boundaries that end words with a single test, which makes long alternations
 * about twice as fast on prose.
 */
export function foldedWords(alternatives: readonly string[]): string {
  return String.raw`\b(?=[a-z0-9])(?:${alternatives.join('|')})\b`;
}

/**
 * All matches of a global regular expression compiled at module load. Unlike String#matchAll it
 * does not copy the expression on every call, which matters on the per-sentence hot paths.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return found;
}

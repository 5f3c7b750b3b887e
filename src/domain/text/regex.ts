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
